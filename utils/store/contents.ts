/**
 * Everything stored, in and out at once: what a backup holds of the database, checked against the
 * store's own invariants before anything is written (`checkContents`), then merged all or nothing.
 */
import { clipIdOf, type Clip, type Draft } from '../model';
import { same } from '../same';
import { fail } from '../validation/check';
import { byInstant } from '../validation/values';
import { INBOX, lazyDatabase, toClip, upgradeContents, type ClipperDB, type ClipRecord, type StoreTx } from './db';
import { checkStoreInvariants } from './invariants';
import { deleteDraft, readDrafts, writeDraft } from './records';
import { inTransaction } from './transaction';

/** Every clip and draft, and where each clip is: what a backup holds of the database. */
export interface Contents {
  clips: Clip[];
  drafts: Draft[];
  /**
   * Clips sent in an issue and not clipped again since, by id, with the id of that published
   * draft: they wait neither in the inbox nor in the current draft. (A published draft's `clipIds`
   * name its own copies, so they cannot say this.) Older versions did not write it.
   */
  sent: Record<string, string>;
}

export interface Counts {
  clips: number;
  drafts: number;
}

export interface MergeReport {
  /** In the merged contents, not here before. */
  added: Counts;
  /** Changed here: a clip the contents had a newer version of; a draft they changed (or whose clip stays sent, see `mergeContents`). */
  updated: Counts;
  /** In the merged contents and kept as they were here (the same, or newer here). */
  unchanged: Counts;
  /** Clips of the merged contents' current draft appended to this browser's, which stays the one current draft. */
  foldedIntoCurrent: number;
}

export interface ContentsStore {
  /** Everything stored, clips oldest first. */
  read(): Promise<Contents>;
  /** Merges contents that `checkContents` returned (see `mergeContents` and `planDrafts`), all or nothing. */
  merge(contents: Contents): Promise<MergeReport>;
}

/** The clips as the store keeps them, each with its place. */
function placedClips({ clips, drafts, sent }: Contents): ClipRecord[] {
  const current = drafts.find((draft) => !draft.publishedAt);
  // A Map, so that only the file's own keys count, never Object.prototype's.
  const sentIn = new Map(Object.entries(sent));
  return clips.map((clip) => ({ ...clip, draftId: sentIn.get(clip.id) ?? (current?.clipIds.includes(clip.id) ? current.id : INBOX) }));
}

/** What `Contents.sent` says of stored clips. */
function sentOf(clips: readonly ClipRecord[], drafts: readonly Draft[]): Record<string, string> {
  const published = new Set(drafts.filter((draft) => draft.publishedAt).map((draft) => draft.id));
  return Object.fromEntries(clips.filter((clip) => published.has(clip.draftId)).map((clip) => [clip.id, clip.draftId]));
}

/**
 * Where the clips of older contents (without `sent`) sit. Its drafts said it alone: a clip is in
 * the current draft that lists it, else with the latest issue that lists it and was sent after the
 * clip's last change, else in the inbox (a thread clipped again after its issue was sent).
 */
function placeOlderClips(clips: readonly Clip[], drafts: readonly Draft[]): ClipRecord[] {
  const current = drafts.find((draft) => !draft.publishedAt);
  const issues = drafts.flatMap((draft) => (draft.publishedAt ? [{ draft, publishedAt: draft.publishedAt }] : []));
  issues.sort((a, b) => byInstant(b.publishedAt, a.publishedAt));
  return clips.map((clip) => {
    if (current?.clipIds.includes(clip.id)) return { ...clip, draftId: current.id };
    const sentIn = issues.find(({ draft, publishedAt }) => draft.clipIds.includes(clip.id) && byInstant(clip.updatedAt, publishedAt) <= 0);
    return { ...clip, draftId: sentIn?.draft.id ?? INBOX };
  });
}

