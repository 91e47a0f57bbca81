/** Lists and task lists: `-` bullets, real item numbers, tight or loose as rendered. */
import { isBlankText, isElement } from '../dom';
import { block, indentRest, isList, isTightList, trimBlank } from './layout';
import type { TagRule } from './rule';

export const list: TagRule = {
  tags: ['UL', 'OL'],
  replacement: (content, node) => block(node, trimBlank(content)),
};

/** Lists of one kind right after each other, counted back from `list` (0 for the first). */
function adjacentListsBefore(list: Element): number {
  let count = 0;
  let current: Element = list;
  for (;;) {
    let previous = current.previousSibling;
    while (previous && isBlankText(previous)) previous = previous.previousSibling;
    if (!isElement(previous) || previous.nodeName !== list.nodeName) return count;
    count++;
    current = previous;
  }
}

/** The marker of an item; adjacent lists alternate markers, or Markdown would merge them. */
function marker(li: Element): string {
  const parent = li.parentNode;
  if (!isList(parent)) return '-';
  const alternate = adjacentListsBefore(parent) % 2 === 1;
  if (parent.nodeName === 'UL') return alternate ? '*' : '-';
  const start = Number.parseInt(parent.getAttribute('start') ?? '', 10);
  let index = 0;
  for (let sibling = li.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.nodeName === 'LI') index++;
  }
  return `${(Number.isNaN(start) ? 1 : start) + index}${alternate ? ')' : '.'}`;
}

export const listItem: TagRule = {
  tags: ['LI'],
  replacement: (content, node) => {
    const mark = marker(node);
    const body = trimBlank(content);
    const item = body === '' ? mark : `${mark} ${indentRest(body, ' '.repeat(mark.length + 1))}`;
    const parent = node.parentNode;
    const separator = isList(parent) && !isTightList(parent) ? '\n\n' : '\n';
    return separator + item + separator;
  },
};

function isCheckbox(node: Node): node is HTMLInputElement {
  return node.nodeName === 'INPUT' && (node as HTMLInputElement).type === 'checkbox';
}

/**
 * The plugin's task rule covers `li > input`; items of a loose task list hold the checkbox in
 * their first paragraph instead.
 */
export const looseTaskItem: TagRule = {
  tags: ['INPUT'],
  when: (node) => {
    const paragraph = node.parentNode;
    return (
      isCheckbox(node) &&
      paragraph?.nodeName === 'P' &&
      paragraph.parentNode?.nodeName === 'LI' &&
      (paragraph as Element).previousElementSibling === null &&
      paragraph.firstChild === node
    );
  },
  replacement: (_content, node) => ((node as HTMLInputElement).checked ? '[x] ' : '[ ] '),
};
