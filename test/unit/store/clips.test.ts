import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipperError } from '@/utils/errors';
import { clipId } from '@/utils/model';
import { createStore } from '@/utils/store';
import { createClipStore, type ClipStore } from '@/utils/store/clips';
import { DB_NAME, openClipperDB, type ClipperDB } from '@/utils/store/db';
import { createDraftStore } from '@/utils/store/drafts';
import { freshDatabase, manualClock, seedCapture, threadCapture } from '../../support/clips';
import { expectConsistent } from './contents';

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const answer = { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown: 'Debug server init here' };

describe('ClipStore', () => {
  let now: Date;
  let store: ClipStore;
  let databaseName: string;

  beforeEach(() => {
    now = new Date('2023-01-04T00:00:00.000Z');
    databaseName = `test-${crypto.randomUUID()}`;
    store = createClipStore(
      () => openClipperDB(databaseName),
      () => now,
    );
  });

  afterEach(() => expectConsistent(() => openClipperDB(databaseName)));

  it('uses the weekly-clipper database by default', () => {
    expect(DB_NAME).toBe('weekly-clipper');
  });

  it('saves a new clip with one id per thread', async () => {
    const { clip, created } = await store.save(seedCapture());
    expect(created).toBe(true);
    expect(clip).toMatchObject({ id: 'mosn/mosn#2203', repo: 'mosn/mosn', number: 2203, kind: 'issue', clippedAt: now.toISOString() });
    expect(clip).not.toHaveProperty('questionIsDefault');
    expect(await store.get('mosn/mosn#2203')).toEqual(clip);
  });

  it('updates the one clip when the same thread is clipped again', async () => {
    await store.save(seedCapture());
    now = new Date('2023-01-05T00:00:00.000Z');
    const { clip, created } = await store.save(seedCapture({ title: 'Renamed', answer, questionIsDefault: true }));
    expect(created).toBe(false);
    expect(clip).toMatchObject({ title: 'Renamed', answer, clippedAt: '2023-01-04T00:00:00.000Z', updatedAt: '2023-01-05T00:00:00.000Z' });
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps a chosen question and answer when a later capture brings only defaults', async () => {
    const selected = { ...seedCapture().question, markdown: 'The selected part of the question' };
    await store.save(seedCapture({ question: selected, questionIsDefault: false, answer }));
    const { clip } = await store.save(seedCapture());
    expect(clip.question.markdown).toBe('The selected part of the question');
    expect(clip.answer).toEqual(answer);
  });

  it('asks a renamed thread with its new title when its question was only ever the title', async () => {
    const first = seedCapture();
    await store.save({ ...first, question: { ...first.question, markdown: first.title } });
    const renamed = seedCapture({ title: 'Renamed' });
    const { clip } = await store.save({ ...renamed, question: { ...renamed.question, markdown: 'Renamed' } });
    expect(clip.question.markdown).toBe('Renamed');
  });

  it('replaces the question when the user selects a new one', async () => {
    await store.save(seedCapture({ question: { ...seedCapture().question, markdown: 'first' }, questionIsDefault: false }));
    const { clip } = await store.save(seedCapture({ question: { ...seedCapture().question, markdown: 'second' }, questionIsDefault: false }));
    expect(clip.question.markdown).toBe('second');
  });

  it('lists clips newest first', async () => {
    await store.save(seedCapture());
    now = new Date('2023-01-06T00:00:00.000Z');
    await store.save(seedCapture({ repo: 'sofastack/sofa-rpc', number: 1290 }));
    expect((await store.list()).map((clip) => clip.id)).toEqual(['sofastack/sofa-rpc#1290', 'mosn/mosn#2203']);
  });

  it('removes a clip', async () => {
    await store.save(seedCapture());
    await store.remove('mosn/mosn#2203');
    expect(await store.get('mosn/mosn#2203')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('answers undefined when removing a clip that does not exist', async () => {
    expect(await store.remove('mosn/mosn#404')).toBeUndefined();
  });

  it('keeps one clip per thread however its repository is cased, as GitHub does, showing the latest spelling', async () => {
    await store.save(threadCapture(9, 'NEW/one'));
    const { clip, created } = await store.save(threadCapture(9, 'new/One'));
    expect(created).toBe(false);
    expect(clip).toMatchObject({ id: 'new/one#9', repo: 'new/One' });
    expect((await store.list()).map(({ id }) => id)).toEqual(['new/one#9']);
    expect(clipId('NEW/one', 9)).toBe(clipId('new/one', 9));
  });

  it('keeps its clips when the database is opened again', async () => {
    await store.save(seedCapture());
    const reopened = createClipStore(() => openClipperDB(databaseName));
    expect((await reopened.list()).map((clip) => clip.id)).toEqual(['mosn/mosn#2203']);
  });
});

describe('editing a clip', () => {
  const clock = manualClock('2023-01-04T12:00:00.000Z');
  let store: ClipStore;

  beforeEach(() => {
    store = createClipStore(freshDatabase(), clock.now);
  });

  it("rewrites the question's and the answer's Markdown and marks the clip updated", async () => {
    await store.save(seedCapture({ answer }));
    clock.set('2023-01-05T12:00:00.000Z');
    const edited = await store.edit('mosn/mosn#2203', {
      question: 'Why can the debug server not be upgraded?',
      answer: 'It is started **before** the upgrade.',
    });
    expect(edited.question).toEqual({ ...seedCapture().question, markdown: 'Why can the debug server not be upgraded?' });
    expect(edited.answer).toEqual({ ...answer, markdown: 'It is started **before** the upgrade.' });
    expect(edited.updatedAt).toBe('2023-01-05T12:00:00.000Z');
    expect(await store.get('mosn/mosn#2203')).toEqual(edited);
  });

  it("keeps a user's edited answer when the thread is clipped again", async () => {
    await store.save(seedCapture({ answer }));
    await store.edit('mosn/mosn#2203', { answer: 'My own summary' });
    const { clip } = await store.save(seedCapture({ title: 'Renamed upstream' }));
    expect(clip.answer?.markdown).toBe('My own summary');
    expect(clip.title).toBe('Renamed upstream');
  });

  it("keeps a user's edited question when the thread is clipped again with the default question", async () => {
    await store.save(seedCapture());
    await store.edit('mosn/mosn#2203', { question: 'My wording' });
    const { clip } = await store.save(seedCapture({ questionIsDefault: true }));
    expect(clip.question.markdown).toBe('My wording');
  });

  it('lets a new selection on the page replace an edited question, as the newer choice', async () => {
    await store.save(seedCapture());
    await store.edit('mosn/mosn#2203', { question: 'My wording' });
    const { clip } = await store.save(seedCapture({ question: { ...seedCapture().question, markdown: 'Selected text' }, questionIsDefault: false }));
    expect(clip.question.markdown).toBe('Selected text');
  });

  it('gives a clip without an answer one written by the user, linked to the thread', async () => {
    await store.save(seedCapture());
    const { answer: written } = await store.edit('mosn/mosn#2203', { answer: 'Use the admin API.' });
    expect(written).toEqual({ author: '', url: 'https://github.com/mosn/mosn/issues/2203', markdown: 'Use the admin API.' });
  });

  it('adds no answer when a clip without one is given a blank answer', async () => {
    await store.save(seedCapture());
    expect((await store.edit('mosn/mosn#2203', { answer: '  ' })).answer).toBeUndefined();
  });

  it("keeps the editor's note when the thread is clipped again, with a new answer too", async () => {
    await store.save(seedCapture({ answer }));
    expect((await store.edit('mosn/mosn#2203', { note: '编者按：v1.3 已修复。' })).note).toBe('编者按：v1.3 已修复。');
    const { clip } = await store.save(seedCapture({ answer: { ...answer, markdown: 'A newer answer' } }));
    expect(clip.note).toBe('编者按：v1.3 已修复。');
    expect(clip.answer?.markdown).toBe('A newer answer');
  });

  it('refuses a note the popup could not show, as it refuses such an answer', async () => {
    await store.save(seedCapture());
    await expect(store.edit('mosn/mosn#2203', { note: '>'.repeat(200) })).rejects.toThrow("The note's Markdown nests deeper than");
  });

  it('says so when the clip to edit is gone', async () => {
    await expect(store.edit('mosn/mosn#404', { question: 'x' })).rejects.toThrow('The clip mosn/mosn#404 no longer exists');
  });
});

describe('deleting a clip and undoing it', () => {
  const clock = manualClock('2023-01-04T12:00:00.000Z');
  let stores: ReturnType<typeof createStore>;
  let open: () => Promise<ClipperDB>;

  beforeEach(async () => {
    open = freshDatabase();
    stores = createStore(open, clock.now);
    for (const number of [1, 2, 3]) await stores.clips.save(threadCapture(number), { addToCurrentDraft: true });
  });

  afterEach(() => expectConsistent(open));

  it('takes the clip out of its draft', async () => {
    const removed = await stores.clips.remove('mosn/mosn#2');
    const { draft, clips } = await stores.drafts.current();
    expect(removed).toEqual({ clip: expect.objectContaining({ id: 'mosn/mosn#2' }), placement: { draftId: draft.id, index: 1 } });
    expect(draft.clipIds).toEqual(['mosn/mosn#1', 'mosn/mosn#3']);
    expect(clips.map((clip) => clip.id)).toEqual(['mosn/mosn#1', 'mosn/mosn#3']);
  });

  it('restores a deleted clip at its old place', async () => {
    const removed = await stores.clips.remove('mosn/mosn#2');
    const restored = await stores.clips.restore(removed!);
    expect(restored).toEqual(removed!.clip);
    expect((await stores.drafts.current()).draft.clipIds).toEqual(['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#3']);
    expect(await stores.clips.get('mosn/mosn#2')).toEqual(removed!.clip);
  });

  it('restores a deleted inbox clip to the inbox', async () => {
    await stores.clips.save(seedCapture());
    const removed = await stores.clips.remove('mosn/mosn#2203');
    expect(removed).toEqual({ clip: expect.objectContaining({ id: 'mosn/mosn#2203' }) });
    await stores.clips.restore(removed!);
    expect((await stores.drafts.current()).inbox.map((clip) => clip.id)).toEqual(['mosn/mosn#2203']);
  });

  it('keeps the newer content when the thread was clipped again before the undo', async () => {
    const removed = await stores.clips.remove('mosn/mosn#2');
    clock.set('2023-01-05T12:00:00.000Z');
    await stores.clips.save({ ...threadCapture(2), title: 'Clipped again' });
    const restored = await stores.clips.restore(removed!);
    expect(restored.title).toBe('Clipped again');
    const { clips, inbox } = await stores.drafts.current();
    expect(clips.map((clip) => clip.title)).toEqual(['Question 1', 'Clipped again', 'Question 3']);
    expect(inbox).toEqual([]);
  });

  it('deletes a sent clip, leaving the sent issue as it was sent, and brings it back among the sent ones', async () => {
    const { published } = await stores.drafts.publish();
    const removed = await stores.clips.remove('mosn/mosn#1');
    const sent = await stores.drafts.read(published.id);
    expect([sent!.draft.clipIds, ids(sent!.clips)]).toEqual([published.clipIds, published.clipIds]);
    await stores.clips.restore(removed!);
    const view = await stores.drafts.current();
    expect([view.clips, view.inbox]).toEqual([[], []]);
    expect(await stores.clips.get('mosn/mosn#1')).toEqual(removed!.clip);
  });

  it('puts a clip back in the inbox when its draft was sent before the undo', async () => {
    const removed = await stores.clips.remove('mosn/mosn#2');
    const { published } = await stores.drafts.publish();
    await stores.clips.restore(removed!);
    expect(ids((await stores.drafts.current()).inbox)).toEqual(['mosn/mosn#2']);
    expect((await stores.drafts.read(published.id))!.draft.clipIds).toEqual(['mosn/mosn#1', 'mosn/mosn#3']);
  });
});

describe('write errors', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rejects with a readable message when the storage quota is used up, and writes nothing', async () => {
    const open = freshDatabase();
    const store = createClipStore(open);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const saving = store.save(seedCapture(), { addToCurrentDraft: true });
    await expect(saving).rejects.toBeInstanceOf(ClipperError);
    await expect(saving).rejects.toThrow("The browser has no room left for Weekly Clipper's data (its storage quota is used up)");
    vi.restoreAllMocks();
    expect(await store.list()).toEqual([]);
    expect((await createDraftStore(open).current()).draft.clipIds).toEqual([]);
  });

  it('names any other storage failure', async () => {
    const store = createClipStore(freshDatabase());
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Something broke.', 'UnknownError');
    });
    await expect(store.save(seedCapture())).rejects.toThrow('Weekly Clipper could not use its database (UnknownError): Something broke.');
  });

  it('says why when the database cannot be opened', async () => {
    const store = createClipStore(() => Promise.reject(new DOMException('Newer version on disk', 'VersionError')));
    await expect(store.list()).rejects.toThrow("Weekly Clipper's database is newer than this version of the extension");
  });

  it("keeps the user's answer when the thread is clipped again with only the marked answer", async () => {
    const store = createClipStore(() => openClipperDB(`test-${crypto.randomUUID()}`));
    const chosen = { author: 'someone', url: 'u#1', markdown: 'The one I picked' };
    const marked = { author: 'khotyn', url: 'u#2', markdown: 'The accepted answer' };
    await store.save(seedCapture({ answer: chosen }));
    const { clip } = await store.save(seedCapture({ answer: marked, answerIsDefault: true }));
    expect(clip.answer).toEqual(chosen);
    expect(clip).not.toHaveProperty('answerIsDefault');
  });

  it('takes the marked answer when the clip has none yet', async () => {
    const store = createClipStore(() => openClipperDB(`test-${crypto.randomUUID()}`));
    const marked = { author: 'khotyn', url: 'u#2', markdown: 'The accepted answer' };
    const { clip } = await store.save(seedCapture({ answer: marked, answerIsDefault: true }));
    expect(clip.answer).toEqual(marked);
  });
});
