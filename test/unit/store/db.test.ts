import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { Clip } from '@/utils/model';
import { createStore } from '@/utils/store';
import { DB_VERSION, lazyDatabase, openClipperDB, type ClipperDB } from '@/utils/store/db';
import { clipFrom, seedCapture, threadCapture } from '../../support/clips';

/** A database as version 1 of the extension left it: a clips store and its one index, nothing else. */
async function createVersion1(name: string, clips: Clip[]): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      v1.createObjectStore('clips', { keyPath: 'id' }).createIndex('by-clippedAt', 'clippedAt');
    },
  });
  const tx = db.transaction('clips', 'readwrite');
  await Promise.all([...clips.map((clip) => tx.store.put(clip)), tx.done]);
  db.close();
}

describe('the database schema', () => {
  it('is at version 2, with drafts', () => {
    expect(DB_VERSION).toBe(2);
  });

  it('creates every store and index in a new database', async () => {
    const db = await openClipperDB(`test-${crypto.randomUUID()}`);
    expect([...db.objectStoreNames]).toEqual(['clips', 'drafts']);
    const tx = db.transaction(['clips', 'drafts']);
    expect([...tx.objectStore('clips').indexNames]).toEqual(['by-clippedAt', 'by-draft']);
    expect([...tx.objectStore('drafts').indexNames]).toEqual(['by-publishedAt']);
    db.close();
  });

  describe('upgrading a version 1 database that holds clips', () => {
    const v1Clips = [clipFrom(seedCapture(), '2023-01-02T00:00:00.000Z'), clipFrom(threadCapture(7), '2023-01-03T00:00:00.000Z')];

    it('keeps every clip exactly as it was', async () => {
      const name = `test-${crypto.randomUUID()}`;
      await createVersion1(name, v1Clips);
      const { clips } = createStore(() => openClipperDB(name));
      expect(await clips.list()).toEqual([v1Clips[1], v1Clips[0]]);
      expect(await clips.get('mosn/mosn#2203')).toEqual(v1Clips[0]);
    });

    it('puts the old clips in the inbox, newest first, and starts an empty current draft', async () => {
      const name = `test-${crypto.randomUUID()}`;
      await createVersion1(name, v1Clips);
      const { drafts } = createStore(() => openClipperDB(name));
      const view = await drafts.current();
      expect(view.clips).toEqual([]);
      expect(view.inbox).toEqual([v1Clips[1], v1Clips[0]]);
      expect(view.inboxSize).toBe(2);
    });

    it('leaves the old clips ready to be placed and edited like new ones', async () => {
      const name = `test-${crypto.randomUUID()}`;
      await createVersion1(name, v1Clips);
      const store = createStore(() => openClipperDB(name));
      await store.drafts.place('mosn/mosn#2203');
      await store.clips.edit('mosn/mosn#7', { answer: 'Answered' });
      const view = await store.drafts.current();
      expect(view.clips.map((clip) => clip.id)).toEqual(['mosn/mosn#2203']);
      expect(view.inbox.map((clip) => clip.answer?.markdown)).toEqual(['Answered']);
    });

    it('upgrades an empty version 1 database too', async () => {
      const name = `test-${crypto.randomUUID()}`;
      await createVersion1(name, []);
      const view = await createStore(() => openClipperDB(name)).drafts.current();
      expect([view.clips, view.inbox]).toEqual([[], []]);
    });
  });
});

describe('lazyDatabase', () => {
  /** A stand-in connection: only the events the wrapper listens to matter here. */
  const connection = () => Object.assign(new EventTarget(), { close: vi.fn() });

  it('opens once and reuses the connection', async () => {
    const open = vi.fn(() => Promise.resolve(connection() as unknown as ClipperDB));
    const database = lazyDatabase(open);
    expect(await database()).toBe(await database());
    expect(open).toHaveBeenCalledOnce();
  });

  it('opens again after the browser closed the connection', async () => {
    const database = lazyDatabase(() => Promise.resolve(connection() as unknown as ClipperDB));
    const first = await database();
    first.dispatchEvent(new Event('close'));
    expect(await database()).not.toBe(first);
  });

  it('gives the connection up when a newer version of the extension asks for the database', async () => {
    const database = lazyDatabase(() => Promise.resolve(connection() as unknown as ClipperDB));
    const first = await database();
    first.dispatchEvent(new Event('versionchange'));
    expect(first.close).toHaveBeenCalled();
    expect(await database()).not.toBe(first);
  });
});
