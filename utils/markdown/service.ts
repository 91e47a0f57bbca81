/**
 * The turndown service, built once on first use: turndown's defaults, the plugin's tables, task
 * items and strikethrough, and our rules on top of them, indexed by tag.
 */
import { strikethrough, tables, taskListItems } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { isHtmlContainer, isInlineHtml } from './classify';
import { HEADING_TAGS, isBlockElement, remember, remembered } from './dom';
import { CONVERSION_BUDGET_MS, cutText, MAX_MARKDOWN_CHARS, type Cut } from './limits';
import { blockquote, heading, horizontalRule, lineBreak, paragraph } from './rules/blocks';
import { fencedCode, inlineCode } from './rules/code';
import { emphasis, strikethroughFallback, strong } from './rules/emphasis';
import { alert, footnoteDefinition, footnoteReference, math } from './rules/extensions';
import { definitionList, details, htmlBlock, htmlContainer, inlineHtml, picture, rawHtml, summary } from './rules/html';
import { image } from './rules/images';
import { block, trimBlank } from './rules/layout';
import { link } from './rules/links';
import { list, listItem, looseTaskItem } from './rules/lists';
import type { TagRule } from './rules/rule';
import { htmlTable, singleCellTable, tableCell } from './rules/tables';

/** In priority order; rules for the same tag are told apart by their `when`. */
const RULES: readonly TagRule[] = [
  paragraph,
  link,
  inlineCode,
  listItem,
  list,
  emphasis,
  strong,
  fencedCode,
  lineBreak,
  image,
  htmlBlock,
  footnoteDefinition,
  alert,
  htmlContainer,
  heading,
  blockquote,
  horizontalRule,
  strikethroughFallback,
  looseTaskItem,
  htmlTable,
  singleCellTable,
  tableCell,
  rawHtml,
  details,
  summary,
  definitionList,
  picture,
  footnoteReference,
  math,
  inlineHtml,
];

/** Elements the plugin's rules write (table structure, task boxes, strikethrough) when ours do not. */
const PLUGIN_TAGS = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'CAPTION', 'COLGROUP', 'COL', 'INPUT', 'DEL']);

/** Everything else contributes its content (as a block when it is one). */
const passthrough: TagRule = {
  tags: ['*'],
  replacement: (content, node) => (isBlockElement(node) ? block(node, trimBlank(content)) : content),
};

const byTag = new Map<string, TagRule[]>();
const anyTag: TagRule[] = [];
for (const rule of RULES) {
  for (const tag of rule.tags) {
    if (tag === '*') anyTag.push(rule);
    else byTag.set(tag, [...(byTag.get(tag) ?? []), rule]);
  }
}

function ruleFor(node: HTMLElement): TagRule | undefined {
  const name = node.nodeName;
  for (const rule of byTag.get(name) ?? []) if (!rule.when || rule.when(node)) return rule;
  for (const rule of anyTag) if (!rule.when || rule.when(node)) return rule;
  return PLUGIN_TAGS.has(name) ? undefined : passthrough;
}

const CHOSEN = Symbol('rule');

/** The conversion under way: turndown calls the rules synchronously, so there is one at a time. */
const current: { deadline: number; cut?: Cut } = { deadline: Infinity };

/** Takes everything after `node` out of the tree, so turndown never reaches it; the first cut is the one reported. */
function stopAfter(node: Node, cut: Cut): void {
  current.cut ??= cut;
  for (let at: Node | null = node; at?.parentNode; at = at.parentNode) {
    const parent: Node = at.parentNode;
    while (parent.lastChild && parent.lastChild !== at) parent.removeChild(parent.lastChild);
  }
}

