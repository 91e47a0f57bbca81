/**
 * The store's change feed. Every committed read-write transaction is announced (see `inTransaction`),
 * so each view follows one source instead of reading again after its own actions: a clip the
 * background saves for the content script reaches an open popup the same way the popup's own
 * edits do.
 *
 * Listeners in the context that wrote hear of it at once, before the write's promise resolves, so
 * a caller can wait for the view to show what it did. Other contexts of the extension (its pages,
 * its background page or service worker) hear of it through a `BroadcastChannel`, which reaches
 * every same-origin context and never the one that posted.
 */
import { STORES } from './db';

export type StoreName = (typeof STORES)[number];

export interface StoreChange {
  /** The stores the transaction could write: a listener may skip a read that none of them feeds. */
  stores: StoreName[];
}

export type ChangeListener = (change: StoreChange) => void;

export interface ChangeFeed {
  /** Calls `listener` after every committed change; returns the function that stops it. */
  subscribe(listener: ChangeListener): () => void;
}

/** The part of a `BroadcastChannel` the hub uses, so tests can hand it a fake. */
export interface Channel {
  postMessage(message: StoreChange): void;
  close(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

/** This context's listeners of each database, by name, and its line to the other contexts. */
export interface ChangeHub {
  announce(database: string, change: StoreChange): void;
  subscribe(database: string, listener: ChangeListener): () => void;
}

/** What another context posted, if it is a change: the channel is the extension's own, but a message is still only data. */
function asChange(data: unknown): StoreChange | undefined {
  const stores = typeof data === 'object' && data !== null && 'stores' in data ? data.stores : undefined;
  if (!Array.isArray(stores) || !stores.every((store) => (STORES as readonly unknown[]).includes(store))) return undefined;
  return { stores: stores as StoreName[] };
}

/** One listener's failure must neither silence the others nor turn a committed write into a failed one. */
function tell(listeners: Iterable<ChangeListener>, change: StoreChange): void {
  for (const listener of [...listeners]) {
    try {
      listener(change);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/**
 * A hub over channels from `openChannel` (undefined where there is no `BroadcastChannel`: the
 * context then hears only its own changes). A database's channel is open while this context
 * listens to it; a context that only writes opens one for each announcement.
 */
export function createChangeHub(openChannel: (name: string) => Channel | undefined): ChangeHub {
  const listening = new Map<string, { listeners: Set<ChangeListener>; channel?: Channel }>();
  const channelName = (database: string) => `${database}:changes`;

  return {
    announce(database, change) {
      const hub = listening.get(database);
      if (hub) {
        // Posted on the channel this context listens on, which never hears itself: no echo.
        hub.channel?.postMessage(change);
        tell(hub.listeners, change);
        return;
      }
      const channel = openChannel(channelName(database));
      // A message is on its way to every receiver once posted: closing at once loses nothing.
      channel?.postMessage(change);
      channel?.close();
    },

    subscribe(database, listener) {
      let hub = listening.get(database);
      if (!hub) {
        const listeners = new Set<ChangeListener>();
        const channel = openChannel(channelName(database));
        if (channel)
          channel.onmessage = ({ data }) => {
            const change = asChange(data);
            if (change) tell(listeners, change);
          };
        hub = { listeners, channel };
        listening.set(database, hub);
      }
      const { listeners, channel } = hub;
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size || listening.get(database) !== hub) return;
        listening.delete(database);
        channel?.close();
      };
    },
  };
}

/** This context's hub: the store's transactions announce to it, and every `Store`'s feed listens to it. */
export const changeHub = createChangeHub((name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined));

/**
 * A feed of the changes to one database, which it learns the name of from `follow` when its store
 * opens a connection: listeners may subscribe before that, and miss nothing that matters, since
 * the store's first read sees everything committed before it.
 */
export function databaseChanges(hub: ChangeHub = changeHub): ChangeFeed & { follow(database: string): void } {
  const listeners = new Set<ChangeListener>();
  let database: string | undefined;
  let leave: (() => void) | undefined;
  const join = () => {
    if (database !== undefined && listeners.size && !leave) leave = hub.subscribe(database, (change) => tell(listeners, change));
  };

  return {
    follow(name) {
      database ??= name;
      join();
    },
    subscribe(listener) {
      listeners.add(listener);
      join();
      return () => {
        listeners.delete(listener);
        if (listeners.size) return;
        leave?.();
        leave = undefined;
      };
    },
  };
}
