import { createBackupStore, type BackupStore } from '@/utils/backup';
import { createStore, type Store } from '@/utils/store';
import type { ClipperDB } from '@/utils/store/db';

/** A browser profile's data as the options page sees it: the store, and the backup over it and the settings. */
export type Profile = Store & { backup: BackupStore };

export function createProfile(openDatabase: () => Promise<ClipperDB>, clock: () => Date): Profile {
  const store = createStore(openDatabase, clock);
  return { ...store, backup: createBackupStore(store.contents, clock) };
}
