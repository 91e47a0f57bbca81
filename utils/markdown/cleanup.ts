/**
 * Preprocessing of the private copy of the tree, in one walk: drops the site's page furniture (copy
 * buttons, anchors, icons, screen-reader text) and translator wrappers, turns rendered widgets back
 * into the source they came from (highlighted code, diagrams, code permalinks, suggestions, videos,
 * emoji, footnotes, commit references), makes every URL absolute, and marks inline HTML typed as a
 * block. The one pass that reads the site's dialect: what else the rules need of it (references,
 * formulas, alerts) it leaves as the converter's own markers. It is also the walk that bounds the
 * tree (bounds.ts), so that no later pass, nor this one, goes through more than the bounds allow.
 */
import {
  ALERT_ATTRIBUTE,
  FOOTNOTE_ATTRIBUTE,
  fillPlaceholder,
  FOOTNOTE_REF_TAG,
  INLINE_BREAK_ATTRIBUTE,
  isRawContainer,
  LINK_FORM_ATTRIBUTE,
  MATH_ATTRIBUTE,
  RAW_HTML_TAG,
  type LinkForm,
} from './classify';
import { Bounds, removeFrom } from './bounds';
import type { MarkdownDialect } from './dialect';
import type { Cut } from './limits';
import { BLOCK_TAGS, childElements, COMMENT_NODE, documentOf, hasClass, HEADING_TAGS, isBlankText, isElement, isText } from './dom';
import { wrapHtmlBlocks } from './html-blocks';
import { keepTypedHtml } from './html';
import { resolveUrl } from './urls';
import { embedPermalink, isCodeEmbed, isSuggestion } from './widgets';

/** HTML that never holds what an author wrote. */
const REMOVED_TAGS = ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'BUTTON', 'svg', 'SVG', 'LINK', 'META', 'IFRAME', 'TEXTAREA', 'SELECT'];

/** Our placeholders: custom elements the rules understand. The site's other custom elements are unwrapped. */
const KNOWN_CUSTOM = new Set([RAW_HTML_TAG, FOOTNOTE_REF_TAG]);

/** What a dialect removes, in the form one look-up per element needs; built once per dialect. */
interface Furniture {
  tags: ReadonlySet<string>;
  /** Any of the furniture classes in a class list (authors cannot set classes). */
  classes: RegExp;
}

const furnitureOf = new WeakMap<MarkdownDialect, Furniture>();

