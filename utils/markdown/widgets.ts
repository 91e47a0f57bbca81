/**
 * Widgets the site draws line by line or cell by cell: a suggested change, a diff, an embedded code
 * permalink, a table. A piece of one means the lines or cells it touches, so a selection inside
 * widens to them: each widget narrows a copy of itself to what the ranges take, in the shape the
 * rest of the converter reads (cleanup.ts writes a suggestion or a diff back as its fence).
 * A selection that touches a widget but none of its lines (a header, only removed lines of a
 * suggestion) stands for the whole widget.
 */
import type { MarkdownDialect } from './dialect';
import { childElements, documentOf, hasClass } from './dom';
import { fileLanguage } from './languages';

export interface Widget {
  /** A copy of `root` holding the lines or cells `ranges` take. */
  narrow(root: Element, ranges: readonly Range[], dialect: MarkdownDialect): Node;
}

/** A ```suggestion block of a review comment. */
export function isSuggestion(el: Element, dialect: MarkdownDialect): boolean {
  return el.nodeName === 'DIV' && hasClass(el, dialect.suggestion.class);
}

/** The snippet the site embeds for a code permalink on a line of its own. */
export function isCodeEmbed(el: Element, dialect: MarkdownDialect): boolean {
  const { boxClasses, lineNumber } = dialect.codeEmbed;
  return el.nodeName === 'DIV' && boxClasses.some((name) => hasClass(el, name)) && !isSuggestion(el, dialect) && el.querySelector(lineNumber) !== null;
}

/** The permalink an embedded snippet was rendered from. */
export function embedPermalink(box: Element, dialect: MarkdownDialect): string | undefined {
  const link = Array.from(box.querySelectorAll('a[href]')).find((a) => dialect.codeEmbed.permalink.test(a.getAttribute('href') ?? ''));
  return link?.getAttribute('href') ?? undefined;
}

function isDiff(el: Element, dialect: MarkdownDialect): boolean {
  const { code } = dialect;
  return el.nodeName === 'DIV' && hasClass(el, code.highlightClass) && code.language(el.getAttribute('class') ?? '') === 'diff';
}

/** A cell of a table the author wrote, not of the line tables the site draws code in. */
export function isAuthoredCell(el: Element, dialect: MarkdownDialect): boolean {
  return (el.nodeName === 'TD' || el.nodeName === 'TH') && el.closest(dialect.lineTable) === null;
}

/** The part of `range` inside `node`, or undefined when they do not overlap. */
function clip(range: Range, node: Node): Range | undefined {
  const part = documentOf(node).createRange();
  part.selectNodeContents(node);
  // A boundary moved past the other end collapses the range: no overlap.
  if (range.compareBoundaryPoints(range.START_TO_START, part) > 0) part.setStart(range.startContainer, range.startOffset);
  if (range.compareBoundaryPoints(range.END_TO_END, part) < 0) part.setEnd(range.endContainer, range.endOffset);
  return part.collapsed ? undefined : part;
}

/**
 * `range` takes `node`: all of it, or some of its text. A range that merely ends at the start of a
 * line (as a triple click's does) takes nothing of it but the markup's whitespace between cells.
 */
function takes(range: Range, node: Node): boolean {
  const whole = documentOf(node).createRange();
  whole.selectNode(node);
  if (range.compareBoundaryPoints(range.START_TO_START, whole) <= 0 && range.compareBoundaryPoints(range.END_TO_END, whole) >= 0) return true;
  return /\S/.test(clip(range, node)?.toString() ?? '');
}

/** Where `range` starts and ends in the text of `node`; undefined when it takes none of it. */
function textSpan(range: Range, node: Node): [number, number] | undefined {
  const part = clip(range, node);
  const length = part?.toString().length ?? 0;
  if (!part || length === 0) return undefined;
  const before = documentOf(node).createRange();
  before.setStart(node, 0);
  before.setEnd(part.startContainer, part.startOffset);
  const start = before.toString().length;
  return [start, start + length];
}

/** The smallest span holding every range's span in `node`. */
function unionSpan(ranges: readonly Range[], node: Node): [number, number] | undefined {
  let union: [number, number] | undefined;
  for (const range of ranges) {
    const span = textSpan(range, node);
    if (span) union = union ? [Math.min(union[0], span[0]), Math.max(union[1], span[1])] : span;
  }
  return union;
}

/** The selected lines of the suggestion; only its added lines are written (cleanup.ts). */
const suggestion: Widget = {
  narrow(root, ranges, dialect) {
    const copy = root.cloneNode(true) as Element;
    const rows = Array.from(root.querySelectorAll('tr'));
    const taken = rows.map((row) => ranges.some((range) => takes(range, row)));
    if (!rows.some((row, i) => taken[i] && row.querySelector(dialect.suggestion.addedLine))) return copy;
    const copies = copy.querySelectorAll('tr');
    rows.forEach((_, i) => {
      if (!taken[i]) copies[i]?.remove();
    });
    return copy;
  },
};

