/**
 * Where clips sit: the current draft, a published one, or the inbox. These helpers run inside a
 * caller's transaction and keep `Draft.clipIds` and `ClipRecord.draftId` in step.
 */
import { LocalizedError } from '../errors';
import { DEFAULT_DRAFT_TITLE, type IssueRef } from '../model';
import { INBOX, type ClipRecord, type DraftRecord, type StoreTx } from './db';

/** Where a clip was in a draft: what an undo needs to put it back. */
export interface Placement {
  draftId: string;
  index: number;
}

/** The calendar day of `date` where the user is (`2023-01-06`), the form `Draft.date` takes. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A week after `day`, or `today` if that is later: the next issue of a weekly, written late or not. */
export function nextIssueDay(day: string, today: string): string {
  const weekLater = new Date(`${day}T00:00:00Z`);
  weekLater.setUTCDate(weekLater.getUTCDate() + 7);
  const next = weekLater.toISOString().slice(0, 10);
  return next > today ? next : today;
}

/**
 * The one unpublished draft, if there is one. Published drafts are exactly the keys of the
 * `by-publishedAt` index, so the current one is found from keys alone, without reading the history.
 */
export async function findCurrentDraft(tx: StoreTx): Promise<DraftRecord | undefined> {
  const drafts = tx.objectStore('drafts');
  const [all, published] = await Promise.all([drafts.getAllKeys(), drafts.index('by-publishedAt').getAllKeys()]);
  const publishedIds = new Set(published);
  const current = all.filter((id) => !publishedIds.has(id));
  if (current.length <= 1) return current[0] === undefined ? undefined : drafts.get(current[0]);
  // Never written by this store (see backup.ts); if it happens anyway, pick deterministically.
  const candidates = (await Promise.all(current.map((id) => drafts.get(id)))).filter((draft) => draft !== undefined);
  return candidates.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))[0];
}

/** The latest sent issue that listed the thread `clipId`, read from the drafts' `by-clip` index alone. */
export async function latestIssueWith(tx: StoreTx, clipId: string): Promise<IssueRef | undefined> {
  const listing = await tx.objectStore('drafts').index('by-clip').getAll(clipId);
  const latest = listing
    .filter((draft): draft is DraftRecord & { publishedAt: string } => draft.publishedAt !== undefined)
    .reduce<(DraftRecord & { publishedAt: string }) | undefined>((kept, draft) => (kept && kept.publishedAt >= draft.publishedAt ? kept : draft), undefined);
  return latest && { title: latest.title, date: latest.date };
}

/** The most recently published draft, if any. */
async function latestPublished(tx: StoreTx): Promise<DraftRecord | undefined> {
  const cursor = await tx.objectStore('drafts').index('by-publishedAt').openCursor(null, 'prev');
  return cursor?.value;
}

/** A fresh, empty draft; it carries the previous issue's title, since a weekly keeps its name. */
export function newDraft(day: string, previous?: Pick<DraftRecord, 'title'>): DraftRecord {
  return { id: crypto.randomUUID(), title: previous?.title ?? DEFAULT_DRAFT_TITLE, date: day, clipIds: [], intro: '' };
}

/** The current draft, created when there is none (at most one can exist: writers are serialised). */
export async function ensureCurrentDraft(tx: StoreTx<'readwrite'>, now: Date): Promise<DraftRecord> {
  const current = await findCurrentDraft(tx);
  if (current) return current;
  const previous = await latestPublished(tx);
  const today = localDay(now);
  const draft = newDraft(previous ? nextIssueDay(previous.date, today) : today, previous);
  await tx.objectStore('drafts').put(draft);
  return draft;
}

/** `index` clamped into `0..length`, so a stale or out-of-range position still lands somewhere sensible. */
function clamp(index: number, length: number): number {
  if (Number.isNaN(index)) return length;
  return Math.min(Math.max(Math.trunc(index), 0), length);
}

/**
 * Takes the clip out of the draft that holds it and writes that draft. The caller writes the record
 * (moved to the inbox, to another draft, or deleted), so it can change more of it in the same put.
 * A published draft lists what it sent, as sent: it keeps its list whatever becomes of the clip.
 */
export async function detach(tx: StoreTx<'readwrite'>, record: ClipRecord): Promise<Placement | undefined> {
  if (record.draftId === INBOX) return undefined;
  const drafts = tx.objectStore('drafts');
  const draft = await drafts.get(record.draftId);
  const index = draft?.clipIds.indexOf(record.id) ?? -1;
  if (!draft || index < 0) return undefined;
  if (!draft.publishedAt) await drafts.put({ ...draft, clipIds: draft.clipIds.filter((id) => id !== record.id) });
  return { draftId: draft.id, index };
}

/**
 * Puts the clip at `index` in `draft` (moving it there if the draft already holds it) and writes
 * both. A clip held by another draft must be detached from it first.
 */
export async function attach(tx: StoreTx<'readwrite'>, record: ClipRecord, draft: DraftRecord, index = Infinity): Promise<DraftRecord> {
  const clipIds = draft.clipIds.filter((id) => id !== record.id);
  clipIds.splice(clamp(index, clipIds.length), 0, record.id);
  const placed = { ...draft, clipIds };
  await Promise.all([tx.objectStore('drafts').put(placed), tx.objectStore('clips').put({ ...record, draftId: draft.id })]);
  return placed;
}

/** The stored clip, or an error saying it is gone (another window may have deleted it). */
export async function requireClip(tx: StoreTx, id: string): Promise<ClipRecord> {
  const record = await tx.objectStore('clips').get(id);
  if (!record) throw new LocalizedError('clipGone', [id]);
  return record;
}
