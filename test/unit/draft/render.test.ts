import { describe, expect, it } from 'vitest';
import { findTemplate } from '@/utils/draft/presets';
import { answerBlock, projectOf, quote } from '@/utils/draft/render';
import { compileTemplate } from '@/utils/draft/template';
import { DEFAULT_TEMPLATE_ID, type Draft } from '@/utils/model';
import { SEED_ENTRIES, SEED_PROJECTS, clipFrom, seedCapture, seedClips } from '../../support/clips';

const mosn = { 'mosn/mosn': { name: 'MOSN', link: 'https://github.com/mosn/mosn/' } };
const digest = compileTemplate(findTemplate(DEFAULT_TEMPLATE_ID, []).source);
const draft: Draft = { id: 'd', title: 'Weekly digest', date: '2023-01-06', clipIds: [], intro: '' };
const entries = (markdown: string) => markdown.slice(markdown.indexOf('**1. @'));

describe('a clip in the default template', () => {
  it("renders a clip made from the seed's first Q&A exactly as the seed lays it out", () => {
    const firstEntry = SEED_ENTRIES.slice(0, SEED_ENTRIES.indexOf('\n**2. @'));
    expect(entries(digest.render(draft, seedClips().slice(0, 1), { projects: SEED_PROJECTS }))).toBe(firstEntry);
  });

  it('leaves out the answer line when no answer was chosen', () => {
    expect(entries(digest.render(draft, [clipFrom(seedCapture())], { projects: mosn }))).toBe(
      [
        '**1. @dengqian #2203**',
        '',
        '> Why pprof debug server do not support hot upgrade?',
        '',
        '**「MOSN」**：*[https://github.com/mosn/mosn/](https://github.com/mosn/mosn/)*',
        '',
      ].join('\n'),
    );
  });

  it('numbers the clips in order', () => {
    const second = clipFrom(
      seedCapture({ repo: 'sofastack/sofa-rpc', number: 1290, question: { author: 'yemoli', url: 'u', markdown: 'SOFARPC 发现了安全漏洞在哪提交呢？' } }),
    );
    expect(entries(digest.render(draft, [clipFrom(seedCapture()), second]))).toContain(
      '\n\n**2. @yemoli #1290**\n\n> SOFARPC 发现了安全漏洞在哪提交呢？\n\n**「sofa-rpc」**：*[https://github.com/sofastack/sofa-rpc/](https://github.com/sofastack/sofa-rpc/)*\n',
    );
  });
});

describe('draft building blocks', () => {
  it('names a project after its repository unless told otherwise', () => {
    expect(projectOf('sofastack/sofa-rpc')).toEqual({ name: 'sofa-rpc', link: 'https://github.com/sofastack/sofa-rpc/' });
    expect(projectOf('mosn/mosn', mosn).name).toBe('MOSN');
  });

  it('quotes every line of a multi-paragraph question', () => {
    expect(quote('First line\nsecond\n\nNew paragraph\n')).toBe('> First line\n> second\n>\n> New paragraph');
  });

  it.each([
    ['```go\nx\n```', 'A：\n\n```go\nx\n```'],
    ['- one\n- two', 'A：\n\n- one\n- two'],
    ['1. first', 'A：\n\n1. first'],
    ['> quoted', 'A：\n\n> quoted'],
    ['Plain words', 'A：Plain words'],
    ['#123 is the fix', 'A：#123 is the fix'],
  ])('puts an answer starting %j where it still renders the same', (markdown, expected) => {
    expect(answerBlock(markdown)).toBe(expected);
  });
});

describe('project names', () => {
  it('finds a project whatever case the repository is written in', () => {
    expect(projectOf('MOSN/Mosn', { 'mosn/mosn': { name: 'MOSN', link: 'https://github.com/mosn/mosn/' } }).name).toBe('MOSN');
  });
});
