/**
 * Backups: everything (clips, drafts, settings) as one JSON document, and its import, which checks
 * the whole file against the store's own invariants before it writes anything, then merges it all
 * or nothing.
 */
import { optional, type InferOutput } from 'valibot';
import { clipIdOf, type Clip, type Draft } from '../model';
import { clipSchema, draftSchema } from '../model/schemas';
import { SaidError, substitutionOf } from '../said-error';
import { getSettings, setSettings, settingsSchema, type Settings } from '../settings';
import { check, fail, InvalidData } from '../validation/check';
import { byInstant, list, literal, nonEmptyString, object, record, timestamp } from '../validation/values';
import { INBOX, lazyDatabase, toClip, upgradeContents, type ClipperDB, type ClipRecord, type StoreTx } from './db';
import { checkStoreInvariants } from './invariants';
import { inTransaction } from './transaction';

export const BACKUP_FORMAT = 'weekly-clipper-backup';
export const BACKUP_VERSION = 1;

/** A backup file as this version writes it, and older ones (without `sent`) were. */
const backupFileSchema = object({
  format: literal(BACKUP_FORMAT),
  version: literal(BACKUP_VERSION),
  /** ISO 8601 */
  exportedAt: timestamp,
  clips: list(clipSchema),
  drafts: list(draftSchema),
  /**
   * Clips sent in an issue and not clipped again since, by id, with the id of that published
   * draft: they wait neither in the inbox nor in the current draft. (A published draft's `clipIds`
   * name its own copies, so they cannot say this.) Backups of older versions lack it.
   */
  sent: optional(record(nonEmptyString, nonEmptyString)),
  settings: settingsSchema,
});

/** A backup as this version writes it: older ones are brought up to it when they are read (`parseBackup`). */
export type Backup = Required<InferOutput<typeof backupFileSchema>>;

export interface Counts {
  clips: number;
  drafts: number;
}

export interface ImportReport {
  /** In the backup, not here before. */
  added: Counts;
  /** Changed here: a clip the backup had a newer version of; a draft the backup changed (or whose clip stays sent, see `mergeBackup`). */
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
  /**
   * Checks the backup file's text, then merges it (see `mergeBackup` and `planDrafts`); rejects,
   * changing nothing (settings included), when the file is not a valid backup or cannot be stored.
   */
  import(text: string): Promise<ImportReport>;
}

/** `weekly-clipper-backup-2023-01-06.json` */
export function backupFileName(date: Date): string {
  return `weekly-clipper-backup-${date.toISOString().slice(0, 10)}.json`;
}

/** The backup's clips as the store keeps them, each with its place. */
function placedClips({ clips, drafts, sent }: Backup): ClipRecord[] {
  const current = drafts.find((draft) => !draft.publishedAt);
  // A Map, so that only the file's own keys count, never Object.prototype's.
  const sentIn = new Map(Object.entries(sent));
  return clips.map((clip) => ({ ...clip, draftId: sentIn.get(clip.id) ?? (current?.clipIds.includes(clip.id) ? current.id : INBOX) }));
}

/** What `Backup.sent` says of stored clips. */
function sentOf(clips: readonly ClipRecord[], drafts: readonly Draft[]): Record<string, string> {
  const published = new Set(drafts.filter((draft) => draft.publishedAt).map((draft) => draft.id));
  return Object.fromEntries(clips.filter((clip) => published.has(clip.draftId)).map((clip) => [clip.id, clip.draftId]));
}

/**
 * Where the clips of an older backup (one without `sent`) sit. Its drafts said it alone: a clip is in
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

/** An older backup brought up to date as an older database is (`upgradeContents`): ids in any case, sent issues without copies. */
function upgradeOlderBackup(backup: Omit<Backup, 'sent'>): Backup {
  // Checked before the upgrade, which would make one clip of two with the same id.
  const seen = new Map<string, number>();
  backup.clips.forEach((clip, index) => {
    const expected = clipIdOf(clip);
    if (clip.id.toLowerCase() !== expected) fail(`clips[${index}].id`, 'invalidClipId', JSON.stringify(expected));
    const earlier = seen.get(clip.id);
    if (earlier !== undefined) fail(`clips[${index}].id`, 'invalidNotUnique', JSON.stringify(clip.id), `clips[${earlier}]`);
    seen.set(clip.id, index);
  });
  const { clips, drafts } = upgradeContents(placeOlderClips(backup.clips, backup.drafts), backup.drafts);
  return { ...backup, clips: clips.map(toClip), drafts, sent: sentOf(clips, drafts) };
}

