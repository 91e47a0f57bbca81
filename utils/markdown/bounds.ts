/**
 * The bounds of limits.ts applied to a tree of our own, as the clean-up walk goes through it
 * (cleanup.ts): elements nested deeper than MAX_NESTING and everything after the first
 * MAX_HTML_CHARS are dropped, so every later pass, and the Markdown (whose lines repeat the prefix
 * of every level they are in), stays bounded; runs of whitespace are shortened to MAX_BLANK_RUN.
 * Sizes count text, attributes and a few characters per tag, in document order.
 */
import { isElement } from './dom';
import { MAX_BLANK_RUN, MAX_HTML_CHARS, MAX_NESTING, type Cut } from './limits';

/** Roughly what an element adds to the size of HTML besides its content and attributes: `<p></p>`. */
const TAG_CHARS = 7;

const TEXT_NODE = 3;

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
export function removeFrom(node: Node): void {
  const parent = node.parentNode;
  while (parent?.lastChild && parent.lastChild !== node) parent.removeChild(parent.lastChild);
  parent?.removeChild(node);
}

export class Bounds {
  cut: Cut | undefined;
  /** The size bound was reached: the node that reached it and everything after it are gone. */
  full = false;
  private size = 0;
  /**
   * Whitespace so far in the current run of text, in document order. Runs are followed across
   * elements in code (where turndown keeps whitespace as it is); elsewhere turndown folds every
   * run of whitespace within a text node, so only a run within one text node is looked for.
   */
  private blankRun = 0;
  /** Every text node is read, not only code: inside a replacement (see `replacement`). */
  private readsText = false;

  /** Whether an element at `depth` (the root's children are at 1) lies too deep; notes the cut when it does. */
  tooDeep(depth: number): boolean {
    if (depth <= MAX_NESTING) return false;
    this.cut ??= { reason: 'depth', limit: MAX_NESTING };
    return true;
  }

  /**
   * Counts a node the walk reached (an element without its content, text, a comment); false when
   * it did not fit: what fitted of it was kept and the rest after it removed. In a code block
   * (`inPre`) lines end runs of whitespace; in any code (`inCode`) runs go on across elements.
   */
  fits(node: Node, inPre = false, inCode = inPre): boolean {
    if (this.full) return false;
    if (isElement(node)) {
      this.size += TAG_CHARS;
      this.attributes(node);
      return this.within(node, null);
    }
    // Most text is counted by its length, unread: reading every text node is most of what this costs.
    if (!this.readsText && !inCode && node.nodeType === TEXT_NODE && (node as Text).length <= MAX_BLANK_RUN) {
      const length = (node as Text).length;
      this.blankRun = 0;
      this.size += length;
      return this.within(node, length);
    }
    const text = node.nodeValue ?? '';
    const value = this.shortenBlanks(text, inPre);
    if (value !== text) node.nodeValue = value;
    this.size += value.length;
    return this.within(node, value.length);
  }

  /** Whether the size so far is within the bound; when not, cuts at `node` (text of `length` keeps what fits). */
  private within(node: Node, length: number | null): boolean {
    const over = this.size - MAX_HTML_CHARS;
    if (over <= 0) return true;
    this.cut ??= { reason: 'size', limit: MAX_HTML_CHARS };
    this.full = true;
    if (length !== null && length > over) {
      node.nodeValue = (node.nodeValue ?? '').slice(0, length - over);
      if (node.nextSibling) removeFrom(node.nextSibling);
      return false;
    }
    removeFrom(node);
    return false;
  }

  /**
   * Bounds `node` and everything in it, for content the walk does not go through itself (code, a
   * formula, what it put in place of a widget); `depth` is the node's own. False when the size
   * bound was reached in it.
   */
  subtree(node: Node, depth: number, inPre: boolean, inCode = inPre): boolean {
    if (isElement(node) && this.tooDeep(depth)) {
      node.parentNode?.removeChild(node);
      return true;
    }
    if (!this.fits(node, inPre, inCode)) return false;
    const pre = inPre || node.nodeName === 'PRE';
    return this.content(node, depth + 1, pre, inCode || pre);
  }

  /**
   * `subtree` for what the walk put in place of a node (a widget's source, an emoji's character):
   * text taken from attributes and widgets, read whole as code is.
   */
  replacement(node: Node, depth: number): boolean {
    const readsText = this.readsText;
    this.readsText = true;
    try {
      return this.subtree(node, depth, false);
    } finally {
      this.readsText = readsText;
    }
  }

  /** `subtree` for each child of `parent`, at `depth`. */
  content(parent: Node, depth: number, inPre: boolean, inCode = inPre): boolean {
    for (let child = parent.firstChild; child;) {
      const next = child.nextSibling;
      if (!this.subtree(child, depth, inPre, inCode)) {
        if (next?.parentNode === parent) removeFrom(next);
        return false;
      }
      child = next;
    }
    return true;
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
