import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScriptRuns } from '../support/github-csp';
import { hasSharedPages, readFixture, readSharedPage } from '../support/pages';
import { launchExtension, selectText, type ExtensionSession } from './support/extension';
import { readDraft, waitForStatus } from './support/ui';

/** `UPDATE_SCREENSHOTS=1 npm test` refreshes the README's picture of the issue page from this run (popup-fit.test.ts takes the popup's). */
const screenshotDir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : undefined;

describe('clipping an issue in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(() => session?.close());

  it('clips a question and an answer on a React issue page and shows them in the draft', async () => {
    const url = 'https://github.com/mosn/mosn/issues/2203';
    session.servePage(url, readFixture('react-issue.html'));
    const page = await session.context.newPage();
    await page.goto(url);
    // Served under github.com's policy, which refuses the page an inline script; the converter the
    // first clip imports is the extension's, which the page's policy does not govern.
    expect(await page.evaluate(inlineScriptRuns)).toBe(false);

    await expect.poll(() => page.getByRole('button', { name: 'Clip to Weekly' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(2);

    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2203');

    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'Clipped to Weekly (updated): mosn/mosn#2203, answer by @nejisama');
    if (screenshotDir) {
      await page.setViewportSize({ width: 960, height: 600 });
      await page.screenshot({ path: `${screenshotDir}/issue-page.png` });
    }

    const { popup, markdown } = await readDraft(session);
    expect(markdown).toContain(
      [
        '**1. @dengqian #2203**',
        '',
        '> Why pprof debug server do not support hot upgrade?',
        '',
        'A：Debug server init here：',
        '',
        '```go',
        'func DefaultInitStage(c *v2.MOSNConfig) {',
        '  InitDebugServe(c)',
        '}',
        '```',
      ].join('\n'),
    );
    expect(markdown).toContain('Thanks @dengqian, see #2100 and the [README](https://github.com/mosn/mosn/blob/master/README.md).');
    expect(markdown).toContain('**「mosn」**：*[https://github.com/mosn/mosn/](https://github.com/mosn/mosn/)*');
    expect(markdown).not.toContain('Copy');
    await expect.poll(() => popup.getByRole('listitem').first().textContent()).toContain('answer by @nejisama');
    await popup.close();
    await page.close();
  });

  it('clips a selection in the opening post as the question, on a classic issue page', async () => {
    const url = 'https://github.com/sofastack/sofa-rpc/issues/1290';
    session.servePage(url, readFixture('classic-issue.html'));
    const page = await session.context.newPage();
    await page.goto(url);

    await selectText(page, '.timeline-comment-group[id^="issue-"] .js-comment-body', '应该在哪里私下报告？');
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: sofastack/sofa-rpc#1290');

    await selectText(page, '#issuecomment-1371112222 .js-comment-body');
    await page.getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, 'answer by @khotyn');

    const { popup, markdown } = await readDraft(session);
    expect(markdown).toContain(['**2. @yemoli #1290**', '', '> 应该在哪里私下报告？', '', 'A：可以邮件给：<khotyn.huangt@antgroup.com>。'].join('\n'));
    await popup.close();
    await page.close();
  });

  it('says the layout was not recognised and saves nothing when the markup is unknown', async () => {
    const url = 'https://github.com/o/r/issues/9';
    // GitHub moved the title somewhere new: none of the title hooks match any more.
    const html = readFixture('react-issue.html').replace(/<h1[\s\S]*?<\/h1>/, '');
    session.servePage(url, html);
    const page = await session.context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, "This page's layout was not recognised: no title found. Nothing was clipped.");
    const { markdown, popup } = await readDraft(session);
    expect(markdown).not.toContain('#9**');
    await popup.close();
    await page.close();
  });
});

describe.skipIf(!hasSharedPages)('clipping captured GitHub pages in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(() => session?.close());

  it('clips kepano/defuddle#56 (React view) with its last comment as the answer', async () => {
    const url = 'https://github.com/kepano/defuddle/issues/56';
    session.servePage(url, readSharedPage('issue-react-kepano-defuddle-56.html'));
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(6);
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: kepano/defuddle#56');
    await page.getByRole('button', { name: 'Clip as answer' }).nth(1).click();
    await waitForStatus(page, 'answer by @masylum');

    const { markdown, popup } = await readDraft(session);
    expect(markdown).toContain('**1. @jmorrell #56**\n\n> Defuddle on Cloudflare Workers\n\nA：');
    expect(markdown).toContain('**「defuddle」**：*[https://github.com/kepano/defuddle/](https://github.com/kepano/defuddle/)*');
    await popup.close();
    await page.close();
  });

  it('clips OctoLinker/testrepo#2 (classic view) with a selected code block as the question', async () => {
    const url = 'https://github.com/OctoLinker/testrepo/issues/2';
    session.servePage(url, readSharedPage('issue-classic-octolinker-testrepo-2.html'));
    const page = await session.context.newPage();
    await page.goto(url);
    await selectText(page, '.highlight-source-rust pre');
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, 'Clipped to Weekly: OctoLinker/testrepo#2');

    const { markdown, popup } = await readDraft(session);
    expect(markdown).toContain('**2. @stefanbuck #2**\n\n> ```rust\n> extern crate failure_derive;\n> ```');
    await popup.close();
    await page.close();
  });
});
