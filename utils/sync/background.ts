/**
 * The shared weekly's sync, run by the background so that it works with the popup closed: a round
 * every minute (`alarms`, which wake an MV3 worker), one soon after a local change, one when the
 * shared file's place changes, and one whenever a page asks (the popup, when it opens).
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import type { ChangeFeed } from '../store/changes';
import type { SyncService } from './service';

export const SYNC_ALARM = 'weekly-clipper-sync';
/** A local change is sent after this long without another: a burst of edits is one write. */
export const SYNC_AFTER_CHANGE_MS = 2000;

export interface SyncTriggers {
  changes: ChangeFeed;
  /** Calls back when the shared weekly's settings or the token change; returns the unwatch function. */
  watchConnection(callback: () => void): () => void;
}

export function registerSync(service: SyncService, { changes, watchConnection }: SyncTriggers): void {
  onMessage('syncNow', () => service.syncNow());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.syncNow();
  });
  // Created once: creating it again at every wake would push its next run back each time.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  changes.subscribe(() => {
    void service.countWaiting().then((status) => {
      if (status.waiting === 0 || status.state === 'off') return;
      clearTimeout(timer);
      timer = setTimeout(() => void service.syncNow(), SYNC_AFTER_CHANGE_MS);
    });
  });
  watchConnection(() => void service.syncNow());
}
