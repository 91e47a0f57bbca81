/**
 * Preprocessing of the private copy of the tree, in one walk: drops the site's page furniture (copy
 * buttons, anchors, icons, screen-reader text) and translator wrappers, turns rendered widgets back
 * into the source they came from (highlighted code, diagrams, code permalinks, suggestions, videos,
 * emoji, footnotes, commit references), makes every URL absolute, and marks inline HTML typed as a
 * block. The one pass that reads the site's dialect: what else the rules need of it (references,
 * formulas, alerts) it leaves as the converter's own markers.
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
import type { MarkdownDialect } from './dialect';
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

export function cleanup(root: Node, baseUrl: string, dialect: MarkdownDialect): void {
  new Cleanup(documentOf(root), baseUrl, dialect).children(root);
}

class Cleanup {
  private readonly furniture: Furniture;

  constructor(
    private readonly doc: Document,
    private readonly baseUrl: string,
    private readonly dialect: MarkdownDialect,
  ) {
    this.furniture = furniture(dialect);
  }

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
      const text = (el.textContent ?? '').trim() || (alias ? `:${alias}:` : '');
      el.replaceWith(this.doc.createTextNode(text));
      return next;
    }
    if (name === math.tag) {
      // Its text is taken verbatim.
      el.setAttribute(MATH_ATTRIBUTE, hasClass(el, math.displayClass) ? 'display' : 'inline');
      this.unprefixBelow(el);
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
        this.video(el, el);
        return next;
      case 'DETAILS': {
        const video = el.querySelector('video');
        // The site shows an uploaded video in a details box of its own.
        if (video && hasClass(el, this.dialect.videoBoxClass)) {
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
        // Its text is taken verbatim.
        this.unprefixBelow(el);
        return next;
    }
    if (name.includes('-') && !KNOWN_CUSTOM.has(name)) return unwrap(el);
    this.children(el);
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
      return next;
    }
    const { references } = this.dialect;
    if (hasClass(a, references.commitClass)) {
      const reference = references.commit(a.textContent ?? '', url, this.baseUrl);
      if (reference !== undefined) {
        a.replaceWith(this.doc.createTextNode(reference));
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

  /** An uploaded video is rendered from a bare URL in the source: written back as that URL. */
  private video(video: Element, replaced: Element): void {
    const src = video.getAttribute('src') ?? video.querySelector('source')?.getAttribute('src');
    if (!src) {
      replaced.remove();
      return;
    }
    const link = this.autolink(resolveUrl(src, this.baseUrl));
    // The site turns the paragraph holding the URL into the player: it gets a paragraph back.
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
      div.replaceWith(this.codeBlock('suggestion', lines.length === 0 ? '' : `${lines.join('\n')}\n`));
      return next;
    }
    if (isCodeEmbed(div, this.dialect)) {
      this.permalink(div);
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

  /** An embedded snippet is the site's rendering of a permalink on a line of its own. */
  private permalink(box: Element): void {
    const permalink = embedPermalink(box, this.dialect);
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
    const { diagram, footnotes } = this.dialect;
    const type = section.getAttribute(diagram.typeAttribute);
    if (type) {
      // A diagram keeps its source in an attribute, or shows it in a `<pre>` until it is drawn.
      const source = section.querySelector(`[${diagram.sourceAttribute}]`)?.getAttribute(diagram.sourceAttribute) ?? section.querySelector('pre')?.textContent;
      if (source != null) {
        section.replaceWith(this.codeBlock(type, source));
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
    sup.replaceWith(this.placeholder(FOOTNOTE_REF_TAG, `[^${(link.textContent ?? '').trim()}]`));
    return true;
  }
}
