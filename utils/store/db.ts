import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type OpenDBCallbacks } from 'idb';
import { LocalizedError } from '../errors';
import type { MessageKey } from '../i18n';
import { clipIdOf, type Clip, type Draft } from '../model';
import { byInstant } from '../validation/values';

export const DB_NAME = 'weekly-clipper';
export const DB_VERSION = 5;

/** `ClipRecord.draftId` of a clip that waits in the inbox (placed in no draft). */
export const INBOX = '';

/**
 * A clip as stored. `draftId` mirrors `Draft.clipIds` (which alone says where a clip sits and in what
 * order) so that the inbox is one index range instead of a scan of every clip against every draft.
 * It never leaves the store: readers get plain `Clip`s.
 */
export interface ClipRecord extends Clip {
  /** The draft that holds the clip, or `INBOX`. */
  draftId: string;
}

/**
 * A draft as stored. A sent issue's copies of what it sent (`Draft.sentClips`) are kept apart, in
 * the `sentClips` store, so that listing the history reads none of them; `never` keeps a draft that
 * carries them from being written here.
 */
export type DraftRecord = Omit<Draft, 'sentClips'> & { sentClips?: never };

/** The copies a sent issue keeps of what it sent (`Draft.sentClips`), under the id. */
export interface SentClipsRecord {
  draftId: string;
  clips: Clip[];
}

/** A draft as the store keeps it: its record, and for a sent issue, apart, its copies. */
export function splitDraft({ sentClips, ...record }: Draft): { record: DraftRecord; copies?: SentClipsRecord } {
  return sentClips ? { record, copies: { draftId: record.id, clips: sentClips } } : { record };
}

/** The draft a record and its copies make: `splitDraft` undone. */
export function joinDraft(record: DraftRecord, copies: SentClipsRecord | undefined): Draft {
  return copies ? { ...record, sentClips: copies.clips } : record;
}

export interface ClipperSchema extends DBSchema {
  clips: {
    key: string;
    value: ClipRecord;
    indexes: {
      'by-clippedAt': string;
      /** [draftId, clippedAt]: the inbox, newest first, is a reverse range over [INBOX, …]. */
      'by-draft': [string, string];
    };
  };
  drafts: {
    key: string;
    value: DraftRecord;
    indexes: {
      /** Only published drafts have `publishedAt`, so only they are in the index: it is the history. */
      'by-publishedAt': string;
      /** Each id a draft lists (multiEntry): the sent issues a thread was in, without reading them all. */
      'by-clip': string;
    };
  };
  sentClips: {
    key: string;
    value: SentClipsRecord;
  };
}

export type ClipperDB = IDBPDatabase<ClipperSchema>;

/** Every transaction that changes placement spans every store, so one scope type serves them all. */
export const STORES = ['clips', 'drafts', 'sentClips'] as const;
export type StoreTx<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<ClipperSchema, typeof STORES, Mode>;

/**
 * Opens the extension's database. It belongs to the extension origin: the background writes it, the
 * popup and options pages read it; a content script must never open it (it would get github.com's).
 */
export function openClipperDB(name = DB_NAME): Promise<ClipperDB> {
  return unlessBlocked(name, (events) =>
    openDB<ClipperSchema>(name, DB_VERSION, {
      ...events,
      // Cumulative: each block brings a database of any older version one step forward.
      upgrade(db, oldVersion, _newVersion, transaction) {
        if (oldVersion < 1) {
          const clips = db.createObjectStore('clips', { keyPath: 'id' });
          clips.createIndex('by-clippedAt', 'clippedAt');
        }
        if (oldVersion < 2) {
          const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
          drafts.createIndex('by-publishedAt', 'publishedAt');
          transaction.objectStore('clips').createIndex('by-draft', ['draftId', 'clippedAt']);
        }
        if (oldVersion < 4) transaction.objectStore('drafts').createIndex('by-clip', 'clipIds', { multiEntry: true });
        if (oldVersion < 5) db.createObjectStore('sentClips', { keyPath: 'draftId' });
        // The data steps run in order, each on what the one before wrote. Awaiting only this
        // transaction's own requests keeps it open until the last write.
        (async () => {
          if (oldVersion < 2) await moveToInbox(transaction);
          if (oldVersion < 3) await rewriteContents(transaction);
          if (oldVersion < 5) await separateSentClips(transaction);
        })().catch(() => {
          // A failed request has aborted the upgrade already; any other failure must abort it too,
          // or the steps before it would be kept. openDB then rejects and the next open tries again.
          try {
            transaction.abort();
          } catch {
            // Already aborted.
          }
        });
      },
    }),
  );
}

