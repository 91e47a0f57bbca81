/**
 * DOM helpers shared by the passes and the rules. Checks use node types and names rather than
 * `instanceof`: the content script sees the page's globals, tests and scripts a happy-dom window.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;
export const FRAGMENT_NODE = 11;

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

export function isText(node: Node | null | undefined): node is Text {
  return node?.nodeType === TEXT_NODE;
}

/** Turndown's own list of block elements: it collapses whitespace and empties blank text by it. */
export const TURNDOWN_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'AUDIO',
  'BLOCKQUOTE',
  'BODY',
  'CANVAS',
  'CENTER',
  'DD',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'FRAMESET',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'ISINDEX',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'NOFRAMES',
  'NOSCRIPT',
  'OL',
  'OUTPUT',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Turndown's block elements, plus the elements our rules always write on lines of their own. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([...TURNDOWN_BLOCK_TAGS, 'DETAILS', 'SUMMARY']);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

export const VOID_TAGS: ReadonlySet<string> = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'PARAM',
  'SOURCE',
  'TRACK',
  'WBR',
]);

export function isBlockElement(node: Node | null | undefined): boolean {
  return isElement(node) && BLOCK_TAGS.has(node.nodeName);
}

/** Reads the attribute rather than `classList`, which some DOMs build anew on every access. */
export function hasClass(el: Element, name: string): boolean {
  const value = el.getAttribute('class');
  if (value === null) return false;
  const at = value.indexOf(name);
  if (at === -1) return false;
  return value.split(/\s+/).includes(name);
}

export function documentOf(node: Node): Document {
  return node.nodeType === DOCUMENT_NODE ? (node as Document) : (node.ownerDocument as Document);
}

/** The element children of `el` whose name is `name` (`:scope > x` without selector parsing). */
export function childElements(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (!name || child.nodeName === name) out.push(child);
  }
  return out;
}

const WHITESPACE = /^[ \t\r\n]*$/;

/** True when the node produces no visible text and holds no element (whitespace between blocks). */
export function isBlankText(node: Node): boolean {
  return isText(node) && WHITESPACE.test(node.data);
}

/**
 * A value remembered on a node of our own copy. Stored on the node itself, as turndown does with
 * its flags: a WeakMap entry per element costs the garbage collector far more.
 */
export function remembered<T>(node: Node, key: symbol): T | undefined {
  return (node as unknown as Partial<Record<symbol, T>>)[key];
}

export function remember<T>(node: Node, key: symbol, value: T): T {
  (node as unknown as Record<symbol, T>)[key] = value;
  return value;
}

/**
 * Attributes an author could have typed, as the site shows them. GitHub's sanitizer strips
 * authors' classes, styles and data attributes, so on a GitHub page those are always GitHub's own.
 */
const SITE_ATTRIBUTES = new Set([
  'class',
  'style',
  'dir',
  'role',
  'tabindex',
  'rel',
  'target',
  'loading',
  'decoding',
  'referrerpolicy',
  'itemprop',
  'crossorigin',
  'disabled',
  'lang',
]);

export function isAuthoredAttribute(name: string): boolean {
  return !SITE_ATTRIBUTES.has(name) && !name.startsWith('data-') && !name.startsWith('aria-');
}

/** Whether `el` carries an attribute an author typed, besides those named in `except`. */
export function hasAuthoredAttribute(el: Element, except?: string): boolean {
  if (!el.hasAttributes()) return false;
  const { attributes } = el;
  for (let i = 0; i < attributes.length; i++) {
    const name = attributes[i]!.name;
    if (name !== except && isAuthoredAttribute(name)) return true;
  }
  return false;
}
