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

export function finalize(markdown: string): string {
  // Line by line: `/[ \t]+$/gm` takes the square of every run of spaces that does not end a line.
  return markdown
    .split('\n')
    .map(trimLineEnd)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .split(LINE_END)
    .join('')
    .replace(/^\n+|\n+$/g, '');
}
