import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '@/utils/draft/presets';
import { renderDraft } from '@/utils/draft/render-draft';
import { compileTemplate } from '@/utils/draft/template';
import type { Draft } from '@/utils/model';
import { SEED_PROJECTS, seedClips, SEED_ENTRIES } from '../../support/clips';

// The model newsletter sits beside the repository on machines that have it; never copied in.
const seedPath = resolve(fileURLToPath(import.meta.url), '../../../../../shared/fixtures/sofa-weekly-2023-01-06.md');
const hasSeed = existsSync(seedPath);

const sofaWeekly = compileTemplate(PRESETS.find((preset) => preset.name === 'SOFA Weekly')!.source);

const draft = (fields: Partial<Draft> = {}): Draft => ({
  id: 'd1',
  title: 'SOFA Weekly | SOFANews、本周贡献 & issue 精选',
  date: '2023-01-06',
  clipIds: ['mosn/mosn#2203', 'sofastack/sofa-rpc#1290'],
  intro: '',
  ...fields,
});

/** The part of a document from its first numbered entry to the blank line before the next heading. */
function entriesOf(markdown: string): string {
  const start = markdown.indexOf('**1. @');
  return markdown.slice(start, markdown.indexOf('\n### ', start));
}

/** Text between two markers of the seed, exclusive. */
function between(text: string, before: string, after: string): string {
  const start = text.indexOf(before) + before.length;
  return text.slice(start, text.indexOf(after, start));
}

