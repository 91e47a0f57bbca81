import { browser } from 'wxt/browser';
import { ClipperError, LocalizedError, messageOf, UnconfirmedError, type LocalizedText, type Substitution } from './errors';
import type { MessageKey } from './i18n';
import type { SyncStatus } from './sync/service';
import type { CreatedIssue } from './publish/issue';
import type { PublishedPullRequest } from './publish/pull-request';
import type { TokenCheck } from './github/api';
import type { Clip, ClipCapture, SavedClip } from './model';
import type { SourceChange } from './sources';

export interface ClipperProtocol {
  /** Content script -> background, which owns the store. */
  saveClip(capture: ClipCapture): SavedClip;
  /** Popup -> background, which talks to GitHub: which of these clips' posts changed on GitHub since. */
  checkSources(clipIds: string[]): SourceChange[];
  /** Popup -> background: the clip's answer takes its post's current text (`overwriteEdit`: the user agreed to lose their edit). */
  takeNewSource(clipId: string, overwriteEdit: boolean): Clip;
  /** Options -> background: whose the token in use is, or why GitHub refused it. */
  checkGitHubToken(): TokenCheck;
  /** Background -> a tab's content script: the shortcut or the context menu asks it to clip. */
  clipSelection(): void;
  /** A page -> background: sync the shared weekly now; answers the status the round left. */
  syncNow(): SyncStatus;
  /** Popup -> background: publish a draft's Markdown as a pull request on the site's repository. */
  publishPullRequest(draftId: string, markdown: string): PublishedPullRequest;
  /** Options -> background: what the token lacks in the repositories the options name (none when it may read all). */
  checkGitHubAccess(): LocalizedText[];
  /** Popup -> background: "Open as GitHub issue" through the API (with a token). */
  createIssue(repo: string, title: string, body: string): CreatedIssue;
}

type MessageType = keyof ClipperProtocol;
type Args<K extends MessageType> = Parameters<ClipperProtocol[K]>;
type Value<K extends MessageType> = ReturnType<ClipperProtocol[K]>;

interface Message<K extends MessageType> {
  type: K;
  args: Args<K>;
}

/** A handler's failure as plain data: the browser copies a reply (Chrome as JSON), and an Error's own fields do not survive that. */
type Failure = { name: 'LocalizedError'; key: MessageKey; substitutions: Substitution[] } | { name: 'ClipperError'; message: string };

/**
 * What our listeners reply, always (a rejected promise would reach the sender as its message only).
 * So a sender can tell the handler's own failure from the browser's reports of a lost message, which
 * are rejections or no reply at all.
 */
type Reply<T> = { value: T } | { error: Failure };

/**
 * Handles the messages of `type` sent to this context, until the returned function is called. Any
 * other message gets no reply from this listener, so another listener in this context may answer it.
 */
export function onMessage<K extends MessageType>(type: K, handle: (...args: Args<K>) => Value<K> | Promise<Value<K>>): () => void {
  const listener = (message: unknown): Promise<Reply<Value<K>>> | undefined => {
    if (!isMessage(message, type)) return undefined;
    return (async () => {
      try {
        return { value: await handle(...message.args) };
      } catch (error) {
        return { error: toAnswer(error) };
      }
    })();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

function isMessage<K extends MessageType>(message: unknown, type: K): message is Message<K> {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === type && 'args' in message && Array.isArray(message.args);
}

/**
 * Sends a message to the background and resolves with its handler's value. It goes through `deliver`:
 * an MV3 browser stops the background's worker when idle, and sometimes in the middle of a message.
 */
export function sendMessage<K extends MessageType>(type: K, ...args: Args<K>): Promise<Value<K>> {
  const message: Message<K> = { type, args };
  return deliver(() => browser.runtime.sendMessage(message));
}

/** Sends a message to the content script in a tab (and frame), and resolves with its handler's value. */
export async function sendToTab<K extends MessageType>(target: { tabId: number; frameId?: number }, type: K, ...args: Args<K>): Promise<Value<K>> {
  const message: Message<K> = { type, args };
  const options = target.frameId === undefined ? undefined : { frameId: target.frameId };
  const reply = unwrap<Value<K>>(await browser.tabs.sendMessage(target.tabId, message, options));
  if (!reply) throw new Error(`The tab did not answer ${type}`);
  return reply.value;
}

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
async function deliver<T>(send: () => Promise<unknown>): Promise<T> {
  const first = await attempt<T>(send);
  if (first.sent) return first.reply;
  const second = await attempt<T>(send);
  if (second.sent) return second.reply;
  throw first.received || second.received ? new UnconfirmedError('errorClipUnconfirmed') : new LocalizedError('errorBackgroundUnreachable');
}

async function attempt<T>(send: () => Promise<unknown>): Promise<Attempt<T>> {
  let response: unknown;
  try {
    response = await send();
  } catch (error) {
    if (ORPHANED.test(messageOf(error))) throw new LocalizedError('errorExtensionReloaded');
    return { sent: false, received: !NOT_RECEIVED.test(messageOf(error)) };
  }
  // The polyfill resolves Chrome's "The message port closed before a response was received." with nothing.
  const reply = unwrap<T>(response);
  return reply ? { sent: true, reply: reply.value } : { sent: false, received: true };
}

/**
 * The value a listener of ours replied, or undefined when `response` is no reply of ours; throws the
 * failure a handler replied with.
 */
function unwrap<T>(response: unknown): { value: T } | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const reply = response as { value?: T; error?: Failure }; // the listener is this same build's `onMessage`
  if (reply.error) throw fromAnswer(reply.error);
  // JSON drops a `value` that is undefined (a handler that returns nothing): `{}` is that reply.
  return { value: reply.value as T };
}

/**
 * What a handler's failure becomes for the sender to see: one of our own errors, said in the user's
 * language when it names its UI string (its key and nested substitutions are plain data), or a
 * failure nobody foresaw, named as such.
 */
function toAnswer(error: unknown): Failure {
  if (error instanceof LocalizedError) return { name: 'LocalizedError', key: error.key, substitutions: error.substitutions };
  if (error instanceof ClipperError) return { name: 'ClipperError', message: error.message };
  return { name: 'LocalizedError', key: 'errorCouldNotClip', substitutions: [messageOf(error)] };
}

function fromAnswer(failure: Failure): ClipperError {
  return failure.name === 'LocalizedError' ? new LocalizedError(failure.key, failure.substitutions) : new ClipperError(failure.message);
}
