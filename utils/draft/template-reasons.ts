/**
 * Why a template failed, as a UI string. liquidjs words its errors in English only, so each kind a
 * template's author meets is named by a text of ours, which quotes from the engine only the piece of
 * the template it points at; the English texts are the engine's own words, as English users always
 * saw them. A kind not listed keeps the engine's words, inside a sentence of ours.
 */
import { LocalizedError, messageOf, text, type LocalizedText } from '../errors';
import type { MessageKey } from '../i18n';

const REASONS: readonly (readonly [RegExp, MessageKey])[] = [
  [/^tag "(.+)" not found$/s, 'templateUnknownTag'],
  [/^tag (.+) not closed$/s, 'templateTagNotClosed'],
  [/^output (.+) not closed$/s, 'templateOutputNotClosed'],
  [/^raw (.+) not closed$/s, 'templateRawNotClosed'],
  [/^undefined filter: (.+)$/s, 'templateUnknownFilter'],
  [/^(\w+) expect (\d+) arguments$/, 'templateFilterArguments'],
  [/^memory alloc limit exceeded$/, 'templateMemoryLimit'],
  [/^template render limit exceeded$/, 'templateRenderLimit'],
  [/^illegal tag syntax, tag name expected$/, 'templateTagNameMissing'],
  [/^illegal tag: (.+)$/s, 'templateIllegalTag'],
  [/^invalid value expression: (.+)$/s, 'templateInvalidValue'],
  [/^unexpected character (.+)$/s, 'templateUnexpectedCharacter'],
  [/^expected filter name$/, 'templateFilterNameMissing'],
  [/^expected ":" after filter name$/, 'templateFilterColonMissing'],
  [/^expected "\|" before filter$/, 'templatePipeMissing'],
  [/^unexpected elsif after else$/, 'templateElsifAfterElse'],
  [/^duplicated else$/, 'templateDuplicatedElse'],
  [/^invalid range syntax$/, 'templateInvalidRange'],
  [/^expected variable name$/, 'templateVariableNameMissing'],
  [/^expected "="$/, 'templateEqualsMissing'],
  [/^\[ not closed$/, 'templateBracketNotClosed'],
];

/** What liquidjs's `error` says went wrong, without where: its position goes into our own wording (`TemplateError`). */
export function templateReason(error: unknown): LocalizedText {
  // A refusal of ours thrown inside the engine (a tag that is not available) arrives wrapped by it.
  const original = typeof error === 'object' && error !== null && 'originalError' in error ? error.originalError : error;
  if (original instanceof LocalizedError) return text(original.key, ...original.substitutions);
  // liquidjs appends the position to its messages.
  const detail = messageOf(error).replace(/, line:\d+, col:\d+$/, '');
  for (const [pattern, key] of REASONS) {
    const match = pattern.exec(detail);
    if (match) return text(key, ...match.slice(1));
  }
  return text('templateEngineSaid', detail);
}
