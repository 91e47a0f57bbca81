/**
 * Writing elements back as HTML, for what Markdown cannot say but GitHub renders (`<kbd>`, sized
 * images, aligned blocks, `<details>` summaries). GitHub's sanitizer strips authors' classes, styles
 * and data attributes, so on a GitHub page those are always GitHub's own decoration: dropped.
 */
import { EMPTY_TAG_MARK, FOOTNOTE_REF_TAG, placeholderText, RAW_HTML_TAG } from './classify';
import { isAuthoredAttribute, isElement, isText, VOID_TAGS } from './dom';
import { LINE_END } from './finalize';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** `<tag attr="...">` with the attributes an author could have written. */
export function openTag(el: Element): string {
  const tag = el.nodeName.toLowerCase();
  let out = `<${tag}`;
  for (const attr of Array.from(el.attributes)) {
    if (!isAuthoredAttribute(attr.name)) continue;
    if (attr.value === '' && (attr.name === 'open' || attr.name === 'checked')) {
      out += ` ${attr.name}`;
      continue;
    }
    out += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
  }
  return `${out}>`;
}

export function closeTag(el: Element): string {
  return `</${el.nodeName.toLowerCase()}>`;
}

export function serializeChildren(node: Node, inPre = false): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) out += serializeNode(child, inPre);
  return out;
}

function serializeNode(node: Node, inPre: boolean): string {
  if (isText(node)) {
    if (node.data === EMPTY_TAG_MARK) return '';
    const text = escapeHtml(node.data);
    // Keep code lines exactly as they are through the final whitespace clean-up.
    return inPre ? text.replace(/\n/g, `${LINE_END}\n`) : text;
  }
  if (!isElement(node)) return '';
  // Placeholders already hold what they stand for.
  if (node.nodeName === RAW_HTML_TAG || node.nodeName === FOOTNOTE_REF_TAG) return placeholderText(node);
  if (VOID_TAGS.has(node.nodeName)) return openTag(node);
  const pre = inPre || node.nodeName === 'PRE';
  return openTag(node) + serializeChildren(node, pre) + closeTag(node);
}

export function serializeHtml(el: Element): string {
  return serializeNode(el, false);
}

/** Inner HTML taken before turndown folds whitespace, so HTML blocks keep the lines they were typed on. */
const typedHtml = new WeakMap<Element, string>();

export function keepTypedHtml(el: Element): void {
  // A blank line would end the HTML block early.
  typedHtml.set(el, serializeChildren(el).replace(/\n[ \t]*(?=\n)/g, ''));
}

/** The inner HTML of an element written as HTML: as typed when kept, else as it is now. */
export function innerHtml(el: Element): string {
  return typedHtml.get(el) ?? serializeChildren(el);
}