function furniture(dialect: MarkdownDialect): Furniture {
  let known = furnitureOf.get(dialect);
  if (!known) {
    known = {
      tags: new Set([...REMOVED_TAGS, ...dialect.furnitureTags]),
      classes: new RegExp(`(?:^|\\s)(?:${dialect.furnitureClasses.join('|')})(?:\\s|$)`),
    };
    furnitureOf.set(dialect, known);
  }
  return known;
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

/** Cleans the children of `root`, a tree of our own, within the bounds; says which bound cut it, if one did. */
export function cleanup(root: Node, baseUrl: string, dialect: MarkdownDialect): Cut | undefined {
  const pass = new Cleanup(documentOf(root), baseUrl, dialect, new Bounds());
  pass.children(root);
  return pass.bounds.cut;
}

class Cleanup {
  private readonly furniture: Furniture;
  /** How deep the children being visited lie: the root's are at 1. */
  private depth = 0;
  /** Code spans the walk is in: their whitespace is kept, so the bounds read their text. */
  private inCode = 0;

  constructor(
    private readonly doc: Document,
    private readonly baseUrl: string,
    private readonly dialect: MarkdownDialect,
    readonly bounds: Bounds,
  ) {
    this.furniture = furniture(dialect);
  }

  children(parent: Node): void {
    this.depth++;
    let child: Node | null = parent.firstChild;
    while (child) {
      child = this.visit(child);
      if (this.bounds.full) {
        // The size bound was reached inside: nothing after it is kept, here or further up.
        if (child?.parentNode === parent) removeFrom(child);
        break;
      }
    }
    this.depth--;
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

  /** Cleans `node`; returns the next node to visit (children moved up come first), null once the size bound is reached. */
  private visit(node: Node): Node | null {
    const next = node.nextSibling;
    if (isElement(node)) {
      if (this.bounds.tooDeep(this.depth)) {
        node.parentNode?.removeChild(node);
        return next;
      }
      return this.bounds.fits(node) ? this.element(node, next) : null;
    }
    if (isText(node)) return this.bounds.fits(node, false, this.inCode > 0) ? next : null;
    if (node.nodeType === COMMENT_NODE) {
      if (!this.bounds.fits(node)) return null;
      // Comments are raw HTML of the source; turndown would drop them.
      node.parentNode?.replaceChild(this.placeholder(RAW_HTML_TAG, `<!--${(node as Comment).data}-->`), node);
    } else {
      node.parentNode?.removeChild(node);
    }
    return next;
  }

  /** Bounds what was put in place of a node at the current depth, which the walk does not go through. */
  private keep(replacement: Node | null): void {
    if (replacement) this.bounds.replacement(replacement, this.depth);
  }

  private isNoise(el: Element): boolean {
    // Most elements of rendered Markdown carry no attributes at all.
    if (!el.hasAttributes()) return false;
    const classes = el.getAttribute('class');
    if (classes !== null && this.furniture.classes.test(classes)) return true;
    return el.nodeName === 'A' && (el.hasAttribute(this.dialect.footnotes.backReferenceAttribute) || hasClass(el, this.dialect.headings.anchorClass));
  }

  /** The id and name the author gave, without the prefix the site added. */
  private unprefix(el: Element): void {
    const prefix = this.dialect.authoredIdPrefix;
    for (const name of ['id', 'name']) {
      const value = el.getAttribute(name);
      if (value?.startsWith(prefix)) el.setAttribute(name, value.slice(prefix.length));
    }
  }

  /** `unprefix` for the elements below one whose content is kept verbatim (and may be written as HTML). */
  private unprefixBelow(el: Element): void {
    if (el.firstElementChild === null) return;
    for (const named of el.querySelectorAll('[id],[name]')) this.unprefix(named);
  }

  private element(el: Element, next: Node | null): Node | null {
    const name = el.nodeName;
    if (this.furniture.tags.has(name) || this.isNoise(el)) {
      el.remove();
      return next;
    }
    if (el.hasAttributes()) this.unprefix(el);
    const { emoji, math } = this.dialect;
    if (name === emoji.tag) {
      // The character; its alias when the page shows a fallback image instead.
      const alias = el.getAttribute(emoji.aliasAttribute);
      const text = this.doc.createTextNode((el.textContent ?? '').trim() || (alias ? `:${alias}:` : ''));
      el.replaceWith(text);
      this.keep(text);
      return next;
    }
    if (name === math.tag) {
      // Its text is taken verbatim.
      el.setAttribute(MATH_ATTRIBUTE, hasClass(el, math.displayClass) ? 'display' : 'inline');
      this.unprefixBelow(el);
      this.bounds.content(el, this.depth + 1, false, true);
      return next;
    }
    switch (name) {
      case 'FONT':
        return unwrap(el);
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
        // The site's placeholder for an empty post ("No description provided.").
        if (hasClass(el, this.dialect.emptyPostClass)) {
          el.remove();
          return next;
        }
        break;
      case 'VIDEO':
        this.keep(this.video(el, el));
        return next;
      case 'DETAILS': {
        const video = el.querySelector('video');
        // The site shows an uploaded video in a details box of its own.
        if (video && hasClass(el, this.dialect.videoBoxClass)) {
          this.keep(this.video(video, el));
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
        // Its text is taken verbatim.
        this.unprefixBelow(el);
        this.bounds.content(el, this.depth + 1, true);
        return next;
    }
    if (name.includes('-') && !KNOWN_CUSTOM.has(name)) return unwrap(el);
    if (name === 'CODE') {
      this.inCode++;
      this.children(el);
      this.inCode--;
    } else {
      this.children(el);
    }
    return next;
  }

  private placeholder(tag: string, text: string): Element {
    return fillPlaceholder(this.doc.createElement(tag), text);
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
      // Anchors (`<a name="x">`) and bare `<a>` tags stay, as typed: GitHub renders them.
      this.children(a);
      return next;
    }
    const url = resolveUrl(href, this.baseUrl);
    const image = this.soleImage(a);
    if (image && this.isImageWrapper(a, image, url)) {
      a.replaceWith(image);
      this.image(image);
      this.keep(image);
      return next;
    }
    const { references } = this.dialect;
    if (hasClass(a, references.commitClass)) {
      const reference = references.commit(a.textContent ?? '', url, this.baseUrl);
      if (reference !== undefined) {
        const text = this.doc.createTextNode(reference);
        a.replaceWith(text);
        this.keep(text);
        return next;
      }
    }
    if (url !== href) a.setAttribute('href', url);
    this.children(a);
    const form = this.referenceForm(a);
    if (form) a.setAttribute(LINK_FORM_ATTRIBUTE, form);
    return next;
  }

  /**
   * How a link the site made from a reference is written: as the reference when its text is one
   * (`@login`, `#7`), else as its URL (`#7 (comment)`, a commit), except a mention link showing
   * something else, which is a plain link. Undefined for every other link.
   */
  private referenceForm(a: Element): LinkForm | undefined {
    const { references } = this.dialect;
    if (references.mentionClasses.some((name) => hasClass(a, name))) {
      return references.mention.test((a.textContent ?? '').trim()) ? 'reference' : 'link';
    }
    if (hasClass(a, references.issueClass)) return references.issue.test((a.textContent ?? '').trim()) ? 'reference' : 'url';
    return hasClass(a, references.commitClass) ? 'url' : undefined;
  }

  private soleImage(a: Element): Element | null {
    let image: Element | null = null;
    for (let child = a.firstChild; child; child = child.nextSibling) {
      if (isElement(child) && child.nodeName === 'IMG' && !image) image = child;
      else if (!isBlankText(child)) return null;
    }
    return image;
  }

  /** The site links every image to its full-size self (through a proxy); the author wrote just the image. */
  private isImageWrapper(a: Element, image: Element, url: string): boolean {
    const { images } = this.dialect;
    if (a.getAttribute('target') !== images.linkTarget) return false;
    const sources = [image.getAttribute('src'), image.getAttribute(images.originalAttribute)]
      .filter((src): src is string => src !== null)
      .map((src) => resolveUrl(src, this.baseUrl));
    return sources.includes(url) || sources.includes(images.linkedImage(url));
  }

  private image(img: Element): void {
    const alt = img.getAttribute('alt') ?? '';
    const { emoji, images } = this.dialect;
    if (hasClass(img, emoji.imageClass) && emoji.shortcode.test(alt)) {
      // The site's own emoji (`:octocat:`) are images; the author typed the shortcode.
      img.replaceWith(this.doc.createTextNode(alt));
      return;
    }
    const src = img.getAttribute(images.originalAttribute) ?? img.getAttribute('src');
    if (src === null) return;
    const stable = images.stableUrl(resolveUrl(src, this.baseUrl));
    if (stable !== img.getAttribute('src')) img.setAttribute('src', stable);
  }

  /** An uploaded video is rendered from a bare URL in the source: written back as that URL. Returns what took its place. */
  private video(video: Element, replaced: Element): Node | null {
    const src = video.getAttribute('src') ?? video.querySelector('source')?.getAttribute('src');
    if (!src) {
      replaced.remove();
      return null;
    }
    const link = this.autolink(resolveUrl(src, this.baseUrl));
    // The site turns the paragraph holding the URL into the player: it gets a paragraph back.
    const parent = replaced.parentNode;
    const inText = isElement(parent) && /^(?:P|H\d|TD|TH)$/.test(parent.nodeName);
    if (inText) {
      replaced.replaceWith(link);
      return link;
    }
    const paragraph = this.doc.createElement('p');
    paragraph.appendChild(link);
    replaced.replaceWith(paragraph);
    return paragraph;
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
    // The task rule writes `[ ] ` itself; the page's space after the box would double it.
    const after = input.nextSibling;
    if (isText(after)) after.data = after.data.replace(/^[ \t\r\n]+/, '');
  }

  private div(div: Element, next: Node | null): Node | null {
    const { alert, code, headings } = this.dialect;
    if (hasClass(div, headings.wrapperClass) || hasClass(div, code.plainClass)) return unwrap(div);
    if (hasClass(div, code.highlightClass)) {
      const pre = childElements(div, 'PRE')[0];
      if (pre) {
        const language = code.language(div.getAttribute('class') ?? '');
        if (language && !pre.hasAttribute('lang')) pre.setAttribute('lang', language);
        return unwrap(div);
      }
    }
    if (isSuggestion(div, this.dialect)) {
      const lines = Array.from(div.querySelectorAll(this.dialect.suggestion.addedLine), (td) => td.textContent ?? '');
      const block = this.codeBlock('suggestion', lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      div.replaceWith(block);
      this.keep(block);
      return next;
    }
    if (isCodeEmbed(div, this.dialect)) {
      this.keep(this.permalink(div));
      return next;
    }
    if (hasClass(div, alert.class)) {
      for (const title of childElements(div, 'P')) if (hasClass(title, alert.titleClass)) title.remove();
      const type = alert.type.exec(div.getAttribute('class') ?? '')?.[1];
      if (type) div.setAttribute(ALERT_ATTRIBUTE, type.toUpperCase());
    }
    this.children(div);
    return next;
  }

  /** An embedded snippet is the site's rendering of a permalink on a line of its own. Returns what took its place. */
  private permalink(box: Element): Node | null {
    const permalink = embedPermalink(box, this.dialect);
    if (permalink === undefined) {
      box.remove();
      return null;
    }
    const paragraph = this.doc.createElement('p');
    paragraph.appendChild(this.autolink(resolveUrl(permalink, this.baseUrl)));
    box.replaceWith(paragraph);
    return paragraph;
  }

  private codeBlock(language: string, code: string): Element {
    const pre = this.doc.createElement('pre');
    if (language) pre.setAttribute('lang', language);
    pre.appendChild(this.doc.createElement('code')).textContent = code;
    return pre;
  }

  private section(section: Element, next: Node | null): Node | null {
    const { diagram, footnotes } = this.dialect;
    const type = section.getAttribute(diagram.typeAttribute);
    if (type) {
      // A diagram keeps its source in an attribute, or shows it in a `<pre>` until it is drawn.
      const source = section.querySelector(`[${diagram.sourceAttribute}]`)?.getAttribute(diagram.sourceAttribute) ?? section.querySelector('pre')?.textContent;
      if (source != null) {
        const block = this.codeBlock(type, source);
        section.replaceWith(block);
        this.keep(block);
        return next;
      }
    }
    if (section.hasAttribute(footnotes.sectionAttribute) || hasClass(section, footnotes.sectionClass)) return this.footnotes(section, next);
    this.children(section);
    return next;
  }

  /** The footnotes section becomes one block per definition, numbered as the page shows them. */
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
    const { footnotes } = this.dialect;
    const isReference =
      link?.nodeName === 'A' &&
      link.nextElementSibling === null &&
      (link.hasAttribute(footnotes.referenceAttribute) || hasClass(sup, footnotes.referenceClass));
    if (!isReference) return false;
    const placeholder = this.placeholder(FOOTNOTE_REF_TAG, `[^${(link.textContent ?? '').trim()}]`);
    sup.replaceWith(placeholder);
    this.keep(placeholder);
    return true;
  }
}
