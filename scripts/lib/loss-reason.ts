/**
 * Why a round trip was lost, in a word or two: the construct at the first place the renderings
 * part, and what differs there. The construct is named from the first rendering's elements (raw
 * HTML when cmark never writes the element from Markdown) and, where HTML alone cannot tell, from
 * the source (a setext heading, a link reference definition).
 */
import type { Difference } from './fidelity-page';

/** Elements cmark-gfm writes from Markdown syntax; any other element came from raw HTML. */
const MARKDOWN_TAGS = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong a img hr br table thead tbody tr th td del input section sup'.split(' '),
);

const CONSTRUCTS: Record<string, string> = {
  p: 'paragraph',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  ul: 'list',
  ol: 'list',
  li: 'list item',
  blockquote: 'block quote',
  pre: 'code block',
  code: 'code span',
  em: 'emphasis',
  strong: 'strong emphasis',
  a: 'link',
  img: 'image',
  hr: 'thematic break',
  br: 'line break',
  table: 'table',
  thead: 'table',
  tbody: 'table',
  tr: 'table',
  th: 'table',
  td: 'table',
  del: 'strikethrough',
  input: 'task list item',
};

const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/m;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

function tagOf(html: string): string | undefined {
  return /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html)?.[1]?.toLowerCase();
}

function constructOf(tags: readonly string[], source: string, difference: Difference): string {
  const raw = tags.find((tag) => !MARKDOWN_TAGS.has(tag));
  if (raw) return `raw HTML <${raw}>`;
  if (difference.expected.startsWith('<!--') || difference.actual.startsWith('<!--')) return 'HTML comment';
  const innermost = tags.at(-1) ?? '';
  if (/^h[12]$/.test(innermost) && SETEXT.test(source)) return 'setext heading';
  if ((innermost === 'a' || innermost === 'img') && REFERENCE_DEFINITION.test(source)) return `${CONSTRUCTS[innermost]} (reference definition)`;
  if (innermost === 'pre' || tags.includes('pre')) return 'code block';
  return CONSTRUCTS[innermost] ?? (innermost || 'top level');
}

function whatDiffers(difference: Difference): string {
  const { expected, actual, attribute } = difference;
  if (attribute) return `attribute ${attribute}`;
  if (expected === '') return `extra ${tagOf(actual) ? `<${tagOf(actual)}>` : 'text'}`;
  if (actual === '') return `missing ${tagOf(expected) ? `<${tagOf(expected)}>` : 'text'}`;
  const a = tagOf(expected);
  const b = tagOf(actual);
  if (a && b && a !== b) return `<${a}> became <${b}>`;
  if (a && !b) return `<${a}> became text`;
  if (!a && b) return `text became <${b}>`;
  return 'text';
}

/** `construct: what differs`, e.g. `raw HTML <details>: missing <summary>`, `table: attribute align`. */
export function lossReason(source: string, difference: Difference | undefined): string {
  if (!difference) return 'converter failed';
  const tags = difference.path === '' ? [] : difference.path.split('>');
  const own = tagOf(difference.expected) ?? tagOf(difference.actual);
  const all = own && !difference.attribute ? [...tags, own] : tags;
  return `${constructOf(all, source, difference)}: ${whatDiffers(difference)}`;
}
