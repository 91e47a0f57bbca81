/**
 * Emphasis, strong emphasis and strikethrough. Delimiters only work when they flank the text the
 * way CommonMark requires and do not run into a neighbouring delimiter of the same character, so
 * each span picks the first delimiter that works here and falls back to the HTML tag.
 */
import { canClose, canOpen } from '../chars';
import { charAfter, charBefore, innerChar, recordEdges } from '../classify';
import type { TagRule } from './rule';

function fits(c: string, before: string, first: string, last: string, after: string): boolean {
  if (before === c || after === c || first === c || last === c) return false;
  return canOpen(c, before, first) && canClose(c, last, after);
}

/**
 * `***x***` reads as emphasis around strong emphasis and `****x****` as strong around strong:
 * an element whose only content is a strong span with `**` may share its delimiter run.
 */
function combinedRun(node: Element, content: string): boolean {
  const child = node.firstElementChild;
  return (
    child !== null &&
    child === node.lastElementChild &&
    child.nodeName === 'STRONG' &&
    node.firstChild === child &&
    node.lastChild === child &&
    /^\*\*[^]+\*\*$/.test(content)
  );
}

function delimit(node: Element, content: string, delimiters: readonly string[]): string {
  if (content.trim() === '') return '';
  const before = charBefore(node);
  const after = charAfter(node);
  if (combinedRun(node, content)) {
    const inner = content.replace(/^\*+|\*+$/g, '');
    if (canOpen('*', before, inner.charAt(0)) && canClose('*', inner.charAt(inner.length - 1), after) && before !== '*' && after !== '*') {
      const run = '*'.repeat(delimiters[0]?.length ?? 1);
      recordEdges(node, '*', '*');
      return run + content + run;
    }
  }
  const first = content.charAt(0);
  const last = content.charAt(content.length - 1);
  for (const delimiter of delimiters) {
    const c = delimiter.charAt(0);
    if (fits(c, before, first, last, after)) {
      recordEdges(node, c, c);
      return delimiter + content + delimiter;
    }
  }
  recordEdges(node, '<', '>');
  const tag = node.nodeName.toLowerCase();
  return `<${tag}>${content}</${tag}>`;
}

/** Emphasis at the edge of strong emphasis takes `_`, so the strong span keeps `**`. */
function atStrongEdge(node: Element): boolean {
  const parent = node.parentElement;
  return parent?.nodeName === 'STRONG' && (parent.firstChild === node || parent.lastChild === node);
}

export const emphasis: TagRule = {
  tags: ['EM'],
  replacement: (content, node) => delimit(node, content, atStrongEdge(node) ? ['_', '*'] : ['*', '_']),
};

export const strong: TagRule = {
  tags: ['STRONG'],
  replacement: (content, node) => delimit(node, content, ['**', '__']),
};

/** Whether the plugin's `~~text~~` reads back as strikethrough here. */
function tildesFit(node: Element): boolean {
  let before = charBefore(node);
  let first = innerChar(node, 0);
  let after = charAfter(node);
  let last = innerChar(node, 1);
  // Spaces at the edges end up outside the delimiters.
  const text = node.textContent ?? '';
  if (first === ' ') {
    before = ' ';
    first = /[^ \t\r\n]/.exec(text)?.[0] ?? '';
  }
  if (last === ' ') {
    after = ' ';
    last = /([^ \t\r\n])[ \t\r\n]*$/.exec(text)?.[1] ?? '';
  }
  return fits('~', before, first, last, after);
}

/**
 * Strikethrough where the plugin's `~~` would not parse back: the HTML tag. (`<s>` and `<strike>`
 * are typed HTML: they stay tags, see KEPT_INLINE_TAGS.)
 */
export const strikethroughFallback: TagRule = {
  tags: ['DEL'],
  when: (node) => !tildesFit(node),
  replacement: (content, node) => {
    if (content.trim() === '') return '';
    recordEdges(node, '<', '>');
    const tag = node.nodeName.toLowerCase();
    return `<${tag}>${content}</${tag}>`;
  },
};
