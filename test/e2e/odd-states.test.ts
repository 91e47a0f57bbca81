import type { CDPSession, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFixture } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { waitForStatus } from './support/ui';

const url = 'https://github.com/mosn/mosn/issues/2203';

/** What Chrome says when the worker stops before it answers; the page must never show it. */
const CHROME_SAYS = /message channel closed|message port closed|Receiving end does not exist|No response/;

async function openIssue(session: ExtensionSession): Promise<Page> {
  session.servePage(url, readFixture('react-issue.html'));
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

const clip = (page: Page) => page.getByRole('button', { name: 'Clip to Weekly' }).click();

describe('an upgrade that a page of an older version blocks, in Chromium', () => {
  let session: ExtensionSession;

  beforeEach(async () => {
    session = await launchExtension();
  });

  afterEach(() => session?.close());

  it('says what to do on the page and in the popup, and works once the old page is closed', async () => {
    // A page of the first version (which had only the clips store) holds the database and, as an
    // old version may, never lets go when a newer one asks.
    const oldPage = await session.openOptions();
    await oldPage.evaluate(`new Promise((done, fail) => {
      const request = indexedDB.open('weekly-clipper', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('clips', { keyPath: 'id' }).createIndex('by-clippedAt', 'clippedAt');
      request.onsuccess = () => done(window.held = request.result);
      request.onerror = () => fail(request.error);
    }).then(() => undefined)`);

    const page = await openIssue(session);
    await clip(page);
    const status = await waitForStatus(page, /Nothing was clipped\.$/);
    expect(status).toBe('Weekly Clipper was updated: close its other open pages (popup, options) to finish the update, then try again. Nothing was clipped.');

    // The background's upgrade is first in line; the popup's open waits behind it and hears nothing by itself.
    const popup = await session.openPopup();
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Weekly Clipper's database is busy: /);
    expect(await popup.getByText('Loading…').count()).toBe(0);

    await oldPage.evaluate('window.held.close()');
    await expect
      .poll(async () => {
        const tryAgain = popup.getByRole('button', { name: 'Try again' });
        if (await tryAgain.count()) await tryAgain.click();
        return popup.getByLabel('Draft Markdown').count();
      })
      .toBe(1);
    await clip(page);
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2203');
  });
});

describe('a background worker stopped in the middle of a save, in Chromium', () => {
  let session: ExtensionSession;
  let lockPage: Page;
  let cdp: CDPSession;

  beforeEach(async () => {
    session = await launchExtension();
    // The popup creates the database at this version, so the lock below blocks no upgrade.
    const popup = await session.openPopup();
    await popup.getByLabel('Draft Markdown').waitFor();
    await popup.close();
    lockPage = await session.openOptions();
    cdp = await session.context.newCDPSession(lockPage);
    await cdp.send('ServiceWorker.enable');
  });

  afterEach(() => session?.close());

  /**
   * Keeps a write transaction open on the extension's database from an extension page, so the
   * background's save waits (with its message unanswered) until `unlock`.
   */
  const lock = () =>
    lockPage.evaluate(`new Promise((done, fail) => {
      const request = indexedDB.open('weekly-clipper');
      request.onerror = () => fail(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(['clips', 'drafts'], 'readwrite');
        const clips = tx.objectStore('clips');
        window.locked = true;
        const keepBusy = () => { if (window.locked) clips.get('').onsuccess = keepBusy; };
        keepBusy();
        tx.oncomplete = () => db.close();
        done();
      };
    })`);
  const unlock = () => lockPage.evaluate('window.locked = false');

  /** Clicks Clip to Weekly and stops the worker once the save has reached it. */
  async function clipAndStopTheWorker(page: Page): Promise<void> {
    const worker = session.context.serviceWorkers().at(-1)!;
    await worker.evaluate(`chrome.runtime.onMessage.addListener((message) => { if (message?.type === 'saveClip') self.saveArrived = true; })`);
    await clip(page);
    await expect.poll(() => worker.evaluate('self.saveArrived === true')).toBe(true);
    await cdp.send('ServiceWorker.stopAllWorkers');
  }

  it('sends the save again, and it is clipped once', async () => {
    await lock();
    const page = await openIssue(session);
    await clipAndStopTheWorker(page);
    // The save sent again waits for the lock in the restarted worker.
    expect(await page.getByRole('status').textContent()).toBe('Clipping…');
    await unlock();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2203');

    const popup = await session.openPopup();
    await expect.poll(() => popup.getByRole('heading', { name: 'In this issue (1)' }).count()).toBe(1);
  });

  it('says the clip may have been saved when the save sent again is lost too, and never what Chrome says', async () => {
    await lock();
    const page = await openIssue(session);
    await clipAndStopTheWorker(page);
    // Whatever becomes of the second try, the first may have been saved.
    await expect
      .poll(async () => {
        await cdp.send('ServiceWorker.stopAllWorkers');
        return page.getByRole('status').textContent();
      })
      .not.toBe('Clipping…');
    const status = await page.getByRole('status').textContent();
    expect(status).toBe(
      'Weekly Clipper stopped before it confirmed the clip (the browser may have restarted it). The clip may have been saved: check the popup.',
    );
    expect(status).not.toMatch(CHROME_SAYS);
    await unlock();
  });
});
