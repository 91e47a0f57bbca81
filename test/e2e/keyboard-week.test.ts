import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readFixture } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { goOnFocused, readDraft, waitForStatus } from './support/ui';

/**
 * Moves focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user would; fails with
 * where focus is after `limit` presses. `:focus` also holds for a button in a shadow root.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 100 } = {}): Promise<void> {
  const key = backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses <= limit; presses++) {
    if (await target.evaluateAll((elements) => elements.some((element) => element.matches(':focus')))) return;
    if (presses < limit) await page.keyboard.press(key);
  }
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName} “${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40)}”` : 'nothing';
  });
  throw new Error(`${limit} presses of ${key} did not reach ${target}; focus is on ${focused}`);
}

describe('a whole week by keyboard alone, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(() => session?.close());

  /** Clips mosn/mosn#`number` from its page: Tab to Clip to Weekly, Enter. */
  async function clipByKeyboard(number: number) {
    const url = `https://github.com/mosn/mosn/issues/${number}`;
    session.servePage(url, readFixture('react-issue.html').replaceAll('2203', String(number)));
    const page = await session.context.newPage();
    await page.goto(url);
    await tabTo(page, page.getByRole('button', { name: 'Clip to Weekly' }), { limit: 400 });
    await page.keyboard.press('Enter');
    await waitForStatus(page, `Clipped to Weekly: mosn/mosn#${number}`);
    await page.close();
  }

  it('clips, reorders, edits, chooses a template, heeds the warnings, sends, undoes and downloads', async () => {
    await clipByKeyboard(2401);
    await clipByKeyboard(2402);

    const { popup } = await readDraft(session);
    const draft = popup.getByLabel('Draft Markdown');
    const secondFirst = async () => {
      const markdown = await draft.inputValue();
      return markdown.indexOf('#2402') < markdown.indexOf('#2401');
    };
    expect(await secondFirst()).toBe(false);

    // Reorder: the second thread first.
    await tabTo(popup, popup.getByRole('button', { name: 'Move mosn/mosn#2402 up' }));
    await popup.keyboard.press('Enter');
    await expect.poll(secondFirst).toBe(true);

    // Edit: an answer typed for #2401 and saved.
    await tabTo(popup, popup.getByRole('button', { name: 'Edit mosn/mosn#2401' }));
    await popup.keyboard.press('Enter');
    await tabTo(popup, popup.getByLabel('Answer Markdown'));
    await popup.keyboard.type('Typed by keyboard.');
    await tabTo(popup, popup.getByRole('button', { name: 'Save' }));
    await popup.keyboard.press('Enter');
    await expect.poll(() => draft.inputValue()).toContain('Typed by keyboard.');

    // Template: SOFA Weekly, chosen with the arrow keys in the select.
    const template = popup.getByLabel('Template');
    await tabTo(popup, template);
    for (
      let presses = 0;
      presses < 10 && (await template.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)) !== 'SOFA Weekly';
      presses++
    )
      await popup.keyboard.press('ArrowDown');
    await expect.poll(() => draft.inputValue()).toMatch(/^---\ntitle: /);
    expect(await draft.inputValue()).toContain('**1. @dengqian #2402**');
    expect(await draft.inputValue()).toContain('A：Typed by keyboard.');
    const assembled = await draft.inputValue();

    // Copy Markdown: the warnings come first, Go on has focus, Enter goes on.
    await tabTo(popup, popup.getByRole('button', { name: 'Copy Markdown' }));
    await popup.keyboard.press('Enter');
    const copyWarnings = popup.getByRole('alertdialog', { name: 'Before Copy Markdown, check these' });
    await copyWarnings.waitFor();
    expect(await copyWarnings.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining([
        'The title is still the default, “Weekly digest”.',
        'No answer: mosn/mosn#2402. They print without an answer, and the count line still counts them.',
      ]),
    );
    await goOnFocused(copyWarnings);
    await popup.keyboard.press('Enter');
    await waitForStatus(popup, 'Copied the draft Markdown.');

    // Mark as sent, through the same warnings; focus waits on Undo, and Enter brings the draft back.
    await tabTo(popup, popup.getByRole('button', { name: 'Mark as sent' }));
    await popup.keyboard.press('Enter');
    const sendWarnings = popup.getByRole('alertdialog', { name: 'Before Mark as sent, check these' });
    await sendWarnings.waitFor();
    expect(await sendWarnings.getByRole('listitem').allTextContents()).toContainEqual(
      'No answer: mosn/mosn#2402. They print without an answer, and the count line still counts them.',
    );
    await goOnFocused(sendWarnings);
    await popup.keyboard.press('Enter');
    await waitForStatus(popup, 'Marked “Weekly digest” as sent; a new draft is started.');
    await expect.poll(() => draft.inputValue()).not.toContain('#2401');
    await tabTo(popup, popup.getByRole('button', { name: 'Undo' }));
    await popup.keyboard.press('Enter');
    await waitForStatus(popup, /^Reopened the issue of \d{4}-\d{2}-\d{2}: it is the current draft again\.$/);
    await expect.poll(() => draft.inputValue()).toBe(assembled);

    // Download .md: warnings, Enter, and the file is the Draft Markdown.
    await tabTo(popup, popup.getByRole('button', { name: 'Download .md' }));
    await popup.keyboard.press('Enter');
    const downloadWarnings = popup.getByRole('alertdialog', { name: 'Before Download .md, check these' });
    await downloadWarnings.waitFor();
    await goOnFocused(downloadWarnings);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press('Enter')]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(await draft.inputValue());
    expect(await draft.inputValue()).toBe(assembled);
    await popup.close();
  });
});
