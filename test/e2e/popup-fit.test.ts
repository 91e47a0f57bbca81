import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasSharedPages, readFixture, readSharedPage } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { goOnFocused, readDraft, waitForStatus } from './support/ui';

/** `UPDATE_SCREENSHOTS=1 npm test` refreshes the README's pictures from this run. */
const screenshotDir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : undefined;

/** Chrome's largest popup. */
const POPUP = { width: 800, height: 600 };
/** What the popup's page asks of Chrome's popup window: the part of the viewport a picture shows. */
const POPUP_PAGE = { x: 0, y: 0, width: 760, height: 600 };
/** A narrow side panel. */
const NARROW = { width: 360, height: 640 };

/** Clips mosn/mosn#`number` (the React issue fixture, renumbered) with Clip to Weekly. */
async function clipThread(session: ExtensionSession, number: number, status: RegExp) {
  const url = `https://github.com/mosn/mosn/issues/${number}`;
  session.servePage(url, readFixture('react-issue.html').replaceAll('2203', String(number)));
  const page = await session.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Clip to Weekly' }).click();
  await waitForStatus(page, status);
  return page;
}

/** Whether the whole of `locator` is on screen in `page`'s viewport. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize()!;
  return Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height);
}

/** The visible controls of `page` that reach past its right edge, by name. */
function controlsPastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a, input, select, textarea, summary, label, h1, h2')]
      .filter((element) => element.checkVisibility())
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < 0 || box.right > document.documentElement.clientWidth + 0.5;
      })
      .map((element) => element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? element.tagName),
  );
}