describe('the SOFA Weekly preset', () => {
  const markdown = sofaWeekly.render(draft(), seedClips(), { projects: SEED_PROJECTS });

  it("reproduces the seed's two entries byte for byte", () => {
    expect(entriesOf(markdown)).toBe(SEED_ENTRIES);
  });

  it('stays byte for byte the seed when rendered with its expanded links, which the seed has none of to expand', () => {
    const settings = { templateId: 'sofa-weekly', userTemplates: [], projects: SEED_PROJECTS };
    expect(renderDraft(draft(), seedClips(), settings).markdown).toBe(markdown);
  });

  it("expands references in the clips' Markdown and keeps the entry's header as the seed prints it", () => {
    const [first] = seedClips();
    const clip = { ...first!, answer: { ...first!.answer!, markdown: 'Fixed by @nejisama in #2204.' } };
    const settings = { templateId: 'sofa-weekly', userTemplates: [], projects: SEED_PROJECTS };
    expect(entriesOf(renderDraft(draft(), [clip], settings).markdown)).toBe(
      [
        '**1. @dengqian #2203**',
        '',
        '> Why pprof debug server do not support hot upgrade?',
        '',
        'A：Fixed by [@nejisama](https://github.com/nejisama) in [#2204](https://github.com/mosn/mosn/issues/2204).',
        '',
        '**「MOSN」**：*[https://github.com/mosn/mosn/](https://github.com/mosn/mosn/)*',
        '',
      ].join('\n'),
    );
  });

  it('counts the clips it lists in the count line', () => {
    expect(markdown).toContain('\n**本周各项目回复 issue 共计 2 条**\n');
    expect(sofaWeekly.render(draft(), seedClips().slice(0, 1), { projects: SEED_PROJECTS })).toContain('共计 1 条');
  });

  it("writes the seed's front matter keys, with the draft's title and date at 15:00 in UTC+8", () => {
    expect(markdown.split('\n---\n')[0]).toBe(
      [
        '---',
        'title: "SOFA Weekly | SOFANews、本周贡献 & issue 精选"',
        'authorlink: "https://github.com/sofastack"',
        'description: "SOFA Weekly | SOFANews、本周贡献 & issue 精选"',
        'categories: "SOFA Weekly"',
        'tags: ["SOFA Weekly"]',
        'date: 2023-01-06T15:00:00+08:00',
        'cover: ""  # TODO：在草稿引言中加一行 <!-- cover -->，下一行写封面图地址',
      ].join('\n'),
    );
  });

  it('keeps the front matter valid when the title has quotes', () => {
    expect(sofaWeekly.render(draft({ title: 'Say "hi"' }), [])).toContain('title: "Say \\"hi\\""\n');
  });

  it('marks what the intro has not given yet as TODOs that say how to add it', () => {
    expect(markdown).toContain('### SOFAStack 社区本周贡献\n\n**TODO：本周贡献图。** 在草稿引言中加一行 `<!-- contributions -->`');
    expect(markdown).toContain('### 本周推荐阅读\n\n**TODO：本周推荐阅读。** 在草稿引言中加一行 `<!-- reading -->`');
  });

  it("puts the intro's own text after the fixed introduction, as a paragraph of its own", () => {
    const withIntro = sofaWeekly.render(draft({ intro: '本周 MOSN 发布了 v1.3.0。' }), seedClips(), { projects: SEED_PROJECTS });
    expect(withIntro).toContain('*[https://github.com/sofastack](https://github.com/sofastack)*\n\n本周 MOSN 发布了 v1.3.0。\n\n### SOFAStack 社区本周贡献\n');
    expect(markdown).toContain('*[https://github.com/sofastack](https://github.com/sofastack)*\n\n### SOFAStack 社区本周贡献\n');
  });

  it('goes straight from the count block to the reading list when the draft has no clips', () => {
    expect(sofaWeekly.render(draft({ clipIds: [] }), [])).toContain(
      '共计 0 条**\n\n欢迎大家在 GitHub 提交 issue 与我们互动\n\n我们会筛选 issue 通过\n\n" SOFA WEEKLY " 的形式回复\n\n### 本周推荐阅读',
    );
  });

  it("prints an editor's note before the entry's project line and the outro before the closing", () => {
    const [first, second] = seedClips();
    const noted = sofaWeekly.render(draft({ outro: '下周见！' }), [first!, { ...second!, note: '编者按：已修复。' }], { projects: SEED_PROJECTS });
    expect(noted).toContain('A：可以邮件给：[khotyn.huangt@antgroup.com](khotyn.huangt@antgroup.com)。\n\n编者按：已修复。\n\n**「SOFARPC」**');
    expect(noted).toContain('在它下面写文章链接。\n\n下周见！\n\n欢迎扫码关注：\n');
    expect(noted.replace('\n\n编者按：已修复。', '').replace('\n\n下周见！', '')).toBe(markdown);
  });

  it("says another community's name and standing paragraphs in their places", () => {
    const community = {
      name: 'Dubbo',
      weekly: 'Dubbo Weekly',
      link: 'https://github.com/apache/dubbo',
      intro: 'Apache Dubbo 是一款 RPC 框架。',
      issues: '欢迎提问。',
      closing: '感谢阅读。',
    };
    const theirs = sofaWeekly.render(draft(), seedClips(), { projects: SEED_PROJECTS, community });
    expect(theirs).toContain('authorlink: "https://github.com/apache/dubbo"\n');
    expect(theirs).toContain('categories: "Dubbo Weekly"\ntags: ["Dubbo Weekly"]\n');
    expect(theirs).toContain('---\n\n## DUBBO WEEKLY | 每周精选\n\nApache Dubbo 是一款 RPC 框架。\n\n### Dubbo 社区本周贡献\n');
    expect(theirs).toContain('### Dubbo GitHub issue 精选\n\n**本周各项目回复 issue 共计 2 条**\n\n欢迎提问。\n\n**1. @dengqian');
    expect(theirs.endsWith('在它下面写文章链接。\n\n感谢阅读。\n')).toBe(true);
    expect(theirs).not.toMatch(/SOFAStack|SOFA WEEKLY|sofastack\.tech|扫码/);
  });

  it('leaves out a standing paragraph the community left empty, with no extra blank line', () => {
    const bare = { name: 'X', weekly: 'X Weekly', link: '', intro: '', issues: '', closing: '' };
    const theirs = sofaWeekly.render(draft({ clipIds: [] }), [], { community: bare });
    expect(theirs).toContain('## X WEEKLY | 每周精选\n\n### X 社区本周贡献');
    expect(theirs).toContain('共计 0 条**\n\n### 本周推荐阅读');
    expect(theirs).toContain('authorlink: ""\n');
    expect(theirs.endsWith('在它下面写文章链接。\n')).toBe(true);
  });

  describe.skipIf(!hasSeed)('against the seed file itself', () => {
    const seed = hasSeed ? readFileSync(seedPath, 'utf8') : '';
    // The seed's own slips: it counts 3 issues for its 2 entries and doubles a slash in one link.
    const corrected = seed.replace('共计 3 条', '共计 2 条').replaceAll('https://github.com//mosn/mosn/', 'https://github.com/mosn/mosn/');

    it("matches the seed's entries once its slips are corrected", () => {
      expect(entriesOf(corrected)).toBe(SEED_ENTRIES);
      expect(entriesOf(markdown)).toBe(entriesOf(corrected));
    });

    it('reproduces the whole seed when the intro holds its cover, contributions and reading list', () => {
      const intro = [
        '<!-- cover -->',
        between(seed, 'cover: "', '"\n'),
        '<!-- contributions -->',
        between(seed, '### SOFAStack 社区本周贡献\n\n', '\n\n### SOFAStack GitHub issue 精选'),
        '<!-- reading -->',
        between(seed, '### 本周推荐阅读\n\n', '\n\n欢迎扫码关注'),
      ].join('\n');
      expect(sofaWeekly.render(draft({ intro }), seedClips(), { projects: SEED_PROJECTS })).toBe(corrected);
    });
  });
});