/** How long an open may go on without a word before its caller is told why it waits. */
export const OPEN_WAIT_MS = 3000;

/** Databases that a newer version of the extension took over while this page had them open. */
const superseded = new Set<string>();
/**
 * Databases whose open still waits after its caller was told why, and what it was told: an open
 * meanwhile would wait in line behind it, unanswered.
 */
const waitingOpens = new Map<string, MessageKey>();

/**
 * Opens by `open`, failing with what to do instead of waiting when another page holds the database:
 * - `blocked`: our upgrade waits until every older page holding the database closes it, which an
 *   old version may never do by itself.
 * - No answer within `OPEN_WAIT_MS`: another page's open waits for that (only the first open in
 *   line hears `blocked`; the others wait behind it), or an upgrade is still rewriting the data.
 * - `blocking`: a newer version's upgrade waits for this page. Its connection closes at once so the
 *   upgrade can run, and every later open here says to reload the page, which runs the newer code.
 * A caller told to try again is told at once; the open itself goes on and completes once nothing
 * holds it, so the next open after that gets the upgraded database.
 */
function unlessBlocked(name: string, open: (events: Pick<OpenDBCallbacks<ClipperSchema>, 'blocked' | 'blocking'>) => Promise<ClipperDB>): Promise<ClipperDB> {
  if (superseded.has(name)) return Promise.reject(new LocalizedError('storeSuperseded'));
  const waiting = waitingOpens.get(name);
  if (waiting) return Promise.reject(new LocalizedError(waiting));
  return new Promise((resolve, reject) => {
    const giveUp = (why: MessageKey) => {
      waitingOpens.set(name, why);
      reject(new LocalizedError(why));
    };
    const timer = setTimeout(() => giveUp('storeBusy'), OPEN_WAIT_MS);
    const blocked = () => {
      clearTimeout(timer);
      giveUp('storeUpgradeBlocked');
    };
    const blocking = (_current: number, _newer: number | null, event: IDBVersionChangeEvent) => {
      superseded.add(name);
      (event.target as IDBDatabase).close(); // a versionchange event's target is the connection it asks to close
    };
    open({ blocked, blocking }).then(
      (db) => {
        clearTimeout(timer);
        if (!waitingOpens.delete(name)) return resolve(db);
        // Its caller was already told to try again.
        db.close();
      },
      (error: unknown) => {
        clearTimeout(timer);
        waitingOpens.delete(name);
        reject(error);
      },
    );
  });
}

type UpgradeTx = IDBPTransaction<ClipperSchema, (typeof STORES)[number][], 'versionchange'>;

/** A draft as versions before 5 stored it: a sent issue with its copies in the record. */
type DraftBeforeVersion5 = Draft;

/** Version 2: clips saved before drafts existed were chosen for no issue yet; they wait in the inbox rather than in a draft the user never assembled. */
async function moveToInbox(transaction: UpgradeTx): Promise<void> {
  const clips = transaction.objectStore('clips');
  for (let cursor = await clips.openCursor(); cursor; cursor = await cursor.continue()) {
    await cursor.update({ ...cursor.value, draftId: INBOX });
  }
}

/** Version 3: what `upgradeContents` says, written over everything stored. */
async function rewriteContents(transaction: UpgradeTx): Promise<void> {
  const clips = transaction.objectStore('clips');
  const drafts = transaction.objectStore('drafts');
  const upgraded = upgradeContents(await clips.getAll(), (await drafts.getAll()) as DraftBeforeVersion5[]);
  await Promise.all([clips.clear(), drafts.clear()]);
  // The copies go where version 5 keeps them (its store exists already: schema steps come first).
  const split = upgraded.drafts.map(splitDraft);
  await Promise.all([
    ...upgraded.clips.map((clip) => clips.put(clip)),
    ...split.map(({ record }) => drafts.put(record)),
    ...split.flatMap(({ copies }) => (copies ? [transaction.objectStore('sentClips').put(copies)] : [])),
  ]);
}

/** Version 5: each sent issue's copies of what it sent move out of its record, into the `sentClips` store. */
async function separateSentClips(transaction: UpgradeTx): Promise<void> {
  const copies = transaction.objectStore('sentClips');
  const drafts = transaction.objectStore('drafts');
  for (let cursor = await drafts.openCursor(); cursor; cursor = await cursor.continue()) {
    const { record, copies: sent } = splitDraft(cursor.value as DraftBeforeVersion5);
    if (sent) await Promise.all([copies.put(sent), cursor.update(record)]);
  }
}

