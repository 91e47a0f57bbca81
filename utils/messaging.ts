import { defineExtensionMessaging, type SendMessageOptions } from '@webext-core/messaging';
import { ClipperError, LocalizedError, messageOf, UnconfirmedError } from './errors';
import type { MessageKey } from './i18n';
import type { ClipCapture, SavedClip } from './model';

export interface ClipperProtocol {
  /** Content script -> background, which owns the store. */
  saveClip(capture: ClipCapture): SavedClip;
  /** Background -> a tab's content script: the shortcut or the context menu asks it to clip. */
  clipSelection(): void;
}

const messenger = defineExtensionMessaging<ClipperProtocol>();

export const { onMessage } = messenger;

/** The overloads of `messenger.sendMessage` as one signature, which a wrapper can implement. */
type Send = (type: keyof ClipperProtocol, data?: unknown, target?: number | SendMessageOptions) => Promise<unknown>;

/**
 * `sendMessage` of @webext-core/messaging, except that a message to the background (no tab given)
 * goes through `deliver`: an MV3 browser stops the background's worker when idle, and sometimes in
 * the middle of a message.
 */
export const sendMessage = ((type, data, target) =>
  target === undefined
    ? deliver(() => (messenger.sendMessage as Send)(type, data))
    : (messenger.sendMessage as Send)(type, data, target)) as Send as typeof messenger.sendMessage; // one implementation of every overload

/** Chrome and Firefox, when no listener took the message: it was never handled. */
const NOT_RECEIVED = /Could not establish connection|Receiving end does not exist/i;
/** Chrome, in a content script whose extension was updated, reloaded or removed since it started. */
const ORPHANED = /Extension context invalidated/i;

type Attempt<T> = { sent: true; reply: T } | { sent: false; received: boolean };

/**
 * Sends a message to the background by `send`, once more if the first try fails in transit, and
 * fails with what is known to have happened rather than with the browser's own words. Sending again
 * is safe: the one message the background handles, a save, merges into its thread's one clip.
 * - The background answered with a failure (see `toAnswer`): it did not do what was asked.
 * - The message was never received (the worker was not listening yet): nothing was done.
 * - The reply never came (the worker stopped mid-message and its port closed, or anything else the
 *   browser reports): what was asked may have been done, and the error says so.
 * - This page's extension is gone (updated or reloaded): nothing can reach it until a reload.
 */
export async function deliver<T>(send: () => Promise<T>): Promise<T> {
  const first = await attempt(send);
  if (first.sent) return first.reply;
  const second = await attempt(send);
  if (second.sent) return second.reply;
  throw first.received || second.received ? new UnconfirmedError('errorClipUnconfirmed') : new LocalizedError('errorBackgroundUnreachable');
}

async function attempt<T>(send: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { sent: true, reply: await send() };
  } catch (error) {
    const answer = fromAnswer(error);
    if (answer) throw answer;
    if (ORPHANED.test(messageOf(error))) throw new LocalizedError('errorExtensionReloaded');
    return { sent: false, received: !NOT_RECEIVED.test(messageOf(error)) };
  }
}

/**
 * What a handler throws for the sender to see: one of our own errors, which the sender can tell from
 * the browser's reports of a lost message. @webext-core/messaging sends an error's name, message and
 * own fields, so a `LocalizedError` keeps its key and is said in the user's language.
 */
export function toAnswer(error: unknown): ClipperError {
  if (error instanceof LocalizedError) return new LocalizedError(error.key, error.substitutions);
  if (error instanceof ClipperError) return new ClipperError(error.message);
  return new LocalizedError('errorCouldNotClip', [messageOf(error)]);
}

/** A failure that `toAnswer` made, as the messaging library hands it over (a plain Error with its fields). */
function fromAnswer(error: unknown): ClipperError | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'LocalizedError' && 'key' in error && typeof error.key === 'string') {
    const substitutions = 'substitutions' in error && Array.isArray(error.substitutions) ? error.substitutions.map(String) : [];
    return new LocalizedError(error.key as MessageKey, substitutions); // the background is this same build, with the same messages
  }
  if (error.name === 'ClipperError') return new ClipperError(error.message);
  return undefined;
}
