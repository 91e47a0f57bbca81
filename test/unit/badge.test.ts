import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showDraftCount, type BadgeAction } from '@/utils/badge';
import { createStore, type Store } from '@/utils/store';
import { freshDatabase, seedCapture } from './../support/clips';

describe('the toolbar badge', () => {
  let store: Store;
  let action: { setBadgeText: ReturnType<typeof vi.fn<BadgeAction['setBadgeText']>> };
  let stop: (() => void) | undefined;
  const badge = () => action.setBadgeText.mock.lastCall?.[0].text;

  beforeEach(() => {
    store = createStore(freshDatabase());
    action = { setBadgeText: vi.fn<BadgeAction['setBadgeText']>(() => Promise.resolve()) };
  });

  afterEach(() => stop?.());

  it('shows nothing for an empty draft, then the number of clips in the current draft as they come and go', async () => {
    const shown = showDraftCount(store, action);
    stop = shown.stop;
    shown.update();
    await vi.waitFor(() => expect(badge()).toBe(''));

    await store.clips.save(seedCapture(), { addToCurrentDraft: true });
    await vi.waitFor(() => expect(badge()).toBe('1'));
    await store.clips.save(seedCapture({ number: 2204, url: 'https://github.com/mosn/mosn/issues/2204' }), { addToCurrentDraft: true });
    await vi.waitFor(() => expect(badge()).toBe('2'));

    await store.drafts.unplace('mosn/mosn#2203');
    await vi.waitFor(() => expect(badge()).toBe('1'));
    await store.drafts.publish();
    await vi.waitFor(() => expect(badge()).toBe(''));
  });

  it('counts the draft only, not the inbox', async () => {
    await store.clips.save(seedCapture(), { addToCurrentDraft: false });
    const shown = showDraftCount(store, action);
    stop = shown.stop;
    shown.update();
    await vi.waitFor(() => expect(action.setBadgeText).toHaveBeenCalled());
    expect(badge()).toBe('');
  });
});
