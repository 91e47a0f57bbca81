import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { Clip, Draft } from '@/utils/model';
import { createStore } from '@/utils/store';
import { DB_VERSION, INBOX, lazyDatabase, openClipperDB, type ClipperDB, type ClipRecord } from '@/utils/store/db';
import { checkStoreInvariants } from '@/utils/store/invariants';
import { clipFrom, seedCapture, threadCapture } from '../../support/clips';
import { readContents } from './contents';

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
  it("is at version 5, with ids that ignore the repository's case, drafts found by the threads they list, and sent issues' copies apart", () => {
    expect(DB_VERSION).toBe(5);
  });

  it('creates every store and index in a new database', async () => {
    const db = await openClipperDB(`test-${crypto.randomUUID()}`);
    expect([...db.objectStoreNames]).toEqual(['clips', 'drafts', 'sentClips']);
    const tx = db.transaction(['clips', 'drafts', 'sentClips']);
    expect([...tx.objectStore('clips').indexNames]).toEqual(['by-clippedAt', 'by-draft']);
    expect([...tx.objectStore('drafts').indexNames]).toEqual(['by-clip', 'by-publishedAt']);
    expect(tx.objectStore('sentClips').keyPath).toBe('draftId');
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

/** A database as version 2 of the extension left it: clips with their placement, and drafts. */
async function createVersion2(name: string, clips: ClipRecord[], drafts: Draft[]): Promise<void> {
  const db = await openDB(name, 2, {
    upgrade(v2) {
      const clipStore = v2.createObjectStore('clips', { keyPath: 'id' });
      clipStore.createIndex('by-clippedAt', 'clippedAt');
      clipStore.createIndex('by-draft', ['draftId', 'clippedAt']);
      v2.createObjectStore('drafts', { keyPath: 'id' }).createIndex('by-publishedAt', 'publishedAt');
    },
  });
  const tx = db.transaction(['clips', 'drafts'], 'readwrite');
  await Promise.all([...clips.map((clip) => tx.objectStore('clips').put(clip)), ...drafts.map((draft) => tx.objectStore('drafts').put(draft)), tx.done]);
  db.close();
}

describe('upgrading a version 2 database', () => {
  const at = (capture: Parameters<typeof clipFrom>[0], time: string, draftId: string, title?: string): ClipRecord => ({
    ...clipFrom(capture, time),
    ...(title && { title }),
    draftId,
  });
  const day = { title: 'Weekly digest', date: '2023-01-06', intro: '' };

  /** Opens the upgraded database and returns everything it holds, after checking the store's invariants on it. */
  async function upgraded(name: string) {
    const { clips, drafts } = await readContents(() => openClipperDB(name));
    checkStoreInvariants(clips, drafts);
    return { clips, drafts: new Map(drafts.map((draft) => [draft.id, draft])) };
  }

  it('makes one clip of a thread clipped under two spellings of its repository, the newer, in the draft that held either', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const older = at(threadCapture(9, 'NEW/one'), '2023-01-02T00:00:00.000Z', 'current');
    const newer = at(threadCapture(9, 'new/one'), '2023-01-03T00:00:00.000Z', INBOX, 'Newer');
    const sent = toClipOf(at(threadCapture(9, 'NEW/one'), '2023-01-01T00:00:00.000Z', 'sent'));
    await createVersion2(
      name,
      [at(threadCapture(1), '2023-01-02T00:00:00.000Z', 'current'), older, newer, at(threadCapture(2), '2023-01-02T00:00:00.000Z', 'current')],
      [
        { id: 'current', ...day, clipIds: ['mosn/mosn#1', 'NEW/one#9', 'mosn/mosn#2'] },
        { id: 'sent', ...day, clipIds: ['NEW/one#9'], publishedAt: '2023-01-01T12:00:00.000Z', sentClips: [sent] },
      ],
    );

    const { clips, drafts } = await upgraded(name);
    expect(clips.map((clip) => [clip.id, clip.title, clip.draftId])).toEqual([
      ['mosn/mosn#1', 'Question 1', 'current'],
      ['mosn/mosn#2', 'Question 2', 'current'],
      ['new/one#9', 'Newer', 'current'],
    ]);
    expect(drafts.get('current')?.clipIds).toEqual(['mosn/mosn#1', 'new/one#9', 'mosn/mosn#2']);
    expect(drafts.get('sent')).toMatchObject({ clipIds: ['new/one#9'], sentClips: [{ ...sent, id: 'new/one#9' }] });
  });

  it('gives a sent issue saved before issues kept copies the copies of its clips, which stay sent', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const clip = at(threadCapture(5), '2023-01-02T00:00:00.000Z', 'sent');
    await createVersion2(name, [clip], [{ id: 'sent', ...day, clipIds: ['mosn/mosn#5'], publishedAt: '2023-01-06T07:00:00.000Z' }]);

    const { clips, drafts } = await upgraded(name);
    expect(drafts.get('sent')?.sentClips).toEqual([toClipOf(clip)]);
    expect(clips).toEqual([clip]);
    expect((await createStore(() => openClipperDB(name)).drafts.current()).inbox).toEqual([]);
  });

  it('lists in a sent issue every clip it sent, though a clip was deleted or put back since', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const [one, two] = [at(threadCapture(1), '2023-01-02T00:00:00.000Z', 'sent'), at(threadCapture(2), '2023-01-02T00:00:00.000Z', 'sent')];
    const undone = at(threadCapture(3), '2023-01-02T00:00:00.000Z', 'sent');
    // Version 2 took mosn/mosn#2 out of the list when it was deleted, and an undo after "Mark as sent" put #3 in.
    await createVersion2(
      name,
      [one, undone],
      [{ id: 'sent', ...day, clipIds: ['mosn/mosn#1', 'mosn/mosn#3'], publishedAt: '2023-01-06T07:00:00.000Z', sentClips: [one, two].map(toClipOf) }],
    );

    const { clips, drafts } = await upgraded(name);
    expect(drafts.get('sent')?.clipIds).toEqual(['mosn/mosn#1', 'mosn/mosn#2']);
    expect(clips.map((clip) => [clip.id, clip.draftId])).toEqual([
      ['mosn/mosn#1', 'sent'],
      ['mosn/mosn#3', INBOX],
    ]);
  });

  it('writes every time as toISOString does, so the indexes sort them as moments', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createVersion2(name, [{ ...at(threadCapture(1), '2023-01-05T01:00:00+09:00', INBOX), updatedAt: '2023-01-05T01:00:00+09:00' }], []);
    const { clips } = await upgraded(name);
    expect(clips[0]).toMatchObject({ clippedAt: '2023-01-04T16:00:00.000Z', updatedAt: '2023-01-04T16:00:00.000Z' });
  });
});

