import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { goOnFocused, readDraft, waitForStatus } from './support/ui';

describe('writing the weekly in the popup, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.servePage('https://github.com/mosn/mosn/issues/2203', readFixture('react-issue.html'));
    session.servePage('https://github.com/sofastack/sofa-rpc/issues/1290', readFixture('classic-issue.html'));
  });

  afterAll(() => session?.close());

  async function clipWithAnswer(url: string, answer: string) {
    const page = await session.context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, answer);
    await page.close();
  }

  it('assembles two threads with the SOFA Weekly template and downloads exactly that Markdown', async () => {
    await clipWithAnswer('https://github.com/mosn/mosn/issues/2203', 'answer by @nejisama');
    await clipWithAnswer('https://github.com/sofastack/sofa-rpc/issues/1290', 'answer by @khotyn');

    const { popup } = await readDraft(session);
    await popup.getByLabel('Template').selectOption({ label: 'SOFA Weekly' });
    const draft = popup.getByLabel('Draft Markdown');
    await expect.poll(() => draft.inputValue()).toMatch(/^---\ntitle: /);
    const markdown = await draft.inputValue();
    expect(markdown).toContain('### SOFAStack GitHub issue 精选\n\n**本周各项目回复 issue 共计 2 条**\n');
    expect(markdown).toContain('**1. @dengqian #2203**\n\n> Why pprof debug server do not support hot upgrade?\n\nA：Debug server init here：\n\n```go\n');
    expect(markdown).toContain(
      '**2. @yemoli #1290**\n\n> SOFARPC 发现了安全漏洞在哪提交呢？\n\nA：可以邮件给：<khotyn.huangt@antgroup.com>。\n\n**「sofa-rpc」**：*[https://github.com/sofastack/sofa-rpc/](https://github.com/sofastack/sofa-rpc/)*',
    );

    // SOFA Weekly leaves a TODO for each part the intro lacks, and the title is still the default:
    // the popup lists them before the file goes out, and goes on when asked to.
    await popup.getByRole('button', { name: 'Download .md' }).click();
    const warnings = popup.getByRole('alertdialog', { name: 'Before Download .md, check these' });
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').allTextContents()).toEqual([
      'The title is still the default, “Weekly digest”.',
      expect.stringMatching(/^A TODO is left on line 8: cover: "" {2}# TODO：/),
      expect.stringMatching(/^A TODO is left on line \d+: \*\*TODO：本周贡献图。\*\*/),
      expect.stringMatching(/^A TODO is left on line \d+: \*\*TODO：本周推荐阅读。\*\*/),
    ]);
    const [download] = await Promise.all([popup.waitForEvent('download'), warnings.getByRole('button', { name: 'Go on' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-.+\.md$/);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(markdown);

    // The choice is a setting: the popup opens with it next time.
    await popup.reload();
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toMatch(/^---\ntitle: /);
    await popup.close();
  });

  it("keeps page content from running in the popup's preview", async () => {
    const { popup } = await readDraft(session);
    await popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    await popup.getByLabel('Answer Markdown').fill('Look <img src="x" onerror="window.pwned = 1"> <script>window.pwned = 2</script> **here**');
    await popup.getByRole('button', { name: 'Save' }).click();
    const preview = popup.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('strong', { hasText: 'here' }).count()).toBe(1);
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.locator('[onerror]').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await popup.close();
  });

  it('prints a thread title that reads like HTML exactly as GitHub showed it', async () => {
    const url = 'https://github.com/mosn/mosn/issues/2299';
    const title = 'Fix clipping when malformed <figure> nests article content';
    session.servePage(
      url,
      readFixture('react-issue.html')
        .replaceAll('2203', '2299')
        .replaceAll('Why pprof debug server do not support hot upgrade?', title.replace('<', '&lt;').replace('>', '&gt;')),
    );
    const page = await session.context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2299');
    await page.close();

    const { popup } = await readDraft(session);
    const preview = popup.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByText(title, { exact: true }).count()).toBeGreaterThan(0);
    expect(await preview.locator('figure').count()).toBe(0);
    await popup.close();
  });

  it('names projects and opens the draft as a new issue in the repository set in the options', async () => {
    const options = await session.openOptions();
    await options.getByLabel('Repository', { exact: true }).fill('mosn/mosn');
    await options.getByLabel('Display name').fill('MOSN');
    await options.getByRole('button', { name: 'Add project' }).click();
    await options.getByLabel('Target repository').fill('sofastack/sofastack.tech');
    await options.getByRole('button', { name: 'Save repository' }).click();
    await expect.poll(() => options.getByRole('status').allTextContents()).toContainEqual(expect.stringContaining('sofastack/sofastack.tech'));

    const { popup } = await readDraft(session);
    await expect
      .poll(() => popup.getByLabel('Draft Markdown').inputValue())
      .toContain('**「MOSN」**：*[https://github.com/mosn/mosn/](https://github.com/mosn/mosn/)*');
    const opened: string[] = [];
    await session.context.route(
      (url) => url.pathname === '/sofastack/sofastack.tech/issues/new',
      (route) => {
        opened.push(route.request().url());
        return route.fulfill({ contentType: 'text/html', body: '<title>New issue</title>' });
      },
    );
    await popup.getByRole('button', { name: 'Open as GitHub issue' }).click();
    // #2299 was clipped without an answer; by keyboard, Go on is focused and Enter goes on.
    const warnings = popup.getByRole('alertdialog', { name: 'Before Open as GitHub issue, check these' });
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').allTextContents()).toContainEqual(
      'No answer: mosn/mosn#2299. They print without an answer, and the count line still counts them.',
    );
    await goOnFocused(warnings);
    await popup.keyboard.press('Enter');
    await expect.poll(() => opened.length).toBe(1);
    const issue = new URL(opened[0]);
    expect(issue.origin + issue.pathname).toBe('https://github.com/sofastack/sofastack.tech/issues/new');
    // SOFA Weekly's front matter stays out of the issue unless chosen: GitHub would render it as a heading.
    const markdown = await popup.getByLabel('Draft Markdown').inputValue();
    expect(issue.searchParams.get('body')).toBe(markdown.slice(markdown.indexOf('## SOFA WEEKLY')));
    await popup.close();
    await options.close();
  });

  it('shows a clip the background saves in a popup that is already open', async () => {
    const url = 'https://github.com/mosn/mosn/issues/2300';
    session.servePage(url, readFixture('react-issue.html').replaceAll('2203', '2300'));
    const { popup } = await readDraft(session);
    expect(await popup.getByLabel('Draft Markdown').inputValue()).not.toContain('#2300**');

    const page = await session.context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2300');
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toContain('#2300**');
    await page.close();
    await popup.close();
  });

  it('refuses a broken backup and says why, changing nothing', async () => {
    const options = await session.openOptions();
    await options.getByLabel('Import backup').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"weekly-clipper-backup","version":1,"clips":[{"id":1}]}'),
    });
    await expect.poll(() => options.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('Nothing was imported'));
    const { popup, markdown } = await readDraft(session);
    expect(markdown).toContain('#2203**');
    await popup.close();
    await options.close();
  });

  it('marks the draft as sent, and a thread of it clipped again says which issue it is already in', async () => {
    const { popup } = await readDraft(session);
    const day = await popup.getByLabel('Date').inputValue();
    await popup.getByRole('button', { name: 'Mark as sent' }).click();
    await popup.getByRole('alertdialog', { name: 'Before Mark as sent, check these' }).getByRole('button', { name: 'Go on' }).click();
    await waitForStatus(popup, /^Marked “Weekly digest” as sent; a new draft is started\.$/);

    const page = await session.context.newPage();
    await page.goto('https://github.com/mosn/mosn/issues/2203');
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, `Clipped to Weekly: mosn/mosn#2203 — already in the issue of ${day}`);
    await page.close();
    // New clips join the current draft: the row there says it, and so do the warnings before it goes out.
    const row = popup.getByRole('listitem').filter({ hasText: 'mosn/mosn#2203' });
    await expect.poll(() => row.allTextContents()).toEqual([expect.stringContaining(`mosn/mosn#2203 · no answer yet · already in the issue of ${day}`)]);
    await popup.getByRole('button', { name: 'Copy Markdown' }).click();
    const warnings = popup.getByRole('alertdialog', { name: 'Before Copy Markdown, check these' });
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').allTextContents()).toContainEqual(`mosn/mosn#2203 is already in the issue of ${day}.`);
    await warnings.getByRole('button', { name: 'Cancel' }).click();
    await popup.close();
  });
});
