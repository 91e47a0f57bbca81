import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../public/_locales/en/messages.json';

/**
 * WXT's fake browser has no i18n: answer getMessage from the real English messages, with Chrome's
 * `$1`…`$9` substitution, so tests read the text users see.
 */
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | string[]) => {
  const message = (english as Record<string, { message: string }>)[key]?.message ?? '';
  const values = substitutions === undefined ? [] : [substitutions].flat();
  return message.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
};
