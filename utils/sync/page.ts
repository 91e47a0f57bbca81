/** The shared weekly's sync as an extension page reaches it: the status the background keeps, and a round on request. */
import { sendMessage } from '../messaging';
import { syncStatusItem, type SyncStatus } from './service';

export const pageSyncApi = {
  read: (): Promise<SyncStatus> => syncStatusItem.getValue(),
  watch: (callback: (status: SyncStatus) => void): (() => void) => syncStatusItem.watch(callback),
  syncNow: (): Promise<SyncStatus> => sendMessage('syncNow'),
};
