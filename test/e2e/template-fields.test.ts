import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { readDraft, waitForStatus } from './support/ui';

describe("front matter, editor's notes, outros and templates' fields, in Chromium", () => {
  let session: ExtensionSession;
  const url = 'https://github.com/mosn/mosn/issues/2203';

  async function clip() {
    const page = await session.context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'answer by @nejisama');
    await page.close();
  }

  beforeAll(async () => {
    session = await launchExtension();
    session.servePage(url, readFixture('react-issue.html'));
  });

  afterAll(() => session?.close());

  it("previews SOFA Weekly's front matter as GitHub's table, and its title as the heading it is", async () => {
    await clip();
    const { popup } = await readDraft(session);
    await popup.getByLabel('Template').selectOption({ label: 'SOFA Weekly' });
    const preview = popup.getByRole('region', { name: 'Preview' });
    await expect
      .poll(() => preview.locator('table.front-matter > thead th').allTextContents())
      .toEqual(['title', 'authorlink', 'description', 'categories', 'tags', 'date', 'cover']);
    expect(await preview.locator('table.front-matter > tbody td').nth(1).textContent()).toBe('https://github.com/sofastack');
    expect(await preview.locator('h2').first().textContent()).toBe('SOFA WEEKLY | 每周精选');
    expect(await preview.locator('h1, h2', { hasText: 'authorlink' }).count()).toBe(0);
    expect(await popup.getByRole('checkbox', { name: 'Front matter in the issue' }).isChecked()).toBe(false);
    await popup.close();
  });

  it("prints an editor's note and an outro, kept when the thread is clipped again, through to the downloaded file", async () => {
    const { popup } = await readDraft(session);
    await popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    await popup.getByLabel("Editor's note (Markdown)").fill('编者按：v1.3 已修复。');
    await popup.getByRole('button', { name: 'Save' }).click();
    await waitForStatus(popup, 'Saved mosn/mosn#2203.');
    await popup.locator('summary', { hasText: 'Outro' }).click();
    await popup.getByLabel('Outro').fill('下周见！');
    await popup.getByLabel('Outro').blur();
    const draft = popup.getByLabel('Draft Markdown');
    await expect.poll(() => draft.inputValue()).toContain('\n\n下周见！\n\n欢迎扫码关注：\n');
    expect(await draft.inputValue()).toContain('\n\n编者按：v1.3 已修复。\n\n**「mosn」**');
    await popup.close();

    await clip();
    const { popup: again, markdown } = await readDraft(session);
    expect(markdown).toContain('\n\n编者按：v1.3 已修复。\n\n**「mosn」**');
    expect(markdown).toContain('\n\n下周见！\n\n欢迎扫码关注：\n');
    await again.getByRole('button', { name: 'Download .md' }).click();
    // SOFA Weekly's TODO markers and the default title are listed first; the user goes on.
    const warnings = again.getByRole('alertdialog', { name: 'Before Download .md, check these' });
    await expect.poll(() => warnings.getByRole('listitem').first().textContent()).toBe('The title is still the default, “Weekly digest”.');
    const [download] = await Promise.all([again.waitForEvent('download'), warnings.getByRole('button', { name: 'Go on' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(markdown); // a finished download has a path
    await again.close();
  });

  it('starts a new template as a copy of the one in use, and names a misspelt variable with its line', async () => {
    const options = await session.openOptions();
    await options.getByRole('button', { name: 'New template' }).click();
    expect(await options.getByLabel('Template name').inputValue()).toBe('Copy of SOFA Weekly');
    const source = options.getByLabel('Template source');
    expect(await source.inputValue()).toMatch(/^---\ntitle: \{\{ draft\.title \| yaml \}\}\n/);
    await source.fill('# {{ draft.title }}\n\n{{ draft.titel }}');
    await expect.poll(() => options.getByText('Line 3, column 4: unknown variable draft.titel').count()).toBe(1);
    await source.fill('# {{ draft.title }}');
    await expect.poll(() => options.getByText(/unknown variable/).count()).toBe(0);
    await options.close();
  });

  it("says another community's name in SOFA Weekly once its fields are saved in the options", async () => {
    const options = await session.openOptions();
    const community = options.getByRole('region', { name: 'Community' });
    await community.getByLabel('Community name').fill('Dubbo');
    await community.getByLabel("Weekly's name").fill('Dubbo Weekly');
    await community.getByRole('button', { name: 'Save community' }).click();
    await expect.poll(() => community.getByRole('status').textContent()).toBe("Saved the community's fields.");
    await options.close();

    const { popup, markdown } = await readDraft(session);
    expect(markdown).toContain('categories: "Dubbo Weekly"\ntags: ["Dubbo Weekly"]\n');
    expect(markdown).toContain('## DUBBO WEEKLY | 每周精选\n');
    expect(markdown).toContain('### Dubbo 社区本周贡献\n');
    expect(markdown).toContain('### Dubbo GitHub issue 精选\n');
    await popup.close();
  });
});
