/**
 * Whole drafts in and out of the store, inside a caller's transaction. A sent issue is kept in two
 * records (see `DraftRecord`): these read and write both, so whatever takes or gives a `Draft`
 * gets it with its copies.
 */
import type { Draft } from '../model';
import { joinDraft, splitDraft, type StoreTx } from './db';

/** The draft `id`, a sent issue with its copies. */
export async function readDraft(tx: StoreTx, id: string): Promise<Draft | undefined> {
  const [record, copies] = await Promise.all([tx.objectStore('drafts').get(id), tx.objectStore('sentClips').get(id)]);
  return record && joinDraft(record, copies);
}

/** Every draft, in id order, the sent issues with their copies. */
export async function readDrafts(tx: StoreTx): Promise<Draft[]> {
  const [records, copies] = await Promise.all([tx.objectStore('drafts').getAll(), tx.objectStore('sentClips').getAll()]);
  const byDraft = new Map(copies.map((sent) => [sent.draftId, sent]));
  return records.map((record) => joinDraft(record, byDraft.get(record.id)));
}

/**
 * Writes `draft`, and keeps its copies in step: a sent issue's are written when it brings them, and
 * kept when it does not (one read from the history and written back); a draft not sent keeps none.
 */
export async function writeDraft(tx: StoreTx<'readwrite'>, draft: Draft): Promise<void> {
  const { record, copies } = splitDraft(draft);
  const sentClips = tx.objectStore('sentClips');
  const writes: Promise<unknown>[] = [tx.objectStore('drafts').put(record)];
  if (copies) writes.push(sentClips.put(copies));
  else if (!draft.publishedAt) writes.push(sentClips.delete(draft.id));
  await Promise.all(writes);
}

/** Deletes the draft `id` and any copies it kept. */
export async function deleteDraft(tx: StoreTx<'readwrite'>, id: string): Promise<void> {
  await Promise.all([tx.objectStore('drafts').delete(id), tx.objectStore('sentClips').delete(id)]);
}
