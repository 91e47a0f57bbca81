/**
 * What each element becomes in the output, in broad strokes. The escape pass and the rules that
 * look at their neighbours (emphasis, links) must agree on it, so it lives in one place.
 */
import { BLOCK_TAGS, childElements, hasAuthoredAttribute, HEADING_TAGS, isElement, isText, remember, remembered } from './dom';
import { autolinkStyle } from './urls';

export type Kind =
  /** starts and ends lines */
  | 'block'
  /** a block whose inside is written as raw HTML or code, never escaped */
  | 'raw-block'
  | 'break'
  /** inline, wraps Markdown-escaped content in delimiters */
  | 'markup'
  /** inline, written from its attributes or raw text */
  | 'atom'
  /** contributes only its content */
  | 'transparent';

/**
 * Inline HTML kept as tags around Markdown content: GitHub renders these, Markdown has no syntax
 * for them, and cmark never writes `<b>`, `<i>` or `<s>`, so on a page they are what the author typed.
 */
export const KEPT_INLINE_TAGS: ReadonlySet<string> = new Set([
  'KBD',
  'SUB',
  'SUP',
  'INS',
  'MARK',
  'SAMP',
  'VAR',
  'Q',
  'ABBR',
  'CITE',
  'DFN',
  'SMALL',
  'BIG',
  'U',
  'TT',
  'BDO',
  'BDI',
  'TIME',
  'RUBY',
  'RT',
  'RP',
  'DATA',
  'B',
  'I',
  'S',
  'STRIKE',
]);

/** HTML elements with no Markdown or GitHub meaning of their own: their content is what counts. */
const TRANSPARENT_TAGS: ReadonlySet<string> = new Set(['SPAN', 'FONT', 'LABEL', 'NOBR']);

const EMPHASIS_TAGS: ReadonlySet<string> = new Set(['EM', 'STRONG']);

/** Placeholders the cleanup pass puts in the tree (custom elements cannot clash with the site's). */
export const RAW_HTML_TAG = 'WC-HTML';
export const FOOTNOTE_REF_TAG = 'WC-FNREF';
const PLACEHOLDER_TEXT = Symbol('placeholder text');

/**
 * The text put in an empty tag kept as inline HTML (`foo <a name="x"></a>`) before turndown, which
 * would otherwise fold the space beside it as if the tag were not there; its rule writes nothing for it.
 */
export const EMPTY_TAG_MARK = '\uE000';

/** Fills a placeholder with what it stands for, kept exact: turndown folds the whitespace of text nodes. */
export function fillPlaceholder(el: Element, text: string): Element {
  el.textContent = text;
  remember(el, PLACEHOLDER_TEXT, text);
  return el;
}

/** What a placeholder stands for, as filled in. */
export function placeholderText(el: Element): string {
  return remembered<string>(el, PLACEHOLDER_TEXT) ?? el.textContent ?? '';
}

/** Marks a `<br>` typed as a tag inside a line (a Markdown line break is followed by a new line). */
export const INLINE_BREAK_ATTRIBUTE = 'data-wc-inline';
/** Marks the block standing for one footnote definition; its value is the label. */
export const FOOTNOTE_ATTRIBUTE = 'data-wc-footnote';
/** Marks a wrapper around inline HTML that stood between blocks: an HTML block in the source. */
export const HTML_BLOCK_ATTRIBUTE = 'data-wc-html';
/**
 * Marks a wrapper around text that stood directly in a flow of blocks, first in its HTML container:
 * it continued the HTML block the container's opening tag began, so it follows that tag on the
 * next line, not after a blank line (which would make it a paragraph).
 */
export const HTML_RUN_ATTRIBUTE = 'data-wc-run';
/** Marks a link the site made from a reference the author typed; its value is the link's form. */
export const LINK_FORM_ATTRIBUTE = 'data-wc-link';
/** Marks a formula, whose text is its TeX; its value is `display` or `inline`. */
export const MATH_ATTRIBUTE = 'data-wc-math';
/** Marks an alert; its value is the alert's type (`NOTE`). */
export const ALERT_ATTRIBUTE = 'data-wc-alert';

export type LinkForm =
  /** holds blocks (`<a><div>...</div></a>`): only HTML can say that */
  | 'html'
  /** `@user`, `#12`, `owner/repo#12`: written as the text the site links again */
  | 'reference'
  /** a site's reference link whose text is not the reference (`#12 (comment)`, commit SHAs): the URL */
  | 'url'
  /** text equals the target: an autolink */
  | 'autolink'
  | 'link';

const LINK_FORM = Symbol('link form');

export function linkForm(a: Element): LinkForm {
  return remembered<LinkForm>(a, LINK_FORM) ?? remember(a, LINK_FORM, computeLinkForm(a));
}

/** Whether a block lies anywhere inside `el`: walked, as links hold few elements (a badge's image). */
function holdsBlock(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (BLOCK_TAGS.has(child.nodeName) || holdsBlock(child)) return true;
  }
  return false;
}

