import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedPages, readFixture, readSharedPage } from '../support/pages';
import { launchExtension, selectText, type ExtensionSession } from './support/extension';
import { readDraft, softNavigate, waitForStatus } from './support/ui';

const issueUrl = 'https://github.com/mosn/mosn/issues/2203';
const pullUrl = 'https://github.com/mosn/mosn/pull/2210';
const discussionUrl = 'https://github.com/sofastack/sofa-rpc/discussions/1401';

describe('clipping pull requests and discussions in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.servePage(issueUrl, readFixture('react-issue.html'));
    session.servePage(pullUrl, readFixture('pull-2026.html'));
    session.servePage(discussionUrl, readFixture('discussion.html'));
  });

  afterAll(() => session?.close());

  it('clips a selection in a bot review comment of a 2026 pull request as the answer', async () => {
    const page = await session.context.newPage();
    await page.goto(pullUrl);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(4);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2210');

    await selectText(page, '#discussion_r1002 .js-comment-body', 'a timeout on Accept');
    await page.locator('#discussion_r1002').getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, 'answer by @copilot-pull-request-reviewer');

    const { markdown, popup } = await readDraft(session);
    expect(markdown).toContain('. @nejisama #2210**\n\n> Support hot upgrade for the debug server\n\nA：a timeout on `Accept`\n');
    await popup.close();
    await page.close();
  });

  it('clips a line selected in a suggested change as a suggestion fence, and one in a diff as a diff fence', async () => {
    const url = 'https://github.com/mosn/mosn/pull/2211';
    const widgets = readFileSync(resolve('test/fixtures/markdown/widgets-review-comment.html'), 'utf8').replace(/<!--[\s\S]*?-->/, '');
    const html = readFixture('pull-2026.html')
      .replaceAll('/pull/2210', '/pull/2211')
      .replaceAll('#2210', '#2211')
      .replace(
        '<div class="comment-body markdown-body js-comment-body"><p dir="auto">Close the old listener only after the new one accepts.</p></div>',
        widgets,
      );
    session.servePage(url, html);
    const page = await session.context.newPage();
    await page.goto(url);
    const comment = page.locator('#discussion_r1001');
    await selectText(page, '#discussion_r1001 .js-suggested-changes-blob td.blob-code-addition', 'Lucy');
    await comment.getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2211, answer by @taoyuanyuan');
    let draft = await readDraft(session);
    expect(draft.markdown).toContain('```suggestion\n  name: Lucy\n```');
    await draft.popup.close();

    await selectText(page, '#discussion_r1001 .highlight-source-diff pre', '+  name: Lucy');
    await comment.getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, 'Clipped to Weekly (updated): mosn/mosn#2211, answer by @taoyuanyuan');
    draft = await readDraft(session);
    expect(draft.markdown).toContain('```diff\n+  name: Lucy\n```');
    await draft.popup.close();
    await page.close();
  });

  it("clips a review summary's own words as the answer, and the PR description as the question", async () => {
    const page = await session.context.newPage();
    await page.goto(pullUrl);
    await selectText(page, '#issue-2001002210 .js-comment-body p');
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly (updated): mosn/mosn#2210');
    await page.locator('#pullrequestreview-3001 .timeline-comment').getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, 'answer by @taoyuanyuan');

    const { markdown, popup } = await readDraft(session);
    expect(markdown).toContain(
      '> Keeps the pprof debug server listening across a hot upgrade. Fixes #2203.\n\nA：Looks right. The admin API keeps its own listener, so it is not affected.\n',
    );
    await popup.close();
    await page.close();
  });

  it("clips a discussion with its marked answer, then a threaded reply as the user's answer", async () => {
    const page = await session.context.newPage();
    await page.goto(discussionUrl);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(3);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: sofastack/sofa-rpc#1401, answer by @khotyn');
    await page.locator('#discussioncomment-7002').getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, 'Clipped to Weekly (updated): sofastack/sofa-rpc#1401, answer by @yemoli');
    const { markdown, popup } = await readDraft(session);
    expect(markdown).toContain('. @yemoli #1401**\n\n> How do I report a vulnerability?\n\nA：Thanks, mailed.\n');
    await popup.close();
    await page.close();
  });

  it('imports nothing on a page with no thread, and brings its buttons with a soft navigation to one', async () => {
    const listUrl = 'https://github.com/mosn/mosn/issues';
    session.servePage(listUrl, '<html><head><title>Issues</title></head><body><main>Issues</main></body></html>');
    const page = await session.context.newPage();
    const imported: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith('chrome-extension://')) imported.push(new URL(request.url()).pathname);
    });
    // The content script announces itself to the page when it starts (WXT's context does).
    await page.addInitScript(() => {
      addEventListener('message', ({ data }) => {
        if (typeof data?.type === 'string' && data.type.endsWith('wxt:content-script-started')) document.documentElement.dataset.started = 'yes';
      });
    });
    await page.goto(listUrl);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.started)).toBe('yes');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
    expect(imported).toEqual([]);

    await softNavigate(page, issueUrl, readFixture('react-issue.html'));
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(2);
    expect(imported).toEqual(['/clipper.js']);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, /^Clipped to Weekly( \(updated\))?: mosn\/mosn#2203$/);
    expect(imported).toEqual(['/clipper.js', '/capture.js']);
    await page.close();
  });

  it('keeps exactly one set of buttons, acting on the thread on screen, through soft navigations', async () => {
    const page = await session.context.newPage();
    await page.goto(issueUrl);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(2);

    await softNavigate(page, pullUrl, readFixture('pull-2026.html'));
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Clip to Weekly' }).count()).toBe(1);

    await softNavigate(page, discussionUrl, readFixture('discussion.html'));
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Clip to Weekly' }).count()).toBe(1);

    await softNavigate(page, issueUrl, readFixture('react-issue.html'));
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Clip to Weekly' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'mosn/mosn#2203');

    await softNavigate(page, 'https://github.com/mosn/mosn/issues', '<html><body><main>Issues</main></body></html>');
    await expect.poll(() => page.getByRole('button', { name: /Clip/ }).count()).toBe(0);
    await page.close();
  });

  it("keeps its buttons when the page forges WXT's content-script-started event", async () => {
    const page = await session.context.newPage();
    // The content script announces itself to the page with postMessage; a hostile page replays the
    // announcement as the DOM event WXT listens for, under the name it just learnt.
    await page.addInitScript(() => {
      addEventListener('message', ({ data }) => {
        if (typeof data?.type !== 'string' || !data.type.endsWith('wxt:content-script-started')) return;
        document.dispatchEvent(new CustomEvent(data.type, { detail: { contentScriptName: data.contentScriptName, messageId: 'forged' } }));
        (window as unknown as { forged: boolean }).forged = true;
      });
    });
    await page.goto(issueUrl);
    await expect.poll(() => page.evaluate(() => (window as unknown as { forged?: boolean }).forged)).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(2);
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'answer by @nejisama');
    await page.close();
  });

  it('gives comments that arrive late ("Load more") their button', async () => {
    const page = await session.context.newPage();
    await page.goto(issueUrl);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(2);
    await page.evaluate((html) => {
      const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-timeline-event-id="IC_2"]')!;
      fresh.querySelector('[data-testid="comment-header"]')!.id = 'issuecomment-1370000099';
      document.querySelector('[data-testid="issue-timeline-container"]')!.append(document.adoptNode(fresh));
    }, readFixture('react-issue.html'));
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(3);
    await page.close();
  });
});

describe.skipIf(!hasSharedPages)('clipping the captured classic pull request in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(() => session?.close());

  it('clips a review comment of OctoLinker/testrepo#1, emoji and all, as the answer', async () => {
    const url = 'https://github.com/OctoLinker/testrepo/pull/1';
    session.servePage(url, readSharedPage('pull-classic-octolinker-testrepo-1.html'));
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(3);
    await page.locator('#discussion_r84998536').getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, 'Clipped to Weekly: OctoLinker/testrepo#1, answer by @stefanbuck');
    const { markdown, popup } = await readDraft(session);
    expect(markdown).toContain(
      '**1. @stefanbuck #1**\n\n> Update popular-cat-names.js\n\nA：👍\n\n**「testrepo」**：*[https://github.com/OctoLinker/testrepo/](https://github.com/OctoLinker/testrepo/)*\n',
    );
    await popup.close();
    await page.close();
  });
});