/**
 * The backup in `text`, fully checked; throws a `SaidError` saying what is wrong
 * (`… clips[3].number must be a number.`) otherwise. Unknown extra fields are dropped, timestamps
 * come back as `Date#toISOString` writes them, and a backup of an older version comes back as this
 * version would have written it.
 */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SaidError('errorNotBackupJson');
  }
  const marked = typeof data === 'object' && data !== null && 'format' in data ? data : undefined;
  if (marked?.format !== BACKUP_FORMAT) throw new SaidError('errorNotBackupFormat', [BACKUP_FORMAT]);
  if ('version' in marked && typeof marked.version === 'number' && marked.version > BACKUP_VERSION) {
    throw new SaidError('errorBackupTooNew', [String(marked.version)]);
  }
  try {
    const { sent, ...fields } = check(backupFileSchema, data);
    const backup = sent ? { ...fields, sent } : upgradeOlderBackup(fields);
    checkStoreInvariants(placedClips(backup), backup.drafts);
    const ids = new Set(backup.clips.map((clip) => clip.id));
    for (const id of Object.keys(backup.sent)) {
      if (!ids.has(id)) fail(`sent[${JSON.stringify(id)}]`, 'invalidSentUnknownClip');
    }
    return backup;
  } catch (error) {
    if (error instanceof InvalidData) throw new SaidError('errorBackupNotImported', [substitutionOf(error)], { cause: error });
    throw error;
  }
}

/** Structural equality of stored data (JSON-like values; an undefined field counts as absent). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((each, index) => same(each, b[index]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const entries = (value: object) => Object.entries(value).filter(([, each]) => each !== undefined);
  const left = entries(a);
  const right = new Map(entries(b));
  return left.length === right.size && left.every(([key, each]) => right.has(key) && same(each, right.get(key)));
}

const isEmptyDraft = (draft: Draft) => !draft.clipIds.length && !draft.intro.trim();

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
 *   clips, no intro: a fresh install, typically) it is dropped and the backup's takes its place;
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
async function mergeBackup(tx: StoreTx<'readwrite'>, backup: Backup): Promise<Omit<ImportReport, 'settingsChanged'>> {
  const clipStore = tx.objectStore('clips');
  const draftStore = tx.objectStore('drafts');
  const report = { added: { clips: 0, drafts: 0 }, updated: { clips: 0, drafts: 0 }, unchanged: { clips: 0, drafts: 0 }, foldedIntoCurrent: 0 };

  const theirs = new Map(placedClips(backup).map((clip) => [clip.id, clip]));
  const localDrafts = new Map((await draftStore.getAll()).map((draft) => [draft.id, draft]));
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
    if (!drafts.has(id)) await draftStore.delete(id);
  }
  for (const [id, draft] of drafts) {
    const local = localDrafts.get(id);
    if (local && same(local, draft)) {
      if (backupDraftIds.has(id)) report.unchanged.drafts++;
      continue;
    }
    report[local ? 'updated' : 'added'].drafts++;
    await draftStore.put(draft);
  }
  for (const { clip, draftId, fromBackup } of placed.values()) {
    if (fromBackup || clip.draftId !== draftId) await clipStore.put({ ...clip, draftId });
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
          clips: await tx.objectStore('clips').index('by-clippedAt').getAll(),
          drafts: await tx.objectStore('drafts').getAll(),
        })),
        getSettings(),
      ]);
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: clock().toISOString(),
        clips: clips.map(toClip),
        drafts,
        sent: sentOf(clips, drafts),
        settings,
      };
    },

    async import(text) {
      const backup = parseBackup(text);
      // Settings live in browser.storage, which no database transaction covers. They are written
      // first: a refused write (storage.local's quota) stops the import before the database
      // changes, and if the database then refuses the backup, they are put back.
      const local = await getSettings();
      const merged = mergeSettings(local, backup.settings);
      const settingsChanged = !same(local, merged);
      if (settingsChanged) await setSettings(merged);
      try {
        const report = await inTransaction(database, 'readwrite', (tx) => mergeBackup(tx, backup));
        return { ...report, settingsChanged };
      } catch (error) {
        if (settingsChanged) await putSettingsBack(local, error);
        throw error;
      }
    },
  };
}

/** Undoes the settings half of a failed import; if even that fails, says that the settings did change. */
async function putSettingsBack(previous: Settings, cause: unknown): Promise<void> {
  try {
    await setSettings(previous);
  } catch (error) {
    throw new SaidError('errorBackupSettingsNotPutBack', [substitutionOf(cause), substitutionOf(error)], { cause });
  }
}