/** Older contents brought up to date as an older database is (`upgradeContents`): ids in any case, sent issues without copies. */
function upgradeOlderContents(older: Omit<Contents, 'sent'>): Contents {
  // Checked before the upgrade, which would make one clip of two with the same id.
  const seen = new Map<string, number>();
  older.clips.forEach((clip, index) => {
    const expected = clipIdOf(clip);
    if (clip.id.toLowerCase() !== expected) fail(`clips[${index}].id`, 'invalidClipId', JSON.stringify(expected));
    const earlier = seen.get(clip.id);
    if (earlier !== undefined) fail(`clips[${index}].id`, 'invalidNotUnique', JSON.stringify(clip.id), `clips[${earlier}]`);
    seen.set(clip.id, index);
  });
  const { clips, drafts } = upgradeContents(placeOlderClips(older.clips, older.drafts), older.drafts);
  return { clips: clips.map(toClip), drafts, sent: sentOf(clips, drafts) };
}

/**
 * Contents from outside (a backup), checked against `checkStoreInvariants` as the store would hold
 * them; contents without `sent` (older versions) are first brought up to date as an older database
 * is. Throws an `InvalidData` naming the first problem, with a path into the contents.
 */
export function checkContents({ clips, drafts, sent }: Omit<Contents, 'sent'> & Partial<Pick<Contents, 'sent'>>): Contents {
  const contents = sent ? { clips, drafts, sent } : upgradeOlderContents({ clips, drafts });
  checkStoreInvariants(placedClips(contents), contents.drafts);
  const ids = new Set(contents.clips.map((clip) => clip.id));
  for (const id of Object.keys(contents.sent)) {
    if (!ids.has(id)) fail(`sent[${JSON.stringify(id)}]`, 'invalidSentUnknownClip');
  }
  return contents;
}

const isEmptyDraft = (draft: Draft) => !draft.clipIds.length && !draft.intro.trim() && !draft.outro?.trim();

interface DraftPlan {
  /** Every draft as it should be stored afterwards, by id. */
  drafts: Map<string, Draft>;
  /** Clips of the backup's current draft appended to ours. */
  appended: string[];
}

/**
 * The drafts after an import, decided without touching the database.
 * - Drafts merge by id: the backup's version wins (drafts have no `updatedAt`), except that a draft
 *   published here is never replaced by an unpublished copy of it: publishing is final.
 * - One current draft: when both sides have one, ours stays current. If ours is still empty (no
 *   clips, no intro or outro: a fresh install, typically) it is dropped and the backup's takes its place;
 *   otherwise the backup's clips are appended to ours and the backup's current draft is not stored.
 */
function planDrafts(localDrafts: ReadonlyMap<string, Draft>, incoming: readonly Draft[]): DraftPlan {
  const drafts = new Map(localDrafts);
  for (const draft of incoming) {
    if (!(localDrafts.get(draft.id)?.publishedAt && !draft.publishedAt)) drafts.set(draft.id, draft);
  }

  const currents = [...drafts.values()].filter((draft) => !draft.publishedAt);
  const ours = currents.find((draft) => localDrafts.has(draft.id));
  const theirs = currents.find((draft) => !localDrafts.has(draft.id));
  let appended: string[] = [];
  if (ours && theirs && isEmptyDraft(ours)) {
    drafts.delete(ours.id);
  } else if (ours && theirs) {
    appended = theirs.clipIds.filter((id) => !ours.clipIds.includes(id));
    drafts.set(ours.id, { ...ours, clipIds: [...ours.clipIds, ...appended] });
    drafts.delete(theirs.id);
  }
  return { drafts, appended };
}

/**
 * Merges a checked backup into the database, in the caller's transaction, leaving it as
 * `checkStoreInvariants` requires. Clips merge by id: the backup's version replaces ours only when
 * its `updatedAt` is a later moment. Drafts merge as `planDrafts` says. A clip sent in an issue
 * stays with it unless the other side clipped it again later; otherwise it is in the current draft
 * if that lists it, else in the inbox. Every clip whose place changes is rewritten.
 */
