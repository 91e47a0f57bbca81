import { browser } from 'wxt/browser';
import { ClipperError, describeErrorsWith, LocalizedError, messageOf, type Substitution } from './errors';
import type english from '../public/_locales/en/messages.json';

/** Every UI string has a key in `_locales/en/messages.json`; other locales translate the same keys. */
export type MessageKey = keyof typeof english;

/** The UI string for `key` in the browser's language, with `$1`, `$2`… replaced by `substitutions`, UI strings among them said too. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  return browser.i18n.getMessage(key, substitutions.map(sayText));
}

/** A text in the browser's language: a `LocalizedText` said, its nested texts included; a plain string (a name, the browser's own words) as it is. */
export function sayText(text: Substitution): string {
  return typeof text === 'string' ? text : t(text.key, ...text.substitutions);
}

// Wherever an error's `message` is read (a log, a test, a page that shows it as it is), it reads as the user is told it.
describeErrorsWith(sayText);

/**
 * What to tell the user about `error`, in their language. Our errors name their UI string; anything
 * else is a failure nobody foresaw (the browser's storage refusing a write), said in a sentence of
 * ours around the browser's own words, which only the browser can translate.
 */
export function errorText(error: unknown): string {
  if (error instanceof LocalizedError) return t(error.key, ...error.substitutions);
  if (error instanceof ClipperError) return error.message;
  return t('errorUnexpected', messageOf(error));
}

/**
 * What went wrong, for a sentence of ours that already frames it ("The settings could not be read:
 * $1"): our errors in the user's language, anything else in its own words.
 */
export function reasonText(error: unknown): string {
  return error instanceof ClipperError ? errorText(error) : messageOf(error);
}
