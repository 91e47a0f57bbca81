/**
 * Preprocessing of the private copy of the tree, in one walk: drops GitHub's page furniture (copy
 * buttons, anchors, octicons, screen-reader text, translator wrappers), turns rendered widgets back
 * into the source they came from (highlighted code, mermaid, code permalinks, suggestions, videos,
 * emoji, footnotes, commit references), makes every URL absolute, and marks inline HTML typed as a
 * block.
 */
import { FOOTNOTE_ATTRIBUTE, FOOTNOTE_REF_TAG, INLINE_BREAK_ATTRIBUTE, isRawContainer, RAW_HTML_TAG } from './classify';
import { BLOCK_TAGS, childElements, COMMENT_NODE, documentOf, hasClass, HEADING_TAGS, isBlankText, isElement, isText } from './dom';
import { wrapHtmlBlocks } from './html-blocks';
import { keepTypedHtml } from './html';
import { highlightLanguage } from './languages';
import { commitReference } from './references';
import { resolveUrl, stableImageUrl } from './urls';
import { embedPermalink, isCodeEmbed, isSuggestion } from './widgets';

const REMOVED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'BUTTON',
  'svg',
  'SVG',
  'CLIPBOARD-COPY',
  'TOOL-TIP',
  'INCLUDE-FRAGMENT',
  'LINK',
  'META',
  'IFRAME',
  'TEXTAREA',
  'SELECT',
]);

/** Classes GitHub puts on furniture inside rendered Markdown (authors cannot set classes). */
const NOISE_CLASSES = new RegExp(
  `(?:^|\\s)(?:${['zeroclipboard-container', 'sr-only', 'octicon', 'js-render-enrichment-loader', 'dropdown-caret', 'footnote-backref', 'data-footnote-backref'].join('|')})(?:\\s|$)`,
);

/** Custom elements that carry content the rules understand; other custom elements are unwrapped. */
const KNOWN_CUSTOM = new Set(['MATH-RENDERER', 'G-EMOJI', RAW_HTML_TAG, FOOTNOTE_REF_TAG]);

function isNoise(el: Element): boolean {
  // Most elements of rendered Markdown carry no attributes at all.
  if (!el.hasAttributes()) return false;
  const classes = el.getAttribute('class');
  if (classes !== null && NOISE_CLASSES.test(classes)) return true;
  return el.nodeName === 'A' && (el.hasAttribute('data-footnote-backref') || hasClass(el, 'anchor'));
}

/** Replaces `el` by its children; returns the first of them (or what followed `el`). */
function unwrap(el: Element): Node | null {
  const parent = el.parentNode;
  const next = el.nextSibling;
  if (!parent) return next;
  const first = el.firstChild;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
  return first ?? next;
}

export function cleanup(root: Node, baseUrl: string): void {
  new Cleanup(documentOf(root), baseUrl).children(root);
}

class Cleanup {
  constructor(
    private readonly doc: Document,
    private readonly baseUrl: string,
  ) {}

  children(parent: Node): void {
    let child: Node | null = parent.firstChild;
    while (child) child = this.visit(child);
    if (!isElement(parent)) {
      wrapHtmlBlocks(parent);
      return;
    }
    const name = parent.nodeName;
    if (name === 'UL' || name === 'OL') {
      // Whether an item holds a flow depends on the whole list being loose: known only now.
      for (const item of childElements(parent, 'LI')) wrapHtmlBlocks(item);
    } else if (name !== 'LI' && name !== 'P' && BLOCK_TAGS.has(name)) {
      wrapHtmlBlocks(parent);
    }
    if ((name === 'P' || name === 'DIV' || HEADING_TAGS.has(name)) && isRawContainer(parent)) keepTypedHtml(parent);
  }

  /** Cleans `node`; returns the next node to visit (children moved up come first). */
  private visit(node: Node): Node | null {
    const next = node.nextSibling;
    if (isElement(node)) return this.element(node, next);
    if (node.nodeType === COMMENT_NODE) {
      // Comments are raw HTML of the source; turndown would drop them.
      node.parentNode?.replaceChild(this.placeholder(RAW_HTML_TAG, `<!--${(node as Comment).data}-->`), node);
    } else if (!isText(node)) {
      node.parentNode?.removeChild(node);
    }
    return next;
  }

