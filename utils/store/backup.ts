/**
 * Backups: everything (clips, drafts, settings) as one JSON document, and its import, which checks
 * the whole file before it writes anything and then merges it in one transaction.
 */
import { ClipperError } from '../errors';
import { clipId, type Clip, type Draft } from '../model';
import { getSettings, setSettings, settingsGuard, type Settings } from '../settings';
import { INBOX, lazyDatabase, toClip, type ClipperDB, type ClipRecord, type StoreTx } from './db';
import { inTransaction } from './transaction';
import {
  arrayOf,
  day,
  fail,
  InvalidData,
  literal,
  nonEmptyString,
  object,
  oneOf,
  optional,
  positiveInteger,
  repoName,
  string,
  timestamp,
  webUrl,
} from './validate';

export const BACKUP_FORMAT = 'weekly-clipper-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 */
  exportedAt: string;
  clips: Clip[];
  drafts: Draft[];
  settings: Settings;
}

export interface Counts {
  clips: number;
  drafts: number;
}

export interface ImportReport {
  /** In the backup, not here before. */
  added: Counts;
  /** Changed here: a clip the backup had a newer version of; a draft the backup changed (or that gave up a clip, see `planDrafts`). */
  updated: Counts;
  /** In the backup and kept as they were here (the same, or newer here). */
  unchanged: Counts;
  /** Clips of the backup's current draft appended to this browser's, which stays the one current draft. */
  foldedIntoCurrent: number;
  settingsChanged: boolean;
}

export interface BackupStore {
  /** Everything, ready for `JSON.stringify`. */
  export(): Promise<Backup>;
  /** Checks the backup file's text, then merges it (see `mergeBackup` and `planDrafts`); rejects, changing nothing, when the file is not a valid backup. */
  import(text: string): Promise<ImportReport>;
}

/** `weekly-clipper-backup-2023-01-06.json` */
export function backupFileName(date: Date): string {
  return `weekly-clipper-backup-${date.toISOString().slice(0, 10)}.json`;
}

const post = object({ author: string, markdown: string, url: webUrl });

const clipGuard = object({
  id: nonEmptyString,
  repo: repoName,
  number: positiveInteger,
  kind: oneOf(['issue', 'pull', 'discussion']),
  url: webUrl,
  title: string,
  question: post,
  answer: optional(post),
  labels: arrayOf(string),
  clippedAt: timestamp,
  updatedAt: timestamp,
});

const draftGuard = object({
  id: nonEmptyString,
  title: string,
  date: day,
  clipIds: arrayOf(nonEmptyString),
  intro: string,
  publishedAt: optional(timestamp),
  sentClips: optional(arrayOf(clipGuard)),
});

const backupGuard = object({
  format: literal(BACKUP_FORMAT),
  version: literal(BACKUP_VERSION),
  exportedAt: timestamp,
  clips: arrayOf(clipGuard),
  drafts: arrayOf(draftGuard),
  settings: settingsGuard,
});

/** What the field checks cannot see: ids that must agree with each other across the file. */
function checkConsistency({ clips, drafts }: Backup): void {
  const clipIndex = new Map<string, number>();
  clips.forEach((clip, index) => {
    const expected = clipId(clip.repo, clip.number);
    if (clip.id !== expected) fail(`clips[${index}].id`, `must be ${JSON.stringify(expected)} (its repo and number)`);
    const earlier = clipIndex.get(clip.id);
    if (earlier !== undefined) fail(`clips[${index}].id`, `must be unique, but ${JSON.stringify(clip.id)} is also clips[${earlier}]`);
    clipIndex.set(clip.id, index);
  });
  const draftIndex = new Map<string, number>();
  const holder = new Map<string, number>();
  let current: number | undefined;
  drafts.forEach((draft, index) => {
    const earlier = draftIndex.get(draft.id);
    if (earlier !== undefined) fail(`drafts[${index}].id`, `must be unique, but ${JSON.stringify(draft.id)} is also drafts[${earlier}]`);
    draftIndex.set(draft.id, index);
    if (!draft.publishedAt) {
      if (current !== undefined) fail(`drafts[${index}]`, `is a second unpublished draft (drafts[${current}] is one); only one may be current`);
      current = index;
    }
    draft.clipIds.forEach((id, position) => {
      const path = `drafts[${index}].clipIds[${position}]`;
      if (!clipIndex.has(id)) fail(path, `must be the id of a clip in the backup, but ${JSON.stringify(id)} is not`);
      const other = holder.get(id);
      if (other !== undefined) fail(path, `must name a clip in no other draft, but ${JSON.stringify(id)} is ${other === index ? 'listed twice here' : `also in drafts[${other}]`}`);
      holder.set(id, index);
    });
  });
}

