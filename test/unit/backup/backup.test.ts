import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SOFASTACK_COMMUNITY, type Clip, type Draft } from '@/utils/model';
import { DEFAULT_SETTINGS, getSettings, setSettings } from '@/utils/settings';
import { backupFileName } from '@/utils/backup/format';
import { parseBackup } from '@/utils/backup/parse';
import { getGitHubToken, setGitHubToken } from '@/utils/connection/token';
import type { ClipperDB } from '@/utils/store/db';
import { clipFrom, freshDatabase, manualClock, seedCapture, threadCapture } from '../../support/clips';
import { createProfile, type Profile } from '../../support/profile';
import { expectConsistent } from '../store/contents';

const mosn = { name: 'MOSN', link: 'https://github.com/mosn/mosn/' };
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('backups', () => {
  let clock: ReturnType<typeof manualClock>;
  let store: Profile;
  let open: () => Promise<ClipperDB>;

  beforeEach(() => {
    fakeBrowser.reset();
    clock = manualClock('2023-01-04T12:00:00.000Z');
    open = freshDatabase();
    store = createProfile(open, clock.now);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await expectConsistent(open);
  });

  /** A week published with threads 1 and 2, a current draft with 3, and 2203 in the inbox. */
  async function fillStore(target: Profile = store): Promise<void> {
    await target.clips.save(threadCapture(1), { addToCurrentDraft: true });
    await target.clips.save(threadCapture(2), { addToCurrentDraft: true });
    await target.drafts.update({ title: 'SOFA Weekly', date: '2023-01-06', intro: 'First issue' });
    clock.set('2023-01-06T07:00:00.000Z');
    await target.drafts.publish();
    await target.clips.save(threadCapture(3), { addToCurrentDraft: true });
    await target.clips.save(seedCapture());
  }

  /** What a user could observe of everything stored: the export without its timestamp. */
  async function snapshot(target: Profile = store) {
    const { exportedAt: _when, ...rest } = await target.backup.export();
    return rest;
  }

  it('exports clips, drafts and settings under a format marker and version', async () => {
    await fillStore();
    await setSettings({ projects: { 'mosn/mosn': mosn }, targetRepo: 'mosn/weekly' });
    clock.set('2023-01-07T00:00:00.000Z');
    const backup = await store.backup.export();
    expect(backup).toMatchObject({ format: 'weekly-clipper-backup', version: 1, exportedAt: '2023-01-07T00:00:00.000Z' });
    expect(ids(backup.clips).sort()).toEqual(['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#2203', 'mosn/mosn#3']);
    expect(backup.clips[0]).not.toHaveProperty('draftId');
    expect(backup.drafts.map((draft) => [draft.title, draft.clipIds, Boolean(draft.publishedAt)])).toEqual(
      expect.arrayContaining([
        ['SOFA Weekly', ['mosn/mosn#1', 'mosn/mosn#2'], true],
        ['SOFA Weekly', ['mosn/mosn#3'], false],
      ]),
    );
    expect(backup.settings).toEqual({ ...(await getSettings()), projects: { 'mosn/mosn': mosn }, targetRepo: 'mosn/weekly' });
  });

  it('never carries the GitHub token, which stays in this browser', async () => {
    await setGitHubToken('ghp_16C7e42F292c6912E7710c838347Ae178B4a');
    await fillStore();
    const text = JSON.stringify(await store.backup.export());
    expect(text).not.toContain('ghp_');
    expect(text).not.toContain('githubToken');
    expect(await getGitHubToken()).toBe('ghp_16C7e42F292c6912E7710c838347Ae178B4a');
  });

  it('names the file after the day', () => {
    expect(backupFileName(new Date('2023-01-06T07:00:00Z'))).toBe('weekly-clipper-backup-2023-01-06.json');
  });

  it('restores everything into an empty extension, which then shows the same draft, inbox and history', async () => {
    await fillStore();
    await setSettings({ projects: { 'mosn/mosn': mosn } });
    const text = JSON.stringify(await store.backup.export());
    const before = await snapshot();

    fakeBrowser.reset();
    const restored = createProfile(freshDatabase(), clock.now);
    await restored.drafts.current(); // a fresh install has already made its empty current draft
    const report = await restored.backup.import(text);

    expect(report).toEqual({
      added: { clips: 4, drafts: 2 },
      updated: { clips: 0, drafts: 0 },
      unchanged: { clips: 0, drafts: 0 },
      foldedIntoCurrent: 0,
      settingsChanged: true,
    });
    expect(await snapshot(restored)).toEqual({ ...before, drafts: expect.arrayContaining(before.drafts) });
    const view = await restored.drafts.current();
    expect([view.draft.intro, ids(view.clips), ids(view.inbox)]).toEqual(['', ['mosn/mosn#3'], ['mosn/mosn#2203']]);
    expect((await restored.drafts.history()).map((draft) => draft.intro)).toEqual(['First issue']);
  });

  it("restores a sent issue's copies of what it sent exactly, kept apart from its draft as the store keeps them", async () => {
    await fillStore();
    const text = JSON.stringify(await store.backup.export());
    const [sent] = await store.drafts.history();
    const before = await store.drafts.read(sent!.id);

    fakeBrowser.reset();
    const openRestored = freshDatabase();
    const restored = createProfile(openRestored, clock.now);
    await restored.backup.import(text);

    expect(await restored.drafts.read(sent!.id)).toEqual(before);
    expect(await restored.drafts.history()).toEqual([sent]);
    expect(before?.draft.sentClips).toHaveLength(2);
    const db = await openRestored();
    expect(await db.get('drafts', sent!.id)).not.toHaveProperty('sentClips');
    db.close();
    await expectConsistent(openRestored);
  });

  it('reports everything unchanged when the same backup is imported again', async () => {
    await fillStore();
    const text = JSON.stringify(await store.backup.export());
    expect(await store.backup.import(text)).toEqual({
      added: { clips: 0, drafts: 0 },
      updated: { clips: 0, drafts: 0 },
      unchanged: { clips: 4, drafts: 2 },
      foldedIntoCurrent: 0,
      settingsChanged: false,
    });
  });

  describe('a bad file', () => {
    /** The parsed file, loosely typed: these tests break it on purpose. */
    interface LooseBackup {
      [field: string]: unknown;
      clips: Record<string, unknown>[];
      drafts: (Record<string, unknown> & { id: string; clipIds: string[] })[];
      sent: Record<string, string>;
      settings: Record<string, unknown>;
    }
    const current = (backup: LooseBackup) => backup.drafts.find((draft) => !draft.publishedAt)!; // validBackup has one
    const sentIssue = (backup: LooseBackup) => backup.drafts.find((draft) => draft.publishedAt)!; // validBackup has one

    /** A valid backup of four clips (#1 and #2 sent, mosn/mosn#2203 in the inbox, #3 in the current draft, in that order), as JSON to break. */
    async function validBackup(): Promise<LooseBackup> {
      const source = createProfile(freshDatabase(), clock.now);
      await fillStore(source);
      return JSON.parse(JSON.stringify(await source.backup.export())) as LooseBackup;
    }

    const cases: [string, ((backup: LooseBackup) => unknown) | string, string][] = [
      ['is not JSON', '{"format": "weekly-clipper-backup",', 'This file is not a Weekly Clipper backup: it is not JSON.'],
      ['has another format', (b) => (b.format = 'something-else'), 'This file is not a Weekly Clipper backup: it has no "format": "weekly-clipper-backup".'],
      ['is a list', '[1, 2]', 'This file is not a Weekly Clipper backup'],
      ['comes from a newer version', (b) => (b.version = 2), 'This backup was made by a newer Weekly Clipper (backup version 2)'],
      ['has a clip with no number', (b) => delete b.clips[3]!.number, 'This backup was not imported: clips[3].number must be a number.'],
      ['has a clip with a text number', (b) => (b.clips[1]!.number = '2'), 'clips[1].number must be a number'],
      ['has a clip of an unknown kind', (b) => (b.clips[0]!.kind = 'commit'), 'clips[0].kind must be one of "issue", "pull", "discussion"'],
      ['has a clip whose labels are not a list', (b) => (b.clips[0]!.labels = 'question'), 'clips[0].labels must be a list'],
      [
        'has an answer without an author',
        (b) => (b.clips[3]!.answer = { markdown: 'x', url: 'https://github.com/x/y' }),
        'clips[3].answer.author must be a string',
      ],
      ['has a clip with a bad date', (b) => (b.clips[2]!.clippedAt = 'yesterday'), 'clips[2].clippedAt must be a date and time'],
      ['has a clip whose id is not its repo#number', (b) => (b.clips[0]!.id = 'mosn/mosn#99'), 'clips[0].id must be "mosn/mosn#1" (its repo and number)'],
      ['has the same clip twice', (b) => b.clips.push({ ...b.clips[0] }), 'clips[4].id must be unique, but "mosn/mosn#1" is also clips[0]'],
      ['has no clips list', (b) => delete (b as Record<string, unknown>).clips, 'clips must be a list'],
      [
        'has a draft that lists a clip it does not contain',
        (b) => current(b).clipIds.push('mosn/mosn#404'),
        'must be the id of one of the clips, but "mosn/mosn#404" is not',
      ],
      [
        'has a clip both in the current draft and kept as sent',
        (b) => (b.sent['mosn/mosn#3'] = sentIssue(b).id),
        'must name a clip that is in this draft, but clips[3] is in drafts[',
      ],
      ['has a clip kept as sent in an issue that did not send it', (b) => (b.sent['mosn/mosn#2203'] = sentIssue(b).id), 'clips[2] is kept as sent in drafts['],
      ['keeps as sent a clip it does not have', (b) => (b.sent['mosn/mosn#404'] = sentIssue(b).id), 'sent["mosn/mosn#404"] must be the id of one of the clips'],
      ['has a draft that lists a clip twice', (b) => current(b).clipIds.push(current(b).clipIds[0]!), 'is listed twice here'],
      [
        'has a sent issue that lists other clips than it sent',
        (b) => sentIssue(b).clipIds.pop(),
        'clipIds must list the ids of its 2 sentClips, in order, but lists 1',
      ],
      ['has a sent issue without the clips it sent', (b) => delete sentIssue(b).sentClips, 'sentClips must hold the clips as they were sent'],
      [
        'has two current drafts',
        (b) => b.drafts.forEach((draft) => delete draft.publishedAt),
        'is a second unpublished draft (drafts[0] is one); only one may be current',
      ],
      ['has a draft with a bad date', (b) => (b.drafts[0]!.date = '06/01/2023'), 'drafts[0].date must be a day like 2023-01-06'],
      ['has a bad target repository', (b) => (b.settings.targetRepo = 'nope'), 'settings.targetRepo must be a repository as owner/name'],
    ];

    it.each(cases)('changes nothing when the file %s, and says why', async (_what, breakage, message) => {
      await fillStore();
      await setSettings({ targetRepo: 'mosn/weekly' });
      const before = await snapshot();
      let text: string;
      if (typeof breakage === 'string') text = breakage;
      else {
        const backup = await validBackup();
        // Everything the file would change if it were imported, settings included.
        backup.settings.templateId = 'sofa-weekly';
        backup.clips.forEach((clip) => (clip.updatedAt = '2030-01-01T00:00:00.000Z'));
        breakage(backup);
        text = JSON.stringify(backup);
      }
      await expect(store.backup.import(text)).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    });

    it('is told apart from a good one by parseBackup alone, without touching the database', async () => {
      const backup = await validBackup();
      expect(parseBackup(JSON.stringify(backup))).toEqual(backup);
    });

    it('may carry fields we do not know: they are dropped, not stored', async () => {
      const backup = await validBackup();
      Object.assign(backup.clips[0]!, { starred: true });
      Object.assign(backup, { comment: 'made by hand' });
      await store.backup.import(JSON.stringify(backup));
      expect(await store.clips.get('mosn/mosn#1')).not.toHaveProperty('starred');
    });
  });

  it('changes nothing when the disk fills up halfway through the import', async () => {
    const source = createProfile(freshDatabase(), clock.now);
    await fillStore(source);
    const text = JSON.stringify(await source.backup.export());
    await store.clips.save(threadCapture(9), { addToCurrentDraft: true });
    const before = await snapshot();

    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++writes > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(store.backup.import(text)).rejects.toThrow("The browser has no room left for Weekly Clipper's data");
    vi.restoreAllMocks();
    expect(writes).toBeGreaterThan(3);
    expect(await snapshot()).toEqual(before);
  });

  describe('its own backup, after a thread is sent', () => {
    /** Thread 7 sent in a published issue, then clipped again with a newer answer. */
    async function sendAndClipAgain(options: { addToCurrentDraft: boolean }) {
      await store.clips.save(threadCapture(7), { addToCurrentDraft: true });
      clock.set('2023-01-06T07:00:00.000Z');
      const { published } = await store.drafts.publish();
      clock.set('2023-01-09T07:00:00.000Z');
      await store.clips.save({ ...threadCapture(7), answer: newerAnswer }, options);
      return published;
    }
    const newerAnswer = { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/7#issuecomment-9', markdown: 'A newer answer' };

    /** Imports `text` into a new profile (its own database and settings) and returns that profile's store. */
    async function restoreElsewhere(text: string): Promise<Profile> {
      fakeBrowser.reset();
      const restored = createProfile(freshDatabase(), clock.now);
      await restored.drafts.current();
      await restored.backup.import(text);
      return restored;
    }

    it('restores after a thread is sent and clipped again', async () => {
      const published = await sendAndClipAgain({ addToCurrentDraft: true });
      const text = JSON.stringify(await store.backup.export());
      const before = await snapshot();

      expect(await store.backup.import(text)).toMatchObject({ added: { clips: 0, drafts: 0 }, updated: { clips: 0, drafts: 0 } });
      expect(await snapshot()).toEqual(before);

      const restored = await restoreElsewhere(text);
      expect(await snapshot(restored)).toEqual(before);
      const view = await restored.drafts.current();
      expect(view.clips.map((clip) => clip.answer?.markdown)).toEqual(['A newer answer']);
      const sent = await restored.drafts.read(published.id);
      expect(sent?.clips.map((clip) => [clip.id, clip.answer])).toEqual([['mosn/mosn#7', undefined]]);
    });

    it('restores after a thread sent and clipped again is removed', async () => {
      const published = await sendAndClipAgain({ addToCurrentDraft: true });
      await store.clips.remove('mosn/mosn#7');
      const text = JSON.stringify(await store.backup.export());
      const before = await snapshot();

      const restored = await restoreElsewhere(text);
      expect(await snapshot(restored)).toEqual(before);
      expect((await restored.drafts.read(published.id))?.clips.map((clip) => clip.id)).toEqual(['mosn/mosn#7']);
      expect((await restored.drafts.history())[0]?.clipIds).toEqual(['mosn/mosn#7']);
    });

    it('restores a thread clipped again into the inbox to the inbox, not among the sent ones', async () => {
      await sendAndClipAgain({ addToCurrentDraft: false });
      const text = JSON.stringify(await store.backup.export());
      const before = await snapshot();

      const restored = await restoreElsewhere(text);
      expect(await snapshot(restored)).toEqual(before);
      expect(ids((await restored.drafts.current()).inbox)).toEqual(['mosn/mosn#7']);
    });

    it('restores a sent thread that was not clipped again as sent: in neither the inbox nor the new draft', async () => {
      await store.clips.save(threadCapture(7), { addToCurrentDraft: true });
      await store.drafts.publish();
      const restored = await restoreElsewhere(JSON.stringify(await store.backup.export()));
      const view = await restored.drafts.current();
      expect([view.clips, view.inbox]).toEqual([[], []]);
      expect(await restored.clips.get('mosn/mosn#7')).toEqual(await store.clips.get('mosn/mosn#7'));
    });
  });

  describe('all or nothing', () => {
    /** A valid backup from another profile: newer clips, other settings. */
    async function otherBackup(): Promise<string> {
      const source = createProfile(freshDatabase(), clock.now);
      await fillStore(source);
      const backup = await source.backup.export();
      backup.clips.forEach((clip) => (clip.updatedAt = '2030-01-01T00:00:00.000Z'));
      return JSON.stringify({ ...backup, settings: { ...backup.settings, templateId: 'sofa-weekly', targetRepo: 'mosn/weekly' } });
    }

    it('imports nothing when the settings do not fit in storage.local', async () => {
      const text = await otherBackup();
      await store.clips.save(threadCapture(1), { addToCurrentDraft: true });
      const before = await snapshot();
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));

      await expect(store.backup.import(text)).rejects.toThrow('The settings could not be saved: QUOTA_BYTES quota exceeded');
      vi.restoreAllMocks();
      expect(await snapshot()).toEqual(before);
    });

    it('puts the settings back when the database refuses the backup', async () => {
      const text = await otherBackup();
      await setSettings({ targetRepo: 'mosn/mine' });
      const before = await snapshot();
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });

      await expect(store.backup.import(text)).rejects.toThrow("The browser has no room left for Weekly Clipper's data");
      vi.restoreAllMocks();
      expect(await snapshot()).toEqual(before);
    });

    it('says that the settings did change when even putting them back fails', async () => {
      const text = await otherBackup();
      const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
      vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(set).mockRejectedValue(new Error('Storage is gone'));
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });

      await expect(store.backup.import(text)).rejects.toThrow(
        /^The backup's clips and drafts were not imported \(The browser has no room left .*\), but its settings were, and could not be put back: .*Storage is gone$/,
      );
    });
  });

  describe('timestamps', () => {
    /** Our clip of thread 1 saved at `ours`, and a backup whose copy of it, retitled, was saved at `theirs`. */
    async function versions(ours: string, theirs: string) {
      clock.set(ours);
      await store.clips.save(threadCapture(1));
      const backup = await store.backup.export();
      return JSON.stringify({ ...backup, clips: backup.clips.map((clip) => ({ ...clip, title: 'From the backup', updatedAt: theirs })) });
    }

    it.each([
      ['2023-01-04T12:00:00Z', '2023-01-04T12:00:00.500Z'],
      ['2023-01-04T18:00:00+09:00', '2023-01-04T12:00:00.000Z'],
    ])("keeps our clip when the backup's (saved %s) is older as a moment, whatever the text says", async (theirs, ours) => {
      const report = await store.backup.import(await versions(ours, theirs));
      expect(report.unchanged.clips).toBe(1);
      expect((await store.clips.get('mosn/mosn#1'))?.title).toBe('Question 1');
    });

    it("takes the backup's clip when it is newer as a moment, though its text sorts first", async () => {
      const report = await store.backup.import(await versions('2023-01-04T12:00:00.500Z', '2023-01-04T03:00:01-09:00'));
      expect(report.updated.clips).toBe(1);
      expect(await store.clips.get('mosn/mosn#1')).toMatchObject({ title: 'From the backup', updatedAt: '2023-01-04T12:00:01.000Z' });
    });

    it('orders the inbox and the history by moment when the backup writes times with offsets', async () => {
      const backup = await store.backup.export();
      const at = (number: number, time: string) => ({ ...clipFrom(threadCapture(number), time), updatedAt: time });
      const sent = (id: string, publishedAt: string, clip: Clip): Draft => ({
        id,
        title: id,
        date: '2023-01-06',
        clipIds: [clip.id],
        intro: '',
        publishedAt,
        sentClips: [clip],
      });
      const text = JSON.stringify({
        ...backup,
        clips: [at(1, '2023-01-05T01:00:00+09:00'), at(2, '2023-01-04T20:00:00Z')],
        drafts: [sent('late', '2023-01-06T20:00:00Z', clipFrom(threadCapture(3))), sent('early', '2023-01-07T01:00:00+09:00', clipFrom(threadCapture(4)))],
      });
      await store.backup.import(text);
      expect(ids((await store.drafts.current()).inbox)).toEqual(['mosn/mosn#2', 'mosn/mosn#1']);
      expect(ids(await store.drafts.history())).toEqual(['late', 'early']);
      expect((await store.clips.get('mosn/mosn#1'))?.clippedAt).toBe('2023-01-04T16:00:00.000Z');
    });

    it('refuses a time without a zone, which names no moment', async () => {
      const backup = await store.backup.export();
      const text = JSON.stringify({ ...backup, clips: [{ ...clipFrom(threadCapture(1)), updatedAt: '2023-01-04T12:00:00' }] });
      await expect(store.backup.import(text)).rejects.toThrow('clips[0].updatedAt must be a date and time like 2023-01-06T07:00:00.000Z');
    });
  });

  describe('from an older version', () => {
    const legacy = (clips: Clip[], drafts: Draft[]) =>
      JSON.stringify({ format: 'weekly-clipper-backup', version: 1, exportedAt: '2023-01-07T00:00:00.000Z', clips, drafts, settings: DEFAULT_SETTINGS });
    const current = (clipIds: string[]): Draft => ({ id: 'theirs', title: 'Weekly digest', date: '2023-01-06', clipIds, intro: '' });

    it("takes ids that kept the repository's case, and makes one clip of a thread clipped under two spellings", async () => {
      const older = clipFrom(threadCapture(9, 'NEW/one'), '2023-01-02T00:00:00.000Z');
      const newer = { ...clipFrom(threadCapture(9, 'new/one'), '2023-01-03T00:00:00.000Z'), title: 'Newer' };
      await store.drafts.current();
      await store.backup.import(legacy([clipFrom(threadCapture(1)), older, newer], [current(['mosn/mosn#1', 'NEW/one#9'])]));

      expect((await store.clips.list()).map((clip) => [clip.id, clip.title, clip.clippedAt])).toEqual([
        ['mosn/mosn#1', 'Question 1', '2023-01-04T00:00:00.000Z'],
        ['new/one#9', 'Newer', '2023-01-02T00:00:00.000Z'],
      ]);
      const view = await store.drafts.current();
      expect(view.clips.map((clip) => [clip.id, clip.title])).toEqual([
        ['mosn/mosn#1', 'Question 1'],
        ['new/one#9', 'Newer'],
      ]);
    });

    it('keeps a sent issue whose clips have no copies yet, and its clips out of the inbox', async () => {
      const clip = clipFrom(threadCapture(1, 'NEW/one'), '2023-01-02T00:00:00.000Z');
      const issue: Draft = { ...current([clip.id]), id: 'sent', publishedAt: '2023-01-06T07:00:00.000Z' };
      await store.backup.import(legacy([clip], [issue]));

      const sent = await store.drafts.read('sent');
      expect(sent?.draft.clipIds).toEqual(['new/one#1']);
      expect(sent?.clips).toEqual([{ ...clip, id: 'new/one#1' }]);
      expect((await store.drafts.current()).inbox).toEqual([]);
    });

    it('puts a thread clipped again after its issue was sent in the inbox', async () => {
      const sentCopy = clipFrom(threadCapture(1), '2023-01-02T00:00:00.000Z');
      const again = { ...sentCopy, title: 'Again', updatedAt: '2023-01-08T00:00:00.000Z' };
      const issue: Draft = { ...current([sentCopy.id]), id: 'sent', publishedAt: '2023-01-06T07:00:00.000Z', sentClips: [sentCopy] };
      await store.backup.import(legacy([again], [issue]));
      expect((await store.drafts.current()).inbox.map((clip) => clip.title)).toEqual(['Again']);
    });
  });

  describe('merging', () => {
    it('takes a clip from the backup only when its version is newer', async () => {
      await fillStore();
      const backup = await store.backup.export();
      const newer = { ...backup.clips[0]!, title: 'Newer title', updatedAt: '2023-02-01T00:00:00.000Z' };
      const older = { ...backup.clips[1]!, title: 'Older title', updatedAt: '2022-01-01T00:00:00.000Z' };
      const report = await store.backup.import(JSON.stringify({ ...backup, clips: [newer, older, ...backup.clips.slice(2)] }));
      expect(report.updated.clips).toBe(1);
      expect(report.unchanged.clips).toBe(3);
      expect((await store.clips.get('mosn/mosn#1'))?.title).toBe('Newer title');
      expect((await store.clips.get('mosn/mosn#2'))?.title).toBe('Question 2');
    });

    it("lets the backup's version of a draft win", async () => {
      await fillStore();
      const backup = await store.backup.export();
      const published = backup.drafts.find((draft) => draft.publishedAt)!;
      const report = await store.backup.import(JSON.stringify({ ...backup, drafts: [{ ...published, intro: 'Edited elsewhere' }] }));
      expect(report.updated.drafts).toBe(1);
      expect((await store.drafts.read(published.id))?.draft.intro).toBe('Edited elsewhere');
    });

    it('never turns a draft published here back into a current one', async () => {
      await store.clips.save(threadCapture(1), { addToCurrentDraft: true });
      const beforePublishing = await store.backup.export();
      const { published } = await store.drafts.publish();
      const report = await store.backup.import(JSON.stringify(beforePublishing));
      expect(report.unchanged.drafts).toBe(1);
      expect((await store.drafts.read(published.id))?.draft).toEqual(published);
      expect((await store.drafts.current()).clips).toEqual([]);
    });

    it("replaces this browser's current draft while it is still empty", async () => {
      const source = createProfile(freshDatabase(), clock.now);
      await source.clips.save(threadCapture(1), { addToCurrentDraft: true });
      await source.drafts.update({ intro: 'From the other browser' });
      const text = JSON.stringify(await source.backup.export());

      await store.drafts.current();
      await store.backup.import(text);
      const view = await store.drafts.current();
      expect([view.draft.intro, ids(view.clips)]).toEqual(['From the other browser', ['mosn/mosn#1']]);
      expect((await store.backup.export()).drafts).toHaveLength(1);
    });

    it("keeps this browser's current draft when it has clips, appending the backup's current clips to it", async () => {
      const source = createProfile(freshDatabase(), clock.now);
      await source.clips.save(threadCapture(1), { addToCurrentDraft: true });
      await source.clips.save(threadCapture(2), { addToCurrentDraft: true });
      await source.drafts.update({ intro: 'From the other browser' });
      const text = JSON.stringify(await source.backup.export());

      await store.clips.save(threadCapture(2), { addToCurrentDraft: true });
      await store.clips.save(threadCapture(3), { addToCurrentDraft: true });
      await store.drafts.update({ intro: 'Mine' });
      const report = await store.backup.import(text);

      const view = await store.drafts.current();
      expect([view.draft.intro, ids(view.clips)]).toEqual(['Mine', ['mosn/mosn#2', 'mosn/mosn#3', 'mosn/mosn#1']]);
      expect(report).toMatchObject({ added: { clips: 1, drafts: 0 }, updated: { drafts: 1 }, foldedIntoCurrent: 1 });
      const drafts = (await store.backup.export()).drafts;
      expect(drafts.filter((draft: Draft) => !draft.publishedAt)).toHaveLength(1);
    });

    it("leaves a clip in the published issue when the backup's current draft lists it too", async () => {
      await store.clips.save(threadCapture(1), { addToCurrentDraft: true });
      const { published } = await store.drafts.publish();
      await store.clips.save(threadCapture(5), { addToCurrentDraft: true });
      const backup = await store.backup.export();
      const theirs = { id: 'their-current', title: 'Theirs', date: '2023-01-11', clipIds: ['mosn/mosn#1', 'mosn/mosn#5'], intro: '' };

      const report = await store.backup.import(JSON.stringify({ ...backup, drafts: [theirs], sent: {} }));
      expect((await store.drafts.read(published.id))?.draft.clipIds).toEqual(['mosn/mosn#1']);
      expect(ids((await store.drafts.current()).clips)).toEqual(['mosn/mosn#5']);
      expect(report.foldedIntoCurrent).toBe(0);
    });

    it('puts a thread sent here, then clipped again in the other browser, into the current draft', async () => {
      await store.clips.save(threadCapture(1), { addToCurrentDraft: true });
      const { published, next } = await store.drafts.publish();
      const backup = await store.backup.export();
      const again = { ...backup.clips[0]!, title: 'Clipped again elsewhere', updatedAt: '2023-01-09T00:00:00.000Z' };
      const drafts = backup.drafts.map((draft) => (draft.id === next.id ? { ...draft, clipIds: [again.id] } : draft));

      await store.backup.import(JSON.stringify({ ...backup, clips: [again], drafts, sent: {} }));
      expect((await store.drafts.current()).clips.map((clip) => clip.title)).toEqual(['Clipped again elsewhere']);
      expect((await store.drafts.read(published.id))?.clips.map((clip) => clip.title)).toEqual(['Question 1']);
    });

    it("takes the backup's settings, merging project names and templates, and keeps a target repo and a shared weekly the backup lacks", async () => {
      const shared = { repo: 'sofastack/sofastack.tech', branch: 'weekly-clipper', path: 'shared.json' };
      await setSettings({
        sharedWeekly: shared,
        targetRepo: 'mosn/weekly',
        projects: { 'mosn/mosn': mosn },
        userTemplates: [{ id: 'mine', name: 'Mine', source: 'mine' }],
        community: { ...SOFASTACK_COMMUNITY, name: 'MOSN' },
      });
      const backup = await store.backup.export();
      const text = JSON.stringify({
        ...backup,
        settings: {
          templateId: 'theirs',
          targetRepo: '',
          addNewClipsToCurrentDraft: false,
          projects: { 'sofastack/sofa-rpc': { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' } },
          userTemplates: [{ id: 'theirs', name: 'Theirs', source: 'theirs' }],
        },
      });
      expect((await store.backup.import(text)).settingsChanged).toBe(true);
      expect(await getSettings()).toEqual({
        templateId: 'theirs',
        targetRepo: 'mosn/weekly',
        addNewClipsToCurrentDraft: false,
        // A backup made before the community fields and the front matter choice keeps ours.
        community: { ...SOFASTACK_COMMUNITY, name: 'MOSN' },
        issueFrontMatter: {},
        sharedWeekly: shared,
        publishing: DEFAULT_SETTINGS.publishing,
        projects: { 'mosn/mosn': mosn, 'sofastack/sofa-rpc': { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' } },
        userTemplates: [
          { id: 'mine', name: 'Mine', source: 'mine' },
          { id: 'theirs', name: 'Theirs', source: 'theirs' },
        ],
      });
    });
  });
});
