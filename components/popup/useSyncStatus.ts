import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '@/utils/sync/service';

/** The shared weekly's sync as a page sees it: its status (kept by the background) and a way to ask for a round. */
export interface SyncApi {
  read(): Promise<SyncStatus>;
  /** Calls back with every new status; returns the unwatch function. */
  watch(callback: (status: SyncStatus) => void): () => void;
  syncNow(): Promise<SyncStatus>;
}

/** How often "synced 2 min ago" is brought up to date. */
const CLOCK_TICK_MS = 30_000;

/**
 * The sync's status, followed while the page is open, with a round asked for when it opens (so the
 * popup shows the team's latest) and whenever the user asks.
 */
export function useSyncStatus(sync: SyncApi | undefined) {
  const [status, setStatus] = useState<SyncStatus>();
  const [syncing, setSyncing] = useState(false);
  const [now, setNow] = useState(() => new Date());

  const syncNow = () => {
    if (!sync) return;
    setSyncing(true);
    // The round's failure is in the status it leaves; a lost message leaves the last one shown.
    void sync
      .syncNow()
      .then(setStatus, () => undefined)
      .finally(() => setSyncing(false));
  };

  useEffect(() => {
    if (!sync) return undefined;
    void sync.read().then((first) => {
      setStatus(first);
      if (first.where) syncNow();
    });
    const unwatch = sync.watch(setStatus);
    const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => {
      unwatch();
      clearInterval(timer);
    };
  }, [sync]);

  return { status, syncing, now, syncNow };
}
