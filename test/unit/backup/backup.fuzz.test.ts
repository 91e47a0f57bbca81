/**
 * Random use of the store by two browsers that trade backups, then each one's own backup restored
 * into a new profile: the restore must work and hold exactly what was there. After every step the
 * database must keep the invariants a backup is checked against (`checkStoreInvariants`), so the
 * store never writes what a restore would refuse.
 *
 * The seed is fixed, so a failure is the same on every machine. `npm run fuzz` tries many more
 * sequences (FUZZ_RUNS, 1000 there); FUZZ_SEED explores other ones.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import type { Clip, ClipCapture } from '@/utils/model';
import { getSettings, setSettings } from '@/utils/settings';
import type { Backup } from '@/utils/backup/format';
import { freshDatabase, manualClock, threadCapture } from '../../support/clips';
import { createProfile, type Profile } from '../../support/profile';
import { expectConsistent, readContents } from '../store/contents';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20230106);

/** Threads the user clips, under any spelling of the repository's name (GitHub ignores its case). */
const THREADS = [
  { repo: 'mosn/mosn', number: 1 },
  { repo: 'mosn/mosn', number: 2 },
  { repo: 'NEW/one', number: 9 },
  { repo: 'sofastack/sofa-rpc', number: 1290 },
];
const spellings = (repo: string) => [repo, repo.toLowerCase(), repo.toUpperCase()];
const mosn = { name: 'MOSN', link: 'https://github.com/mosn/mosn/' };

/** What the store may refuse in ordinary use: the user is told, nothing changes. */
const EXPECTED_REFUSALS = /no longer exists|can no longer be moved|nothing to publish|is not a date|already has clips, an intro or an outro/;

const DAY = 86_400_000;
/** Time between two actions: none at all (two writes in one millisecond), a little, days, or the clock set back. */
const pause = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120_000 }), fc.integer({ min: 1, max: 10 * DAY }), fc.integer({ min: -5_000, max: -1 }));
const pick = fc.nat(50);
const text = fc.option(fc.constantFrom('', 'Edited', '**Mine**', '  '), { nil: undefined });

const action = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('clip' as const),
      thread: fc.nat(THREADS.length - 1),
      spelling: fc.nat(2),
      chosenQuestion: fc.boolean(),
      answer: fc.constantFrom('none' as const, 'chosen' as const, 'marked' as const),
      toDraft: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick, question: text, answer: text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('place' as const), pick, index: fc.option(fc.integer({ min: -1, max: 4 }), { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toInbox' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('markAsSent' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('openPopup' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('draftFields' as const),
      title: fc.option(fc.constantFrom('SOFA Weekly', 'Weekly digest'), { nil: undefined }),
      intro: text,
      date: fc.option(fc.constantFrom('2023-01-06', '2023-02-28', 'next friday'), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settings' as const),
      addNewClipsToCurrentDraft: fc.boolean(),
      templateId: fc.constantFrom('weekly-digest', 'sofa-weekly', 'mine'),
      targetRepo: fc.constantFrom('', 'mosn/weekly'),
      nameProject: fc.boolean(),
      addTemplate: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('export' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), pick, olderVersion: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('importFromOtherBrowser' as const), olderVersion: fc.boolean() }) },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function capture(step: Extract<Action, { kind: 'clip' }>, serial: number): ClipCapture {
  const { repo, number } = THREADS[step.thread]!; // thread is drawn below THREADS.length
  const base = threadCapture(number, spellings(repo)[step.spelling]);
  return {
    ...base,
    ...(step.chosenQuestion && { question: { ...base.question, markdown: `Selected question ${serial}` }, questionIsDefault: false }),
    ...(step.answer !== 'none' && {
      answer: { author: 'maintainer', url: `${base.url}#issuecomment-${serial}`, markdown: `Answer ${serial}` },
      answerIsDefault: step.answer === 'marked',
    }),
  };
}

/** `text` as an older version wrote it: placement said by the drafts alone, ids in the repository's case. */
function asOlderVersion(text: string): string {
  const { sent: _sent, ...backup } = JSON.parse(text) as Backup;
  const spelled = (clip: Clip) => `${clip.repo}#${clip.number}`;
  const ids = new Map(backup.clips.map((clip) => [clip.id, spelled(clip)]));
  return JSON.stringify({
    ...backup,
    clips: backup.clips.map((clip) => ({ ...clip, id: spelled(clip) })),
    drafts: backup.drafts.map((draft) =>
      draft.sentClips
        ? { ...draft, clipIds: draft.sentClips.map(spelled), sentClips: draft.sentClips.map((clip) => ({ ...clip, id: spelled(clip) })) }
        : { ...draft, clipIds: draft.clipIds.map((id) => ids.get(id) ?? id) },
    ),
  });
}

/** One browser: its store, its clock, and what its user can undo or import. */
class Browser {
  readonly clock = manualClock('2023-01-02T09:00:00.000Z');
  readonly open = freshDatabase();
  readonly store: Profile = createProfile(this.open, this.clock.now);
  private readonly undos: (() => Promise<unknown>)[] = [];
  private serial = 0;
  /** The browser whose backup `importFromOtherBrowser` takes. */
  other: Browser = this;

