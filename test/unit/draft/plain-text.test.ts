import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, escapeMarkdownUrl, questionMarkdown, unescapeMarkdownText, yamlString } from '@/utils/draft/plain-text';
import { NASTY_TITLES, parseHtml, RENDERERS, shape, substitute } from './rendered';

const PLACEHOLDER = 'PLACEHOLDER';

/** Where templates put plain text: `X` marks the spot. */
const CONTEXTS = [
  'X',
  'before X after',
  'A paragraph line\nX',
  'X\n\nnext paragraph',
  '# X',
  '## X ##',
  '> X',
  '- X',
  '1. X',
  '**X**',
  '*X*',
  '_X_',
  '~~X~~',
  '**「X」**',
  '**1. @X #2203**',
  '[X](https://example.com/)',
  '*[X](https://example.com/)*',
];

describe('escapeMarkdownText', () => {
  it('escapes what Markdown or HTML would read, and only that', () => {
    expect(escapeMarkdownText('Fix clipping when malformed <figure> nests article content')).toBe(
      'Fix clipping when malformed &lt;figure> nests article content',
    );
    expect(escapeMarkdownText('*not emphasis* [link](http://x) <img src=x> # heading')).toBe(
      '\\*not emphasis\\* \\[link\\]\\(http\\://x) &lt;img src=x> # heading',
    );
    expect(escapeMarkdownText('1. first')).toBe('1\\. first');
    expect(escapeMarkdownText('> quoted')).toBe('\\> quoted');
    expect(escapeMarkdownText('- item')).toBe('\\- item');
    expect(escapeMarkdownText('# heading #')).toBe('\\# heading \\#');
    expect(escapeMarkdownText('---')).toBe('\\---');
    expect(escapeMarkdownText('AT&T &amp; Q & A')).toBe('AT&amp;T &amp;amp; Q & A');
  });

  it('leaves ordinary titles, snake_case and the seed’s titles as they are', () => {
    for (const title of [
      'Why pprof debug server do not support hot upgrade?',
      'SOFARPC 发现了安全漏洞在哪提交呢？',
      'snake_case in mosn_conf',
      'SOFA Weekly | SOFANews、本周贡献 & issue 精选',
      'v1.3.0 - 2023-01-06',
    ]) {
      expect(escapeMarkdownText(title)).toBe(title);
    }
  });

  it('turns a line break into a space, so the text stays on its line', () => {
    expect(escapeMarkdownText('one\n# two\r\nthree')).toBe('one # two three');
  });

  it.each(NASTY_TITLES)('is undone exactly by unescapeMarkdownText: %j', (title) => {
    expect(unescapeMarkdownText(escapeMarkdownText(title))).toBe(title);
  });

  describe.each(Object.entries(RENDERERS))('rendered by %s', (_name, render) => {
    it.each(NASTY_TITLES)('reads as the text itself in every context, adding no element: %j', (title) => {
      for (const context of CONTEXTS) {
        const expected = substitute(shape(render(context.replace('X', PLACEHOLDER))), PLACEHOLDER, title);
        expect(shape(render(context.replace('X', () => escapeMarkdownText(title)))), context).toEqual(expected);
      }
    });
  });
});

describe('escapeMarkdownUrl', () => {
  const urls = [
    'https://github.com/mosn/mosn/',
    'https://example.com/a_(b)/~c_/d*e*?x=1&y=[2]#_frag',
    'https://example.com/unbalanced)paren/`tick`/$/\\',
    'https://example.com/has space/<angle>',
  ];

  it('keeps a plain URL as it is', () => {
    expect(escapeMarkdownUrl('https://github.com/sofastack/sofa-rpc/issues/1290')).toBe('https://github.com/sofastack/sofa-rpc/issues/1290');
  });

  describe.each(Object.entries(RENDERERS))('rendered by %s', (_name, render) => {
    // Renderers percent-encode a destination differently: the href is compared decoded.
    it.each(urls)('works as the link text and the destination of one link: %s', (url) => {
      const escaped = escapeMarkdownUrl(url);
      const link = parseHtml(render(`*[${escaped}](${escaped})*`)).querySelector('em > a');
      const expected = url.replaceAll(' ', '%20');
      expect(link?.textContent).toBe(expected);
      expect(decodeURI(link?.getAttribute('href') ?? '')).toBe(decodeURI(expected));
      expect(link?.children.length).toBe(0);
    });
  });
});

describe('yamlString', () => {
  // YAML's double-quoted scalars that are also JSON strings: no raw control or line-breaking character.
  const YAML_SAFE = /^"(?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\\["\\]|\\u[0-9a-f]{4})*"$/;

  it.each([...NASTY_TITLES, 'tab\there', 'new\nline', 'bell\x07 and del\x7f and nel\x85', 'bom\ufeff', 'lone \ud800 surrogate'])(
    'writes %j as a YAML string that reads back the same',
    (text) => {
      const yaml = yamlString(text);
      expect(yaml).toMatch(YAML_SAFE);
      expect(JSON.parse(yaml)).toBe(text);
    },
  );

  it('writes what JSON would for an ordinary title', () => {
    expect(yamlString('SOFA Weekly | SOFANews、本周贡献 & issue 精选')).toBe(JSON.stringify('SOFA Weekly | SOFANews、本周贡献 & issue 精选'));
  });
});

describe('questionMarkdown', () => {
  const clip = (title: string, markdown: string) => ({ title, question: { author: 'a', url: 'https://github.com/o/r/issues/1', markdown } });

  it('escapes a default question, which is the title', () => {
    expect(questionMarkdown(clip('Fix <figure>', 'Fix <figure>'))).toBe('Fix &lt;figure>');
  });

  it('keeps a question the user selected or wrote as the Markdown it is', () => {
    expect(questionMarkdown(clip('Fix <figure>', 'Why does **this** fail?'))).toBe('Why does **this** fail?');
  });
});