describe('the popup fits Chrome’s popup and a narrow side panel', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(() => session?.close());

  it('shows the empty draft’s preview level with its Markdown', async () => {
    const popup = await session.openPopup();
    await popup.setViewportSize(POPUP);
    const markdown = popup.getByLabel('Draft Markdown');
    const preview = popup.getByRole('region', { name: 'Preview' });
    await expect.poll(() => popup.getByText('No clips in this issue yet', { exact: false }).count()).toBeGreaterThan(0);
    const [markdownBox, previewBox] = [await markdown.boundingBox(), await preview.boundingBox()];
    expect(Math.abs(previewBox!.y - markdownBox!.y)).toBeLessThanOrEqual(4);
    await popup.close();
  });

  it('keeps the actions and the Undo of a removal in an 800×600 popup with five clips', async () => {
    for (const number of [2203, 2204, 2205, 2206, 2207]) await (await clipThread(session, number, new RegExp(`#${number}`))).close();
    // The toolbar button counts the draft's clips.
    const worker = session.context.serviceWorkers()[0];
    const badge = () => worker.evaluate<string>('chrome.action.getBadgeText({})');
    await expect.poll(() => badge()).toBe('5');

    const { popup } = await readDraft(session);
    await popup.setViewportSize(POPUP);
    await expect.poll(() => popup.getByRole('listitem').count()).toBeGreaterThanOrEqual(5);
    if (screenshotDir) await popup.screenshot({ path: `${screenshotDir}/popup.png`, clip: POPUP_PAGE });
    const controls: [string, Locator][] = [
      ['Template', popup.getByLabel('Template')],
      ['Mark as sent', popup.getByRole('button', { name: 'Mark as sent' })],
      ['Copy Markdown', popup.getByRole('button', { name: 'Copy Markdown' })],
      ['Download .md', popup.getByRole('button', { name: 'Download .md' })],
      ['Open as GitHub issue', popup.getByRole('button', { name: 'Open as GitHub issue' })],
      ['Options', popup.getByRole('button', { name: 'Options' })],
      ['Date', popup.getByLabel('Date')],
    ];
    for (const [name, control] of controls) expect([name, await inView(popup, control)]).toEqual([name, true]);
    expect(await popup.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(POPUP.height);

    // The last clip is the one furthest down the list.
    await popup.getByRole('button', { name: 'Remove mosn/mosn#2207' }).click();
    await waitForStatus(popup, 'Removed');
    const undo = popup.getByRole('button', { name: 'Undo' });
    expect(await inView(popup, popup.getByRole('status'))).toBe(true);
    expect(await inView(popup, undo)).toBe(true);
    await expect.poll(() => badge()).toBe('4');
    await undo.click();
    await expect.poll(() => popup.getByRole('button', { name: 'Remove mosn/mosn#2207' }).count()).toBe(1);
    await expect.poll(() => badge()).toBe('5');
    await popup.close();
  });

  it('lists the warnings before Mark as sent in view, cancels by Esc, and undoes the sending', async () => {
    const { popup } = await readDraft(session);
    await popup.setViewportSize(POPUP);
    const publish = popup.getByRole('button', { name: 'Mark as sent' });
    await publish.click();
    const warnings = popup.getByRole('alertdialog', { name: 'Before Mark as sent, check these' });
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').allTextContents()).toEqual([
      'The title is still the default, “Weekly digest”.',
      'No answer: mosn/mosn#2203, mosn/mosn#2204, mosn/mosn#2205, mosn/mosn#2206, mosn/mosn#2207. They print without an answer, and the count line still counts them.',
    ]);
    for (const [name, part] of [
      ['warnings', warnings],
      ['Go on', warnings.getByRole('button', { name: 'Go on' })],
      ['Cancel', warnings.getByRole('button', { name: 'Cancel' })],
      ['Mark as sent', publish],
    ] as const)
      expect([name, await inView(popup, part)]).toEqual([name, true]);
    expect(await popup.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(POPUP.height);
    if (screenshotDir) await popup.screenshot({ path: `${screenshotDir}/warnings.png`, clip: POPUP_PAGE });

    // By keyboard: Esc cancels and says so; nothing was sent.
    await popup.keyboard.press('Escape');
    await waitForStatus(popup, 'Cancelled: Mark as sent did nothing.');
    expect(await warnings.count()).toBe(0);
    expect(await popup.getByText(/^Sent issues/).count()).toBe(0);

    // Again by keyboard: Enter on Mark as sent, Enter on Go on (focused), and focus waits on Undo,
    // since Mark as sent is disabled once the new draft is empty.
    await publish.focus();
    await popup.keyboard.press('Enter');
    await warnings.waitFor();
    await goOnFocused(warnings);
    await popup.keyboard.press('Enter');
    await waitForStatus(popup, 'Marked “Weekly digest” as sent; a new draft is started.');
    const undo = popup.getByRole('button', { name: 'Undo' });
    expect(await inView(popup, popup.getByRole('status'))).toBe(true);
    expect(await inView(popup, undo)).toBe(true);
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).not.toContain('#2207');
    await expect.poll(() => undo.evaluate((button) => button === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    await waitForStatus(popup, /^Reopened the issue of \d{4}-\d{2}-\d{2}: it is the current draft again\.$/);
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toContain('#2207');
    expect(await popup.getByText(/^Sent issues/).count()).toBe(0);
    await popup.close();
  });

  it('fits a side panel 360 px wide: one column, nothing past its edge', async () => {
    const panel = await session.openSidePanel();
    await panel.setViewportSize(NARROW);
    await expect.poll(() => panel.getByLabel('Draft Markdown').inputValue()).toContain('#2207');
    expect(await panel.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
    expect(await controlsPastTheEdge(panel)).toEqual([]);
    for (const control of [panel.getByRole('button', { name: 'Options' }), panel.getByLabel('Date'), panel.getByRole('button', { name: 'Copy Markdown' })])
      expect(await inView(panel, control)).toBe(true);
    // The side panel is where the popup sends you; it offers no second one.
    expect(await panel.getByRole('button', { name: 'Open in side panel' }).count()).toBe(0);
    if (screenshotDir) await panel.screenshot({ path: `${screenshotDir}/side-panel.png` });

    // The warnings before an export fit the narrow panel too, Go on and Cancel in view.
    await panel.getByRole('button', { name: 'Copy Markdown' }).click();
    const warnings = panel.getByRole('alertdialog', { name: 'Before Copy Markdown, check these' });
    await warnings.waitFor();
    expect(await panel.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
    expect(await controlsPastTheEdge(panel)).toEqual([]);
    for (const control of [warnings, warnings.getByRole('button', { name: 'Go on' }), warnings.getByRole('button', { name: 'Cancel' })])
      expect(await inView(panel, control)).toBe(true);
    await warnings.getByRole('button', { name: 'Cancel' }).click();
    await waitForStatus(panel, 'Cancelled: Copy Markdown did nothing.');
    await panel.close();
  });

  it.skipIf(!hasSharedPages)('keeps Clip as answer clear of the Member and Author labels on classic review comments', async () => {
    const url = 'https://github.com/OctoLinker/testrepo/pull/1';
    session.servePage(url, readSharedPage('pull-classic-octolinker-testrepo-1.html'));
    const page = await session.context.newPage();
    await page.goto(url);
    const comment = page.locator('#discussion_r84998536');
    const clip = comment.getByRole('button', { name: 'Clip as answer' });
    // GitHub lays this header out right to left, against the labels; the offline stylesheet does not
    // always, so the button's own distance is checked as well as the boxes.
    expect(await clip.evaluate((element) => parseFloat(getComputedStyle(element).marginInlineStart))).toBeGreaterThanOrEqual(8);
    const button = await clip.boundingBox();
    for (const label of await comment.locator('.Label').all()) {
      const box = (await label.boundingBox())!;
      const apart =
        box.x + box.width + 4 <= button!.x || button!.x + button!.width + 4 <= box.x || box.y + box.height <= button!.y || button!.y + button!.height <= box.y;
      expect([await label.textContent(), apart]).toEqual([expect.any(String), true]);
    }
    await page.close();
  });
});

describe('the popup and the buttons in Chinese', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension({ lang: 'zh-CN' });
  });

  afterAll(() => session?.close());

  it('keeps the contract’s English names, explained in Chinese tooltips, and fits 800×600', async () => {
    const page = await clipThread(session, 2203, /mosn\/mosn#2203/);
    const clip = page.getByRole('button', { name: 'Clip to Weekly' });
    expect(await clip.getAttribute('title')).toMatch(/[\u4e00-\u9fff]/);
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'Clipped to Weekly（已更新）：mosn/mosn#2203');
    if (screenshotDir) {
      await page.setViewportSize({ width: 960, height: 600 });
      await page.screenshot({ path: `${screenshotDir}/issue-page-zh.png` });
    }
    await page.close();
    for (const number of [2204, 2205, 2206]) await (await clipThread(session, number, new RegExp(`#${number}`))).close();

    const { popup } = await readDraft(session);
    await popup.setViewportSize(POPUP);
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(4);
    expect(await popup.getByRole('button', { name: 'Copy Markdown' }).getAttribute('title')).toMatch(/[\u4e00-\u9fff]/);
    expect(await inView(popup, popup.getByRole('button', { name: '设置' }))).toBe(true);
    expect(await inView(popup, popup.getByRole('button', { name: 'Open as GitHub issue' }))).toBe(true);
    if (screenshotDir) await popup.screenshot({ path: `${screenshotDir}/popup-zh.png`, clip: POPUP_PAGE });

    // The warnings before an export speak Chinese and fit too.
    await popup.getByRole('button', { name: 'Copy Markdown' }).click();
    const warnings = popup.getByRole('alertdialog', { name: 'Copy Markdown 之前，请检查以下几点' });
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').first().textContent()).toBe('标题还是默认的“Weekly digest”。');
    for (const control of [warnings, warnings.getByRole('button', { name: '继续' }), warnings.getByRole('button', { name: '取消' })])
      expect(await inView(popup, control)).toBe(true);
    await popup.keyboard.press('Escape');
    await waitForStatus(popup, '已取消：Copy Markdown 没有执行。');
    await popup.close();
  });
});
