import { describe, expect, it } from 'vitest';
import { BASE_URL, normalizeHtml, renderGfm, roundTrip } from '../../../scripts/lib/roundtrip';
import { htmlToMarkdown } from '../../../utils/markdown';
import { md } from './helpers';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

const convert = (html: string) => htmlToMarkdown(html, { baseUrl: BASE_URL, dialect: githubMarkdown });

/** The Markdown GitHub's parser reads back into the same HTML. */
function expectFaithful(source: string): void {
  const trip = roundTrip(source, convert);
  expect(normalizeHtml(trip.back), trip.markdown).toBe(normalizeHtml(trip.html));
}

describe('escaping only what would change the meaning', () => {
  it('leaves underscores inside words alone', () => {
    expect(md('<p>use snake_case_names and MAX_VALUE</p>')).toBe('use snake_case_names and MAX_VALUE');
  });

  it('leaves ordinary punctuation alone', () => {
    expect(md('<p>Version 1.2.3 costs $5 (or 2 * 3 + 1 - 2 = 5). Done! #hashtag &amp; more</p>')).toBe(
      'Version 1.2.3 costs $5 (or 2 * 3 + 1 - 2 = 5). Done! #hashtag & more',
    );
  });

  it('escapes a line that would start a list, heading, quote or rule', () => {
    expect(md('<p>1. not a list</p>')).toBe('1\\. not a list');
    expect(md('<p>2024) a year</p>')).toBe('2024\\) a year');
    expect(md('<p>- dash</p><p>+ plus</p><p>* star</p>')).toBe('\\- dash\n\n\\+ plus\n\n\\* star');
    expect(md('<p># not a heading</p>')).toBe('\\# not a heading');
    expect(md('<p>&gt; not a quote</p>')).toBe('\\> not a quote');
    expect(md('<p>---</p>')).toBe('\\---');
    expect(md('<p>~~~</p>')).toBe('\\~~~');
  });

  it('escapes block starts after a line break too', () => {
    expect(md('<p>first<br>\n- second<br>\n===</p>')).toBe('first\\\n\\- second\\\n\\===');
  });

  it('escapes what would open emphasis, and only when a partner could close it', () => {
    expect(md('<p>*not emphasis*</p>')).toBe('\\*not emphasis\\*');
    expect(md('<p>__init__ and _private</p>')).toBe('\\_\\_init\\_\\_ and \\_private');
    expect(md('<p>a lone _underscore</p>')).toBe('a lone _underscore');
    expect(md('<p>~~not struck~~</p>')).toBe('\\~\\~not struck\\~\\~');
    expect(md('<p>~/.config and ~5 minutes</p>')).toBe('~/.config and ~5 minutes');
  });

  it('always escapes backticks and backslashes before punctuation', () => {
    expect(md('<p>a `tick` and C:\\path\\*</p>')).toBe('a \\`tick\\` and C:\\path\\\\*');
  });

  it('escapes brackets only where they could form a link, a reference or a task box', () => {
    expect(md('<p>[WIP] fix</p>')).toBe('[WIP] fix');
    expect(md('<p>[text](not-a-link)</p>')).toBe('\\[text\\](not-a-link)');
    expect(md('<ul><li>[x] not a task</li></ul>')).toBe('- \\[x] not a task');
  });

  it('escapes what looks like a tag or an entity, not a lone < or &', () => {
    expect(md('<p>&lt;div&gt; and a &lt; b &amp;&amp; c</p>')).toBe('\\<div> and a < b && c');
    expect(md('<p>&amp;copy; is an entity</p>')).toBe('\\&copy; is an entity');
  });

  it('keeps text URLs from becoming links they were not', () => {
    expect(md('<p>http://example.com and www.example.com</p>')).toBe('http\\://example.com and www\\.example.com');
  });

  it('keeps an exclamation mark before a link from making an image', () => {
    expect(md('<p>Wow!<a href="https://x.dev/">x</a></p>')).toBe('Wow\\![x](https://x.dev/)');
  });

  it('escapes dollar signs only where GitHub would read math', () => {
    expect(md('<p>costs $5 and $10</p>')).toBe('costs $5 and $10');
    expect(md('<p>literal $x$ here</p>')).toBe('literal \\$x\\$ here');
  });

  it('writes non-breaking spaces that hold a line or its indent as &nbsp;', () => {
    expect(md('<p>\u00a0</p><p>\u00a0\u00a0indented</p>')).toBe('&nbsp;\n\n&nbsp;&nbsp;indented');
  });
});

describe('emphasis that reads back', () => {
  it('uses * for emphasis and ** for strong, as GitHub authors do', () => {
    expect(md('<p><em>a</em> <strong>b</strong></p>')).toBe('*a* **b**');
  });

  it('uses * inside words, where _ would not work', () => {
    expect(md('<p>un<em>frigging</em>believable</p>')).toBe('un*frigging*believable');
  });

  it('nests emphasis in strong emphasis with _ inside **', () => {
    expect(md('<p><strong>very <em>much</em></strong></p>')).toBe('**very _much_**');
  });

  it('falls back to the tag where no delimiter can open or close', () => {
    expect(md('<p>a<em>"b"</em>c</p>')).toBe('a<em>"b"</em>c');
  });

  it('keeps <b>, <i> and <s> as the tags the author typed', () => {
    expect(md('<p><b>bold</b> <i>it</i> <s>gone</s></p>')).toBe('<b>bold</b> <i>it</i> <s>gone</s>');
  });

  it('writes strikethrough as ~~', () => {
    expect(md('<p><del>old</del> new</p>')).toBe('~~old~~ new');
  });
});

describe("faithful through GitHub's parser", () => {
  const sources = [
    'A *b* **c** ***d*** _e_ __f__',
    'snake_case *and* __dunder__ *a*b*',
    '1986\\. A great year\\\n\\- not a list',
    '\\# no heading\n\n\\> no quote\n\n\\+ no list',
    '`code with \\` inside` and ``double `` ticks``',
    'a \\* b \\_ c \\` d \\[ e \\] f \\< g \\& h',
    '[link](https://x.dev/a_(b)) ![img](https://x.dev/i.png "t")',
    '<https://x.dev/a> and https://x.dev/b, www.x.dev.',
    '- [ ] task\n- [x] done\n  1. nested\n  2. list',
    '| a | b |\n|:-|-:|\n| `x\\|y` | **z** |',
    '> quote\n>\n> - list\n>\n> ```js\n> code\n> ```',
    '~~strike~~ and ~single~ and a~b~c',
    'Line one\\\nLine two\\\n# not after a break',
    '\\*\\*not bold\\*\\* and \\_\\_not bold\\_\\_',
    'Foo [^1] and [x]: y',
    '***\n\n___\n\n- - -',
  ];
  for (const source of sources) {
    it(`round-trips ${JSON.stringify(source)}`, () => expectFaithful(source));
  }

  it('renders our output of awkward text the same as the original', () => {
    const html = renderGfm('A line with *stars*, _underscores_, [brackets](x), <tags>, & entities &amp; `ticks`.');
    expect(normalizeHtml(renderGfm(convert(html)))).toBe(normalizeHtml(html));
  });
});
