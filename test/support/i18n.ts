import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClipperError, type LocalizedText } from '@/utils/errors';
import { sayText } from '@/utils/i18n'; // also words every LocalizedError's message, as each extension page does
import english from '../../public/_locales/en/messages.json';
import { getMessageFrom } from './catalogue';

/** Tests read the text users see: the real English messages. */
fakeBrowser.i18n.getMessage = getMessageFrom(english);

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'key' in value && 'substitutions' in value && Object.keys(value).length === 2;
}

/**
 * Tests state what the user reads, in English, while our errors and texts name their UI strings:
 * - a plain `ClipperError` expected stands for any user-facing error saying its message (a
 *   `LocalizedError`, say), whatever class carries it;
 * - a `LocalizedText` equals the English it says.
 */
expect.addEqualityTesters([
  function userFacingError(actual: unknown, expected: unknown) {
    const plain = (value: unknown) => value instanceof ClipperError && value.constructor === ClipperError;
    if (!(actual instanceof ClipperError && expected instanceof ClipperError) || !(plain(actual) || plain(expected))) return undefined;
    return actual.message === expected.message;
  },
  function saidText(actual: unknown, expected: unknown) {
    if (isLocalizedText(actual) && typeof expected === 'string') return sayText(actual) === expected;
    if (isLocalizedText(expected) && typeof actual === 'string') return sayText(expected) === actual;
    return undefined;
  },
]);
