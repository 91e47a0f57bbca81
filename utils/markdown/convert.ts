/** The conversion pipeline: a private copy of the tree, cleaned, escaped in context, then turndown. */
import { cleanup } from './cleanup';
import { DOCUMENT_NODE, documentOf, FRAGMENT_NODE, hasClass, isElement } from './dom';
import { escapeTree } from './escape';
import { finalize } from './finalize';
import { turndownService } from './service';

export interface ConvertOptions {
  /** URL of the page the HTML comes from: relative links and images resolve against it. */
  baseUrl: string;
}

/**
 * A copy of `source` whose children get converted. A post's body element stays the (detached)
 * root; cells and `<body>` cannot, as rules would take their content for a table's or a page's.
 */
function workingCopy(source: Node): ParentNode & Node {
  const copy = source.cloneNode(true) as ParentNode & Node;
  if (source.nodeType === FRAGMENT_NODE || (isElement(source) && hasClass(source, 'markdown-body') && !/^T[DH]$/.test(source.nodeName))) {
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
  cleanup(root, options.baseUrl);
  escapeTree(root);
  Object.defineProperty(root, 'cloneNode', { value: sameNode });
  return finalize(turndownService().turndown(root as HTMLElement | DocumentFragment));
}

export function htmlToMarkdown(input: string | Node, options: ConvertOptions): string {
  if (typeof input !== 'string') {
    const source = input.nodeType === DOCUMENT_NODE ? ((input as Document).body ?? input) : input;
    return convertOwn(workingCopy(source), options);
  }
  // The page's (or the test window's) parser, never turndown's fallback parser. A <template> parses
  // a fragment as written (leading comments, bare cells) into an inert tree of our own; DOMParser
  // builds it without assigning innerHTML, which Firefox's add-on linter flags in a content script.
  const parsed = new DOMParser().parseFromString(`<template>${input}</template>`, 'text/html');
  return convertOwn(parsed.querySelector('template')!.content, options);
}
