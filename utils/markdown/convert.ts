/**
 * The conversion pipeline: a private copy of the tree, cleaned within bounds, escaped in context,
 * then turndown. A post over a bound (limits.ts) keeps what fit and ends with a note saying what was cut.
 */
import { cleanup } from './cleanup';
import type { MarkdownDialect } from './dialect';
import { DOCUMENT_NODE, documentOf, FRAGMENT_NODE, hasClass, isElement } from './dom';
import { escapeTree } from './escape';
import { finalize } from './finalize';
import { cutNote, cutText, MAX_MARKDOWN_CHARS, type Cut } from './limits';
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

/** Converts the children of `root`, a tree of our own (which this changes). */
export function convertOwn(root: ParentNode & Node, options: ConvertOptions): string {
  const bounded = cleanup(root, options.baseUrl, options.dialect);
  escapeTree(root);
  Object.defineProperty(root, 'cloneNode', { value: sameNode });
  const converted = turndownTree(root as HTMLElement | DocumentFragment, options.deadline);
  const markdown = finalize(converted.markdown);
  const cut = bounded ?? converted.cut ?? (markdown.length > MAX_MARKDOWN_CHARS ? { reason: 'size', limit: MAX_MARKDOWN_CHARS } : undefined);
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
