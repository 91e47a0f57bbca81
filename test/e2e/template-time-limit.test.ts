import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionDir, launchExtension, type ExtensionSession } from './support/extension';

/** One `where` over three million numbers: a single filter call, which Liquid's own render limit never interrupts. */
const SLOW = '{% assign numbers = (1..3000000) %}{{ numbers | where: "x", 1 | size }}';
/** Quick on the options page's sample draft, slow once the draft's title says "slow". */
const SLOW_WHEN_ASKED = `# {{ draft.title }}\n{% if draft.title contains "slow" %}${SLOW}{% endif %}`;

/**
 * How long until the page answers a script after `edit`: a page whose own thread renders the
 * template answers only once the render ends (in-thread, this `where` runs for over ten seconds).
 */
async function answerTime(page: Page, edit: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await edit();
  await page.evaluate(() => document.title);
  return Date.now() - started;
}

describe('a template that runs too long, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(() => session?.close());

  it('is rendered by a worker of its own, whose bundle evaluates no code (extension pages forbid it)', () => {
    const assets = join(extensionDir, 'assets');
    const workers = readdirSync(assets).filter((name) => /^render\.worker-.+\.js$/.test(name));
    expect(workers).toHaveLength(1);
    expect(readFileSync(join(assets, workers[0]!), 'utf8')).not.toMatch(/new Function\(|\beval\(/);
  });

  it('is stopped in the options preview, which keeps its last good output and stays responsive', async () => {
    const options = await session.openOptions();
    await options.getByRole('button', { name: 'New template' }).click();
    const preview = options.getByLabel('Preview Markdown');
    await expect.poll(() => preview.inputValue()).toContain('questions answered this week');

    expect(await answerTime(options, () => options.getByLabel('Template source').fill(SLOW))).toBeLessThan(1000);
    await expect
      .poll(() => options.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringContaining('This template took longer than 2 s to render and was stopped.'));
    expect(await preview.inputValue()).toContain('questions answered this week');
    expect(await options.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true);

    await options.getByLabel('Template source').fill(SLOW_WHEN_ASKED);
    await expect.poll(() => preview.inputValue()).toBe('# Weekly digest\n');
    expect(await options.getByRole('alert').count()).toBe(0);
    await options.getByLabel('Template name').fill('Slow');
    await options.getByRole('button', { name: 'Save template' }).click();
    const status = options.getByRole('region', { name: 'Templates' }).getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Saved the template “Slow”.');
    await options.getByRole('radio', { name: 'Slow' }).check();
    await expect.poll(() => status.textContent()).toBe('The draft now uses “Slow”.');
    await options.close();
  });

  it('is stopped in the popup, which shows the draft in the default template meanwhile and stays usable', async () => {
    const popup = await session.openPopup();
    const draft = popup.getByLabel('Draft Markdown');
    await expect.poll(() => draft.inputValue()).toMatch(/^# .*\n$/);

    expect(await answerTime(popup, () => popup.getByLabel('Title').fill('A slow week'))).toBeLessThan(1000);
    await expect
      .poll(() => popup.getByRole('alert').allTextContents())
      .toContainEqual('The template “Slow” took longer than 2 s to render and was stopped. Showing the default template.');
    expect(await draft.inputValue()).toMatch(/^# A slow week\n\n_\d{4}-\d{2}-\d{2}_\n/);

    // The next render gets a new worker: a quick draft is in the chosen template again.
    await popup.getByLabel('Title').fill('A quick week');
    await expect.poll(() => draft.inputValue()).toBe('# A quick week\n');
    expect(await popup.getByRole('alert').count()).toBe(0);
    await popup.close();
  });
});
