import { expect } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { FirefoxSession } from './firefox';

/** Buttons found by accessible name and role, through Firefox's accessibility tree. */
export function buttonsNamed(page: Page, name: string): Promise<ElementHandle<Element>[]> {
  return page.$$(`::-p-aria([name="${name}"][role="button"])`);
}

/**
 * Waits until the page's status message matches `expected`, and returns it. An error message fails at
 * once with what it says: only a success acknowledges a click.
 */
export async function waitForStatus(page: Page, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    const status = await page
      .$eval('[role="status"]', (region) => ({
        text: region.textContent ?? '',
        kind: (region as HTMLElement).dataset.kind ?? '',
      }))
      .catch(() => undefined);
    last = status?.text ?? '(no status element)';
    if (status?.kind === 'error') throw new Error(`The page reported an error instead of a clip: "${status.text}"`);
    if (status && (typeof expected === 'string' ? status.text === expected : expected.test(status.text))) return status.text;
    if (Date.now() > deadline) {
      throw new Error(`The status never said ${JSON.stringify(String(expected))} within ${timeoutMs} ms; last: "${last}"`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** What the popup's textarea named "Draft Markdown" holds now; empty until it is there. */
export async function draftMarkdown(popup: Page): Promise<string> {
  const field = await popup.$('::-p-aria([name="Draft Markdown"][role="textbox"])');
  return field ? await field.evaluate((textarea) => (textarea as HTMLTextAreaElement).value) : '';
}

/** Opens the popup and reads the textarea named "Draft Markdown" once it has loaded. */
export async function readDraft(session: FirefoxSession): Promise<{ popup: Page; markdown: string }> {
  const popup = await session.openPopup();
  await expect.poll(() => draftMarkdown(popup), { timeout: 15_000 }).not.toBe('');
  return { popup, markdown: await draftMarkdown(popup) };
}
