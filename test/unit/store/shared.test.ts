import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '@/utils/store';
import type { ClipperDB } from '@/utils/store/db';
import { freshDatabase, manualClock, threadCapture } from '../../support/clips';
import { expectConsistent } from './contents';

describe('the current draft as a team shares it', () => {
  let store: Store;
  let open: () => Promise<ClipperDB>;

  beforeEach(async () => {
    open = freshDatabase();
    store = createStore(open, manualClock('2023-01-04T12:00:00.000Z').now);
    for (const number of [1, 2, 3]) await store.clips.save(threadCapture(number), { addToCurrentDraft: true });
  });

  afterEach(() => expectConsistent(open));

  it("reads the draft's fields and its clips in order", async () => {
    const view = await store.shared.read();
    expect(view.draft).toEqual({ title: 'Weekly digest', date: '2023-01-04', intro: '', outro: '' });
    expect(view.clips.map((clip) => clip.number)).toEqual([1, 2, 3]);
  });

  it("takes the team's order, fields and clips, and sends clips that left to the inbox", async () => {
    const before = await store.shared.read();
    const [one, two] = before.clips;
    const theirs = { ...(await store.clips.save(threadCapture(4))).clip, clippedBy: 'bob' };
    const adopted = await store.shared.adopt({ draft: { ...before.draft, title: 'SOFA Weekly', outro: '下周见！' }, clips: [two, theirs, one] }, before);
    expect(adopted).toBe(true);
    const { draft, clips, inbox } = await store.drafts.current();
    expect([draft.title, draft.outro]).toEqual(['SOFA Weekly', '下周见！']);
    expect(clips.map((clip) => [clip.number, clip.clippedBy])).toEqual([
      [2, undefined],
      [4, 'bob'],
      [1, undefined],
    ]);
    expect(inbox.map((clip) => clip.number)).toEqual([3]);
  });

  it('writes nothing when the draft changed here since it was read, so that edit is not lost', async () => {
    const before = await store.shared.read();
    await store.clips.edit(before.clips[0].id, { answer: 'Typed meanwhile' });
    expect(await store.shared.adopt({ draft: before.draft, clips: before.clips.slice(1) }, before)).toBe(false);
    const { clips } = await store.drafts.current();
    expect(clips.map((clip) => [clip.number, clip.answer?.markdown])).toEqual([
      [1, 'Typed meanwhile'],
      [2, undefined],
      [3, undefined],
    ]);
  });
});
