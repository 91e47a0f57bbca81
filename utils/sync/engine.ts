/**
 * One round of syncing this browser's current draft with the team's shared weekly:
 * 1. record what changed here since the last round into the local copy of the document (offline,
 *    the store itself is the queue: the round after reconnecting records the whole difference);
 * 2. read the shared file, merge its document in, and write the union back over the `sha` read,
 *    reading and merging again whenever another browser wrote first;
 * 3. make the local draft what the merged document says, unless it changed here meanwhile.
 * Yjs does every merge; nothing here decides between two edits.
 */
import { LocalizedError } from '../errors';
import { same } from '../same';
import { StaleWrite, type RemoteFile } from '../github/repository-file';
import { formatSharedFile, parseSharedFile } from './shared-file';
import { decodeWeekly, encodeWeekly, hasEditsBeyond, mergeWeekly, readWeekly, recordLocalChanges, type SharedWeekly } from './weekly-doc';

/** What this browser keeps between rounds. */
export interface SyncMemory {
  /** The local copy of the document, as of the last round. */
  document: Uint8Array;
  /** The weekly as the store held it after the last round: what the next round compares against. */
  synced: SharedWeekly;
}

export interface SyncPorts<W extends SharedWeekly> {
  local: {
    read(): Promise<W>;
    /** False when the store changed since `expected` (nothing written). */
    adopt(weekly: W, expected: W): Promise<boolean>;
  };
  remote: {
    /** Where the file is, for messages (`owner/repo:path`). */
    where: string;
    read(): Promise<RemoteFile | undefined>;
    write(text: string, sha: string | undefined, message: string): Promise<string>;
  };
  memory: {
    load(): Promise<SyncMemory | undefined>;
    save(memory: SyncMemory): Promise<void>;
  };
}

export interface SyncResult {
  /** Whether the shared file was written this round (not when it already held everything). */
  wrote: boolean;
  /** False when the local draft changed during the round: the next round brings it in. */
  adopted: boolean;
  /** Clips now in the shared weekly. */
  clips: number;
}

/** Writes give up after this many stale `sha`s in a row: other browsers are writing faster than this one merges. */
export const MAX_STALE_WRITES = 5;

/** How many things differ between two views: draft fields, clips added, removed or changed, and the order. */
export function countChanges(before: SharedWeekly | undefined, after: SharedWeekly): number {
  if (!before) return Object.keys(after.draft).length + after.clips.length;
  const fields = new Set([...Object.keys(before.draft), ...Object.keys(after.draft)]);
  let count = [...fields].filter((key) => before.draft[key] !== after.draft[key]).length;
  const old = new Map(before.clips.map((clip) => [clip.id, clip]));
  const ids = new Set(after.clips.map((clip) => clip.id));
  count += after.clips.filter((clip) => !same(old.get(clip.id), clip)).length;
  count += before.clips.filter((clip) => !ids.has(clip.id)).length;
  const commonBefore = before.clips.map((clip) => clip.id).filter((id) => ids.has(id));
  const commonAfter = after.clips.map((clip) => clip.id).filter((id) => old.has(id));
  if (!same(commonBefore, commonAfter)) count += 1;
  return count;
}

/**
 * Changes made here since the last round, not yet in the shared file. The store itself is the queue:
 * offline, nothing else needs keeping, and the next round records the difference.
 */
export async function waitingChanges<W extends SharedWeekly>({ local, memory }: Pick<SyncPorts<W>, 'local' | 'memory'>): Promise<number> {
  const remembered = await memory.load();
  return countChanges(remembered?.synced, await local.read());
}

/** Clips new since the last round, signed by `login` where nobody signed them yet. */
function signNewClips<W extends SharedWeekly>(weekly: W, synced: SharedWeekly | undefined, login: string | undefined): W {
  if (!login) return weekly;
  const known = new Set(synced?.clips.map((clip) => clip.id));
  return { ...weekly, clips: weekly.clips.map((clip) => (known.has(clip.id) || clip.clippedBy ? clip : { ...clip, clippedBy: login })) };
}

export interface SyncOptions {
  /** The commit message of a write. */
  message: string;
  /** Who this browser syncs as: clips new here are recorded as clipped by them. */
  login?: string;
}

export async function syncOnce<W extends SharedWeekly>({ local, remote, memory }: SyncPorts<W>, { message, login }: SyncOptions): Promise<SyncResult> {
  const remembered = await memory.load();
  const current = await local.read();
  const signed = signNewClips(current, remembered?.synced, login);
  let file = await remote.read();
  let doc = decodeWeekly(remembered?.document);
  if (remembered) {
    recordLocalChanges(doc, remembered.synced, signed);
  } else {
    // Joining: the team's issue keeps its title, date and intro; this browser's clips join it.
    if (file) doc = decodeWeekly(parseSharedFile(file.text, remote.where));
    recordLocalChanges(doc, file ? { draft: signed.draft, clips: [] } : undefined, signed);
  }

  let wrote = false;
  for (let attempt = 1; ; attempt += 1) {
    if (file) {
      const theirs = parseSharedFile(file.text, remote.where);
      mergeWeekly(doc, theirs);
      if (!hasEditsBeyond(doc, theirs)) break;
    }
    try {
      await remote.write(formatSharedFile(doc, encodeWeekly(doc)), file?.sha, message);
      wrote = true;
      break;
    } catch (error) {
      if (!(error instanceof StaleWrite)) throw error;
      if (attempt >= MAX_STALE_WRITES) throw new LocalizedError('syncKeptChanging', [remote.where], { cause: error });
      file = await remote.read();
    }
  }

  const merged = readWeekly(doc) as W;
  const adopted = await local.adopt(merged, current);
  // Until the merged weekly is in the store, the next round compares against what the store still holds.
  await memory.save({ document: encodeWeekly(doc), synced: adopted ? merged : current });
  return { wrote, adopted, clips: merged.clips.length };
}