/** Whole lines of a diff: a line is nothing without its `+`, `-` or space in front. */
const diff: Widget = {
  narrow(root, ranges) {
    const pre = childElements(root, 'PRE')[0];
    const span = pre && unionSpan(ranges, pre);
    if (!pre || !span) return root.cloneNode(true);
    const text = pre.textContent ?? '';
    const [start, end] = span;
    // A drag that starts at the end of a line takes nothing of that line but its newline.
    const first = text[start] === '\n' && start + 1 < end ? start + 1 : start;
    const from = text.lastIndexOf('\n', first - 1) + 1;
    // A selection that took a line's newline ends there, not on the next line.
    const lineEnd = text.indexOf('\n', text[end - 1] === '\n' ? end - 1 : end);
    const copy = root.cloneNode(false) as Element;
    const code = copy.appendChild(pre.cloneNode(false));
    code.textContent = text.slice(from, lineEnd === -1 ? text.length : lineEnd);
    return copy;
  },
};

/**
 * The selected code of an embedded permalink, as a fenced block in the file's language: the text
 * of its code cells, never their line numbers (those are drawn from attributes by CSS).
 */
const codeEmbed: Widget = {
  narrow(root, ranges, dialect) {
    const lines: string[] = [];
    for (const row of Array.from(root.querySelectorAll('tr'))) {
      const cell = row.querySelector(dialect.codeEmbed.line);
      if (!cell || !ranges.some((range) => takes(range, row))) continue;
      const text = cell.textContent ?? '';
      // The site pads each line of an embedded snippet with a space on either side.
      const padStart = text.startsWith(' ') ? 1 : 0;
      const padEnd = text.length > padStart && text.endsWith(' ') ? text.length - 1 : text.length;
      const [start, end] = unionSpan(ranges, cell) ?? [0, text.length];
      lines.push(text.slice(Math.max(start, padStart), Math.min(end, padEnd)));
    }
    if (lines.length === 0) return root.cloneNode(true);
    const pre = documentOf(root).createElement('pre');
    const language = fileLanguage((embedPermalink(root, dialect) ?? '').replace(/[?#].*$/, ''));
    if (language) pre.setAttribute('lang', language);
    pre.textContent = lines.join('\n');
    return pre;
  },
};

const SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);

function rowsOf(table: Element): Element[] {
  return childElements(table).flatMap((part) => (part.nodeName === 'TR' ? [part] : SECTIONS.has(part.nodeName) ? childElements(part, 'TR') : []));
}

function cellsOf(row: Element): Element[] {
  return childElements(row).filter((cell) => cell.nodeName === 'TD' || cell.nodeName === 'TH');
}

/**
 * The selected rows of a table under its header row, and, when the selection takes only some
 * columns (Firefox selects cells one range each), those columns.
 */
const table: Widget = {
  narrow(root, ranges) {
    const copy = root.cloneNode(true) as Element;
    const rows = rowsOf(root);
    const copies = rowsOf(copy);
    const columns = new Set<number>();
    const takenRows = rows.map((row) => {
      let taken = false;
      cellsOf(row).forEach((cell, column) => {
        if (!ranges.some((range) => takes(range, cell))) return;
        taken = true;
        columns.add(column);
      });
      return taken;
    });
    if (!takenRows.includes(true)) return copy;
    // Spanning cells leave no columns to pick; such a table stays HTML, whole rows.
    const spans = root.querySelector('[colspan]:not([colspan="1"]),[rowspan]:not([rowspan="1"])') !== null;
    rows.forEach((row, i) => {
      const rowCopy = copies[i];
      if (!rowCopy) return;
      if (!takenRows[i] && row.parentElement?.nodeName !== 'THEAD') {
        rowCopy.remove();
        return;
      }
      if (spans) return;
      cellsOf(rowCopy).forEach((cell, column) => {
        if (!columns.has(column)) cell.remove();
      });
    });
    return copy;
  },
};

/** The widget `el` is the root of, if any. */
export function widgetOf(el: Element, dialect: MarkdownDialect): Widget | undefined {
  if (el.nodeName === 'TABLE') return el.closest(dialect.lineTable) === null ? table : undefined;
  if (el.nodeName !== 'DIV') return undefined;
  if (isSuggestion(el, dialect)) return suggestion;
  if (isCodeEmbed(el, dialect)) return codeEmbed;
  return isDiff(el, dialect) ? diff : undefined;
}