async function mergeContents(tx: StoreTx<'readwrite'>, backup: Contents): Promise<MergeReport> {
  const clipStore = tx.objectStore('clips');
  const report = { added: { clips: 0, drafts: 0 }, updated: { clips: 0, drafts: 0 }, unchanged: { clips: 0, drafts: 0 }, foldedIntoCurrent: 0 };

  const theirs = new Map(placedClips(backup).map((clip) => [clip.id, clip]));
  const localDrafts = new Map((await readDrafts(tx)).map((draft) => [draft.id, draft]));
  const { drafts, appended } = planDrafts(localDrafts, backup.drafts);
  // Our clips that may move: those the backup has too, and those of our drafts that change or go.
  const changing = [...localDrafts.values()].filter((local) => !same(local, drafts.get(local.id)));
  const byDraft = clipStore.index('by-draft');
  const [withTheirs, inChanging] = await Promise.all([
    Promise.all([...theirs.keys()].map((id) => clipStore.get(id))),
    Promise.all(changing.map((draft) => byDraft.getAll(IDBKeyRange.bound([draft.id], [draft.id, []])))),
  ]);
  const ours = new Map([...withTheirs, ...inChanging.flat()].filter((clip) => clip !== undefined).map((clip) => [clip.id, clip]));

  const current = [...drafts.values()].find((draft) => !draft.publishedAt);
  /** The published draft `clip` stays with, if the merged drafts still have it listing the clip. */
  const sentWith = (clip: ClipRecord | undefined): string | undefined => {
    const draft = clip && drafts.get(clip.draftId);
    return clip && draft?.publishedAt && draft.clipIds.includes(clip.id) ? draft.id : undefined;
  };
  const placed = new Map<string, { clip: ClipRecord; draftId: string; fromBackup: boolean }>();
  for (const id of new Set([...theirs.keys(), ...ours.keys()])) {
    const [local, incoming] = [ours.get(id), theirs.get(id)];
    // Positive when the backup's version is the later one; a tie keeps ours.
    const order = local && incoming ? byInstant(incoming.updatedAt, local.updatedAt) : incoming ? 1 : -1;
    const sent = (order <= 0 ? sentWith(local) : undefined) ?? (order >= 0 ? sentWith(incoming) : undefined);
    const draftId = sent ?? (current?.clipIds.includes(id) ? current.id : INBOX);
    if (incoming && order > 0) placed.set(id, { clip: incoming, draftId, fromBackup: true });
    else if (local) placed.set(id, { clip: local, draftId, fromBackup: false });
    if (incoming) report[!local ? 'added' : order > 0 ? 'updated' : 'unchanged'].clips++;
  }
  if (current) {
    // A clip that stays sent gives up its place in the current draft.
    const kept = current.clipIds.filter((id) => (placed.get(id)?.draftId ?? current.id) === current.id);
    if (kept.length !== current.clipIds.length) drafts.set(current.id, { ...current, clipIds: kept });
  }
  report.foldedIntoCurrent = appended.filter((id) => placed.get(id)?.draftId === current?.id).length;

  const backupDraftIds = new Set(backup.drafts.map((draft) => draft.id));
  for (const id of localDrafts.keys()) {
    if (!drafts.has(id)) await deleteDraft(tx, id);
  }
  for (const [id, draft] of drafts) {
    const local = localDrafts.get(id);
    if (local && same(local, draft)) {
      if (backupDraftIds.has(id)) report.unchanged.drafts++;
      continue;
    }
    report[local ? 'updated' : 'added'].drafts++;
    await writeDraft(tx, draft);
  }
  for (const { clip, draftId, fromBackup } of placed.values()) {
    if (fromBackup || clip.draftId !== draftId) await clipStore.put({ ...clip, draftId });
  }
  return report;
}

export function createContentsStore(openDatabase: () => Promise<ClipperDB>): ContentsStore {
  const database = lazyDatabase(openDatabase);
  return {
    read: () =>
      inTransaction(database, 'readonly', async (tx) => {
        const clips = await tx.objectStore('clips').index('by-clippedAt').getAll();
        const drafts = await readDrafts(tx);
        return { clips: clips.map(toClip), drafts, sent: sentOf(clips, drafts) };
      }),
    merge: (contents) => inTransaction(database, 'readwrite', (tx) => mergeContents(tx, contents)),
  };
}
