import { createBackupStore, type BackupStore } from './backup';
import { createClipStore, type ClipStore } from './clips';
import { lazyDatabase, openClipperDB, type ClipperDB } from './db';
import { createDraftStore, type DraftStore } from './drafts';

export interface Store {
  clips: ClipStore;
  drafts: DraftStore;
  backup: BackupStore;
}

/** Every store over one lazily opened connection: what the popup and options pages need. */
export function createStore(openDatabase: () => Promise<ClipperDB> = openClipperDB, clock: () => Date = () => new Date()): Store {
  const database = lazyDatabase(openDatabase);
  return {
    clips: createClipStore(database, clock),
    drafts: createDraftStore(database, clock),
    backup: createBackupStore(database, clock),
  };
}
