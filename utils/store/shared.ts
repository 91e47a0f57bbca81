/**
 * The current draft as a team shares it, read from and written back to this browser's store. The
 * shared weekly is only the current draft's fields and its clips in order: the inbox and the sent
 * issues stay each browser's own.
 */
import type { Clip } from '../model';
import { same } from '../same';
import { INBOX, toClip, type ClipRecord, type ClipperDB, type DraftRecord, type StoreTx } from './db';
import { ensureCurrentDraft, findCurrentDraft } from './placement';
import { inTransaction } from './transaction';

/** The draft's fields a team writes together. */
export const SHARED_DRAFT_FIELDS = ['title', 'date', 'intro', 'outro'] as const;
export type SharedDraftField = (typeof SHARED_DRAFT_FIELDS)[number];

/** The current draft's shareable fields (a draft without an outro shares an empty one) and its clips, in order. */
export interface SharedView {
  draft: Record<SharedDraftField, string>;
  clips: Clip[];
}

export interface SharedDraftStore {
  /** The current draft (created if there is none) as the team shares it. */
  read(): Promise<SharedView>;
  /**
   * Makes the current draft what the team's weekly says, unless it changed here since `expected`
   * was read: resolves to false then and writes nothing, so an edit made meanwhile is never
   * overwritten (the next sync carries it). Clips that left the shared weekly go to the inbox.
   */
  adopt(weekly: SharedView, expected: SharedView): Promise<boolean>;
}

async function viewOf(tx: StoreTx, draft: DraftRecord): Promise<SharedView> {
  const records = await Promise.all(draft.clipIds.map((id) => tx.objectStore('clips').get(id)));
  const clips = records.filter((record): record is ClipRecord => record !== undefined).map(toClip);
  const fields = Object.fromEntries(SHARED_DRAFT_FIELDS.map((key) => [key, draft[key] ?? ''])) as SharedView['draft'];
  return { draft: fields, clips };
}

async function readShared(tx: StoreTx<'readwrite'>, now: Date): Promise<{ draft: DraftRecord; view: SharedView }> {
  const draft = await ensureCurrentDraft(tx, now);
  return { draft, view: await viewOf(tx, draft) };
}

export function createSharedDraftStore(database: () => Promise<ClipperDB>, clock: () => Date = () => new Date()): SharedDraftStore {
  return {
    // Read-only while there is a current draft: every write is announced, and the sync counts its
    // waiting changes after each announcement.
    read: async () =>
      (await inTransaction(database, 'readonly', async (tx) => {
        const draft = await findCurrentDraft(tx);
        return draft && viewOf(tx, draft);
      })) ?? inTransaction(database, 'readwrite', async (tx) => (await readShared(tx, clock())).view),
    adopt: (weekly, expected) =>
      inTransaction(database, 'readwrite', async (tx) => {
        const { draft, view } = await readShared(tx, clock());
        if (!same(view, expected)) return false;
        if (same(view, weekly)) return true;
        const clips = tx.objectStore('clips');
        const kept = new Set(weekly.clips.map((clip) => clip.id));
        const left = draft.clipIds.filter((id) => !kept.has(id));
        await Promise.all([
          ...weekly.clips.map((clip) => clips.put({ ...clip, draftId: draft.id })),
          ...left.map(async (id) => {
            const record = await clips.get(id);
            if (record) await clips.put({ ...record, draftId: INBOX });
          }),
        ]);
        await tx.objectStore('drafts').put({ ...draft, ...weekly.draft, clipIds: weekly.clips.map((clip) => clip.id) });
        return true;
      }),
  };
}
