import type { MessageKey } from './i18n';

/** An error whose message is written for the user and shown as it is (in the page's status or the popup). */
export class ClipperError extends Error {
  override name = 'ClipperError';
}

/**
 * A UI string named by its key, with substitutions that may be UI strings themselves (a backup's
 * problem names a field and what is wrong with it). Plain data, so it survives a message between
 * the background and a page.
 */
export interface LocalizedText {
  key: MessageKey;
  substitutions: readonly Substitution[];
}

export type Substitution = string | LocalizedText;

/** Names a UI string, to be said in the user's language by the layer that shows it (`sayText` in `i18n`). */
export function text(key: MessageKey, ...substitutions: Substitution[]): LocalizedText {
  return { key, substitutions };
}

/**
 * How a `LocalizedError` words its `message`. By default the key and substitutions, since this module
 * must stay free of the browser's i18n API (the render worker and the page layer's pure functions
 * import it); `i18n` installs its own wording when it is loaded (see `describeErrorsWith`).
 */
let describe: (text: LocalizedText) => string = keyForm;

function keyForm({ key, substitutions }: LocalizedText): string {
  return [key, ...substitutions.map((substitution) => (typeof substitution === 'string' ? substitution : keyForm(substitution)))].join(': ');
}

/**
 * Makes every `LocalizedError` created from now on carry `describer`'s wording as its `message`.
 * `i18n` calls it with the user's language, so that whatever reads `message` (the console, a log, a
 * page not yet using `errorText`, a test's `toThrow('…')`) reads the sentence the user is shown,
 * while the key stays the error's identity for the layers that translate (`key`, `substitutions`).
 */
export function describeErrorsWith(describer: (text: LocalizedText) => string): void {
  describe = describer;
}

/**
 * A user-facing error named by its UI string (and substitutions), so the layer that shows it can say
 * it in the user's language (`errorText` in `i18n`); utils below the UI stay free of the browser's
 * i18n API. `message` is that text as `describeErrorsWith` words it.
 */
export class LocalizedError extends ClipperError {
  override name = 'LocalizedError';

  constructor(
    readonly key: MessageKey,
    readonly substitutions: Substitution[] = [],
    options?: ErrorOptions,
  ) {
    super(describe({ key, substitutions }), options);
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

/** `error` as the substitution of a UI string that names it: our errors as UI strings, others in their own words. */
export function substitutionOf(error: unknown): Substitution {
  return error instanceof LocalizedError ? text(error.key, ...error.substitutions) : messageOf(error);
}
