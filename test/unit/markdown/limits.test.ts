import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlToMarkdown, selectionToMarkdown } from '../../../utils/markdown';
import {
  cutNote,
  markdownNesting,
  markdownOverLimits,
  MAX_BLANK_RUN,
  MAX_HTML_CHARS,
  MAX_MARKDOWN_CHARS,
  MAX_MARKDOWN_NESTING,
  MAX_NESTING,
  type Cut,
} from '../../../utils/markdown/limits';
import { PAGE } from './helpers';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

/** A post body nesting `levels` copies of `open`'s elements, the innermost holding "innermost". */
function nestedPost(levels: number, open: (text: string) => HTMLElement[]): HTMLElement {
  const body = document.createElement('div');
  body.className = 'markdown-body';
  let parent: HTMLElement = body;
  for (let level = 1; level <= levels; level++) {
    const chain = open(`level ${level}`);
    parent.appendChild(chain[0]!);
    parent = chain[chain.length - 1]!;
  }
  parent.appendChild(document.createTextNode('innermost'));
  return body;
}

/** `<ol><li><p>text</p> …` : the item's paragraph, then the next level's list in the item. */
function listLevel(text: string): HTMLElement[] {
  const ol = document.createElement('ol');
  const li = ol.appendChild(document.createElement('li'));
  li.appendChild(document.createElement('p')).textContent = text;
  return [ol, li];
}

function quoteLevel(text: string): HTMLElement[] {
  const quote = document.createElement('blockquote');
  quote.appendChild(document.createElement('p')).textContent = text;
  return [quote];
}

function convert(input: string | Node, options: { deadline?: number } = {}): { markdown: string; cuts: Cut[] } {
  const cuts: Cut[] = [];
  const markdown = htmlToMarkdown(input, { baseUrl: PAGE, dialect: githubMarkdown, onCut: (cut) => cuts.push(cut), ...options });
  return { markdown, cuts };
}

/** What the store accepts (and the popup can render). */
const STORE_LIMITS = { chars: MAX_MARKDOWN_CHARS, nesting: MAX_MARKDOWN_NESTING };

