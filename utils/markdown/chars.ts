/**
 * Character classes as CommonMark uses them for delimiter runs. An empty string stands for a line
 * edge (start or end of a line), which the spec counts as whitespace.
 */

const UNICODE_WHITESPACE = /^\s$/u;
// cmark-gfm (GitHub's parser) counts ASCII symbols and Unicode P* as punctuation, not other symbols.
const UNICODE_PUNCTUATION = /^\p{P}$/u;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

export function isWhitespace(ch: string): boolean {
  return ch === '' || UNICODE_WHITESPACE.test(ch);
}

function isPunctuation(ch: string): boolean {
  return ch !== '' && (ASCII_PUNCTUATION.test(ch) || UNICODE_PUNCTUATION.test(ch));
}

export function isAsciiPunctuation(ch: string): boolean {
  return ch.length === 1 && ASCII_PUNCTUATION.test(ch);
}

/** `before`/`after` are the characters around a delimiter run. */
function leftFlanking(before: string, after: string): boolean {
  return !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
}

function rightFlanking(before: string, after: string): boolean {
  return !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
}

/** Could a run of `delimiter` (`*`, `_` or `~`) between these characters open emphasis? */
export function canOpen(delimiter: string, before: string, after: string): boolean {
  if (!leftFlanking(before, after)) return false;
  return delimiter !== '_' || !rightFlanking(before, after) || isPunctuation(before);
}

/** Could a run of `delimiter` between these characters close emphasis? */
export function canClose(delimiter: string, before: string, after: string): boolean {
  if (!rightFlanking(before, after)) return false;
  return delimiter !== '_' || !leftFlanking(before, after) || isPunctuation(after);
}
