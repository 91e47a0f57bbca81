import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Clip, Draft } from '../model';

export const DB_NAME = 'weekly-clipper';
export const DB_VERSION = 2;

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
    value: Draft;
    /** Only published drafts have `publishedAt`, so only they are in the index: it is the history. */
    indexes: { 'by-publishedAt': string };
  };
}

export type ClipperDB = IDBPDatabase<ClipperSchema>;

/** Every transaction that changes placement spans both stores, so one scope type serves them all. */
export const STORES = ['clips', 'drafts'] as const;
export type StoreTx<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<ClipperSchema, typeof STORES, Mode>;

/**
 * Opens the extension's database. It belongs to the extension origin: the background writes it, the
 * popup and options pages read it; a content script must never open it (it would get github.com's).
 */
export function openClipperDB(name = DB_NAME): Promise<ClipperDB> {
  return openDB<ClipperSchema>(name, DB_VERSION, {
    // Cumulative: each block brings a database of any older version one step forward.
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const clips = db.createObjectStore('clips', { keyPath: 'id' });
        clips.createIndex('by-clippedAt', 'clippedAt');
      }
      if (oldVersion < 2) {
        const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
        drafts.createIndex('by-publishedAt', 'publishedAt');
        const clips = transaction.objectStore('clips');
        clips.createIndex('by-draft', ['draftId', 'clippedAt']);
        // Clips saved before drafts existed were chosen for no issue yet: they wait in the inbox
        // rather than being put into a draft the user never assembled. The cursor keeps the
        // versionchange transaction alive until the last one is written.
        (async () => {
          for (let cursor = await clips.openCursor(); cursor; cursor = await cursor.continue()) {
            await cursor.update({ ...cursor.value, draftId: INBOX });
          }
        })().catch(() => {
          // A failed write aborts the upgrade, and openDB rejects with its error: nothing to add.
        });
      }
    },
  });
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