describe('bounds on what one post costs to convert', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the first levels of a list nested 500 deep and says the rest nests too deep', () => {
    const { markdown, cuts } = convert(nestedPost(500, listLevel));
    expect(cuts).toEqual([{ reason: 'depth', limit: MAX_NESTING }]);
    expect(markdown.startsWith('1. level 1\n\n   1. level 2\n\n      1. level 3')).toBe(true);
    // A level is three elements deep: `ol > li > p`, the next list beside the paragraph.
    expect(markdown).toContain(`${' '.repeat(3 * 30)}1. level 31`);
    expect(markdown).not.toContain('level 32');
    expect(markdown).not.toContain('innermost');
    expect(markdown.endsWith(`\n\n${cutNote(cuts[0]!)}`)).toBe(true);
    expect(markdownOverLimits(markdown, STORE_LIMITS)).toBeUndefined();
  });

  // As the page's parser gives it: happy-dom's own deep copy of a tree this deep overflows its stack.
  it('keeps the first levels of a quote nested 5,000 deep', () => {
    const { markdown, cuts } = convert(`${'<blockquote><p>level</p>'.repeat(5000)}<p>innermost</p>${'</blockquote>'.repeat(5000)}`);
    expect(cuts).toEqual([{ reason: 'depth', limit: MAX_NESTING }]);
    expect(markdown.startsWith('> level\n>\n> > level\n> >\n> > > level')).toBe(true);
    // The paragraph of the last quote kept lies one level deeper.
    expect(markdown).toContain(`${'> '.repeat(MAX_NESTING - 1)}level\n`);
    expect(markdown).not.toContain(`${'> '.repeat(MAX_NESTING)}level`);
    expect(markdown).not.toContain('innermost');
    expect(cutNote(cuts[0]!)).toBe('<!-- Weekly Clipper left part of this post out: it nests deeper than 64 levels. -->');
    expect(markdownOverLimits(markdown, STORE_LIMITS)).toBeUndefined();
  });

  it('says what the note says when a selection in a deep post is cut', () => {
    const post = nestedPost(200, quoteLevel);
    document.body.replaceChildren(post);
    const range = document.createRange();
    range.selectNodeContents(post);
    const cuts: Cut[] = [];
    const markdown = selectionToMarkdown([range], { baseUrl: PAGE, dialect: githubMarkdown, onCut: (cut) => cuts.push(cut) });
    expect(cuts).toEqual([{ reason: 'depth', limit: MAX_NESTING }]);
    expect(markdown.endsWith(cutNote(cuts[0]!))).toBe(true);
  });

  it('keeps the beginning of a post longer than the size bound', () => {
    const words = 'word '.repeat(MAX_HTML_CHARS / 5);
    const { markdown, cuts } = convert(`<p>first</p><p>${words}</p><p>last</p>`);
    expect(cuts).toEqual([{ reason: 'size', limit: MAX_HTML_CHARS }]);
    expect(markdown.startsWith('first\n\nword word')).toBe(true);
    expect(markdown).not.toContain('last');
    expect(markdown.length).toBeLessThanOrEqual(MAX_MARKDOWN_CHARS);
    expect(markdown.endsWith(cutNote(cuts[0]!))).toBe(true);
  });

  it('keeps Markdown longer than the store takes to its first lines', { timeout: 30_000 }, () => {
    // Within the HTML bound, but every line of a deep list repeats its indentation.
    const line = 'x'.repeat(300);
    const lists = `<li>${line}<ul>${`<li>${line}</li>`.repeat(60)}</ul></li>`.repeat(60);
    const { markdown, cuts } = convert(`${'<ul><li>item'.repeat(30)}<ul>${lists}</ul>${'</li></ul>'.repeat(30)}`);
    expect(cuts).toEqual([{ reason: 'size', limit: MAX_MARKDOWN_CHARS }]);
    expect(markdown.length).toBeLessThanOrEqual(MAX_MARKDOWN_CHARS);
    expect(markdown.startsWith('- item\n  - item')).toBe(true);
    expect(markdown.endsWith(`${line}\n\n${cutNote(cuts[0]!)}`)).toBe(true);
    expect(markdownOverLimits(markdown, STORE_LIMITS)).toBeUndefined();
  });

  it('shortens a run of 65,536 spaces in code and says so', () => {
    const { markdown, cuts } = convert(`<pre><code>a${' '.repeat(65_536)}b</code></pre>`);
    expect(cuts).toEqual([{ reason: 'blanks', limit: MAX_BLANK_RUN }]);
    expect(markdown).toBe(`\`\`\`\na${' '.repeat(MAX_BLANK_RUN)}b\n\`\`\`\n\n${cutNote(cuts[0]!)}`);
  });

  it('shortens a run of spaces that goes on across the elements of highlighted code', () => {
    const { markdown, cuts } = convert(`<pre><code><span>a${' '.repeat(200)}</span><span>${' '.repeat(200)}b</span></code></pre>`);
    expect(cuts).toEqual([{ reason: 'blanks', limit: MAX_BLANK_RUN }]);
    expect(markdown).toBe(`\`\`\`\na${' '.repeat(MAX_BLANK_RUN)}b\n\`\`\`\n\n${cutNote(cuts[0]!)}`);
  });

  it('shortens a run of spaces across the elements of a code span', () => {
    const { cuts } = convert(`<p><code><span>a${' '.repeat(200)}</span>${' '.repeat(200)}b</code></p>`);
    expect(cuts).toEqual([{ reason: 'blanks', limit: MAX_BLANK_RUN }]);
  });

  it('shortens a run of spaces in the text of a paragraph, which shows as one space', () => {
    const { markdown, cuts } = convert(`<p>a${' '.repeat(65_536)}b</p>`);
    expect(cuts).toEqual([{ reason: 'blanks', limit: MAX_BLANK_RUN }]);
    expect(markdown).toBe(`a b\n\n${cutNote(cuts[0]!)}`);
  });

  it('keeps the lines of code apart from the run of spaces they are in', () => {
    const code = `${' '.repeat(200)}a\n${' '.repeat(200)}b\n`;
    const { markdown, cuts } = convert(`<pre><code>${code}</code></pre>`);
    expect(cuts).toEqual([]);
    expect(markdown).toBe(`\`\`\`\n${code}\`\`\``);
  });

  it('stops at the deadline, keeping the blocks finished before it', () => {
    // The clock passes the deadline after the first paragraph.
    let calls = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (calls++ < 1 ? 0 : 10_000));
    const { markdown, cuts } = convert('<p>first</p><p>second</p><p>third</p>', { deadline: 1_000 });
    expect(cuts).toEqual([{ reason: 'time', limit: 1_500 }]);
    expect(markdown).toBe(`first\n\n${cutNote(cuts[0]!)}`);
  });

  it('cuts nothing from an ordinary post', () => {
    const { markdown, cuts } = convert('<blockquote><ul><li><p>a <strong>b</strong></p><pre lang="js"><code>x\n</code></pre></li></ul></blockquote>');
    expect(cuts).toEqual([]);
    expect(markdown).toBe('> - a **b**\n>\n>   ```js\n>   x\n>   ```');
  });
});

describe('markdownNesting', () => {
  it.each([
    ['plain text', 'text\nmore text', 0],
    ['quotes', '> a\n> > b\n> > > c', 3],
    ['nested lists', '- a\n  - b\n    - c', 3],
    ['ordered lists, wider markers', '1. a\n   1. b\n      1. c', 4],
    ['a quote in a list', '- > a', 2],
    ['indented code in a fence', '```\n' + ' '.repeat(80) + 'x\n```', 0],
    ['a quote after a fence closed', '```\ncode\n```\n> > > > > x', 5],
    ['a backtick fence whose info holds a backtick is no fence', '```a`\n> > > x', 3],
  ])('%s', (_name, markdown, nesting) => {
    expect(markdownNesting(markdown)).toBe(nesting);
  });

  it('finds 5,000 quotes on one line', () => {
    expect(markdownOverLimits(`${'> '.repeat(5000)}deep`, STORE_LIMITS)).toEqual({ reason: 'depth', limit: MAX_MARKDOWN_NESTING });
  });
});
