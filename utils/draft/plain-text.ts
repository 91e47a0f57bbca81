/**
 * Plain text in a Markdown draft. A thread's title, a login, a label or a project's name is text on
 * GitHub: once the draft is rendered it must read exactly as GitHub showed it, wherever a template
 * puts it (a paragraph, a heading, a quote, a list item, emphasis, link text) and whatever renderer
 * reads the draft (GitHub, a site's CommonMark renderer, the popup's preview).
 *
 * A template's surroundings are unknown here, so the escaping assumes the worst: the text may start
 * a line, end a heading, or sit between emphasis delimiters. Every escape is a backslash before
 * ASCII punctuation or a character reference such as `&lt;` (understood by every Markdown dialect), so
 * `unescapeMarkdownText` can undo it exactly for contexts that are not Markdown, such as front matter.
 */
import type { Clip } from '../model';

// Inline constructs that a character forms anywhere in a line. `_` between two letters or digits
// can neither open nor close emphasis (CommonMark's flanking rules), so snake_case stays readable.
// `](` and `![` are escaped whole: marked (the popup's preview) reads `\[a\](b)` inside link text
// as a link, and `!\[a\](b)` as an image. `|` is left alone: it only matters inside a table row,
// and escaping it would change what front matter written with Liquid's own `json` filter reads
// back (`SOFA Weekly | …`). U+2028 and U+2029 end a line for JavaScript's `.`, which marked's
// block rules use, so they are written as references.
const INLINE = /[\\`*~[\]$]|_+|<|&(?=[#A-Za-z0-9])|(?<=\])\(|!(?=\[)|[\u2028\u2029]/g;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
// GFM turns these into links by itself; an escaped `:` or `.` keeps them text.
const SCHEME_AUTOLINK = /(https?|ftp):(?=\/\/)/gi;
const WWW_AUTOLINK = /(^|[^A-Za-z0-9])(www)\./gi;
// What would open a block if the text started a line. `*` is escaped as an inline construct.
const BLOCK_START = /^([ \t]*)(?:([-+]|#{1,6})(?=[ \t]|$)|(\d{1,9})([.)])(?=[ \t]|$)|>)/;
// A line made only of these underlines a setext heading, draws a rule or delimits a table.
const WHOLE_LINE = /^[ \t]*(?:=+|-+|(?:[-*_][ \t]*){3,}|(?=[^|]*\|)(?=[^-]*-)[|: \t-]+)[ \t]*$/;
// A heading's closing run of `#` is dropped by the parser.
const CLOSING_HASHES = /(^|[ \t])(#+)[ \t]*$/;

function escapeInline(text: string): string {
  return text.replace(INLINE, (match, offset: number) => {
    if (match === '<') return '&lt;';
    if (match === '&') return '&amp;';
    if (match === '\u2028' || match === '\u2029') return `&#x${match.charCodeAt(0).toString(16)};`;
    if (match.startsWith('_') && WORD.test(text.charAt(offset - 1)) && WORD.test(text.charAt(offset + match.length))) return match;
    return match.replace(/./g, '\\$&');
  });
}

/** `text` as Markdown inline text that renders as exactly `text`; a line break becomes a space. */
export function escapeMarkdownText(text: string): string {
  return escapePlain(text, true);
}

/**
 * A URL (a thread's, a project's link) as Markdown that works both as link text and as a link's
 * destination: escaped like text, except that it may stay a link, with its parentheses escaped and
 * its spaces percent-encoded so the destination does not end early.
 */
export function escapeMarkdownUrl(url: string): string {
  const encoded = url.trim().replace(/[\s\x00-\x1f\x7f]/g, encodeURIComponent);
  return escapePlain(encoded, false).replace(/[()]/g, '\\$&');
}

function escapePlain(value: string, keepAsText: boolean): string {
  const text = value.replace(/\r\n?|\n/g, ' ');
  let out = escapeInline(text);
  if (keepAsText) out = out.replace(SCHEME_AUTOLINK, '$1\\:').replace(WWW_AUTOLINK, '$1$2\\.');
  if (WHOLE_LINE.test(text)) {
    // `***` and `___` are escaped as inline constructs already; a second backslash would undo that.
    return out.replace(/^([ \t]*)([^\\])/, '$1\\$2');
  }
  out = out.replace(BLOCK_START, (match, indent: string, _marker?: string, digits?: string, delimiter?: string) =>
    digits === undefined ? `${indent}\\${match.slice(indent.length)}` : `${indent}${digits}\\${delimiter}`,
  );
  return out.replace(CLOSING_HASHES, '$1\\$2');
}

const ESCAPE = /\\([!-/:-@[-`{-~])|&(?:lt|amp|#x202[89]);/g;
const REFERENCES: Record<string, string> = { '&lt;': '<', '&amp;': '&', '&#x2028;': '\u2028', '&#x2029;': '\u2029' };

/**
 * The text that escaped Markdown stands for: backslash escapes and the references this module
 * writes undone. Exactly the inverse of `escapeMarkdownText` (line breaks aside).
 */
export function unescapeMarkdownText(markdown: string): string {
  return markdown.replace(ESCAPE, (match, escaped?: string) => escaped ?? REFERENCES[match] ?? match);
}

// Characters YAML does not allow as they are, or reads as line breaks (YAML 1.1 counts U+2028,
// U+2029 and U+0085), or a reader might drop (a byte order mark).
const YAML_UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` as a double-quoted YAML scalar that reads back as `text` in YAML 1.1 and 1.2. Only the
 * escapes YAML shares with JSON are used, so the result is a JSON string too.
 */
export function yamlString(text: string): string {
  const body = text.replace(/[\\"]/g, '\\$&').replace(YAML_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

/**
 * A clip's question as Markdown. By default it is the thread's title, stored as the title itself
 * (the capture does not mark it once saved): that is plain text and must be escaped; a question
 * the user selected or typed is Markdown already.
 */
export function questionMarkdown(clip: Pick<Clip, 'title' | 'question'>): string {
  return clip.question.markdown === clip.title ? escapeMarkdownText(clip.title) : clip.question.markdown;
}