describe('upgrading a version 3 database', () => {
  it('finds the sent issues that listed a thread, so clipping it again says which', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const sent = clipFrom(seedCapture(), '2023-01-02T00:00:00.000Z');
    const db = await openDB(name, 3, {
      upgrade(v3) {
        const clipStore = v3.createObjectStore('clips', { keyPath: 'id' });
        clipStore.createIndex('by-clippedAt', 'clippedAt');
        clipStore.createIndex('by-draft', ['draftId', 'clippedAt']);
        v3.createObjectStore('drafts', { keyPath: 'id' }).createIndex('by-publishedAt', 'publishedAt');
      },
    });
    const tx = db.transaction(['clips', 'drafts'], 'readwrite');
    const issue = {
      id: 'sent',
      title: 'Weekly digest',
      date: '2023-01-06',
      intro: '',
      clipIds: [sent.id],
      publishedAt: '2023-01-06T07:00:00.000Z',
      sentClips: [sent],
    };
    await Promise.all([tx.objectStore('clips').put({ ...sent, draftId: 'sent' }), tx.objectStore('drafts').put(issue), tx.done]);
    db.close();

    const saved = await createStore(() => openClipperDB(name)).clips.save(seedCapture());
    expect([saved.created, saved.sentIn]).toEqual([true, { title: 'Weekly digest', date: '2023-01-06' }]);
  });
});

/** A stored clip without its placement, as a sent issue keeps it. */
function toClipOf({ draftId: _placement, ...clip }: ClipRecord): Clip {
  return clip;
}

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

