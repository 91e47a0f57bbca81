/**
 * Last touch on the whole output: no trailing spaces, at most one blank line in a row, no blank
 * lines around it. Lines of code must keep their exact whitespace, so the code rules end each of
 * them with LINE_END, which shields them here and is removed at the end.
 */

/** A Unicode noncharacter: reserved for internal use, never part of real text. */
export const LINE_END = '\uFDD0';

/** Ends every line of `code` with LINE_END. */
export function protectLines(code: string): string {
  return code.replace(/\n/g, `${LINE_END}\n`);
}

/** `line` without the spaces and tabs that end it. */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** A space or tab before a line's end: the line has blanks to trim. */
const TRAILING_BLANK = /[ \t](?:\n|$)/;

export function finalize(markdown: string): string {
  // Line by line, and only when some line needs it: `/[ \t]+$/gm` takes the square of every run
  // of spaces that does not end a line.
  let out = TRAILING_BLANK.test(markdown) ? markdown.split('\n').map(trimLineEnd).join('\n') : markdown;
  out = out.replace(/\n{3,}/g, '\n\n');
  if (out.includes(LINE_END)) out = out.split(LINE_END).join('');
  return out.replace(/^\n+|\n+$/g, '');
}
