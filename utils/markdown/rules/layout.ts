/** How blocks are laid out relative to each other: blank lines, tight list items, indentation. */
import { childElements, isElement } from '../dom';
import { LINE_END } from '../finalize';

const tightness = new WeakMap<Element, boolean>();

/**
 * cmark wraps the paragraphs of every item of a loose list in `<p>` and of a tight list in nothing,
 * so a list is tight when none of its items holds a `<p>`.
 */
export function isTightList(list: Element): boolean {
  let tight = tightness.get(list);
  if (tight === undefined) {
    tight = childElements(list, 'LI').every((li) => childElements(li, 'P').length === 0);
    tightness.set(list, tight);
  }
  return tight;
}

export function isList(node: Node | null): node is Element {
  return isElement(node) && (node.nodeName === 'UL' || node.nodeName === 'OL');
}

/** Blocks directly inside an item of a tight list must not be separated by blank lines. */
function inTightItem(node: Node): boolean {
  const parent = node.parentNode;
  return isElement(parent) && parent.nodeName === 'LI' && (!isList(parent.parentNode) || isTightList(parent.parentNode));
}

/** `markdown` as a block: on lines of its own, blank lines around unless in a tight list item. */
export function block(node: Node, markdown: string): string {
  const separator = inTightItem(node) ? '\n' : '\n\n';
  return separator + markdown + separator;
}

function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

/**
 * Strips blank lines and spaces around converted content (but not non-breaking spaces). A loop, not
 * `/^\s+|\s+$/`: that regular expression takes the square of every run of blanks inside the content
 * (indentation of nested lists), and runs at every level of nesting.
 */
export function trimBlank(content: string): string {
  let start = 0;
  let end = content.length;
  while (start < end && isBlankChar(content.charCodeAt(start))) start++;
  while (end > start && isBlankChar(content.charCodeAt(end - 1))) end--;
  return content.slice(start, end);
}

function isEmptyLine(line: string): boolean {
  return line === '' || line === LINE_END;
}

/** Prefixes every line but the first with `prefix`, leaving empty lines empty. */
export function indentRest(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || isEmptyLine(line) ? line : prefix + line))
    .join('\n');
}

/** Prefixes every line with `prefix`; empty lines get it without its trailing space. */
export function prefixLines(text: string, prefix: string): string {
  const bare = prefix.trimEnd();
  return text
    .split('\n')
    .map((line) => (isEmptyLine(line) ? bare + line : prefix + line))
    .join('\n');
}