  private element(el: Element, next: Node | null): Node | null {
    const name = el.nodeName;
    if (REMOVED_TAGS.has(name) || isNoise(el)) {
      el.remove();
      return next;
    }
    switch (name) {
      case 'FONT':
        return unwrap(el);
      case 'G-EMOJI': {
        // The character; its alias when the page shows a fallback image instead.
        const alias = el.getAttribute('alias');
        const text = (el.textContent ?? '').trim() || (alias ? `:${alias}:` : '');
        el.replaceWith(this.doc.createTextNode(text));
        return next;
      }
      case 'IMG':
        this.image(el);
        return next;
      case 'A':
        return this.link(el, next);
      case 'DIV':
        return this.div(el, next);
      case 'SECTION':
        return this.section(el, next);
      case 'SUP':
        if (this.footnoteReference(el)) return next;
        break;
      case 'P':
        // "No description provided.": GitHub's placeholder for an empty post.
        if (hasClass(el, 'color-fg-muted')) {
          el.remove();
          return next;
        }
        break;
      case 'VIDEO':
        this.video(el, el);
        return next;
      case 'DETAILS': {
        const video = el.querySelector('video');
        // GitHub shows an uploaded video in a details box of its own.
        if (video && hasClass(el, 'details-reset')) {
          this.video(video, el);
          return next;
        }
        break;
      }
      case 'INPUT':
        this.input(el);
        return next;
      case 'BR':
        // A Markdown line break renders as `<br>` and a new line; a tag typed in a line does not.
        if (!(isText(next) && next.data.startsWith('\n'))) el.setAttribute(INLINE_BREAK_ATTRIBUTE, '');
        return next;
      case 'SOURCE':
        this.source(el);
        return next;
      case 'PRE':
      case 'MATH-RENDERER':
        // Their text is taken verbatim.
        return next;
    }
    if (name.includes('-') && !KNOWN_CUSTOM.has(name)) return unwrap(el);
    this.children(el);
    return next;
  }

  private placeholder(tag: string, text: string): Element {
    const el = this.doc.createElement(tag);
    el.textContent = text;
    return el;
  }

  /** `<a href="url">url</a>`: an autolink. */
  private autolink(url: string): Element {
    const link = this.doc.createElement('a');
    link.setAttribute('href', url);
    link.textContent = url;
    return link;
  }

  private link(a: Element, next: Node | null): Node | null {
    const href = a.getAttribute('href');
    if (href === null) {
      // Anchors (`<a name="x">`) stay, as typed; a link without a target is just its text.
      if (!a.hasAttribute('name') && !a.hasAttribute('id')) return unwrap(a);
      this.children(a);
      return next;
    }
    const url = resolveUrl(href, this.baseUrl);
    const image = this.soleImage(a);
    if (image && this.isImageWrapper(a, image, url)) {
      a.replaceWith(image);
      this.image(image);
      return next;
    }
    if (hasClass(a, 'commit-link')) {
      const reference = commitReference(a.textContent ?? '', url, this.baseUrl);
      if (reference !== undefined) {
        a.replaceWith(this.doc.createTextNode(reference));
        return next;
      }
    }
    a.setAttribute('href', url);
    this.children(a);
    return next;
  }

  private soleImage(a: Element): Element | null {
    let image: Element | null = null;
    for (let child = a.firstChild; child; child = child.nextSibling) {
      if (isElement(child) && child.nodeName === 'IMG' && !image) image = child;
      else if (!isBlankText(child)) return null;
    }
    return image;
  }

  /** GitHub links every image to its full-size self (through camo); the author wrote just the image. */
  private isImageWrapper(a: Element, image: Element, url: string): boolean {
    if (a.getAttribute('target') !== '_blank') return false;
    const sources = [image.getAttribute('src'), image.getAttribute('data-canonical-src')]
      .filter((src): src is string => src !== null)
      .map((src) => resolveUrl(src, this.baseUrl));
    return sources.includes(url) || sources.includes(url.replace('/blob/', '/raw/'));
  }

  private image(img: Element): void {
    const alt = img.getAttribute('alt') ?? '';
    if (hasClass(img, 'emoji') && /^:[\w+-]+:$/.test(alt)) {
      // GitHub's own emoji (`:octocat:`) are images; the author typed the shortcode.
      img.replaceWith(this.doc.createTextNode(alt));
      return;
    }
    const src = img.getAttribute('data-canonical-src') ?? img.getAttribute('src');
    if (src !== null) img.setAttribute('src', stableImageUrl(resolveUrl(src, this.baseUrl)));
  }

  /** An uploaded video is rendered from a bare URL in the source: written back as that URL. */
  private video(video: Element, replaced: Element): void {
    const src = video.getAttribute('src') ?? video.querySelector('source')?.getAttribute('src');
    if (!src) {
      replaced.remove();
      return;
    }
    const link = this.autolink(resolveUrl(src, this.baseUrl));
    // GitHub turns the paragraph holding the URL into the player: it gets a paragraph back.
    const parent = replaced.parentNode;
    const inText = isElement(parent) && /^(?:P|H\d|TD|TH)$/.test(parent.nodeName);
    if (inText) {
      replaced.replaceWith(link);
    } else {
      const paragraph = this.doc.createElement('p');
      paragraph.appendChild(link);
      replaced.replaceWith(paragraph);
    }
  }

