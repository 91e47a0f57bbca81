import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubStandIn, readApiFixture } from '../support/github-stand-in';
import { readFixture } from '../support/pages';
import { launchExtension, selectText, type ExtensionSession } from './support/extension';
import { readDraft, waitForStatus } from './support/ui';

const ISSUE = 'https://github.com/mosn/mosn/issues/2203';
const COMMENT = '/repos/mosn/mosn/issues/comments/1370000001';
/** What only the author's source holds: the page renders no HTML comment. */
const ONLY_IN_SOURCE = '<!-- the same init runs on a hot upgrade -->';

describe("the author's own Markdown, from GitHub's API, in Chromium", () => {
  let session: ExtensionSession;
  let github: GitHubStandIn;

  beforeEach(async () => {
    session = await launchExtension();
    github = new GitHubStandIn();
    github.put(COMMENT, readApiFixture('issue-comment.json'));
    await github.serve(session.context);
    session.servePage(ISSUE, readFixture('react-issue.html'));
  });

  afterEach(() => session?.close());

  /** Clips nejisama's whole comment as the answer, and waits for the page to say so. */
  async function clipWholeComment() {
    const page = await session.context.newPage();
    await page.goto(ISSUE);
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2203, answer by @nejisama');
    return page;
  }

  it('takes the source of a whole comment, its relative links made absolute, and says so', async () => {
    await clipWholeComment();
    const popup = await session.openPopup();
    await expect.poll(() => popup.getByText("Answer: the author's own Markdown").count()).toBe(1);
    // The Draft Markdown is assembled in the template worker, a moment after the row shows the clip.
    const draft = popup.getByLabel('Draft Markdown');
    await expect.poll(() => draft.inputValue()).toContain(ONLY_IN_SOURCE);
    const markdown = await draft.inputValue();
    expect(markdown).toContain('Thanks @dengqian, see #2100 and the [README](https://github.com/mosn/mosn/blob/master/README.md).');
    expect(markdown).not.toContain('\r');
    // One read of the source; the popup's check when it opens is conditional (GitHub's 304 costs nothing).
    const [read, ...checks] = github.requestsTo(COMMENT);
    expect(read.headers['if-none-match']).toBeUndefined();
    expect(checks.every((request) => request.headers['if-none-match'] !== undefined)).toBe(true);
  });

  it('keeps the converter for a selection, and asks GitHub nothing', async () => {
    const page = await session.context.newPage();
    await page.goto(ISSUE);
    await selectText(page, '[data-testid="markdown-body"]:has(> .markdown-body > p:has-text("Debug server init")) p', 'Debug server init here');
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2203, answer by @nejisama');

    const { popup, markdown } = await readDraft(session);
    await expect.poll(() => popup.getByText('Answer: converted from the page (a selection)').count()).toBe(1);
    expect(markdown).toContain('Debug server init here');
    expect(markdown).not.toContain(ONLY_IN_SOURCE);
    expect(github.requestsTo(COMMENT)).toEqual([]);
  });

  it('falls back to the converter at once when GitHub answers 403 rate-limited, with a clear note', async () => {
    github.exhaust();
    await clipWholeComment();
    const { popup, markdown } = await readDraft(session);
    await expect
      .poll(() => popup.locator('.clip-origin').textContent())
      .toBe("Answer: converted from the page. GitHub's rate limit is reached; try again later, or add a token in the options.");
    expect(markdown).toContain('Thanks @dengqian, see #2100 and the [README](https://github.com/mosn/mosn/blob/master/README.md).');
    expect(markdown).not.toContain(ONLY_IN_SOURCE);
    // One request, refused: the background did not wait for the limit to reset, nor ask again before it does.
    expect(github.requestsTo(COMMENT)).toHaveLength(1);
  });

  it('flags a post edited on GitHub since it was clipped, and takes the new text, asking before replacing an edit', async () => {
    await clipWholeComment();
    let popup = await session.openPopup();
    await expect.poll(() => popup.getByText("Answer: the author's own Markdown").count()).toBe(1);
    await expect.poll(() => github.requestsTo(COMMENT).length).toBeGreaterThanOrEqual(2);
    await expect(popup.getByText('Edited on GitHub since it was clipped').count()).resolves.toBe(0);
    await popup.close();

    github.edit(COMMENT, 'Debug server init moved to `InitDebugServe` in v1.5.\r\n\r\nSee [the changelog](/mosn/mosn/blob/master/CHANGELOG.md).');
    popup = await session.openPopup();
    await expect.poll(() => popup.getByText('Edited on GitHub since it was clipped').count()).toBe(1);

    // The user reworded the answer in the popup meanwhile: taking the new text asks first.
    await popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    await popup.getByLabel('Answer Markdown').fill('My own summary of the init.');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toContain('My own summary of the init.');

    await popup.getByRole('button', { name: "Take the new text of mosn/mosn#2203's answer from GitHub" }).click();
    await expect.poll(() => popup.getByText('You edited this answer. Replace your edit with the new text?').count()).toBe(1);
    await popup.getByRole('button', { name: 'Keep mine' }).click();
    expect(await popup.getByLabel('Draft Markdown').inputValue()).toContain('My own summary of the init.');

    await popup.getByRole('button', { name: "Take the new text of mosn/mosn#2203's answer from GitHub" }).click();
    await popup.getByRole('button', { name: 'Replace my edit' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('Took the new text of mosn/mosn#2203');
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toContain('Debug server init moved to `InitDebugServe` in v1.5.');
    const markdown = await popup.getByLabel('Draft Markdown').inputValue();
    expect(markdown).toContain(
      'Debug server init moved to `InitDebugServe` in v1.5.\n\nSee [the changelog](https://github.com/mosn/mosn/blob/master/CHANGELOG.md).',
    );
    expect(markdown).not.toContain('My own summary');
    expect(await popup.getByText('Edited on GitHub since it was clipped').count()).toBe(0);
  });

  it('says so when the clipped post is deleted or made private', async () => {
    await clipWholeComment();
    let popup = await session.openPopup();
    await expect.poll(() => popup.getByText("Answer: the author's own Markdown").count()).toBe(1);
    await popup.close();
    github.remove(COMMENT);
    popup = await session.openPopup();
    await expect.poll(() => popup.getByText('Deleted on GitHub, or no longer visible to you (made private)').count()).toBe(1);
  });

  it('keeps the token in this browser: shown masked, checked with GitHub, never in a backup', async () => {
    const token = 'github_pat_11AAAAAAA0weeklyEditorToken9z8y';
    github.addToken(token, { login: 'weekly-editor', permissions: {} });
    const options = await session.openOptions();
    await options.getByLabel('Personal access token').fill(token);
    await options.getByRole('button', { name: 'Save token' }).click();
    await expect.poll(() => options.getByText('Token in use: github_pat_…9z8y').count()).toBe(1);
    expect(await options.getByLabel('Personal access token').inputValue()).toBe('');
    expect(await options.content()).not.toContain(token);

    await options.getByRole('button', { name: 'Check token' }).click();
    await expect.poll(() => options.getByText('GitHub accepts this token as @weekly-editor.').count()).toBe(1);
    expect(github.requestsTo('/user').map((request) => request.headers.authorization)).toEqual([`token ${token}`]);

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export backup' }).click()]);
    const backup = readFileSync((await download.path())!, 'utf8');
    expect(backup).toContain('"format": "weekly-clipper-backup"');
    expect(backup).not.toContain(token);
    expect(backup).not.toContain('githubToken');
  });
});