function computeLinkForm(a: Element): LinkForm {
  if (holdsBlock(a)) return 'html';
  // Set by cleanup, which knows the site's reference links.
  const marked = a.getAttribute(LINK_FORM_ATTRIBUTE) as LinkForm | null;
  if (marked !== null) return marked;
  const text = (a.textContent ?? '').trim();
  const href = a.getAttribute('href') ?? '';
  if (text !== '' && a.firstElementChild === null && autolinkStyle(text, href) !== 'none') return 'autolink';
  return 'link';
}

const htmlTables = new WeakMap<Element, boolean>();
const CELL_BLOCKS = 'p,ul,ol,pre,blockquote,h1,h2,h3,h4,h5,h6,table,hr,dl,details,div';
const BLOCKS_IN_CELLS = CELL_BLOCKS.split(',')
  .flatMap((tag) => [`td ${tag}`, `th ${tag}`])
  .join(',');

/** The rows of `table` itself (not of tables nested in it), in order. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let part = table.firstElementChild; part; part = part.nextElementSibling) {
    if (part.nodeName === 'TR') rows.push(part);
    else if (part.nodeName === 'THEAD' || part.nodeName === 'TBODY' || part.nodeName === 'TFOOT') rows.push(...childElements(part, 'TR'));
  }
  return rows;
}

/**
 * Whether a GFM table renders `table` as it is: attributes only as a column's `align`, the same in
 * every row, and every row as wide as the header (cmark-gfm pads short rows and cuts long ones).
 */
function fitsGfm(table: Element): boolean {
  if (hasAuthoredAttribute(table)) return false;
  for (let part = table.firstElementChild; part; part = part.nextElementSibling) if (hasAuthoredAttribute(part)) return false;
  const rows = ownRows(table);
  const header = rows[0] ? childElements(rows[0]) : [];
  const aligns = header.map((cell) => cell.getAttribute('align'));
  for (const row of rows) {
    if (hasAuthoredAttribute(row)) return false;
    const cells = childElements(row);
    if (cells.length !== header.length) return false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.getAttribute('align') !== aligns[i] || hasAuthoredAttribute(cell, 'align')) return false;
    }
  }
  return true;
}

/**
 * A `<table>` GFM cannot express (blocks in cells, spans, captions, nesting, attributes), or that
 * was typed as HTML: GFM tables always render a `<thead>`. Asked only once the table is complete
 * (it is cached).
 */
export function isHtmlTable(table: Element): boolean {
  let html = htmlTables.get(table);
  if (html === undefined) {
    html =
      childElements(table, 'THEAD').length === 0 ||
      table.querySelector(`caption,[rowspan]:not([rowspan="1"]),[colspan]:not([colspan="1"]),${BLOCKS_IN_CELLS}`) !== null ||
      table.parentElement?.closest('table') != null ||
      !fitsGfm(table);
    htmlTables.set(table, html);
  }
  return html;
}

export function closestTable(node: Element): Element | null {
  return node.closest('table');
}

/** A table cell of an HTML table holding only inline content: written as raw HTML on one line. */
export function isRawCell(cell: Element): boolean {
  const table = closestTable(cell);
  return table !== null && isHtmlTable(table) && cell.querySelector(CELL_BLOCKS) === null;
}

/**
 * Blocks written as their HTML tags: paragraphs and headings with an `align` GitHub honours, and
 * `<div>`s the author typed (the site's own wrappers all carry classes; ours carry data attributes).
 */
export function isHtmlContainer(el: Element): boolean {
  if (el.nodeName === 'DIV') {
    return !el.hasAttribute('class') && !el.hasAttribute(HTML_BLOCK_ATTRIBUTE) && !el.hasAttribute(FOOTNOTE_ATTRIBUTE);
  }
  return el.hasAttribute('align') && (el.nodeName === 'P' || HEADING_TAGS.has(el.nodeName));
}

/** HTML containers whose content is inline are written entirely as HTML (no Markdown inside). */
export function isRawContainer(el: Element): boolean {
  if (!isHtmlContainer(el)) return false;
  if (el.nodeName !== 'DIV') return true;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (BLOCK_TAGS.has(child.nodeName) || child.nodeName === RAW_HTML_TAG) return false;
  }
  return true;
}

export function isDisplayMath(el: Element): boolean {
  return el.getAttribute(MATH_ATTRIBUTE) === 'display';
}

export function kindOf(el: Element): Kind {
  const name = el.nodeName;
  switch (name) {
    case 'BR':
      return el.hasAttribute(INLINE_BREAK_ATTRIBUTE) ? 'atom' : 'break';
    case 'PRE':
    case 'DL':
    case 'SUMMARY':
      return 'raw-block';
    case 'CODE':
      return 'atom';
    case 'IMG':
    case 'INPUT':
    case 'PICTURE':
    case RAW_HTML_TAG:
    case FOOTNOTE_REF_TAG:
      return 'atom';
    case 'A': {
      // An `<a>` without a target (an anchor, or a bare tag) is kept as the tag: GitHub renders it.
      if (!el.hasAttribute('href')) return 'markup';
      const form = linkForm(el);
      if (form === 'reference') return 'transparent';
      if (form === 'html') return 'raw-block';
      return form === 'link' ? 'markup' : 'atom';
    }
    case 'DIV':
      if (el.hasAttribute(HTML_BLOCK_ATTRIBUTE)) return 'raw-block';
      break;
    case 'TD':
    case 'TH':
      return isRawCell(el) ? 'raw-block' : 'block';
  }
  if (el.hasAttribute(MATH_ATTRIBUTE)) return isDisplayMath(el) ? 'raw-block' : 'atom';
  if (BLOCK_TAGS.has(name)) return isRawContainer(el) ? 'raw-block' : 'block';
  if (EMPHASIS_TAGS.has(name) || name === 'DEL' || KEPT_INLINE_TAGS.has(name)) return 'markup';
  if (TRANSPARENT_TAGS.has(name) || name.includes('-')) return 'transparent';
  // Tags HTML does not know are raw inline HTML in the source: kept as tags.
  return 'markup';
}

