import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

/** Every UI string has a key in `_locales/en/messages.json`; other locales translate the same keys. */
export type MessageKey = keyof typeof english;

/** The UI string for `key` in the browser's language, with `$1`, `$2`… replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}
