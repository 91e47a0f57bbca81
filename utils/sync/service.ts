/**
 * The shared weekly's sync as the background runs it: one round at a time, its memory and its status
 * kept in `storage.local` (so the popup shows them, and a worker that wakes finds them), and every
 * failure said in the user's words while the local work stays where it is.
 */
import type { Octokit } from '@octokit/core';
import { storage } from 'wxt/utils/storage';
import { LocalizedError, type LocalizedText } from '../errors';
import { readRepositoryFile, writeRepositoryFile } from '../github/repository-file';
import { githubRefusal } from '../github/request-errors';
import type { SharedDraftStore } from '../store/shared';
import { syncOnce, waitingChanges, type SyncMemory, type SyncPorts } from './engine';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { same } from '../same';

/** The file a team chose (settings' `sharedWeekly`): no repository, no sharing. */
export interface SharedLocation {
  repo: string;
  branch: string;
  path: string;
}

export interface SyncStatus {
  /** `off`: no shared weekly or no token set; `synced`: the last round worked; `failed`: it did not (see `error`). */
  state: 'off' | 'synced' | 'failed';
  /** `owner/repo:path` of the shared file. */
  where?: string;
  /** When a round last completed (ISO 8601). */
  syncedAt?: string;
  /** Changes made here that the shared file does not have yet. */
  waiting: number;
  error?: LocalizedText;
}

/** GitHub, as the user: their client and login; undefined when no token is set. */
export type GitHubSession = { octokit: Octokit; login: string } | undefined;

interface StoredMemory {
  where: string;
  document: string;
  synced: SyncMemory['synced'];
}

const memoryItem = storage.defineItem<StoredMemory | null>('local:sharedWeeklyMemory', { fallback: null, version: 1 });
export const syncStatusItem = storage.defineItem<SyncStatus>('local:sharedWeeklyStatus', { fallback: { state: 'off', waiting: 0 }, version: 1 });

export interface SyncServiceOptions {
  shared: SharedDraftStore;
  location: () => Promise<SharedLocation>;
  session: () => Promise<GitHubSession>;
  clock?: () => Date;
}

export interface SyncService {
  /** Runs a round now (after any round under way) and resolves to the status it left. */
  syncNow(): Promise<SyncStatus>;
  /** Counts the local changes waiting, without contacting GitHub (after each local change). */
  countWaiting(): Promise<SyncStatus>;
}

function whereOf({ repo, branch, path }: SharedLocation): string {
  return `${repo}@${branch}:${path}`;
}

function portsFor(location: SharedLocation, shared: SharedDraftStore, octokit: Octokit | undefined): SyncPorts<Awaited<ReturnType<SharedDraftStore['read']>>> {
  const where = whereOf(location);
  const [owner, repo] = location.repo.split('/');
  const file = { owner, repo, branch: location.branch, path: location.path };
  const noClient = () => Promise.reject(new LocalizedError('githubTokenMissing'));
  return {
    local: shared,
    remote: {
      where,
      read: () => (octokit ? readRepositoryFile(octokit, file) : noClient()),
      write: (text, sha, message) => (octokit ? writeRepositoryFile(octokit, file, text, sha, message) : noClient()),
    },
    memory: {
      // Another file is another weekly: what this browser remembers of one says nothing of the other.
      load: async () => {
        const stored = await memoryItem.getValue();
        return stored && stored.where === where ? { document: base64ToBytes(stored.document), synced: stored.synced } : undefined;
      },
      save: (memory) => memoryItem.setValue({ where, document: bytesToBase64(memory.document), synced: memory.synced }),
    },
  };
}

export function createSyncService({ shared, location, session, clock = () => new Date() }: SyncServiceOptions): SyncService {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function round(contact: boolean): Promise<SyncStatus> {
    const place = await location();
    if (!place.repo) return save({ state: 'off', waiting: 0 });
    const where = whereOf(place);
    const previous = await syncStatusItem.getValue();
    const waiting = await waitingChanges(portsFor(place, shared, undefined));
    if (!contact) return save({ ...previous, where, waiting });
    try {
      const user = await session();
      if (!user) return await save({ state: 'off', where, waiting });
      const ports = portsFor(place, shared, user.octokit);
      await syncOnce(ports, { message: 'Weekly Clipper: sync the shared weekly', login: user.login });
      return await save({ state: 'synced', where, syncedAt: clock().toISOString(), waiting: await waitingChanges(ports) });
    } catch (error) {
      const refusal = githubRefusal(error, place.repo);
      return save({
        state: 'failed',
        where,
        syncedAt: previous.where === where ? previous.syncedAt : undefined,
        waiting,
        error: { key: refusal.key, substitutions: refusal.substitutions },
      });
    }
  }

  async function save(status: SyncStatus): Promise<SyncStatus> {
    const clean = Object.fromEntries(Object.entries(status).filter(([, value]) => value !== undefined)) as unknown as SyncStatus;
    // Counted after every store change: a status that did not change is not written, so no page hears of it.
    if (!same(await syncStatusItem.getValue(), clean)) await syncStatusItem.setValue(clean);
    return clean;
  }

  return {
    syncNow: () => serial(() => round(true)),
    countWaiting: () => serial(() => round(false)),
  };
}