/**
 * The backup in `text`, fully checked; throws a `ClipperError` saying what is wrong
 * (`… clips[3].number must be a number.`) otherwise. Unknown extra fields are dropped.
 */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ClipperError('This file is not a Weekly Clipper backup: it is not JSON.');
  }
  const marked = typeof data === 'object' && data !== null && 'format' in data ? data : undefined;
  if (marked?.format !== BACKUP_FORMAT) throw new ClipperError(`This file is not a Weekly Clipper backup: it has no "format": "${BACKUP_FORMAT}".`);
  if ('version' in marked && typeof marked.version === 'number' && marked.version > BACKUP_VERSION) {
    throw new ClipperError(`This backup was made by a newer Weekly Clipper (backup version ${marked.version}); update the extension to import it.`);
  }
  try {
    const backup = backupGuard(data, '');
    checkConsistency(backup);
    return backup;
  } catch (error) {
    if (error instanceof InvalidData) throw new ClipperError(`This backup was not imported: ${error.message}.`, { cause: error });
    throw error;
  }
}

/** Structural equality of stored data (JSON-like values; an undefined field counts as absent). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((each, index) => same(each, b[index]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const entries = (value: object) => Object.entries(value).filter(([, each]) => each !== undefined);
  const left = entries(a);
  const right = new Map(entries(b));
  return left.length === right.size && left.every(([key, each]) => right.has(key) && same(each, right.get(key)));
}

const isEmptyDraft = (draft: Draft) => !draft.clipIds.length && !draft.intro.trim();

/** Which draft keeps a clip that two drafts claim: the earliest published issue, and the current draft last. */
function byPrecedence(a: Draft, b: Draft): number {
  if (!a.publishedAt || !b.publishedAt) return a.publishedAt ? -1 : b.publishedAt ? 1 : 0;
  return a.publishedAt.localeCompare(b.publishedAt);
}

interface DraftPlan {
  /** Every draft as it should be stored afterwards, by id. */
  drafts: Map<string, Draft>;
  /** The draft each placed clip ends up in. */
  placement: Map<string, string>;
  /** How many clips of the backup's current draft were appended to ours. */
  folded: number;
}

/**
 * The drafts after an import, decided without touching the database.
 * - Drafts merge by id: the backup's version wins (drafts have no `updatedAt`), except that a draft
 *   published here is never replaced by an unpublished copy of it: publishing is final.
 * - One current draft: when both sides have one, ours stays current. If ours is still empty (no
 *   clips, no intro: a fresh install, typically) it is dropped and the backup's takes its place;
 *   otherwise the backup's clips are appended to ours and the backup's current draft is not stored.
 * - A clip claimed by two drafts stays in the earliest published one (the current draft gives way
 *   to any published one) and leaves the others.
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

  const placement = new Map<string, string>();
  for (const draft of [...drafts.values()].sort(byPrecedence)) {
    const kept = draft.clipIds.filter((id) => !placement.has(id));
    kept.forEach((id) => placement.set(id, draft.id));
    if (kept.length !== draft.clipIds.length) drafts.set(draft.id, { ...draft, clipIds: kept });
  }
  return { drafts, placement, folded: appended.filter((id) => placement.get(id) === ours?.id).length };
}

/**
 * Merges a checked backup into the database, in the caller's transaction. Clips merge by id, and
 * the backup's version replaces ours only when its `updatedAt` is newer; drafts as `planDrafts`
 * says. Every clip whose draft changed is rewritten so its `draftId` follows.
 */