  /** @param exports every backup exported so far, by either browser: any can be imported again */
  constructor(private readonly exports: string[]) {}

  async perform(step: Action, pauseMs: number): Promise<void> {
    this.clock.set(new Date(this.clock.now().getTime() + pauseMs).toISOString());
    this.serial++;
    try {
      await this.act(step);
    } catch (error) {
      if (!(error instanceof Error && EXPECTED_REFUSALS.test(error.message))) throw error;
    }
  }

  private async pickClip(index: number): Promise<string> {
    const ids = [...(await this.store.clips.list()).map((clip) => clip.id), 'mosn/mosn#404'];
    return ids[index % ids.length]!; // the index is taken modulo the length
  }

  private async act(step: Action): Promise<void> {
    const { clips, drafts, backup } = this.store;
    switch (step.kind) {
      case 'clip':
        await clips.save(capture(step, this.serial), { addToCurrentDraft: step.toDraft });
        return;
      case 'edit':
        await clips.edit(await this.pickClip(step.pick), { question: step.question, answer: step.answer });
        return;
      case 'place':
        await drafts.place(await this.pickClip(step.pick), step.index);
        return;
      case 'toInbox': {
        const id = await this.pickClip(step.pick);
        const placement = await drafts.unplace(id);
        if (placement) this.undos.push(() => drafts.place(id, placement.index));
        return;
      }
      case 'remove': {
        const removed = await clips.remove(await this.pickClip(step.pick));
        if (removed) this.undos.push(() => clips.restore(removed));
        return;
      }
      case 'undo':
        await this.undos.pop()?.();
        return;
      case 'markAsSent': {
        const { published } = await drafts.publish();
        this.undos.push(() => drafts.reopen(published.id));
        return;
      }
      case 'reopen': {
        const history = await drafts.history();
        if (history.length) await drafts.reopen(history[step.pick % history.length]!.id); // the index is taken modulo the length
        return;
      }
      case 'openPopup':
        await drafts.current();
        return;
      case 'draftFields':
        await drafts.update({ title: step.title, intro: step.intro, date: step.date });
        return;
      case 'settings':
        await setSettings({
          addNewClipsToCurrentDraft: step.addNewClipsToCurrentDraft,
          templateId: step.templateId,
          targetRepo: step.targetRepo,
          ...(step.nameProject && { projects: { 'mosn/mosn': mosn } }),
          ...(step.addTemplate && { userTemplates: [{ id: 'mine', name: 'Mine', source: '{{ draft.title }}' }] }),
        });
        return;
      case 'export':
        this.exports.push(JSON.stringify(await backup.export()));
        return;
      case 'import': {
        const text = this.exports[step.pick % Math.max(this.exports.length, 1)];
        if (text) await backup.import(step.olderVersion ? asOlderVersion(text) : text);
        return;
      }
      case 'importFromOtherBrowser': {
        const text = JSON.stringify(await this.other.store.backup.export());
        await backup.import(step.olderVersion ? asOlderVersion(text) : text);
        return;
      }
    }
  }
}

/** Its own backup, imported where it was made and into a new profile (its own database and settings). */
async function expectRestoredExactly(browser: Browser, popupOpenedFirst: boolean): Promise<void> {
  await browser.store.drafts.current();
  const text = JSON.stringify(await browser.store.backup.export());
  const contents = await readContents(browser.open);
  const settings = await getSettings();

  expect(await browser.store.backup.import(text)).toEqual({
    added: { clips: 0, drafts: 0 },
    updated: { clips: 0, drafts: 0 },
    unchanged: { clips: contents.clips.length, drafts: contents.drafts.length },
    foldedIntoCurrent: 0,
    settingsChanged: false,
  });
  expect(await readContents(browser.open)).toEqual(contents);

  fakeBrowser.reset();
  const open = freshDatabase();
  const restored = createProfile(open, browser.clock.now);
  if (popupOpenedFirst) await restored.drafts.current();
  await restored.backup.import(text);
  expect(await readContents(open)).toEqual(contents);
  expect(await getSettings()).toEqual(settings);
}

describe('a backup after any use', () => {
  it('restores exactly into a new profile, and changes nothing when imported where it was made', { timeout: 30_000 + RUNS * 1_000 }, async () => {
    // Each step is taken in one of the two browsers, mostly the first. WXT's fake browser has one
    // storage.local, so the two share their settings; the databases are their own.
    const steps = fc.array(fc.tuple(fc.constantFrom(0, 0, 1), action, pause), { maxLength: 50, size: 'max' });
    await fc.assert(
      fc.asyncProperty(steps, fc.boolean(), async (steps, popupOpenedFirst) => {
        fakeBrowser.reset();
        const exports: string[] = [];
        const browsers = [new Browser(exports), new Browser(exports)] as const;
        [browsers[0].other, browsers[1].other] = [browsers[1], browsers[0]];
        for (const [which, step, pauseMs] of steps) {
          await browsers[which].perform(step, pauseMs);
          await expectConsistent(browsers[which].open);
        }
        for (const browser of browsers) await expectRestoredExactly(browser, popupOpenedFirst);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
