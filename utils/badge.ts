import type { Store } from './store';

/** The toolbar button's badge: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
}

export interface DraftCountBadge {
  /** Reads the count now (it opens the database if nothing has). */
  update(): void;
  stop(): void;
}

/**
 * Shows on the toolbar button how many clips the current draft holds ('' when none), after every
 * change to the drafts, wherever it was made (the change feed reaches every context), and whenever
 * `update` is called. Reads run one after another, so the last change always has the last word.
 */
export function showDraftCount(store: Pick<Store, 'drafts' | 'changes'>, action: BadgeAction): DraftCountBadge {
  let shown: string | undefined;
  let reading = Promise.resolve();
  const update = () => {
    reading = reading.then(async () => {
      try {
        const { draft } = await store.drafts.current({ inboxLimit: 0 });
        const text = draft.clipIds.length ? String(draft.clipIds.length) : '';
        if (text !== shown) await action.setBadgeText({ text });
        shown = text;
      } catch {
        // The database is busy or being upgraded: the next change tries again, and the badge is only a hint.
      }
    });
  };
  const stop = store.changes.subscribe((change) => {
    if (change.stores.includes('drafts')) update();
  });
  return { update, stop };
}
