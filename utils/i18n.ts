import { browser } from 'wxt/browser';
import { ClipperError, LocalizedError, messageOf, type LocalizedText, type Substitution } from './errors';
import type english from '../public/_locales/en/messages.json';

/** Every UI string has a key in `_locales/en/messages.json`; other locales translate the same keys. */
export type MessageKey = keyof typeof english;

/** The UI string for `key` in the browser's language, with `$1`, `$2`… replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** A `LocalizedText` in the browser's language, its nested texts included. */
export function sayText({ key, substitutions }: LocalizedText): string {
  return t(key, ...substitutions.map(saySubstitution));
}

function saySubstitution(substitution: Substitution): string {
  return typeof substitution === 'string' ? substitution : sayText(substitution);
}

/**
 * What to tell the user about `error`, in their language. Our errors name their UI string; anything
 * else is a failure nobody foresaw (the browser's storage refusing a write), said in a sentence of
 * ours around the browser's own words, which only the browser can translate.
 */
export function errorText(error: unknown): string {
  if (error instanceof LocalizedError) return t(error.key, ...error.substitutions.map(saySubstitution));
  if (error instanceof ClipperError) return error.message;
  return t('errorUnexpected', messageOf(error));
}
