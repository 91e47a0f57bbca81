import type { MessageKey } from './i18n';

/** An error whose message is written for the user and shown as it is (in the page's status or the popup). */
export class ClipperError extends Error {
  override name = 'ClipperError';
}

/**
 * A user-facing error named by its UI string (and substitutions), so the layer that shows it can say
 * it in the user's language; utils that only read the page stay free of the browser's i18n API.
 */
export class LocalizedError extends ClipperError {
  override name = 'LocalizedError';

  constructor(
    readonly key: MessageKey,
    readonly substitutions: string[] = [],
  ) {
    super([key, ...substitutions].join(': '));
  }
}

/** The text of any thrown value: our own errors' messages are written for the user. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failure after which what was asked may still have been done (a message reached the background,
 * which stopped before it answered): its message says so, and the page must not add that nothing was.
 */
export class UnconfirmedError extends LocalizedError {
  override name = 'UnconfirmedError';
}