/** A database as version 4 of the extension left it: a sent issue's copies of what it sent in its draft record. */
async function createVersion4(name: string, clips: ClipRecord[], drafts: Draft[]): Promise<void> {
  const db = await openDB(name, 4, {
    upgrade(v4) {
      const clipStore = v4.createObjectStore('clips', { keyPath: 'id' });
      clipStore.createIndex('by-clippedAt', 'clippedAt');
      clipStore.createIndex('by-draft', ['draftId', 'clippedAt']);
      const draftStore = v4.createObjectStore('drafts', { keyPath: 'id' });
      draftStore.createIndex('by-publishedAt', 'publishedAt');
      draftStore.createIndex('by-clip', 'clipIds', { multiEntry: true });
    },
  });
  const tx = db.transaction(['clips', 'drafts'], 'readwrite');
  await Promise.all([...clips.map((clip) => tx.objectStore('clips').put(clip)), ...drafts.map((draft) => tx.objectStore('drafts').put(draft)), tx.done]);
  db.close();
}

describe('upgrading a version 4 database', () => {
  // Two sent issues, the later one linked to its pull request; #1 was clipped again since the
  // first went out and waits in the inbox in its newer version; #4 is in the current draft.
  const firstSent = [clipFrom(threadCapture(1), '2023-01-02T00:00:00.000Z'), clipFrom(threadCapture(2), '2023-01-03T00:00:00.000Z')];
  const secondSent = [clipFrom(threadCapture(3), '2023-01-09T00:00:00.000Z')];
  const clippedAgain: ClipRecord = {
    ...clipFrom(threadCapture(1), '2023-01-02T00:00:00.000Z'),
    title: 'Asked again',
    updatedAt: '2023-01-10T00:00:00.000Z',
    draftId: INBOX,
  };
  const clips: ClipRecord[] = [
    clippedAgain,
    { ...firstSent[1]!, draftId: 'first' },
    { ...secondSent[0]!, draftId: 'second' },
    { ...clipFrom(threadCapture(4), '2023-01-14T00:00:00.000Z'), draftId: 'current' },
  ];
  const drafts: Draft[] = [
    { id: 'current', title: 'SOFA Weekly', date: '2023-01-20', intro: 'Hello', clipIds: ['mosn/mosn#4'] },
    {
      id: 'first',
      title: 'SOFA Weekly',
      date: '2023-01-06',
      intro: 'First',
      outro: 'Bye',
      clipIds: firstSent.map((clip) => clip.id),
      publishedAt: '2023-01-06T07:00:00.000Z',
      sentClips: firstSent,
    },
    {
      id: 'second',
      title: 'SOFA Weekly',
      date: '2023-01-13',
      intro: 'Second',
      clipIds: secondSent.map((clip) => clip.id),
      publishedAt: '2023-01-13T07:00:00.000Z',
      sentClips: secondSent,
      pullRequest: 'https://github.com/sofastack/sofastack.tech/pull/1',
    },
  ];

  async function upgradedDatabase(): Promise<string> {
    const name = `test-${crypto.randomUUID()}`;
    await createVersion4(name, clips, drafts);
    return name;
  }

  it("moves each sent issue's copies out of its draft record into the sentClips store, exactly as they were", async () => {
    const name = await upgradedDatabase();
    const db = await openClipperDB(name);
    const tx = db.transaction(['drafts', 'sentClips']);
    const [records, copies] = await Promise.all([tx.objectStore('drafts').getAll(), tx.objectStore('sentClips').getAll()]);
    db.close();
    expect(records.filter((record) => 'sentClips' in record)).toEqual([]);
    expect(copies).toEqual([
      { draftId: 'first', clips: firstSent },
      { draftId: 'second', clips: secondSent },
    ]);
  });

  it('keeps every clip and draft as it was, the sent issues with their copies', async () => {
    const name = await upgradedDatabase();
    const contents = await readContents(() => openClipperDB(name));
    expect(contents).toEqual({ clips: [...clips].sort((a, b) => a.id.localeCompare(b.id)), drafts });
    checkStoreInvariants(contents.clips, contents.drafts);
  });

  it('reads a sent issue back with the clips as it sent them, and lists the history without them', async () => {
    const name = await upgradedDatabase();
    const store = createStore(() => openClipperDB(name));
    expect(await store.drafts.read('first')).toEqual({ draft: drafts[1], clips: firstSent });
    expect(await store.drafts.history()).toEqual([drafts[2], drafts[1]].map(({ sentClips: _copies, ...issue }) => issue));
    expect((await store.contents.read()).drafts).toEqual(drafts);
  });
});