async function mergeBackup(tx: StoreTx<'readwrite'>, backup: Backup): Promise<Omit<ImportReport, 'settingsChanged'>> {
  const clipStore = tx.objectStore('clips');
  const draftStore = tx.objectStore('drafts');
  const report = { added: { clips: 0, drafts: 0 }, updated: { clips: 0, drafts: 0 }, unchanged: { clips: 0, drafts: 0 }, foldedIntoCurrent: 0 };

  const records = new Map<string, ClipRecord>();
  const locals = await Promise.all(backup.clips.map((clip) => clipStore.get(clip.id)));
  backup.clips.forEach((clip, index) => {
    const local = locals[index];
    if (local && clip.updatedAt <= local.updatedAt) {
      report.unchanged.clips++;
      return;
    }
    if (local) report.updated.clips++;
    else report.added.clips++;
    records.set(clip.id, { ...clip, draftId: local?.draftId ?? INBOX });
  });

  const localDrafts = new Map((await draftStore.getAll()).map((draft) => [draft.id, draft]));
  const { drafts, placement, folded } = planDrafts(localDrafts, backup.drafts);
  report.foldedIntoCurrent = folded;

  const touched = new Set(records.keys());
  const backupDraftIds = new Set(backup.drafts.map((draft) => draft.id));
  for (const [id, local] of localDrafts) {
    if (drafts.has(id)) continue;
    local.clipIds.forEach((clip) => touched.add(clip));
    await draftStore.delete(id);
  }
  for (const [id, draft] of drafts) {
    const local = localDrafts.get(id);
    if (local && same(local, draft)) {
      if (backupDraftIds.has(id)) report.unchanged.drafts++;
      continue;
    }
    if (local) report.updated.drafts++;
    else report.added.drafts++;
    [...(local?.clipIds ?? []), ...draft.clipIds].forEach((clip) => touched.add(clip));
    await draftStore.put(draft);
  }

  for (const id of touched) {
    const record = records.get(id) ?? (await clipStore.get(id));
    const draftId = placement.get(id) ?? INBOX;
    if (record && (records.has(id) || record.draftId !== draftId)) await clipStore.put({ ...record, draftId });
  }
  return report;
}

/** Settings from a backup: its choices win, lists and names merge by id and repo, and an unset target repo clears nothing. */
function mergeSettings(local: Settings, incoming: Settings): Settings {
  const templates = new Map(local.userTemplates.map((template) => [template.id, template]));
  incoming.userTemplates.forEach((template) => templates.set(template.id, template));
  return {
    templateId: incoming.templateId,
    userTemplates: [...templates.values()],
    projects: { ...local.projects, ...incoming.projects },
    targetRepo: incoming.targetRepo || local.targetRepo,
    addNewClipsToCurrentDraft: incoming.addNewClipsToCurrentDraft,
  };
}

export function createBackupStore(openDatabase: () => Promise<ClipperDB>, clock: () => Date = () => new Date()): BackupStore {
  const database = lazyDatabase(openDatabase);
  return {
    async export() {
      const [{ clips, drafts }, settings] = await Promise.all([
        inTransaction(database, 'readonly', async (tx) => ({
          clips: (await tx.objectStore('clips').index('by-clippedAt').getAll()).map(toClip),
          drafts: await tx.objectStore('drafts').getAll(),
        })),
        getSettings(),
      ]);
      return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: clock().toISOString(), clips, drafts, settings };
    },

    async import(text) {
      const backup = parseBackup(text);
      const report = await inTransaction(database, 'readwrite', (tx) => mergeBackup(tx, backup));
      // Settings live in browser.storage, outside the database's transaction: written once the data is in.
      const local = await getSettings();
      const merged = mergeSettings(local, backup.settings);
      const settingsChanged = !same(local, merged);
      if (settingsChanged) await setSettings(merged);
      return { ...report, settingsChanged };
    },
  };
}
