import { describe, expect, it } from 'vitest';
import { PRESETS } from '@/utils/draft/presets';
import { compileTemplate } from '@/utils/draft/template';
import type { Clip, Draft } from '@/utils/model';
import { SEED_PROJECTS, clipFrom, seedCapture, seedClips } from '../../support/clips';
import { NASTY_TITLES, parseHtml, RENDERERS, shape, substitute } from './rendered';

const PLACEHOLDER = 'PLACEHOLDER';
const preset = (name: string) => compileTemplate(PRESETS.find((template) => template.name === name)!.source);
const digest = preset('Weekly digest');
const sofaWeekly = preset('SOFA Weekly');

const draft = (title: string): Draft => ({ id: 'd', title, date: '2023-01-06', clipIds: ['mosn/mosn#2203'], intro: '' });

/** A clip of a thread titled `title`, its question the default (the title), its project named `title` too. */
function render(template: ReturnType<typeof compileTemplate>, title: string, answered = true): string {
  const clip = clipFrom(
    seedCapture({
      title,
      question: { ...seedCapture().question, markdown: title },
      ...(answered && { answer: { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown: 'See **this**.' } }),
    }),
  );
  return template.render(draft(title), [clip], { projects: { 'mosn/mosn': { name: title, link: 'https://github.com/mosn/mosn/' } } });
}

/** Front matter and body of a document that opens with `---`. */
function splitFrontMatter(markdown: string): { fields: Record<string, string>; body: string } {
  const end = markdown.indexOf('\n---\n', 4);
  const fields = Object.fromEntries(
    markdown
      .slice(4, end)
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
  return { fields, body: markdown.slice(end + 5) };
}

// YAML's double-quoted scalars that are also JSON strings: no raw control or line-breaking character.
const YAML_STRING = /^"(?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\\["\\]|\\u[0-9a-f]{4})*"$/;

describe.each(Object.entries(RENDERERS))('a thread title in the presets, rendered by %s', (_name, toHtml) => {
  it.each(NASTY_TITLES)('Weekly digest shows %j as text, as heading, quote and project name, adding no element', (title) => {
    const html = toHtml(render(digest, title));
    expect(shape(html)).toEqual(substitute(shape(toHtml(render(digest, PLACEHOLDER))), PLACEHOLDER, title));
    const page = parseHtml(html);
    for (const element of [page.querySelector('h1'), page.querySelector('blockquote > p')]) {
      expect(element?.textContent).toBe(title);
      expect(element?.children.length).toBe(0);
    }
    expect([...page.querySelectorAll('strong')].map((strong) => strong.textContent)).toContain(`「${title}」`);
  });

  it.each(NASTY_TITLES)('SOFA Weekly shows %j as text in its body, and its front matter reads it back', (title) => {
    const { fields, body } = splitFrontMatter(render(sofaWeekly, title));
    for (const key of ['title', 'description']) {
      expect(fields[key]).toMatch(YAML_STRING);
      expect(JSON.parse(fields[key]!)).toBe(title);
    }
    const html = toHtml(body);
    expect(shape(html)).toEqual(substitute(shape(toHtml(splitFrontMatter(render(sofaWeekly, PLACEHOLDER)).body)), PLACEHOLDER, title));
    const quote = parseHtml(html).querySelector('blockquote > p');
    expect(quote?.textContent).toBe(title);
    expect(quote?.children.length).toBe(0);
  });

  it('keeps a question taken from a selection as the Markdown it is', () => {
    const selected: Clip = { ...seedClips()[0]!, title: 'Fix <figure>', question: { ...seedClips()[0]!.question, markdown: 'Why is **this** `slow`?' } };
    const quote = parseHtml(toHtml(digest.render(draft('W'), [selected], { projects: SEED_PROJECTS }))).querySelector('blockquote > p');
    expect(quote?.innerHTML).toBe('Why is <strong>this</strong> <code>slow</code>?');
  });
});

describe('filters for what is not Markdown', () => {
  const clip = clipFrom(seedCapture({ title: 'Fix <figure> & *stars*', labels: ['kind/bug', 'good first issue', 'a "quoted" label'] }));
  const renderWith = (source: string) => compileTemplate(source).render(draft('Weekly #1: "new" <things>'), [clip]);

  it('`text` gives back the text a field stands for, say for a URL’s query', () => {
    expect(renderWith('{% for clip in clips %}{{ clip.title | text | url_encode }}{% endfor %}')).toBe(
      encodeURIComponent('Fix <figure> & *stars*').replace(/%20/g, '+'),
    );
  });

  it('`yaml` writes a field, or a list of labels, as front matter reads it back', () => {
    expect(renderWith('title: {{ draft.title | yaml }}\n{% for clip in clips %}tags: {{ clip.labels | yaml }}{% endfor %}')).toBe(
      'title: "Weekly #1: \\"new\\" <things>"\ntags: ["kind/bug", "good first issue", "a \\"quoted\\" label"]',
    );
  });

  it('leaves a template written before `yaml` existed reading ordinary titles back the same through `json`', () => {
    const title = 'SOFA Weekly | SOFANews、本周贡献 & issue 精选';
    expect(compileTemplate('title: {{ draft.title | json }}').render(draft(title), [])).toBe(`title: ${JSON.stringify(title)}`);
  });
});
