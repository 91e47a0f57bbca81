import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '@/utils/draft/presets';
import { compileTemplate, templateData, TemplateError } from '@/utils/draft/template';
import type { Draft } from '@/utils/model';
import { SEED_ENTRIES, SEED_PROJECTS, clipFrom, seedCapture, seedClips } from '../../support/clips';

const draft = (fields: Partial<Draft> = {}): Draft => ({ id: 'd1', title: 'Weekly digest', date: '2023-01-06', clipIds: [], intro: '', ...fields });

function errorOf(action: () => unknown): TemplateError {
  try {
    action();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('compileTemplate', () => {
  it('renders a draft with the filters for quoting a question and introducing an answer', () => {
    const template = compileTemplate('{% for clip in clips %}{{ clip.question.markdown | quote }}\n{{ clip.answer.markdown | answer }}{% endfor %}');
    expect(template.render(draft(), seedClips().slice(1))).toBe(
      '> SOFARPC 发现了安全漏洞在哪提交呢？\nA：可以邮件给：[khotyn.huangt@antgroup.com](khotyn.huangt@antgroup.com)。',
    );
  });

  it('lets a template choose how an answer is introduced', () => {
    expect(compileTemplate('{{ "- a list" | answer: "**Answer:** " }}').render(draft(), [])).toBe('**Answer:** \n\n- a list');
  });

  it('reports a tag left open with its line', () => {
    const error = errorOf(() => compileTemplate('# {{ draft.title }}\n\n{% for clip in clips %}\n{{ clip.title }}'));
    expect(error).toMatchObject({ line: 3, column: 1 });
    expect(error.message).toBe('Template error on line 3, column 1: tag {% for clip in clips %} not closed');
  });

  it('reports a misspelt filter when the template is compiled, not by leaving text out', () => {
    const error = errorOf(() => compileTemplate('line one\n{{ draft.title | qoute }}'));
    expect(error.message).toBe('Template error on line 2, column 1: undefined filter: qoute');
  });

  it('reports an output left open', () => {
    expect(errorOf(() => compileTemplate('{{ draft.title')).message).toMatch(/^Template error on line 1, column 1: output "\{\{ draft.title" not closed/);
  });

  it.each(['include', 'render', 'layout'])('refuses {%% %s %%}: a template is one self-contained text', (tag) => {
    expect(errorOf(() => compileTemplate(`ok\n{% ${tag} "other" %}`)).message).toBe(
      `Template error on line 2, column 1: {% ${tag} %} is not available: a template is one self-contained text`,
    );
  });

  it('reports an error that only shows while rendering with its line too', () => {
    const template = compileTemplate('fine\n\n{{ draft.title | append }}');
    expect(errorOf(() => template.render(draft(), [])).message).toBe('Template error on line 3, column 1: append expect 2 arguments');
  });

  it('stops a huge loop instead of freezing the page', () => {
    const template = compileTemplate('{% for i in (1..100000000) %}{{ i }}{% endfor %}');
    expect(errorOf(() => template.render(draft(), [])).message).toBe('Template error on line 1, column 1: memory alloc limit exceeded');
  });

  it('stops a loop that runs for more than a second', () => {
    const template = compileTemplate('{% for i in (1..5000) %}{% for j in (1..5000) %}{{ j }}{% endfor %}{% endfor %}');
    expect(errorOf(() => template.render(draft(), [])).message).toMatch(/^Template error on line 1, column \d+: template render limit exceeded/);
  });

  it('uses the browser build of liquidjs, which never evaluates code (extension pages forbid eval)', () => {
    const require = createRequire(import.meta.url);
    const manifest = JSON.parse(readFileSync(require.resolve('liquidjs/package.json'), 'utf8')) as { browser: Record<string, string> };
    const browserBuild = readFileSync(require.resolve(`liquidjs/${manifest.browser['./dist/liquid.node.mjs']}`), 'utf8');
    expect(browserBuild).not.toMatch(/new Function\(|\beval\(/);
  });
});

describe('templateData', () => {
  it('gives each clip its position, author, number, project and Q&A', () => {
    const { clips, count } = templateData(draft(), seedClips(), { projects: SEED_PROJECTS });
    expect(count).toBe(2);
    expect(clips[1]).toEqual({
      index: 2,
      id: 'sofastack/sofa-rpc#1290',
      repo: 'sofastack/sofa-rpc',
      number: 1290,
      kind: 'issue',
      url: 'https://github.com/sofastack/sofa-rpc/issues/1290',
      title: 'SOFARPC 发现了安全漏洞在哪提交呢？',
      labels: [],
      author: 'yemoli',
      question: seedClips()[1]!.question,
      answer: seedClips()[1]!.answer,
      note: '',
      project: { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' },
    });
  });

  it('gives a blank answer as null, so `if clip.answer` leaves it out', () => {
    const blank = clipFrom(seedCapture({ answer: { author: 'a', url: 'https://github.com/a', markdown: ' \n' } }));
    expect(templateData(draft(), [blank]).clips[0]!.answer).toBeNull();
  });

  it("splits the draft's intro into its text and named parts", () => {
    expect(templateData(draft({ intro: 'Hello\n<!-- cover -->\nhttps://x/cover.png', publishedAt: '2023-01-06T07:00:00.000Z' }), []).draft).toEqual({
      title: 'Weekly digest',
      date: '2023-01-06',
      intro: 'Hello',
      parts: { cover: 'https://x/cover.png' },
      outro: '',
      publishedAt: '2023-01-06T07:00:00.000Z',
    });
  });

  it('upper-cases plain text without breaking the references its escaping wrote', () => {
    expect(compileTemplate('{{ draft.title | upcase }}').render(draft({ title: 'R&D <weekly> & friends' }), [])).toBe('R&amp;D &lt;WEEKLY> & FRIENDS');
  });

  it("gives the editor's note and the outro as written", () => {
    const noted = { ...seedClips()[0]!, note: '编者按：*v1.3* fixes it.' };
    const data = templateData(draft({ outro: 'See you **next week**.' }), [noted]);
    expect(data.clips[0]!.note).toBe('编者按：*v1.3* fixes it.');
    expect(data.draft.outro).toBe('See you **next week**.');
  });

  it("gives SOFAStack's community fields unless told others, names escaped as text", () => {
    expect(templateData(draft(), []).community.name).toBe('SOFAStack');
    const community = { name: 'Dubbo *Go*', weekly: 'Dubbo Weekly', link: 'https://github.com/apache/dubbo', intro: '**Hi**', issues: '', closing: '' };
    expect(templateData(draft(), [], { community }).community).toEqual({ ...community, name: 'Dubbo \\*Go\\*' });
  });
});

describe('the Weekly digest preset', () => {
  const digest = compileTemplate(PRESETS.find((preset) => preset.name === 'Weekly digest')!.source);

  it("lays out its entries exactly as the seed's per-clip layout", () => {
    const markdown = digest.render(draft(), seedClips(), { projects: SEED_PROJECTS });
    expect(markdown.slice(markdown.indexOf('**1. @'))).toBe(SEED_ENTRIES);
  });

  it('opens with the title, the date, the intro and the count', () => {
    expect(digest.render(draft({ intro: 'Two answers this week.' }), seedClips(), { projects: SEED_PROJECTS })).toMatch(
      /^# Weekly digest\n\n_2023-01-06_\n\nTwo answers this week\.\n\n\*\*2 questions answered this week\*\*\n\n\*\*1\. @dengqian #2203\*\*\n/,
    );
  });

  it("puts an editor's note after the answer and the outro after the entries", () => {
    const [first, second] = seedClips();
    const markdown = digest.render(draft({ outro: 'That is all for this week.' }), [{ ...first!, note: '_Fixed in v1.3._' }, second!], {
      projects: SEED_PROJECTS,
    });
    expect(markdown).toContain('```\n\n_Fixed in v1.3._\n\n**「MOSN」**');
    expect(markdown.endsWith('*[https://github.com/sofastack/sofa-rpc/](https://github.com/sofastack/sofa-rpc/)*\n\nThat is all for this week.\n')).toBe(true);
  });

  it('says "question" for one and leaves out an empty intro', () => {
    expect(digest.render(draft(), seedClips().slice(0, 1))).toMatch(/^# Weekly digest\n\n_2023-01-06_\n\n\*\*1 question answered this week\*\*\n\n\*\*1\. /);
  });

  it('ends with the count line and one newline when the draft is empty', () => {
    expect(digest.render(draft(), [])).toBe('# Weekly digest\n\n_2023-01-06_\n\n**0 questions answered this week**\n');
  });
});
