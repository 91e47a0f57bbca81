import { createClipStore, type ClipStore } from './clips';
import { createContentsStore, type ContentsStore } from './contents';
import { lazyDatabase, openClipperDB, type ClipperDB } from './db';
import { createDraftStore, type DraftStore } from './drafts';

export interface Store {
  clips: ClipStore;
  drafts: DraftStore;
  contents: ContentsStore;
}

/** Every store over one lazily opened connection: what the popup and options pages need. */
export function createStore(openDatabase: () => Promise<ClipperDB> = openClipperDB, clock: () => Date = () => new Date()): Store {
  const database = lazyDatabase(openDatabase);
  return {
    clips: createClipStore(database, clock),
    drafts: createDraftStore(database, clock),
    contents: createContentsStore(database),
  };
}