const inIsoForm = (time: string) => {
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? time : new Date(parsed).toISOString();
};

function upgradeClip<C extends Clip>(clip: C): C {
  return { ...clip, id: clipIdOf(clip), clippedAt: inIsoForm(clip.clippedAt), updatedAt: inIsoForm(clip.updatedAt) };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(key(item))) return false;
    seen.add(key(item));
    return true;
  });
}

/**
 * Clips and drafts as an older version wrote them, brought to what `checkStoreInvariants` requires;
 * the database upgrade and the import of an older backup share it. It only repairs what older
 * versions wrote: anything else is left for the invariants to report.
 * - Ids are made from the lowercased repository (see `clipId`). Clips of one thread whose ids
 *   differed only in case become one: the newer by `updatedAt`, clipped when the first was. It is
 *   in the current draft, at the first place either had, if either was there, else where the newer
 *   one was.
 * - A sent issue keeps copies of what it sent (made from the stored clips for issues sent before
 *   copies were kept) and lists exactly their ids: older versions took a clip deleted after
 *   sending out of the list, and put one back into it on undo.
 * - A clip that claims a draft which does not list it waits in the inbox.
 * - Timestamps are written as `Date#toISOString` writes them.
 */
export function upgradeContents(clips: readonly ClipRecord[], drafts: readonly Draft[]): { clips: ClipRecord[]; drafts: Draft[] } {
  const stored = new Map(clips.map((clip) => [clip.id, clip]));
  const upgradedDrafts = drafts.map((draft): Draft => {
    // An old id is `${repo}#${number}`: lowercased, it is the new one.
    if (!draft.publishedAt)
      return {
        ...draft,
        clipIds: uniqueBy(
          draft.clipIds.map((id) => id.toLowerCase()),
          (id) => id,
        ),
      };
    const sent =
      draft.sentClips ??
      draft.clipIds.flatMap((id) => {
        const clip = stored.get(id);
        return clip ? [toClip(clip)] : [];
      });
    const sentClips = uniqueBy(sent.map(upgradeClip), (clip) => clip.id);
    return { ...draft, publishedAt: inIsoForm(draft.publishedAt), clipIds: sentClips.map((clip) => clip.id), sentClips };
  });

  const byId = new Map(upgradedDrafts.map((draft) => [draft.id, draft]));
  const inCurrent = new Map(upgradedDrafts.filter((draft) => !draft.publishedAt).flatMap((draft) => draft.clipIds.map((id) => [id, draft.id] as const)));
  const threads = new Map<string, ClipRecord[]>();
  for (const clip of clips.map(upgradeClip)) threads.set(clip.id, [...(threads.get(clip.id) ?? []), clip]);
  const upgradedClips = [...threads.values()].map((versions) => {
    const newest = versions.reduce((kept, clip) => (byInstant(clip.updatedAt, kept.updatedAt) > 0 ? clip : kept));
    const first = versions.reduce((kept, clip) => (byInstant(clip.clippedAt, kept.clippedAt) < 0 ? clip : kept));
    const claimed = byId.get(newest.draftId);
    const draftId = inCurrent.get(newest.id) ?? (claimed?.clipIds.includes(newest.id) ? claimed.id : INBOX);
    return { ...newest, clippedAt: first.clippedAt, draftId };
  });
  return { clips: upgradedClips, drafts: upgradedDrafts };
}

/**
 * Opens the database on first use and reuses the promise, so a background worker woken for one
 * message pays nothing before it needs to. A failed open is forgotten so the next call tries again;
 * so is a connection the browser closed, or one a newer version of the extension asks to give up.
 */
export function lazyDatabase(open: () => Promise<ClipperDB>): () => Promise<ClipperDB> {
  let opened: Promise<ClipperDB> | undefined;
  const forget = () => (opened = undefined);
  return () =>
    (opened ??= open().then(
      (db) => {
        db.addEventListener('close', forget);
        db.addEventListener('versionchange', () => {
          db.close();
          forget();
        });
        return db;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    ));
}

/** A stored clip as readers see it: without the store's own bookkeeping. */
export function toClip({ draftId: _placement, ...clip }: ClipRecord): Clip {
  return clip;
}