/** Inline HTML written as tags around Markdown: `<kbd>`, `<b>`, anchors, tags HTML does not know. */
export function isInlineHtml(el: Element): boolean {
  const name = el.nodeName;
  return kindOf(el) === 'markup' && !EMPHASIS_TAGS.has(name) && name !== 'DEL' && !(name === 'A' && el.hasAttribute('href'));
}

/** Characters our rules chose for an element's edges, when they differ from the defaults below. */
const EDGES = Symbol('edges');

export function recordEdges(el: Element, open: string, close: string): void {
  remember(el, EDGES, [open, close]);
}

/**
 * Punctuation that is no delimiter: stands for the edge of an emphasis or strikethrough not yet
 * written. Its rule will pick a delimiter that does not clash with what it touches.
 */
const UNDECIDED = '>';

function edgeChar(el: Element, side: 0 | 1): string {
  const chosen = remembered<[string, string]>(el, EDGES);
  if (chosen) return chosen[side];
  const name = el.nodeName;
  if (EMPHASIS_TAGS.has(name) || name === 'DEL') return UNDECIDED;
  if (el.hasAttribute(MATH_ATTRIBUTE)) return '$';
  switch (name) {
    case 'A': {
      if (!el.hasAttribute('href')) return side === 0 ? '<' : '>';
      if (linkForm(el) === 'link') return side === 0 ? '[' : ')';
      const text = (el.textContent ?? '').trim();
      return side === 0 ? text.charAt(0) || 'h' : text.charAt(text.length - 1) || 'h';
    }
    case 'CODE':
      return '`';
    case 'IMG':
      return side === 0 ? '!' : ')';
    case 'INPUT':
      return side === 0 ? '[' : ' ';
    case FOOTNOTE_REF_TAG:
      return side === 0 ? '[' : ']';
  }
  return side === 0 ? '<' : '>';
}

export function openingChar(el: Element): string {
  return edgeChar(el, 0);
}

export function closingChar(el: Element): string {
  return edgeChar(el, 1);
}

/**
 * First character a node adds to the output: '' for a line edge, null when it adds nothing.
 * `side` 0 looks at the start, 1 at the end.
 */
function outerChar(node: Node, side: 0 | 1): string | null {
  if (isText(node)) {
    const data = node.data;
    if (data === '') return null;
    const ch = side === 0 ? data.charAt(0) : data.charAt(data.length - 1);
    return /[ \t\r\n]/.test(ch) ? ' ' : ch;
  }
  if (!isElement(node)) return null;
  const kind = kindOf(node);
  if (kind === 'block' || kind === 'raw-block' || kind === 'break') return '';
  if (kind !== 'transparent') return edgeChar(node, side);
  for (let child = side === 0 ? node.firstChild : node.lastChild; child; child = side === 0 ? child.nextSibling : child.previousSibling) {
    const ch = outerChar(child, side);
    if (ch !== null) return ch;
  }
  return null;
}

/** The output character right after `node` ('' at a line edge), looking through transparent wrappers. */
export function charAfter(node: Node): string {
  return charBeside(node, 1);
}

/** The output character right before `node` ('' at a line edge). */
export function charBefore(node: Node): string {
  return charBeside(node, 0);
}

function charBeside(node: Node, direction: 0 | 1): string {
  let current: Node = node;
  for (;;) {
    let sibling = direction === 1 ? current.nextSibling : current.previousSibling;
    while (!sibling) {
      const parent: Node | null = current.parentNode;
      if (!isElement(parent)) return '';
      const kind = kindOf(parent);
      if (kind === 'markup' || kind === 'atom') return edgeChar(parent, direction);
      if (kind !== 'transparent') return '';
      current = parent;
      sibling = direction === 1 ? current.nextSibling : current.previousSibling;
    }
    const ch = outerChar(sibling, direction === 1 ? 0 : 1);
    if (ch !== null) return ch;
    current = sibling;
  }
}

/** Output character at the inner edge of an element's content (what its delimiters touch). */
export function innerChar(el: Element, side: 0 | 1): string {
  for (let child = side === 0 ? el.firstChild : el.lastChild; child; child = side === 0 ? child.nextSibling : child.previousSibling) {
    const ch = outerChar(child, side);
    if (ch !== null) return ch;
  }
  return '';
}
