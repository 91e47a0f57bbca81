import type { Draft } from '@/utils/model';
import { expect } from 'vitest';
import { joinDraft, type ClipperDB, type ClipRecord, type SentClipsRecord } from '@/utils/store/db';
import { checkStoreInvariants } from '@/utils/store/invariants';

export interface Contents {
  clips: ClipRecord[];
  drafts: Draft[];
}

/** Everything the database holds (clips with their placement, sent issues with their copies), in key order. */
export async function readContents(open: () => Promise<ClipperDB>): Promise<Contents> {
  const { clips, drafts } = await readStores(open);
  return { clips, drafts };
}

/** Throws, naming the broken rule, unless the database keeps the invariants a backup is checked against. */
export async function expectConsistent(open: () => Promise<ClipperDB>): Promise<void> {
  const { clips, drafts, copies } = await readStores(open);
  checkStoreInvariants(clips, drafts);
  // Copies are only ever a sent issue's: any others would be lost to every reader.
  const sent = new Set(drafts.filter((draft) => draft.publishedAt).map((draft) => draft.id));
  expect(copies.map((record) => record.draftId).filter((id) => !sent.has(id))).toEqual([]);
}

async function readStores(open: () => Promise<ClipperDB>): Promise<Contents & { copies: SentClipsRecord[] }> {
  const db = await open();
  try {
    const tx = db.transaction(['clips', 'drafts', 'sentClips']);
    const [clips, records, copies] = await Promise.all([
      tx.objectStore('clips').getAll(),
      tx.objectStore('drafts').getAll(),
      tx.objectStore('sentClips').getAll(),
    ]);
    const byDraft = new Map(copies.map((sent) => [sent.draftId, sent]));
    return { clips, drafts: records.map((record) => joinDraft(record, byDraft.get(record.id))), copies };
  } finally {
    db.close();
  }
}
