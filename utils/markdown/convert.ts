/**
 * The conversion pipeline: a private copy of the tree, bounded, cleaned, escaped in context, then
 * turndown. A post over a bound (limits.ts) keeps what fit and ends with a note saying what was cut.
 */
import { cleanup } from './cleanup';
import type { MarkdownDialect } from './dialect';
import { DOCUMENT_NODE, documentOf, FRAGMENT_NODE, hasClass, isElement } from './dom';
import { escapeTree } from './escape';
import { finalize } from './finalize';
import { cutNote, cutText, MAX_BLANK_RUN, MAX_HTML_CHARS, MAX_MARKDOWN_CHARS, MAX_NESTING, type Cut } from './limits';
import { turndownTree } from './service';

export interface ConvertOptions {
  /** URL of the page the HTML comes from: relative links and images resolve against it. */
  baseUrl: string;
  /** How the site the HTML comes from renders Markdown (the site adapter's). */
  dialect: MarkdownDialect;
  /**
   * The `performance.now()` time by which converting must end; what is left then is cut. Absent, only
   * depth and size bound the work (tools that measure the converter want all of it).
   */
  deadline?: number;
  /** Told when a bound cut the input: the Markdown then keeps what fit and ends with a note. */
  onCut?: (cut: Cut) => void;
}

/**
 * A copy of `source` whose children get converted. A post's body element stays the (detached)
 * root; cells and `<body>` cannot, as rules would take their content for a table's or a page's.
 */
function workingCopy(source: Node, dialect: MarkdownDialect): ParentNode & Node {
  const copy = source.cloneNode(true) as ParentNode & Node;
  if (source.nodeType === FRAGMENT_NODE || (isElement(source) && hasClass(source, dialect.bodyClass) && !/^T[DH]$/.test(source.nodeName))) {
    return copy;
  }
  const fragment = documentOf(source).createDocumentFragment();
  if (isElement(source) && ['BODY', 'TD', 'TH'].includes(source.nodeName)) {
    while (copy.firstChild) fragment.appendChild(copy.firstChild);
  } else {
    fragment.appendChild(copy);
  }
  return fragment;
}

/** Turndown converts a copy of its input; ours is one already, so it is handed over as it is. */
function sameNode(this: Node): Node {
  return this;
}

/** Roughly what an element adds to the size of HTML besides its content and attributes: `<p></p>`. */
const TAG_CHARS = 7;