/**
 * Our rules as one turndown rule, tried first: one look-up by tag instead of every rule's filter
 * in turn for every element. What it declines goes on to the plugin's rules.
 *
 * Turndown hands every rule the Markdown of the element's content, innermost first: where time and
 * size are checked. Past the deadline, the element at hand and everything after it are left out,
 * and so is each element still open around it, so the Markdown keeps the blocks finished in time
 * and the work stops at once. Content over MAX_MARKDOWN_CHARS keeps its first lines: every enclosing
 * element rewrites its content (prefixes, indentation), and each then rewrites a bounded amount.
 */
const ourRules: TurndownService.Rule = {
  filter: (node) => {
    const rule = ruleFor(node);
    if (rule) remember(node, CHOSEN, rule);
    return rule !== undefined;
  },
  replacement: (content, node, options) => {
    // Without a deadline (tools that want all of it), no clock is read for every element.
    if (current.deadline !== Infinity && performance.now() > current.deadline) {
      stopAfter(node, { reason: 'time', limit: CONVERSION_BUDGET_MS });
      return '';
    }
    const rule = remembered<TagRule>(node, CHOSEN) ?? passthrough;
    if (content.length <= MAX_MARKDOWN_CHARS) return rule.replacement(content, node, options);
    stopAfter(node, { reason: 'size', limit: MAX_MARKDOWN_CHARS });
    return rule.replacement(cutText(content, MAX_MARKDOWN_CHARS), node, options);
  },
};

const TABLE_STRUCTURE = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR']);
const MEANINGFUL_INSIDE = 'li,h1,h2,h3,h4,h5,h6,pre,code,blockquote,details,hr';

/** Elements that mean something even when empty: `-`, `#`, an empty fence, `>`, `<kbd></kbd>`. */
function meaningfulWhenBlank(node: HTMLElement): boolean {
  const name = node.nodeName;
  if (HEADING_TAGS.has(name) || TABLE_STRUCTURE.has(name) || ['LI', 'PRE', 'CODE', 'BLOCKQUOTE', 'DETAILS'].includes(name)) return true;
  if (isInlineHtml(node) || isHtmlContainer(node)) return true;
  // A paragraph of blank code spans or of `&nbsp;`, a wrapper around an empty list item.
  if (/[^ \t\r\n]/.test(node.textContent ?? '') || node.querySelector(MEANINGFUL_INSIDE) !== null) return true;
  // Empty tags typed as inline HTML (`<a><bab></bab></a>`) render as elements of their own.
  for (const el of node.getElementsByTagName('*')) if (isInlineHtml(el)) return true;
  return false;
}

let service: TurndownService | undefined;

/**
 * Converts a tree of our own, cleaned and escaped, to Markdown (before finalize). Past `deadline`
 * (a `performance.now()` time) and past MAX_MARKDOWN_CHARS of content, the rest of the tree is
 * left out; `cut` says which.
 */
export function turndownTree(root: HTMLElement | DocumentFragment, deadline = Infinity): { markdown: string; cut?: Cut } {
  service ??= createService();
  current.deadline = deadline;
  current.cut = undefined;
  try {
    const markdown = service.turndown(root);
    return current.cut ? { markdown, cut: current.cut } : { markdown };
  } finally {
    current.deadline = Infinity;
    current.cut = undefined;
  }
}

function createService(): TurndownService {
  const td: TurndownService = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
    // Code keeps its whitespace exactly.
    preformattedCode: true,
    blankReplacement: (content, node, options) => {
      if (!meaningfulWhenBlank(node)) return isBlockElement(node) ? '\n\n' : '';
      // Turndown picks the blank rule before any other; let the element's own rule write it.
      (node as HTMLElement & { isBlank: boolean }).isBlank = false;
      return td.rules.forNode(node).replacement?.(content, node, options) ?? '';
    },
  });
  // Text nodes were escaped in their context before conversion (escape.ts); turndown's own
  // escaping knows no context and would escape everything again.
  td.escape = (text: string) => text;
  td.use([tables, taskListItems, strikethrough]);
  td.addRule('weeklyClipper', ourRules);
  return td;
}
