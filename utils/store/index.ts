import { databaseChanges, type ChangeFeed } from './changes';
import { createClipStore, type ClipStore } from './clips';
import { createContentsStore, type ContentsStore } from './contents';
import { lazyDatabase, openClipperDB, type ClipperDB } from './db';
import { createDraftStore, type DraftStore } from './drafts';
import { createSharedDraftStore, type SharedDraftStore } from './shared';

export interface Store {
  clips: ClipStore;
  drafts: DraftStore;
  contents: ContentsStore;
  /** The current draft as a team shares it (see sync/). */
  shared: SharedDraftStore;
  /** Every committed change to this database, from this page or any other context of the extension. */
  changes: ChangeFeed;
}

/** Every store over one lazily opened connection: what the popup and options pages need. */
export function createStore(openDatabase: () => Promise<ClipperDB> = openClipperDB, clock: () => Date = () => new Date()): Store {
  const changes = databaseChanges();
  const database = lazyDatabase(async () => {
    const db = await openDatabase();
    changes.follow(db.name);
    return db;
  });
  return {
    clips: createClipStore(database, clock),
    drafts: createDraftStore(database, clock),
    contents: createContentsStore(database),
    shared: createSharedDraftStore(database, clock),
    changes,
  };
}