/** What JavaScript's `\s` matches: what turndown's final trim treats as whitespace. */
const WHITESPACE = new Set([...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff'].map((c) => c.charCodeAt(0)));
for (let code = 0x2000; code <= 0x200a; code++) WHITESPACE.add(code);

/** Whether `code` continues a run of whitespace; in code, lines end runs (the code rules keep them apart in the Markdown). */
function isBlank(code: number, inPre: boolean): boolean {
  return WHITESPACE.has(code) && !(inPre && code === 10);
}

/** A run of whitespace longer than MAX_BLANK_RUN (`\s` is WHITESPACE); in code, lines end runs. */
const LONG_BLANK_RUN = new RegExp(`\\s{${MAX_BLANK_RUN + 1}}`);
const LONG_BLANK_RUN_IN_PRE = new RegExp(`[^\\S\\n]{${MAX_BLANK_RUN + 1}}`);

/** Removes `node` and every sibling after it. */
function removeFrom(node: Node): void {
  const parent = node.parentNode;
  while (parent?.lastChild && parent.lastChild !== node) parent.removeChild(parent.lastChild);
  parent?.removeChild(node);
}

/**
 * Bounds a tree of our own before any other pass: drops the elements nested deeper than
 * MAX_NESTING and everything after the first MAX_HTML_CHARS, so every later pass, and the Markdown
 * (whose lines repeat the prefix of every level they are in), stays bounded; and shortens runs of
 * whitespace to MAX_BLANK_RUN. Its own recursion stops at MAX_NESTING.
 */
class Bounds {
  cut: Cut | undefined;
  private size = 0;
  /** Whitespace so far in the current run of text, in document order (across elements). */
  private blankRun = 0;

  /** Bounds the children of `parent`; false when the size bound was reached (nothing after it is kept). */
  visit(parent: Node, depth: number, inPre: boolean): boolean {
    for (let child = parent.firstChild; child;) {
      const next = child.nextSibling;
      const element = isElement(child);
      if (element && depth > MAX_NESTING) {
        this.cut ??= { reason: 'depth', limit: MAX_NESTING };
        parent.removeChild(child);
      } else if (!this.fits(child, element, inPre)) {
        if (next) removeFrom(next);
        return false;
      } else if (element && child.firstChild !== null && !this.visit(child, depth + 1, inPre || child.nodeName === 'PRE')) {
        if (next) removeFrom(next);
        return false;
      }
      child = next;
    }
    return true;
  }

  /** Counts `node` (not its children) towards the size; false when it does not fit and was cut. */
  private fits(node: Node, element: boolean, inPre: boolean): boolean {
    // Elements have no value of their own: `nodeValue` is asked of text (and comments) only.
    const text = element ? null : node.nodeValue;
    const value = text === null ? null : this.shortenBlanks(text, inPre);
    if (value !== null) {
      if (value !== text) node.nodeValue = value;
      this.size += value.length;
    } else {
      this.size += TAG_CHARS;
      if (element) this.attributes(node as Element);
    }
    const over = this.size - MAX_HTML_CHARS;
    if (over <= 0) return true;
    this.cut ??= { reason: 'size', limit: MAX_HTML_CHARS };
    // Text keeps what fits of it.
    if (value && value.length > over) {
      node.nodeValue = value.slice(0, value.length - over);
      return true;
    }
    removeFrom(node);
    return false;
  }

  /** Attributes count towards the size, and their values (alt text, titles) are text of the Markdown too. */
  private attributes(el: Element): void {
    // Most elements of rendered Markdown carry none.
    if (!el.hasAttributes()) return;
    const run = this.blankRun;
    // By name: reading `attributes[i]` makes the browser build an Attr node for each.
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name)!;
      this.blankRun = 0;
      const kept = this.shortenBlanks(value, false);
      if (kept !== value) el.setAttribute(name, kept);
      this.size += name.length + kept.length;
    }
    this.blankRun = run;
  }

  /** `text` with no whitespace run longer than MAX_BLANK_RUN, counting the run it continues. */
  private shortenBlanks(text: string, inPre: boolean): string {
    if (this.blankRun + text.length <= MAX_BLANK_RUN) {
      // Too short to break the bound: only the run it leaves open counts.
      let end = text.length;
      while (end > 0 && isBlank(text.charCodeAt(end - 1), inPre)) end--;
      this.blankRun = end === 0 ? this.blankRun + text.length : text.length - end;
      return text;
    }
    // A run inside the text that breaks the bound is rare: looked for natively, not character by character.
    let start = 0;
    while (start < text.length && isBlank(text.charCodeAt(start), inPre)) start++;
    if (start < text.length && this.blankRun + start <= MAX_BLANK_RUN && !(inPre ? LONG_BLANK_RUN_IN_PRE : LONG_BLANK_RUN).test(text)) {
      let end = text.length;
      while (isBlank(text.charCodeAt(end - 1), inPre)) end--;
      this.blankRun = text.length - end;
      return text;
    }
    let kept = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      if (!isBlank(text.charCodeAt(i), inPre)) {
        this.blankRun = 0;
      } else if (++this.blankRun > MAX_BLANK_RUN) {
        this.cut ??= { reason: 'blanks', limit: MAX_BLANK_RUN };
        kept += text.slice(from, i);
        from = i + 1;
      }
    }
    return from === 0 ? text : kept + text.slice(from);
  }
}

/** Converts the children of `root`, a tree of our own (which this changes). */
export function convertOwn(root: ParentNode & Node, options: ConvertOptions): string {
  const bounds = new Bounds();
  bounds.visit(root, 1, false);
  cleanup(root, options.baseUrl, options.dialect);
  escapeTree(root);
  Object.defineProperty(root, 'cloneNode', { value: sameNode });
  const converted = turndownTree(root as HTMLElement | DocumentFragment, options.deadline);
  const markdown = finalize(converted.markdown);
  const cut = bounds.cut ?? converted.cut ?? (markdown.length > MAX_MARKDOWN_CHARS ? { reason: 'size', limit: MAX_MARKDOWN_CHARS } : undefined);
  if (!cut) return markdown;
  options.onCut?.(cut);
  const note = cutNote(cut);
  // With its note, the Markdown stays within what the store accepts.
  const kept = cutText(markdown, MAX_MARKDOWN_CHARS - note.length - 2).trimEnd();
  return kept ? `${kept}\n\n${note}` : note;
}

export function htmlToMarkdown(input: string | Node, options: ConvertOptions): string {
  if (typeof input !== 'string') {
    const source = input.nodeType === DOCUMENT_NODE ? ((input as Document).body ?? input) : input;
    return convertOwn(workingCopy(source, options.dialect), options);
  }
  // The page's (or the test window's) parser, never turndown's fallback parser. A <template> parses
  // a fragment as written (leading comments, bare cells) into an inert tree of our own; DOMParser
  // builds it without assigning innerHTML, which Firefox's add-on linter flags in a content script.
  // The template is left open: a tag cut off at the end of the input is dropped, as the page's
  // parser drops it, rather than swallowing a closing `</template>`.
  const parsed = new DOMParser().parseFromString(`<template>${input}`, 'text/html');
  return convertOwn(parsed.querySelector('template')!.content, options);
}
