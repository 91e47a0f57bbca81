/** Links: GitHub's `@user` / `#12` shorthand, autolinks as typed, everything else inline. */
import { isWhitespace } from '../chars';
import { charAfter, charBefore, EMPTY_TAG_MARK, linkForm } from '../classify';
import { isBlockElement, isElement, isText } from '../dom';
import { escapeInline } from '../escape';
import { serializeHtml } from '../html';
import { autolinkStyle, linkDestination, linkTitle } from '../urls';
import type { TagRule } from './rule';

/** GFM picks a bare URL up only after a line start, whitespace or one of these. */
const BEFORE_BARE = new Set(['', '*', '_', '~', '(']);
/** ...and leaves these out of it when they end it. */
const TRAILING_PUNCTUATION = /^[?!.,:*_~)]*$/;

/** The characters up to the next whitespace after `node`, when they are plain text. */
function textAfter(node: Node): string | null {
  const next = node.nextSibling;
  if (next === null) {
    const parent = node.parentNode;
    return !isElement(parent) || isBlockElement(parent) ? '' : null;
  }
  if (isText(next)) return /^[^ \t\r\n]*/.exec(next.data)?.[0] ?? '';
  return isBlockElement(next) || next.nodeName === 'BR' ? '' : null;
}

function bareFits(node: Node): boolean {
  const before = charBefore(node);
  if (!BEFORE_BARE.has(before) && !isWhitespace(before)) return false;
  const after = textAfter(node);
  if (after !== null) return TRAILING_PUNCTUATION.test(after);
  return isWhitespace(charAfter(node));
}

/** `text` pointing at `href`, written the way an author would: bare, `<...>`, or `[text](href)`. */
function autolink(text: string, href: string, node: Node): string {
  const style = autolinkStyle(text, href);
  if (style === 'bare' && bareFits(node)) return text;
  if (style !== 'none' && !/^www\./i.test(text)) return `<${text}>`;
  return `[${escapeInline(text)}](${linkDestination(href)})`;
}

export const link: TagRule = {
  tags: ['A'],
  when: (node) => node.hasAttribute('href'),
  replacement: (content, node) => {
    const href = node.getAttribute('href') ?? '';
    switch (linkForm(node)) {
      case 'html':
        return serializeHtml(node);
      case 'reference':
        return content;
      case 'url':
        return autolink(href, href, node);
      case 'autolink':
        return autolink((node.textContent ?? '').trim(), href, node);
      case 'link':
        return `[${content === EMPTY_TAG_MARK ? '' : content}](${linkDestination(href)}${linkTitle(node.getAttribute('title'))})`;
    }
  },
};
