/**
 * A selection inside rendered Markdown, as Markdown that keeps the context it sits in: a piece of
 * a code block stays a fenced block with its language, a piece of the third item of a list stays
 * item 3, a piece of a task item keeps its box, part of a quote stays a quote. Inside a widget
 * the site draws line by line or cell by cell (widgets.ts) the selection widens to the lines or cells
 * it touches: a suggestion, a diff, an embedded permalink's code, some rows and columns of a table.
 *
 * `range.cloneContents()` copies the selected nodes with the partly selected elements below the
 * range's common ancestor; the ancestors from there up to the Markdown body are rebuilt around it.
 */
import { convertOwn, type ConvertOptions } from './convert';
import type { MarkdownDialect } from './dialect';
import { childElements, documentOf, hasClass, HEADING_TAGS, isElement } from './dom';
import { isList } from './rules/layout';
import { isAuthoredCell, type Widget, widgetOf } from './widgets';

/** Context that would be noise around a selection: heading markers, a details box without its summary. */
const SKIPPED_ANCESTORS = new Set([...HEADING_TAGS, 'DETAILS', 'SUMMARY']);

type Pair = [original: Element, copy: Element];

function isMarkdownRoot(el: Element, dialect: MarkdownDialect): boolean {
  return hasClass(el, dialect.bodyClass) || el.nodeName === 'BODY' || el.nodeName === 'HTML';
}

function isSkipped(el: Element, dialect: MarkdownDialect): boolean {
  return SKIPPED_ANCESTORS.has(el.nodeName) || hasClass(el, dialect.headings.wrapperClass);
}

/** Where rebuilding a selection's context stops: the Markdown body, or one cell of an authored table. */
function isContextRoot(el: Element, dialect: MarkdownDialect): boolean {
  return isMarkdownRoot(el, dialect) || isAuthoredCell(el, dialect);
}

function commonElement(range: Range): Element | null {
  const common = range.commonAncestorContainer;
  return isElement(common) ? common : common.parentElement;
}

/** The number the page shows for an item of an ordered list. */
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

/** A task item's box: first in the item, or first in its first paragraph (loose lists). */
function taskBox(li: Element): Element | undefined {
  const first = li.firstElementChild;
  const box = first?.nodeName === 'P' ? first.firstElementChild : first;
  return box?.nodeName === 'INPUT' && box.getAttribute('type') === 'checkbox' ? box : undefined;
}

/** Puts the box of a task item back when the selection starts after it. */
function restoreTaskBox(item: Element, copy: Element): void {
  const box = taskBox(item);
  if (!box || taskBox(copy)) return;
  const paragraph = box.parentElement === item ? null : copy.firstElementChild;
  const holder = paragraph?.nodeName === 'P' ? paragraph : copy;
  holder.insertBefore(box.cloneNode(false), holder.firstChild);
}

/** Puts the original context back into a copy: item numbers, task boxes. */
function restoreContext(chain: readonly Pair[], range: Range): void {
  chain.forEach(([original, copy], i) => {
    const below = chain[i + 1]?.[0];
    if (original.nodeName === 'OL') {
      const item = firstSelectedItem(original, range, below);
      if (item) copy.setAttribute('start', String(itemNumber(item)));
    } else if (original.nodeName === 'LI' && !isList(below ?? null)) {
      // An item holding a nested list that the selection starts in: the box belongs to the nested item.
      restoreTaskBox(original, copy);
    }
  });
}

/**
 * `content` inside shallow copies of the ancestors from `from` up to the Markdown body. A piece
 * of one cell of an authored table is that cell's text, not a table.
 */
function rebuild(content: Node, from: Element | null, dialect: MarkdownDialect): { holder: DocumentFragment; wrappers: Pair[] } {
  const wrappers: Pair[] = [];
  let outer = content;
  for (let el = from; el && !isContextRoot(el, dialect); el = el.parentElement) {
    if (isSkipped(el, dialect)) continue;
    const wrapper = el.cloneNode(false) as Element;
    wrapper.appendChild(outer);
    outer = wrapper;
    wrappers.unshift([el, wrapper]);
  }
  // The copies are ours already: converted as they are, the outermost as a block of its own.
  const holder = documentOf(content).createDocumentFragment();
  holder.appendChild(outer);
  return { holder, wrappers };
}

