/**
 * Bounds on what one post may cost to clip and to show. GitHub caps a post at 65,536 characters of
 * Markdown, so real posts sit far inside them; hostile ones (thousands of nested quotes or lists)
 * are cut instead of freezing the page, the background or the popup. No DOM here: the store and the
 * popup check clips against these too.
 */

/**
 * Levels of elements kept below a post's body. Real posts stay under about 20 (code in a table in a
 * list in a quote). Every level adds its prefix to each Markdown line inside it and rewrites them
 * all, so the Markdown grows with the square of the depth and the work faster still: a list 500
 * levels deep took 17 s, a quote 5,000 deep 46 s.
 */
export const MAX_NESTING = 64;

/**
 * Characters of a post's HTML converted, counting text, attributes and a few per tag: a
 * full-length post with highlighted code is a few hundred thousand. What follows is cut.
 */
export const MAX_HTML_CHARS = 2_000_000;

/**
 * Whitespace characters in a row kept in a post's text. Turndown and our passes trim with regular
 * expressions whose time grows with the square of a run's length: 65,536 spaces in a code block
 * (a post's worth) held the page for 20 s. Indentation and alignment in real code stay far below.
 */
export const MAX_BLANK_RUN = 256;

/** Characters of Markdown in a clip's question or answer: what the converter keeps and the store accepts. */
export const MAX_MARKDOWN_CHARS = 1_000_000;

/**
 * How long converting one clip may take. The page cannot respond meanwhile, and a click that holds
 * it much longer reads as a frozen tab; a real post takes a few tens of milliseconds.
 */
export const CONVERSION_BUDGET_MS = 1_500;

/**
 * Levels of quotes and lists (see `markdownNesting`) the store accepts in a clip's Markdown. The
 * popup's renderer (marked) recurses on every level, overflowing the stack at a few thousand, and
 * its list parsing grows faster than the square of the depth (about a second at 150 levels). What
 * the converter writes within MAX_NESTING counts less, unless lists carry item numbers many digits long.
 */
export const MAX_MARKDOWN_NESTING = 100;

/** What the preview renders: a clip's bounds with room for a template's own quotes and lists, and a long draft. */
export const MAX_PREVIEW_NESTING = MAX_MARKDOWN_NESTING + 28;
export const MAX_PREVIEW_CHARS = 2 * MAX_MARKDOWN_CHARS;

/** Why part of a post was left out, and the bound it hit (levels, characters or milliseconds). */
export interface Cut {
  reason: 'depth' | 'size' | 'blanks' | 'time';
  limit: number;
}

/** The note a cut post's Markdown ends with: an HTML comment, seen by whoever edits the draft and not by its readers. */
export function cutNote(cut: Cut): string {
  const why = {
    depth: `it nests deeper than ${cut.limit} levels`,
    size: `it is longer than ${cut.limit.toLocaleString('en')} characters`,
    blanks: `it has more than ${cut.limit} spaces in a row`,
    time: `converting it took longer than ${cut.limit / 1000} seconds`,
  }[cut.reason];
  return `<!-- Weekly Clipper left part of this post out: ${why}. -->`;
}

/** `text` cut to at most `max` characters: at the end of a line, unless that would lose more than half. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const lineEnd = text.lastIndexOf('\n', max);
  return text.slice(0, lineEnd > max / 2 ? lineEnd : max);
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const ORDERED_MARKER = /^\d{1,9}[.)] /;

/**
 * How deeply the quotes and lists of `markdown` nest, over-estimated in one cheap pass: on each
 * line, the `>` and list markers it opens with plus every two columns of indentation, the least a
 * list level indents. Lines inside fenced code are skipped, so indented code does not count.
 */
export function markdownNesting(markdown: string): number {
  let deepest = 0;
  let fence = '';
  for (const line of markdown.split('\n')) {
    let levels = 0;
    let columns = 0;
    let i = 0;
    for (;;) {
      const c = line.charAt(i);
      if (c === ' ') columns++;
      else if (c === '\t') columns += 4;
      else if (c === '>' || ((c === '-' || c === '*' || c === '+') && /[ \t]/.test(line.charAt(i + 1)))) {
        levels++;
        // The space after a marker belongs to the marker.
        if (line.charAt(i + 1) === ' ') i++;
      } else {
        const ordered = c >= '0' && c <= '9' ? ORDERED_MARKER.exec(line.slice(i, i + 12)) : null;
        if (!ordered) break;
        levels++;
        i += ordered[0].length - 1;
      }
      i++;
    }
    const rest = line.slice(i);
    const fenceMatch = FENCE.exec(rest);
    if (fence) {
      // A closing fence: the same character, at least as long, nothing after it.
      if (fenceMatch?.[1]?.startsWith(fence) && fenceMatch[2]?.trim() === '') fence = '';
      continue;
    }
    // An info string after backticks cannot hold a backtick (CommonMark): that line is no fence.
    if (fenceMatch?.[1] && !(fenceMatch[1].startsWith('`') && fenceMatch[2]?.includes('`'))) fence = fenceMatch[1];
    deepest = Math.max(deepest, levels + Math.floor(columns / 2));
  }
  return deepest;
}

/** Which bound `markdown` breaks, if any, for the store (a clip's post) or the preview (a whole draft). */
export function markdownOverLimits(markdown: string, limits: { chars: number; nesting: number }): Cut | undefined {
  if (markdown.length > limits.chars) return { reason: 'size', limit: limits.chars };
  // Cheap before the scan: a line cannot nest deeper than its length.
  if (markdown.length <= limits.nesting) return undefined;
  const nesting = markdownNesting(markdown);
  return nesting > limits.nesting ? { reason: 'depth', limit: limits.nesting } : undefined;
}
