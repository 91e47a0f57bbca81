/**
 * cmark wraps Markdown's inline content in paragraphs (tight list items aside), so inline content
 * standing directly between blocks came from an HTML block in the source:
 * - inline elements with no text of their own (`<img width="300" src="...">`, a row of badge links
 *   on a line of their own) were typed as an HTML block of their own;
 * - text continued the HTML block of the element before it (`<h3>Sponsors</h3>` then a line of
 *   text) or of its container's opening tag (`<td>` then a line of text).
 * They are wrapped here so the rules write them back as HTML, which also keeps them out of a new
 * paragraph.
 */
import { FOOTNOTE_REF_TAG, HTML_BLOCK_ATTRIBUTE, HTML_RUN_ATTRIBUTE, isHtmlContainer, isInlineHtml, isRawContainer, MATH_ATTRIBUTE } from './classify';
import { BLOCK_TAGS, documentOf, HEADING_TAGS, isBlankText, isElement, isText } from './dom';
import { keepTypedHtml } from './html';
import { isList, isTightList } from './rules/layout';

/** Plain HTML inline elements an author types; the site's widgets and our placeholders are not. */
const TYPED_INLINE = new Set(['A', 'IMG', 'BR', 'PICTURE', 'EM', 'STRONG', 'CODE', 'DEL', 'SPAN']);

/** Blocks whose children are inline content, not a flow of blocks. */
const INLINE_CONTAINERS = new Set([...HEADING_TAGS, 'P', 'PRE', 'SUMMARY', 'DT', 'DD', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR']);

/** Blocks that read the same written as their HTML: what a run of text can join as one HTML block. */
const SIMPLE_BLOCKS = new Set([...HEADING_TAGS, 'P', 'HR']);

function holdsFlow(el: Element): boolean {
  if (INLINE_CONTAINERS.has(el.nodeName) || isRawContainer(el)) return false;
  if (el.nodeName === 'LI') return !isList(el.parentNode) || !isTightList(el.parentNode);
  // Cells of a Markdown table hold inline content; cells holding blocks hold a flow.
  if (el.nodeName === 'TD' || el.nodeName === 'TH') return el.querySelector('p,div,ul,ol,pre,blockquote,table') !== null;
  return true;
}

function isTypedHtmlRun(run: readonly Node[]): boolean {
  let elements = 0;
  for (const node of run) {
    if (isText(node)) {
      if (!isBlankText(node)) return false;
    } else if (isElement(node)) {
      if (!TYPED_INLINE.has(node.nodeName) && !isInlineHtml(node)) return false;
      elements++;
    }
  }
  return elements > 0;
}

function hasText(run: readonly Node[]): boolean {
  return run.some((node) => isText(node) && !isBlankText(node));
}

function wrap(run: readonly Node[], marker = HTML_BLOCK_ATTRIBUTE): Element | undefined {
  const first = run[0];
  if (!first?.parentNode) return undefined;
  const wrapper = documentOf(first).createElement('div');
  wrapper.setAttribute(HTML_BLOCK_ATTRIBUTE, '');
  if (marker !== HTML_BLOCK_ATTRIBUTE) wrapper.setAttribute(marker, '');
  first.parentNode.insertBefore(wrapper, first);
  for (const node of run) wrapper.appendChild(node);
  keepTypedHtml(wrapper);
  return wrapper;
}

/** Replaces a wrapper of ours by its content; returns the first node of it. */
function unwrap(wrapper: Element): Node {
  const first = wrapper.firstChild ?? wrapper.nextSibling!;
  while (wrapper.firstChild) wrapper.parentNode!.insertBefore(wrapper.firstChild, wrapper);
  wrapper.remove();
  return first;
}

/** The element before `node`, past blank text; null when only blank text precedes it. */
function elementBefore(node: Node): Element | null {
  let before = node.previousSibling;
  while (before && isBlankText(before)) before = before.previousSibling;
  return isElement(before) ? before : null;
}

/** A block written as its HTML reads the same, so a run of text can follow it in one HTML block. */
function joinsAsHtml(el: Element): boolean {
  if (el.hasAttribute(HTML_BLOCK_ATTRIBUTE) && !el.hasAttribute(HTML_RUN_ATTRIBUTE)) return true;
  if (isRawContainer(el)) return true;
  // An empty paragraph is dropped, not written: the text becomes a paragraph of its own.
  if (!SIMPLE_BLOCKS.has(el.nodeName) || (el.nodeName !== 'HR' && el.firstChild === null)) return false;
  // Footnote references and formulas are written from markers that mean nothing as HTML.
  return el.querySelector(`${FOOTNOTE_REF_TAG.toLowerCase()},[${MATH_ATTRIBUTE}]`) === null;
}

/** Containers written as their tags around Markdown, whose opening tag begins an HTML block. */
function opensHtmlBlock(container: Node): boolean {
  if (!isElement(container)) return false;
  const name = container.nodeName;
  return name === 'DETAILS' || name === 'TD' || name === 'TH' || (isHtmlContainer(container) && !isRawContainer(container));
}

/** Text standing between blocks: joined to the HTML block before it, when it can be. */
function wrapTextRun(container: Node, run: Node[]): void {
  const before = elementBefore(run[0]!);
  if (before && joinsAsHtml(before)) {
    const start = before.hasAttribute(HTML_BLOCK_ATTRIBUTE) ? unwrap(before) : before;
    const nodes: Node[] = [];
    for (let node: Node | null = start; node && node !== run[0]; node = node.nextSibling) nodes.push(node);
    wrap([...nodes, ...run]);
    return;
  }
  const first = before === null || (before.nodeName === 'SUMMARY' && elementBefore(before) === null && container.nodeName === 'DETAILS');
  if (first && opensHtmlBlock(container)) wrap(run, HTML_RUN_ATTRIBUTE);
}

/** Wraps the HTML-block runs among the children of `container` (the root or a block). */
export function wrapHtmlBlocks(container: Node): void {
  if (isElement(container) && !holdsFlow(container)) return;
  let run: Node[] = [];
  const end = () => {
    if (isTypedHtmlRun(run)) wrap(run);
    else if (hasText(run)) wrapTextRun(container, run);
    run = [];
  };
  for (let child = container.firstChild; child; child = child.nextSibling) {
    if (isElement(child) && BLOCK_TAGS.has(child.nodeName)) {
      const next = child;
      end();
      child = next;
    } else {
      run.push(child);
    }
  }
  end();
}