/**
 * Originals on the path from `common` down to a boundary of the range, paired with their copies:
 * the fragment's first children for the start, its last children for the end.
 */
function boundaryPath(fragment: DocumentFragment, common: Element | null, boundary: Node, side: 'start' | 'end'): Pair[] {
  const path: Element[] = [];
  for (let node: Node | null = boundary; node && node !== common; node = node.parentNode) {
    if (isElement(node)) path.unshift(node);
  }
  const pairs: Pair[] = [];
  let copy = side === 'start' ? fragment.firstChild : fragment.lastChild;
  for (const original of path) {
    if (!isElement(copy) || copy.nodeName !== original.nodeName) break;
    pairs.push([original, copy]);
    copy = side === 'start' ? copy.firstChild : copy.lastChild;
  }
  return pairs;
}

/** A widget the range starts or ends in, copied in part: narrowed to the lines or cells it takes. */
function widenPartialWidget(path: readonly Pair[], range: Range, dialect: MarkdownDialect): void {
  for (const [original, copy] of path) {
    const widget = widgetOf(original, dialect);
    if (!widget) continue;
    copy.replaceWith(widget.narrow(original, [range], dialect));
    return;
  }
}

function rangeToMarkdown(range: Range, options: ConvertOptions): string {
  const common = commonElement(range);
  const fragment = range.cloneContents();
  const starts = boundaryPath(fragment, common, range.startContainer, 'start');
  const ends = boundaryPath(fragment, common, range.endContainer, 'end');
  const { holder, wrappers } = rebuild(fragment, common, options.dialect);
  restoreContext([...wrappers, ...starts], range);
  widenPartialWidget(starts, range, options.dialect);
  widenPartialWidget(ends, range, options.dialect);
  return convertOwn(holder, options);
}

/** Ranges inside one widget (Firefox selects table cells one range each) become one piece of it. */
function widgetToMarkdown(root: Element, widget: Widget, ranges: readonly Range[], options: ConvertOptions): string {
  const { holder, wrappers } = rebuild(widget.narrow(root, ranges, options.dialect), root.parentElement, options.dialect);
  restoreContext(wrappers, ranges[0] as Range);
  return convertOwn(holder, options);
}

/** The innermost widget the whole range lies in. */
function widgetAround(range: Range, dialect: MarkdownDialect): { root: Element; widget: Widget } | undefined {
  for (let el = commonElement(range); el && !isContextRoot(el, dialect); el = el.parentElement) {
    const widget = widgetOf(el, dialect);
    if (widget) return { root: el, widget };
  }
  return undefined;
}

function rangesOf(selection: Selection): Range[] {
  return Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
}

/** Several ranges (Firefox selects table cells or Ctrl-selections that way) come out in page order. */
export function selectionToMarkdown(selection: Selection | Range[], options: ConvertOptions): string {
  const ranges = (Array.isArray(selection) ? [...selection] : rangesOf(selection)).filter((range) => !range.collapsed);
  ranges.sort((a, b) => a.compareBoundaryPoints(a.START_TO_START, b));
  const widgets = ranges.map((range) => widgetAround(range, options.dialect));
  const parts: string[] = [];
  for (let i = 0; i < ranges.length;) {
    const around = widgets[i];
    if (!around) {
      parts.push(rangeToMarkdown(ranges[i] as Range, options));
      i++;
      continue;
    }
    let end = i + 1;
    while (end < ranges.length && widgets[end]?.root === around.root) end++;
    parts.push(widgetToMarkdown(around.root, around.widget, ranges.slice(i, end), options));
    i = end;
  }
  return parts.filter((markdown) => markdown !== '').join('\n\n');
}
