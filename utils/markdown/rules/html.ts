/** What stays HTML: inline tags Markdown lacks, `<details>`, aligned blocks, comments, definition lists. */
import {
  charAfter,
  charBefore,
  EMPTY_TAG_MARK,
  HTML_BLOCK_ATTRIBUTE,
  HTML_RUN_ATTRIBUTE,
  isHtmlContainer,
  isInlineHtml,
  isRawContainer,
  kindOf,
  placeholderText,
  RAW_HTML_TAG,
} from '../classify';
import { BLOCK_TAGS, childElements, HEADING_TAGS, isBlankText, isElement, VOID_TAGS } from '../dom';
import { closeTag, innerHtml, openTag, serializeChildren, serializeHtml } from '../html';
import { block, trimBlank } from './layout';
import type { TagRule } from './rule';

/** `<kbd>`, `<sub>`, `<b>`, anchors and tags HTML does not know: the tags around Markdown content. */
export const inlineHtml: TagRule = {
  tags: ['*'],
  when: (node) => isInlineHtml(node),
  replacement: (content, node) => {
    if (VOID_TAGS.has(node.nodeName)) return openTag(node);
    return openTag(node) + (content === EMPTY_TAG_MARK ? '' : content) + closeTag(node);
  },
};

/** Whether only blocks (or nothing) lie beyond `node` on one side, past blank text and other placeholders. */
function blockEdge(node: Node, side: 'previousSibling' | 'nextSibling'): boolean {
  let sibling = node[side];
  while (sibling && (isBlankText(sibling) || sibling.nodeName === RAW_HTML_TAG)) sibling = sibling[side];
  return sibling === null || BLOCK_TAGS.has(sibling.nodeName);
}

/** A placeholder written directly between blocks is an HTML block; inside text it is inline. */
function standsAlone(node: Element): boolean {
  const parent = node.parentNode;
  if (isElement(parent) && (kindOf(parent) !== 'block' || /^(?:P|H\d|TD|TH)$/.test(parent.nodeName))) return false;
  return blockEdge(node, 'previousSibling') && blockEdge(node, 'nextSibling');
}

/** What cmark-gfm writes, without its `unsafe` option, for each piece of raw HTML it drops. */
const OMITTED_MARKER = '<!-- raw HTML omitted -->';

/** Whether a new line at this point could start a block (not so inside headings and cells). */
function inLineFlow(node: Node): boolean {
  for (let parent = node.parentNode; isElement(parent); parent = parent.parentNode) {
    if (BLOCK_TAGS.has(parent.nodeName)) return !/^(?:H\d|TD|TH)$/.test(parent.nodeName);
  }
  return true;
}

/** Comments (and cmark's "raw HTML omitted" markers), kept where they were. */
export const rawHtml: TagRule = {
  tags: [RAW_HTML_TAG],
  replacement: (_content, node) => {
    const html = placeholderText(node);
    if (standsAlone(node)) return block(node, html);
    if (html === OMITTED_MARKER && charBefore(node) === '' && inLineFlow(node)) {
      // A comment opening a line would start an HTML block and break the paragraph. The marker
      // stands for some inline tag; the smallest invisible one renders as the same marker (a tag
      // split over two lines when nothing follows, as a complete tag alone on a line is a block).
      return charAfter(node) === '' ? '<wbr\n/>' : '<wbr>';
    }
    return html;
  },
};

/**
 * What separates an HTML container's opening tag from its content: a blank line, so the content
 * is Markdown, unless the content begins with text that continued the tag's HTML block.
 */
export function afterOpening(container: Element): string {
  let first = container.firstElementChild;
  if (first?.nodeName === 'SUMMARY' && container.nodeName === 'DETAILS') first = first.nextElementSibling;
  return first?.hasAttribute(HTML_RUN_ATTRIBUTE) ? '\n' : '\n\n';
}

/** `<details>` stays HTML, with its body as Markdown between blank lines so GitHub renders it. */
export const details: TagRule = {
  tags: ['DETAILS'],
  replacement: (content, node) => {
    const summary = childElements(node, 'SUMMARY')[0];
    const head = summary ? `${openTag(node)}\n${openTag(summary)}${serializeChildren(summary)}${closeTag(summary)}` : openTag(node);
    const body = trimBlank(content);
    return block(node, body === '' ? `${head}\n</details>` : `${head}${afterOpening(node)}${body}\n\n</details>`);
  },
};

/** Written by the details rule, as HTML. */
export const summary: TagRule = {
  tags: ['SUMMARY'],
  when: (node) => node.parentNode?.nodeName === 'DETAILS',
  replacement: () => '',
};

/** `<p align>`, `<h1 align>`, typed `<div>`s: GitHub renders them, Markdown cannot say them. */
export const htmlContainer: TagRule = {
  tags: ['P', 'DIV', ...HEADING_TAGS],
  when: (node) => isHtmlContainer(node),
  replacement: (content, node) => {
    if (!isRawContainer(node)) return block(node, `${openTag(node)}${afterOpening(node)}${trimBlank(content)}\n\n${closeTag(node)}`);
    const inner = trimBlank(innerHtml(node));
    if (inner === '') return block(node, openTag(node) + closeTag(node));
    return block(
      node,
      node.nodeName === 'P' || node.nodeName === 'DIV' ? `${openTag(node)}\n${inner}\n${closeTag(node)}` : openTag(node) + inner + closeTag(node),
    );
  },
};

/** Tags whose opening starts an HTML block wherever the line goes on (CommonMark's HTML blocks of kind 6). */
const BLOCK_START_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p ' +
    'param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
);

const FIRST_TAG = /^<([a-z][a-z0-9-]*)(?:\s+[^\s"'=<>`]+(?:="[^"]*")?)*\s*\/?>(?=.)/i;

/** Inline HTML that stood between blocks was an HTML block in the source: written as one again. */
export const htmlBlock: TagRule = {
  tags: ['DIV'],
  when: (node) => node.hasAttribute(HTML_BLOCK_ATTRIBUTE),
  replacement: (_content, node) => {
    const html = trimBlank(innerHtml(node));
    // Text that continued its container's HTML block follows the opening tag as it is.
    if (node.hasAttribute(HTML_RUN_ATTRIBUTE)) return block(node, html);
    // An HTML block needs its first tag alone on the first line, or cmark reads a paragraph,
    // unless the tag starts a block of its own kind.
    const first = FIRST_TAG.exec(html);
    if (first && !BLOCK_START_TAGS.has(first[1]!.toLowerCase())) return block(node, `${first[0]}\n${html.slice(first[0].length)}`);
    return block(node, html);
  },
};

/** Definition lists and `<picture>` have no Markdown form: written as HTML. */
export const definitionList: TagRule = {
  tags: ['DL'],
  replacement: (_content, node) => block(node, serializeHtml(node)),
};

export const picture: TagRule = {
  tags: ['PICTURE'],
  replacement: (_content, node) => serializeHtml(node),
};
