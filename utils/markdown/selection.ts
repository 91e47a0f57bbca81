/**
 * A selection inside rendered Markdown, as Markdown that keeps the context it sits in: a piece of
 * a code block stays a fenced block with its language, a piece of the third item of a list stays
 * item 3, part of a quote stays a quote, some table rows stay a table with its header.
 *
 * `range.cloneContents()` copies the selected nodes with the partly selected elements below the
 * range's common ancestor; the ancestors from there up to the Markdown body are rebuilt around it.
 */
import { convertOwn, type ConvertOptions } from './convert';
import { childElements, documentOf, hasClass, HEADING_TAGS, isElement } from './dom';

/** Context that would be noise around a selection: heading markers, a details box without its summary. */
const SKIPPED_ANCESTORS = new Set([...HEADING_TAGS, 'DETAILS', 'SUMMARY']);

function isMarkdownRoot(el: Element): boolean {
  return hasClass(el, 'markdown-body') || el.nodeName === 'BODY' || el.nodeName === 'HTML';
}

function isSkipped(el: Element): boolean {
  return SKIPPED_ANCESTORS.has(el.nodeName) || hasClass(el, 'markdown-heading');
}

/** The number GitHub shows for an item of an ordered list. */
function itemNumber(li: Element): number {
  const list = li.parentElement;
  const start = Number.parseInt(list?.getAttribute('start') ?? '', 10);
  let index = 0;
  for (let sibling = li.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.nodeName === 'LI') index++;
  }
  return (Number.isNaN(start) ? 1 : start) + index;
}

/** The first item of `list` the range starts in or before. */
function firstSelectedItem(list: Element, range: Range, below: Element | undefined): Element | undefined {
  if (below?.nodeName === 'LI' && below.parentElement === list) return below;
  if (range.startContainer !== list) return undefined;
  const items = childElements(list, 'LI');
  return items.find((li) => Array.prototype.indexOf.call(list.childNodes, li) >= range.startOffset) ?? items.at(-1);
}

/** Puts the original context back into a copy: item numbers, a table's header row. */
function restoreContext(original: Element, copy: Element, range: Range, below: Element | undefined): void {
  if (original.nodeName === 'OL') {
    const item = firstSelectedItem(original, range, below);
    if (item) copy.setAttribute('start', String(itemNumber(item)));
  } else if (original.nodeName === 'TABLE') {
    const head = childElements(original, 'THEAD')[0];
    if (head && childElements(copy, 'THEAD').length === 0) copy.insertBefore(head.cloneNode(true), copy.firstChild);
  }
}

function rangeToMarkdown(range: Range, options: ConvertOptions): string {
  const fragment = range.cloneContents();
  const common = isElement(range.commonAncestorContainer) ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement;

  // Originals on the path from the common ancestor down to the start, paired with their copies
  // along the fragment's first children.
  const path: Element[] = [];
  for (let node: Node | null = range.startContainer; node && node !== common; node = node.parentNode) {
    if (isElement(node)) path.unshift(node);
  }
  const pairs: [Element, Element][] = [];
  let copy = fragment.firstChild;
  for (const original of path) {
    if (!isElement(copy) || copy.nodeName !== original.nodeName) break;
    pairs.push([original, copy]);
    copy = copy.firstChild;
  }

  let content: Node = fragment;
  const wrappers: [Element, Element][] = [];
  for (let el = common; el && !isMarkdownRoot(el); el = el.parentElement) {
    // A selection inside one table cell is that cell's content, not a table.
    if (el.nodeName === 'TD' || el.nodeName === 'TH') break;
    if (isSkipped(el)) continue;
    const wrapper = el.cloneNode(false) as Element;
    wrapper.appendChild(content);
    content = wrapper;
    wrappers.unshift([el, wrapper]);
  }

  const chain = [...wrappers, ...pairs];
  chain.forEach(([original, copied], i) => restoreContext(original, copied, range, chain[i + 1]?.[0]));

  // The copies are ours already: converted as they are, the outermost as a block of its own.
  if (content === fragment) return convertOwn(fragment, options);
  const holder = documentOf(content).createDocumentFragment();
  holder.appendChild(content);
  return convertOwn(holder, options);
}

function rangesOf(selection: Selection): Range[] {
  return Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
}

/** Several ranges (Firefox selects table cells or Ctrl-selections that way) come out in page order. */
export function selectionToMarkdown(selection: Selection | Range[], options: ConvertOptions): string {
  const ranges = (Array.isArray(selection) ? [...selection] : rangesOf(selection)).filter((range) => !range.collapsed);
  ranges.sort((a, b) => a.compareBoundaryPoints(a.START_TO_START, b));
  return ranges
    .map((range) => rangeToMarkdown(range, options))
    .filter((markdown) => markdown !== '')
    .join('\n\n');
}
