/**
 * cmark wraps Markdown's inline content in paragraphs (tight list items aside), so inline elements
 * standing directly between blocks, with no text of their own, were typed as an HTML block:
 * `<img width="300" src="...">` or a row of badge links on a line of their own. They are wrapped
 * here so the rules write them back as HTML, which also keeps them out of a new paragraph.
 */
import { HTML_BLOCK_ATTRIBUTE, isInlineHtml, isRawContainer } from './classify';
import { BLOCK_TAGS, documentOf, HEADING_TAGS, isBlankText, isElement, isText } from './dom';
import { keepTypedHtml } from './html';
import { isList, isTightList } from './rules/layout';

/** Plain HTML inline elements an author types; the site's widgets and our placeholders are not. */
const TYPED_INLINE = new Set(['A', 'IMG', 'BR', 'PICTURE', 'EM', 'STRONG', 'CODE', 'DEL', 'SPAN']);

/** Blocks whose children are inline content, not a flow of blocks. */
const INLINE_CONTAINERS = new Set([...HEADING_TAGS, 'P', 'PRE', 'SUMMARY', 'DT', 'DD', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR']);

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

function wrap(run: readonly Node[]): void {
  const first = run[0];
  if (!first?.parentNode) return;
  const wrapper = documentOf(first).createElement('div');
  wrapper.setAttribute(HTML_BLOCK_ATTRIBUTE, '');
  first.parentNode.insertBefore(wrapper, first);
  for (const node of run) wrapper.appendChild(node);
  keepTypedHtml(wrapper);
}

/** Wraps the HTML-block runs among the children of `container` (the root or a block). */
export function wrapHtmlBlocks(container: Node): void {
  if (isElement(container) && !holdsFlow(container)) return;
  let run: Node[] = [];
  for (let child = container.firstChild; child; child = child.nextSibling) {
    if (isElement(child) && BLOCK_TAGS.has(child.nodeName)) {
      if (isTypedHtmlRun(run)) wrap(run);
      run = [];
    } else {
      run.push(child);
    }
  }
  if (isTypedHtmlRun(run)) wrap(run);
}
