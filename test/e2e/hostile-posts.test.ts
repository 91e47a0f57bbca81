import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFixture } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { readDraft, waitForStatus } from './support/ui';

const url = 'https://github.com/mosn/mosn/issues/2301';

/**
 * Replaces the body of the `index`th comment with `depth` levels of `tags` (outermost first), written
 * as HTML and parsed by Chromium as GitHub's page would be (its parser stops nesting at 512 levels;
 * a DOM built deeper crashes the tab's renderer with or without the extension).
 */
function nestInComment(page: Page, index: number, tags: string[], depth: number): Promise<void> {
  return page.evaluate(
    ({ index, tags, depth }) => {
      const body = document.querySelectorAll('.react-issue-comment [data-testid="markdown-body"] > .markdown-body')[index];
      const open = tags.map((tag) => `<${tag}>`).join('');
      const close = tags
        .map((tag) => `</${tag}>`)
        .reverse()
        .join('');
      let html = '';
      for (let level = 0; level < depth; level++) html += `${open}level ${level}`;
      body.innerHTML = html + close.repeat(depth);
    },
    { index, tags, depth },
  );
}

describe('hostile posts in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.servePage(url, readFixture('react-issue.html').replaceAll('2203', '2301'));
  });

  afterAll(() => session?.close());

  it('clips posts nested 500 and 5,000 deep, says what was cut, and the popup shows and removes the clip', async () => {
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(2);

    await nestInComment(page, 0, ['ol', 'li', 'p'], 500);
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, /^Clipped to Weekly: mosn\/mosn#2301, answer by @nejisama\. The answer was cut: it nests deeper than \d+ levels/);

    await nestInComment(page, 1, ['blockquote'], 5000);
    await page.getByRole('button', { name: 'Clip as answer' }).last().click();
    await waitForStatus(page, /^Clipped to Weekly \(updated\): mosn\/mosn#2301, answer by @dengqian\. The answer was cut: it nests deeper than \d+ levels/);
    expect(await page.evaluate(() => document.title)).toContain('2301');
    await page.close();

    const { popup, markdown } = await readDraft(session);
    expect(markdown).toContain('#2301**');
    expect(markdown).toContain('left part of this post out');
    await popup.getByRole('button', { name: 'Remove mosn/mosn#2301' }).click();
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).not.toContain('#2301**');
    await popup.close();
  });
});
