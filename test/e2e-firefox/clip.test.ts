import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScriptRuns } from '../support/github-csp';
import { hasSharedPages, readFixture, readSharedPage } from '../support/pages';
import { launchFirefoxExtension, type FirefoxSession } from './support/firefox';
import { buttonsNamed, draftMarkdown, readDraft, waitForStatus } from './support/ui';

// One Firefox for the whole file: starting it is most of this file's time.
let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefoxExtension();
});

afterAll(() => session?.close());

/**
 * Opens `url`, waits for the extension's buttons, clicks the `answerIndex`th "Clip as answer" as a user
 * would (puppeteer's click is trusted input) and returns the Draft Markdown the popup then shows.
 */
async function clipAnswer(url: string, html: string, answers: number, answerIndex: number, acknowledgement: string) {
  session.servePage(url, html);
  const page = await session.openGitHubPage(url);
  // Served under github.com's policy: the converter the clip imports is not the page's to refuse.
  expect(await page.evaluate(inlineScriptRuns)).toBe(false);
  // Accessibility-tree queries take a second on a long thread: keep the handles the wait found.
  let answerButtons: ElementHandle<Element>[] = [];
  await expect.poll(async () => (answerButtons = await buttonsNamed(page, 'Clip as answer')).length).toBe(answers);
  await expect.poll(async () => (await buttonsNamed(page, 'Clip to Weekly')).length).toBe(1);

  await answerButtons[answerIndex]!.click();
  expect(await waitForStatus(page, acknowledgement)).toBe(acknowledgement);

  const { popup, markdown } = await readDraft(session);
  await popup.close();
  await page.close();
  return markdown;
}

describe('clipping in Firefox (the MV2 build)', () => {
  it('clips a comment of a React issue page as the answer and shows it in the draft', async () => {
    const markdown = await clipAnswer(
      'https://github.com/mosn/mosn/issues/2203',
      readFixture('react-issue.html'),
      2,
      0,
      'Clipped to Weekly: mosn/mosn#2203, answer by @nejisama',
    );
    expect(markdown).toMatch(
      /\*\*\d+\. @dengqian #2203\*\*\n\n> Why pprof debug server do not support hot upgrade\?\n\nA：Debug server init here：\n\n```go\nfunc DefaultInitStage/,
    );
    expect(markdown).toContain('**「mosn」**：*[https://github.com/mosn/mosn/](https://github.com/mosn/mosn/)*');
  });

  it('shows a clip the background page saves in a popup that is already open', async () => {
    const url = 'https://github.com/mosn/mosn/issues/2300';
    session.servePage(url, readFixture('react-issue.html').replaceAll('2203', '2300'));
    const { popup, markdown } = await readDraft(session);
    expect(markdown).not.toContain('#2300**');

    const page = await session.openGitHubPage(url);
    let clipButtons: ElementHandle<Element>[] = [];
    await expect.poll(async () => (clipButtons = await buttonsNamed(page, 'Clip to Weekly')).length).toBe(1);
    await clipButtons[0]!.click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2300');
    await expect.poll(() => draftMarkdown(popup)).toContain('#2300**');
    await popup.close();
    await page.close();
  });
});

describe.skipIf(!hasSharedPages)('clipping captured GitHub pages in Firefox', () => {
  it('clips kepano/defuddle#56 (React view) with a comment as the answer', async () => {
    const markdown = await clipAnswer(
      'https://github.com/kepano/defuddle/issues/56',
      readSharedPage('issue-react-kepano-defuddle-56.html'),
      6,
      1,
      'Clipped to Weekly: kepano/defuddle#56, answer by @masylum',
    );
    expect(markdown).toMatch(/\*\*\d+\. @jmorrell #56\*\*\n\n> Defuddle on Cloudflare Workers\n\nA：/);
    expect(markdown).toContain('**「defuddle」**：*[https://github.com/kepano/defuddle/](https://github.com/kepano/defuddle/)*');
  });
});
