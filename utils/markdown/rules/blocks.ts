/** Paragraphs, headings, quotes, rules and line breaks. */
import { INLINE_BREAK_ATTRIBUTE, isRawContainer } from '../classify';
import { HEADING_TAGS, isBlockElement, isElement, isText, VOID_TAGS } from '../dom';
import { block, prefixLines, trimBlank } from './layout';
import type { TagRule } from './rule';

export const paragraph: TagRule = {
  tags: ['P'],
  when: (node) => !isRawContainer(node),
  replacement: (content, node) => {
    const text = trimBlank(content);
    return text === '' ? '' : block(node, text);
  },
};

export const heading: TagRule = {
  tags: [...HEADING_TAGS],
  when: (node) => !isRawContainer(node),
  replacement: (content, node) => {
    const text = trimBlank(content).replace(/\s*\n\s*/g, ' ');
    const marker = '#'.repeat(Number(node.nodeName.charAt(1)));
    return block(node, text === '' ? marker : `${marker} ${text}`);
  },
};

export const blockquote: TagRule = {
  tags: ['BLOCKQUOTE'],
  replacement: (content, node) => block(node, prefixLines(trimBlank(content), '> ')),
};

export const horizontalRule: TagRule = {
  tags: ['HR'],
  // `- ---` would read as one rule rather than an item holding one.
  replacement: (_content, node) => block(node, node.parentNode?.nodeName === 'LI' ? '***' : '---'),
};

/** The nearest ancestor that lays out lines: headings and cells cannot hold a Markdown line break. */
function lineContainer(node: Node): Element | null {
  for (let parent = node.parentNode; isElement(parent); parent = parent.parentNode) {
    if (isBlockElement(parent)) return parent;
  }
  return null;
}

/** Whether anything visible follows `node` in its block (a break at the end of a block is lost). */
function contentFollows(node: Node): boolean {
  let current: Node = node;
  for (;;) {
    let next = current.nextSibling;
    while (!next) {
      const parent = current.parentNode;
      if (!isElement(parent) || isBlockElement(parent)) return false;
      current = parent;
      next = current.nextSibling;
    }
    if (isText(next)) {
      if (/[^ \t\r\n]/.test(next.data)) return true;
    } else if (isElement(next)) {
      if (isBlockElement(next)) return false;
      if (VOID_TAGS.has(next.nodeName) || /[^ \t\r\n]/.test(next.textContent ?? '') || next.querySelector('img,br,input')) return true;
    }
    current = next;
  }
}

export const lineBreak: TagRule = {
  tags: ['BR'],
  replacement: (_content, node) => {
    if (node.hasAttribute(INLINE_BREAK_ATTRIBUTE)) return '<br>';
    const container = lineContainer(node);
    const inline = container !== null && (HEADING_TAGS.has(container.nodeName) || container.nodeName === 'TD' || container.nodeName === 'TH');
    return inline || !contentFollows(node) ? '<br>' : '\\\n';
  },
};