  private source(source: Element): void {
    const srcset = source.getAttribute('srcset');
    if (srcset === null) return;
    const resolved = srcset
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [resolveUrl(url, this.baseUrl), ...descriptor].join(' ');
      })
      .join(', ');
    source.setAttribute('srcset', resolved);
  }

  private input(input: Element): void {
    const parent = input.parentNode;
    const inItem = parent?.nodeName === 'LI' || (parent?.nodeName === 'P' && parent.parentNode?.nodeName === 'LI');
    if (input.getAttribute('type') !== 'checkbox' || !inItem) {
      input.remove();
      return;
    }
    // The task rule writes `[ ] ` itself; GitHub's space after the box would double it.
    const after = input.nextSibling;
    if (isText(after)) after.data = after.data.replace(/^[ \t\r\n]+/, '');
  }

  private div(div: Element, next: Node | null): Node | null {
    if (hasClass(div, 'markdown-heading') || hasClass(div, 'snippet-clipboard-content')) return unwrap(div);
    if (hasClass(div, 'highlight')) {
      const pre = childElements(div, 'PRE')[0];
      if (pre) {
        const language = highlightLanguage(div.getAttribute('class') ?? '');
        if (language && !pre.hasAttribute('lang')) pre.setAttribute('lang', language);
        return unwrap(div);
      }
    }
    if (isSuggestion(div)) {
      const lines = Array.from(div.querySelectorAll('td.blob-code-addition'), (td) => td.textContent ?? '');
      div.replaceWith(this.codeBlock('suggestion', lines.length === 0 ? '' : `${lines.join('\n')}\n`));
      return next;
    }
    if (isCodeEmbed(div)) {
      this.permalink(div);
      return next;
    }
    if (hasClass(div, 'markdown-alert')) {
      for (const title of childElements(div, 'P')) if (hasClass(title, 'markdown-alert-title')) title.remove();
    }
    this.children(div);
    return next;
  }

  /** An embedded snippet is GitHub's rendering of a permalink on a line of its own. */
  private permalink(box: Element): void {
    const permalink = embedPermalink(box);
    if (permalink === undefined) {
      box.remove();
      return;
    }
    const paragraph = this.doc.createElement('p');
    paragraph.appendChild(this.autolink(resolveUrl(permalink, this.baseUrl)));
    box.replaceWith(paragraph);
  }

  private codeBlock(language: string, code: string): Element {
    const pre = this.doc.createElement('pre');
    if (language) pre.setAttribute('lang', language);
    pre.appendChild(this.doc.createElement('code')).textContent = code;
    return pre;
  }

  private section(section: Element, next: Node | null): Node | null {
    const type = section.getAttribute('data-type');
    if (type) {
      // Diagrams (mermaid, geojson, topojson, stl) keep their source in `data-plain`.
      const source = section.querySelector('[data-plain]')?.getAttribute('data-plain') ?? section.querySelector('pre')?.textContent;
      if (source != null) {
        section.replaceWith(this.codeBlock(type, source));
        return next;
      }
    }
    if (section.hasAttribute('data-footnotes') || hasClass(section, 'footnotes')) return this.footnotes(section, next);
    this.children(section);
    return next;
  }

  /** The footnotes section becomes one block per definition, numbered as GitHub shows them. */
  private footnotes(section: Element, next: Node | null): Node | null {
    const list = section.querySelector('ol');
    const parent = section.parentNode;
    if (!list || !parent) {
      section.remove();
      return next;
    }
    let first: Node | null = null;
    childElements(list, 'LI').forEach((item, index) => {
      const definition = this.doc.createElement('div');
      definition.setAttribute(FOOTNOTE_ATTRIBUTE, String(index + 1));
      while (item.firstChild) definition.appendChild(item.firstChild);
      parent.insertBefore(definition, section);
      first ??= definition;
    });
    section.remove();
    return first ?? next;
  }

  private footnoteReference(sup: Element): boolean {
    const link = sup.firstElementChild;
    const isReference = link?.nodeName === 'A' && link.nextElementSibling === null && (link.hasAttribute('data-footnote-ref') || hasClass(sup, 'footnote-ref'));
    if (!isReference) return false;
    sup.replaceWith(this.placeholder(FOOTNOTE_REF_TAG, `[^${(link.textContent ?? '').trim()}]`));
    return true;
  }
}
