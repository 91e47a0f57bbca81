import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './extension';

/** Waits until the page's status says `expected`, and returns what it says. */
export async function waitForStatus(page: Page, expected: string | RegExp): Promise<string> {
  const status = page.getByRole('status');
  await expect.poll(async () => (await status.textContent()) ?? '').toMatch(expected);
  return (await status.textContent()) ?? '';
}

/** Waits until Go on in `warnings` (the list shown before an issue goes out) has the focus it takes when the list is shown. */
export async function goOnFocused(warnings: Locator): Promise<void> {
  await expect.poll(() => warnings.getByRole('button', { name: 'Go on' }).evaluate((button) => button === document.activeElement)).toBe(true);
}

/** Opens the popup and reads the Draft Markdown once it has loaded. */
export async function readDraft(session: ExtensionSession): Promise<{ popup: Page; markdown: string }> {
  const popup = await session.openPopup();
  const draft = popup.getByLabel('Draft Markdown');
  await expect.poll(() => draft.inputValue()).not.toBe('');
  return { popup, markdown: await draft.inputValue() };
}

/** Replaces the page's body and URL the way Turbo or React do on a soft navigation, without a load. */
export async function softNavigate(page: Page, url: string, html: string): Promise<void> {
  await page.evaluate(
    ([nextUrl, nextHtml]) => {
      history.pushState({}, '', nextUrl);
      const next = new DOMParser().parseFromString(nextHtml, 'text/html');
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
    },
    [url, html] as const,
  );
}
