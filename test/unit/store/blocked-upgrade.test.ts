import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerClipHandlers } from '@/utils/background';
import { githubSite } from '@/utils/github/site';
import { sendMessage } from '@/utils/messaging';
import { startClipper } from '@/utils/page/clipper';
import { createStore } from '@/utils/store';
import { createClipStore } from '@/utils/store/clips';
import { DB_VERSION, OPEN_WAIT_MS, openClipperDB } from '@/utils/store/db';
import { seedCapture } from '../../support/clips';
import { loadCapture } from '../../support/capture';
import { loadPage, readFixture } from '../../support/pages';
import { userClick } from '../../support/user';

const UPGRADE_BLOCKED = 'Weekly Clipper was updated: close its other open pages (popup, options) to finish the update, then try again';

/** Resolves with the request's result, or rejects with its error. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * A page of the previous version that holds the database and, like an old version may, never lets
 * go when a newer one asks. Its stores are what the upgrade to this version starts from.
 */
async function previousVersionPage(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name, DB_VERSION - 1);
  request.onupgradeneeded = () => {
    const clips = request.result.createObjectStore('clips', { keyPath: 'id' });
    clips.createIndex('by-clippedAt', 'clippedAt');
    clips.createIndex('by-draft', ['draftId', 'clippedAt']);
    const drafts = request.result.createObjectStore('drafts', { keyPath: 'id' });
    drafts.createIndex('by-publishedAt', 'publishedAt');
    drafts.createIndex('by-clip', 'clipIds', { multiEntry: true });
  };
  return settled(request);
}

const versionOf = async (name: string) => (await indexedDB.databases()).find((database) => database.name === name)?.version;

describe('an upgrade that a page of the previous version blocks', () => {
  let name: string;
  let old: IDBDatabase;

  beforeEach(async () => {
    name = `test-${crypto.randomUUID()}`;
    old = await previousVersionPage(name);
  });

  afterEach(() => old.close());

  it('fails the store call with what to do, instead of waiting; once the old page closes, the next call works', async () => {
    const store = createStore(() => openClipperDB(name));
    await expect(store.drafts.current()).rejects.toThrow(UPGRADE_BLOCKED);
    // The first upgrade still waits: a second open would queue behind it without a word.
    await expect(store.clips.list()).rejects.toThrow(UPGRADE_BLOCKED);

    old.close();
    await vi.waitFor(async () => expect(await versionOf(name)).toBe(DB_VERSION));
    expect((await store.drafts.current()).clips).toEqual([]);
  });

  it("answers an open that waits in line behind another page's blocked upgrade, which hears nothing itself", async () => {
    const otherPage = indexedDB.open(name, DB_VERSION);
    otherPage.onsuccess = () => otherPage.result.close();
    await new Promise((resolve) => (otherPage.onblocked = resolve));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const store = createStore(() => openClipperDB(name));
      const current = store.drafts.current();
      current.catch(() => undefined);
      await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS);
      await expect(current).rejects.toThrow(
        "Weekly Clipper's database is busy: an update is finishing, or waits for its other open pages (popup, options) to close. Close them or wait a moment, then try again",
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells the page that clips, instead of leaving it on "Clipping…"', async () => {
    fakeBrowser.reset();
    const unregister = registerClipHandlers(
      createClipStore(() => openClipperDB(name)),
      async () => true,
    );
    const controller = new AbortController();
    startClipper(
      loadPage(readFixture('react-issue.html'), 'https://github.com/mosn/mosn/issues/2203'),
      githubSite,
      (capture) => sendMessage('saveClip', capture),
      controller.signal,
      loadCapture,
    );
    userClick([...document.querySelectorAll('button')].find((button) => button.textContent === 'Clip to Weekly')!);
    const status = () => document.querySelector('[role="status"]')?.textContent;
    await vi.waitFor(() => expect(status()).toBe(`${UPGRADE_BLOCKED}. Nothing was clipped.`), { timeout: 5000 });
    controller.abort();
    unregister();
  });
});

describe('a page whose database a newer version upgrades', () => {
  it('lets go at once, so the upgrade runs, and then says to reload the page', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const store = createStore(() => openClipperDB(name));
    await store.clips.save(seedCapture());

    const newer = await settled(indexedDB.open(name, DB_VERSION + 1));
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    await expect(store.clips.list()).rejects.toThrow('A newer version of Weekly Clipper is running: reload this page to use it');
  });
});
