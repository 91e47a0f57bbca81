import { browser } from 'wxt/browser';
import { LocalizedError, messageOf, text, type Substitution } from './errors';
import { sayText, type MessageKey } from './i18n';

/**
 * A `LocalizedError` whose `message` is already its text in the user's language wherever the
 * browser can say it (extension pages, the background, tests over the fake browser), so a caller
 * that shows `messageOf(error)`, a log and a test all read what the user reads. `errorText` says it
 * from its key as it does any `LocalizedError`.
 */
export class SaidError extends LocalizedError {
  constructor(key: MessageKey, substitutions: Substitution[] = [], options?: ErrorOptions) {
    super(key, substitutions, options);
    // Without the extension API (a worker) the key form stays: the page that shows it says it.
    if (browser?.i18n) this.message = sayText(text(key, ...substitutions));
  }
}

/** `error` as the substitution of a UI string that names it: our errors as UI strings, others in their own words. */
export function substitutionOf(error: unknown): Substitution {
  return error instanceof LocalizedError ? text(error.key, ...error.substitutions) : messageOf(error);
}
