import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '@/utils/store';
import type { ClipperDB } from '@/utils/store/db';
import { freshDatabase, manualClock, seedCapture, threadCapture } from '../../support/clips';
import { expectConsistent } from './contents';

const ids = (clips: readonly { id: string }[]) => clips.map((clip) => clip.id);

describe('DraftStore', () => {
  let clock: ReturnType<typeof manualClock>;
  let store: Store;
  let open: () => Promise<ClipperDB>;

  beforeEach(() => {
    clock = manualClock('2023-01-04T12:00:00.000Z');
    open = freshDatabase();
    store = createStore(open, clock.now);
  });

  afterEach(() => expectConsistent(open));

  /** Saves threads 1..n of mosn/mosn into the current draft, a minute apart. */
  async function clipIntoDraft(...numbers: number[]) {
    for (const number of numbers) {
      clock.set(new Date(Date.parse('2023-01-04T12:00:00.000Z') + number * 60_000).toISOString());
      await store.clips.save(threadCapture(number), { addToCurrentDraft: true });
    }
  }

  describe('the current draft', () => {
    it('is created on first read, empty, titled and dated today', async () => {
      const { draft, clips, inbox, inboxSize } = await store.drafts.current();
      expect(draft).toEqual({ id: expect.any(String), title: 'Weekly digest', date: '2023-01-04', clipIds: [], intro: '' });
      expect([clips, inbox, inboxSize]).toEqual([[], [], 0]);
    });

    it('is the same draft on every read', async () => {
      const first = await store.drafts.current();
      const second = await store.drafts.current();
      expect(second.draft.id).toBe(first.draft.id);
    });

    it('stays single when two pages ask for it at once', async () => {
      const [a, b] = await Promise.all([store.drafts.current(), store.drafts.current()]);
      expect(a.draft.id).toBe(b.draft.id);
      await store.drafts.place((await store.clips.save(seedCapture())).clip.id);
      expect((await store.drafts.current()).draft.id).toBe(a.draft.id);
    });

    it('holds its clips in the order they were added', async () => {
      await clipIntoDraft(1, 2, 3);
      expect(ids((await store.drafts.current()).clips)).toEqual(['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#3']);
    });

    it('changes its title, date and intro', async () => {
      const draft = await store.drafts.update({ title: 'SOFA Weekly', date: '2023-01-06', intro: 'Hello' });
      expect(draft).toMatchObject({ title: 'SOFA Weekly', date: '2023-01-06', intro: 'Hello' });
      expect((await store.drafts.current()).draft).toEqual(draft);
    });

    it('changes only the fields it is given', async () => {
      await store.drafts.update({ title: 'SOFA Weekly', intro: 'Hello' });
      expect(await store.drafts.update({ intro: 'Bye' })).toMatchObject({ title: 'SOFA Weekly', intro: 'Bye', date: '2023-01-04' });
    });

    it('keeps an outro the user wrote, and the next issue starts without it', async () => {
      await store.clips.save(seedCapture(), { addToCurrentDraft: true });
      expect(await store.drafts.update({ outro: '下周见！' })).toMatchObject({ outro: '下周见！' });
      expect(await store.drafts.update({ intro: 'Hello' })).toMatchObject({ intro: 'Hello', outro: '下周见！' });
      const { published, next } = await store.drafts.publish();
      expect(published.outro).toBe('下周见！');
      expect(next.outro).toBeUndefined();
    });

    it.each(['2023-1-6', '2023-02-30', '2023-13-45', 'next friday', ''])('refuses %j as a date, saying how to write one', async (date) => {
      await expect(store.drafts.update({ date })).rejects.toThrow(/write the issue's day as YYYY-MM-DD/);
      expect((await store.drafts.current()).draft.date).toBe('2023-01-04');
    });
  });

  describe('new clips', () => {
    it('go to the end of the current draft when asked', async () => {
      await clipIntoDraft(1, 2);
      const { clips, inbox } = await store.drafts.current();
      expect(ids(clips)).toEqual(['mosn/mosn#1', 'mosn/mosn#2']);
      expect(inbox).toEqual([]);
    });

    it('wait in the inbox otherwise', async () => {
      await store.clips.save(seedCapture());
      const { clips, inbox, inboxSize } = await store.drafts.current();
      expect(clips).toEqual([]);
      expect(ids(inbox)).toEqual(['mosn/mosn#2203']);
      expect(inboxSize).toBe(1);
    });

    it('never move when their thread is clipped again', async () => {
      await store.clips.save(seedCapture());
      await store.clips.save(seedCapture({ title: 'Renamed' }), { addToCurrentDraft: true });
      const { clips, inbox } = await store.drafts.current();
      expect(clips).toEqual([]);
      expect(inbox.map((clip) => clip.title)).toEqual(['Renamed']);
    });

    it('stay in place in the draft when clipped again, with the new content', async () => {
      await clipIntoDraft(1, 2, 3);
      await store.clips.save({ ...threadCapture(2), title: 'Renamed' }, { addToCurrentDraft: true });
      const { clips } = await store.drafts.current();
      expect(clips.map((clip) => clip.title)).toEqual(['Question 1', 'Renamed', 'Question 3']);
    });
  });

  describe('placing and ordering clips', () => {
    beforeEach(() => clipIntoDraft(1, 2, 3));

    it.each([
      [0, ['mosn/mosn#3', 'mosn/mosn#1', 'mosn/mosn#2']],
      [1, ['mosn/mosn#1', 'mosn/mosn#3', 'mosn/mosn#2']],
      [2, ['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#3']],
      [99, ['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#3']],
      [-5, ['mosn/mosn#3', 'mosn/mosn#1', 'mosn/mosn#2']],
    ])('moves a clip to index %i (clamped into the draft)', async (index, expected) => {
      const draft = await store.drafts.place('mosn/mosn#3', index);
      expect(draft.clipIds).toEqual(expected);
      expect(ids((await store.drafts.current()).clips)).toEqual(expected);
    });

    it('moves a clip up one place and down again', async () => {
      await store.drafts.place('mosn/mosn#2', 0);
      expect((await store.drafts.current()).draft.clipIds).toEqual(['mosn/mosn#2', 'mosn/mosn#1', 'mosn/mosn#3']);
      await store.drafts.place('mosn/mosn#2', 1);
      expect((await store.drafts.current()).draft.clipIds).toEqual(['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#3']);
    });

    it('takes a clip out to the inbox and puts it back at its old place', async () => {
      const placement = await store.drafts.unplace('mosn/mosn#2');
      let view = await store.drafts.current();
      expect(ids(view.clips)).toEqual(['mosn/mosn#1', 'mosn/mosn#3']);
      expect(ids(view.inbox)).toEqual(['mosn/mosn#2']);
      expect(placement).toEqual({ draftId: view.draft.id, index: 1 });

      await store.drafts.place('mosn/mosn#2', placement!.index);
      view = await store.drafts.current();
      expect(ids(view.clips)).toEqual(['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#3']);
      expect(view.inbox).toEqual([]);
    });

    it('moves a clip from the inbox into the draft at the end unless told where', async () => {
      await store.clips.save(seedCapture());
      await store.drafts.place('mosn/mosn#2203');
      await store.clips.save(threadCapture(9, 'sofastack/sofa-rpc'));
      await store.drafts.place('sofastack/sofa-rpc#9', 0);
      const view = await store.drafts.current();
      expect(ids(view.clips)).toEqual(['sofastack/sofa-rpc#9', 'mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#3', 'mosn/mosn#2203']);
      expect(view.inboxSize).toBe(0);
    });

    it('answers undefined when taking out a clip that is already in the inbox', async () => {
      await store.clips.save(seedCapture());
      expect(await store.drafts.unplace('mosn/mosn#2203')).toBeUndefined();
    });

    it('says so when the clip to place no longer exists', async () => {
      await expect(store.drafts.place('mosn/mosn#404')).rejects.toThrow('The clip mosn/mosn#404 no longer exists');
    });
  });

  describe('the inbox', () => {
    it('lists its clips newest first, up to a limit, with its full size', async () => {
      for (let number = 1; number <= 5; number++) {
        clock.set(`2023-01-0${number}T12:00:00.000Z`);
        await store.clips.save(threadCapture(number));
      }
      const view = await store.drafts.current({ inboxLimit: 3 });
      expect(ids(view.inbox)).toEqual(['mosn/mosn#5', 'mosn/mosn#4', 'mosn/mosn#3']);
      expect(view.inboxSize).toBe(5);
      expect((await store.drafts.current({ inboxLimit: 0 })).inbox).toEqual([]);
    });

    it('leaves out clips placed in any draft, published ones included', async () => {
      await clipIntoDraft(1);
      await store.drafts.publish();
      await store.clips.save(threadCapture(2));
      const view = await store.drafts.current();
      expect(ids(view.inbox)).toEqual(['mosn/mosn#2']);
      expect(view.inboxSize).toBe(1);
    });
  });

  describe('publishing', () => {
    it('moves the draft to the history and starts the next one a week later, under the same title', async () => {
      await store.drafts.update({ title: 'SOFA Weekly', date: '2023-01-06' });
      await clipIntoDraft(1, 2);
      clock.set('2023-01-06T09:00:00.000Z');
      const { published, next } = await store.drafts.publish();

      expect(published).toMatchObject({
        title: 'SOFA Weekly',
        date: '2023-01-06',
        clipIds: ['mosn/mosn#1', 'mosn/mosn#2'],
        publishedAt: '2023-01-06T09:00:00.000Z',
      });
      expect(next).toEqual({ id: expect.any(String), title: 'SOFA Weekly', date: '2023-01-13', clipIds: [], intro: '' });
      expect((await store.drafts.current()).draft).toEqual(next);
      const { sentClips: _copies, ...listed } = published;
      expect(await store.drafts.history()).toEqual([listed]);
    });

    it('dates the next draft today when the week after the last issue has already passed', async () => {
      await clipIntoDraft(1);
      clock.set('2023-03-01T12:00:00.000Z');
      expect((await store.drafts.publish()).next.date).toBe('2023-03-01');
    });

    it('leaves the inbox as it is', async () => {
      await clipIntoDraft(1);
      await store.clips.save(seedCapture());
      await store.drafts.publish();
      expect(ids((await store.drafts.current()).inbox)).toEqual(['mosn/mosn#2203']);
    });

    it('refuses an empty draft', async () => {
      await expect(store.drafts.publish()).rejects.toThrow('There is nothing to publish yet');
      expect(await store.drafts.history()).toEqual([]);
    });

    it('lists the history newest first', async () => {
      await clipIntoDraft(1);
      clock.set('2023-01-06T12:00:00.000Z');
      const first = (await store.drafts.publish()).published;
      await clipIntoDraft(2);
      clock.set('2023-01-13T12:00:00.000Z');
      const second = (await store.drafts.publish()).published;
      expect((await store.drafts.history()).map((draft) => draft.id)).toEqual([second.id, first.id]);
    });

    it('keeps a published draft readable with its clips, for export', async () => {
      await clipIntoDraft(1, 2);
      const { published } = await store.drafts.publish();
      const view = await store.drafts.read(published.id);
      expect(view?.draft).toEqual(published);
      expect(ids(view!.clips)).toEqual(['mosn/mosn#1', 'mosn/mosn#2']);
      expect(await store.drafts.read('no-such-draft')).toBeUndefined();
    });

    it("keeps a sent issue's copies apart from its draft: the history lists it without them, reading it brings them", async () => {
      await clipIntoDraft(1, 2);
      const { published } = await store.drafts.publish();
      expect(ids(published.sentClips!)).toEqual(['mosn/mosn#1', 'mosn/mosn#2']);

      const db = await open();
      const tx = db.transaction(['drafts', 'sentClips']);
      const [record, copies] = await Promise.all([tx.objectStore('drafts').get(published.id), tx.objectStore('sentClips').get(published.id)]);
      db.close();
      expect(record).not.toHaveProperty('sentClips');
      expect(copies).toEqual({ draftId: published.id, clips: published.sentClips });

      expect((await store.drafts.history())[0]).not.toHaveProperty('sentClips');
      expect(await store.drafts.read(published.id)).toEqual({ draft: published, clips: published.sentClips });
    });

    it('links a sent issue to its pull request and keeps the copies of what it sent', async () => {
      await clipIntoDraft(1);
      const { published } = await store.drafts.publish();
      const url = 'https://github.com/sofastack/sofastack.tech/pull/7';
      const linked = await store.drafts.linkPullRequest(published.id, url);
      expect(linked).toEqual({ ...published, pullRequest: url });
      expect((await store.drafts.read(published.id))?.draft).toEqual(linked);
      expect((await store.drafts.history())[0]?.pullRequest).toBe(url);
    });

    it('freezes a published draft: its clips can be neither moved out nor taken away', async () => {
      await clipIntoDraft(1);
      await store.drafts.publish();
      await expect(store.drafts.place('mosn/mosn#1')).rejects.toThrow(/was published on 2023-01-04; its clips can no longer be moved/);
      await expect(store.drafts.unplace('mosn/mosn#1')).rejects.toThrow(/can no longer be moved/);
      expect((await store.drafts.history())[0]!.clipIds).toEqual(['mosn/mosn#1']);
      expect((await store.drafts.current()).clips).toEqual([]);
    });
  });

  describe('a thread that comes up again after its issue was sent', () => {
    it('joins the current draft while the sent issue keeps what was sent', async () => {
      await store.clips.save(seedCapture(), { addToCurrentDraft: true });
      const { published } = await store.drafts.publish();
      const answer = { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-9', markdown: 'A newer answer' };
      const { created, sentIn } = await store.clips.save(seedCapture({ answer }), { addToCurrentDraft: true });
      expect([created, sentIn]).toEqual([true, { title: 'Weekly digest', date: '2023-01-04' }]);

      const current = await store.drafts.current();
      expect(ids(current.clips)).toEqual(['mosn/mosn#2203']);
      expect(current.clips[0].answer?.markdown).toBe('A newer answer');
      const sent = await store.drafts.read(published.id);
      expect(ids(sent!.clips)).toEqual(['mosn/mosn#2203']);
      expect(sent!.clips[0].answer).toBeUndefined();
    });

    it('starts over instead of bringing back the question and answer it was sent with', async () => {
      const chosen = { author: 'dengqian', url: 'https://github.com/mosn/mosn/issues/2203#issue-1', markdown: 'Last week’s chosen question' };
      const answer = { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown: 'Last week’s answer' };
      await store.clips.save(seedCapture({ question: chosen, questionIsDefault: false, answer }), { addToCurrentDraft: true });
      await store.drafts.publish();
      clock.set('2023-01-11T12:00:00.000Z');
      const { clip } = await store.clips.save(seedCapture(), { addToCurrentDraft: true });
      expect([clip.question.markdown, clip.answer, clip.clippedAt]).toEqual([seedCapture().question.markdown, undefined, '2023-01-11T12:00:00.000Z']);
    });

    it('names the latest sent issue that had it on every later clip, and none for a thread never sent', async () => {
      await store.drafts.update({ date: '2023-01-06' });
      await store.clips.save(seedCapture(), { addToCurrentDraft: true });
      clock.set('2023-01-06T12:00:00.000Z');
      await store.drafts.publish();
      await store.clips.save(seedCapture(), { addToCurrentDraft: true });
      clock.set('2023-01-13T12:00:00.000Z');
      await store.drafts.update({ title: 'Second' });
      await store.drafts.publish();
      expect((await store.clips.save(seedCapture())).sentIn).toEqual({ title: 'Second', date: '2023-01-13' });
      // Clipped again into the inbox, then again: an update of that clip, still a repeat.
      const again = await store.clips.save(
        seedCapture({ answer: { author: 'a', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-2', markdown: 'x' } }),
      );
      expect([again.created, again.sentIn?.date]).toEqual([false, '2023-01-13']);
      expect((await store.clips.save(threadCapture(1))).sentIn).toBeUndefined();
    });

    it('waits in the inbox when new clips go there', async () => {
      await store.clips.save(seedCapture(), { addToCurrentDraft: true });
      await store.drafts.publish();
      await store.clips.save(seedCapture());
      expect(ids((await store.drafts.current()).inbox)).toEqual(['mosn/mosn#2203']);
    });
  });

  describe('reopening a sent issue', () => {
    it('undoes Mark as sent: the issue is the current draft again, as it was, and the empty next draft goes', async () => {
      await store.drafts.update({ title: 'SOFA Weekly', date: '2023-01-06', intro: 'Hello' });
      await clipIntoDraft(1, 2);
      const before = await store.drafts.current();
      const { published, next } = await store.drafts.publish();

      const reopened = await store.drafts.reopen(published.id);
      expect(reopened).toEqual(before.draft);
      const after = await store.drafts.current();
      expect([after.draft, after.clips]).toEqual([before.draft, before.clips]);
      expect(await store.drafts.history()).toEqual([]);
      expect(await store.drafts.read(next.id)).toBeUndefined();
      // And it can be sent again.
      expect((await store.drafts.publish()).published.clipIds).toEqual(['mosn/mosn#1', 'mosn/mosn#2']);
    });

    it('refuses, changing nothing, while the current draft has clips, an intro or an outro', async () => {
      await clipIntoDraft(1);
      const { published } = await store.drafts.publish();
      await clipIntoDraft(2);
      await expect(store.drafts.reopen(published.id)).rejects.toThrow(/“Weekly digest” already has clips, an intro or an outro.*Nothing was changed/);
      await store.drafts.unplace('mosn/mosn#2');
      await store.drafts.update({ intro: 'A note' });
      await expect(store.drafts.reopen(published.id)).rejects.toThrow(/already has clips, an intro or an outro/);
      expect((await store.drafts.history()).map((draft) => draft.id)).toEqual([published.id]);
      expect((await store.drafts.current()).draft.intro).toBe('A note');
    });

    it('brings back a clip deleted since, and a thread clipped again into the inbox in its newer version', async () => {
      await clipIntoDraft(1, 2);
      const { published } = await store.drafts.publish();
      await store.clips.remove('mosn/mosn#1');
      clock.set('2023-01-10T12:00:00.000Z');
      await store.clips.save({ ...threadCapture(2), title: 'Renamed since' });
      await store.drafts.reopen(published.id);
      const { clips, inbox } = await store.drafts.current();
      expect(clips.map((clip) => [clip.id, clip.title])).toEqual([
        ['mosn/mosn#1', 'Question 1'],
        ['mosn/mosn#2', 'Renamed since'],
      ]);
      expect(inbox).toEqual([]);
    });

    it('brings back a thread sent again in a later issue as this issue sent it; the later issue keeps its own', async () => {
      await clipIntoDraft(1);
      const first = (await store.drafts.publish()).published;
      clock.set('2023-01-10T12:00:00.000Z');
      await store.clips.save({ ...threadCapture(1), title: 'Sent again' }, { addToCurrentDraft: true });
      const second = (await store.drafts.publish()).published;
      await store.drafts.reopen(first.id);
      expect((await store.drafts.current()).clips.map((clip) => clip.title)).toEqual(['Question 1']);
      expect((await store.drafts.read(second.id))!.clips.map((clip) => clip.title)).toEqual(['Sent again']);
      expect((await store.drafts.history()).map((draft) => draft.id)).toEqual([second.id]);
    });

    it('leaves the current draft as it is when asked to reopen it, and says a draft that is gone is gone', async () => {
      const { draft } = await store.drafts.current();
      expect(await store.drafts.reopen(draft.id)).toEqual(draft);
      await expect(store.drafts.reopen('no-such-draft')).rejects.toThrow(/no longer exists/);
    });
  });
});
