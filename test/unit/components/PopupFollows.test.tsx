import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '@/utils/store';
import { createClipStore } from '@/utils/store/clips';
import type { ClipperDB } from '@/utils/store/db';
import { freshDatabase, seedCapture, threadCapture } from '../../support/clips';
import { draft, headings, loaded, popupApi, renderPopup, status } from './popup-harness';

describe('the popup follows the store', () => {
  let open: () => Promise<ClipperDB>;
  let store: Store;

  beforeEach(async () => {
    open = freshDatabase();
    store = createStore(open);
    await store.clips.save(seedCapture(), { addToCurrentDraft: true });
  });

  afterEach(cleanup);

  it('shows clips the background saves while it is open, without any action', async () => {
    renderPopup(popupApi(store));
    await loaded();

    // The background's own clip store on the same database, as when a GitHub page clips a thread.
    const background = createClipStore(open);
    await background.save(threadCapture(1290), { addToCurrentDraft: true });
    await waitFor(() => expect(draft().value).toContain('Question 1290'));
    expect(headings()).toContain('In this issue (2)');

    await background.save(threadCapture(7));
    await waitFor(() => expect(headings()).toContain('Inbox (1)'));
  });

  it('shows what another window changes: a removal, and an issue marked as sent', async () => {
    await store.clips.save(threadCapture(1290), { addToCurrentDraft: true });
    renderPopup(popupApi(store));
    await loaded('Question 1290');

    const otherWindow = createStore(open);
    await otherWindow.clips.remove('mosn/mosn#1290');
    await waitFor(() => expect(draft().value).not.toContain('Question 1290'));
    await otherWindow.drafts.publish();
    await waitFor(() => expect(screen.getByText(/Sent issues \(1\)/)).toBeTruthy());
    expect(headings()).toContain('In this issue (0)');
  });

  it('says what an action did together with the view that shows it, never before', async () => {
    renderPopup(popupApi(store));
    await loaded();
    const seen: { listed: boolean; status: string }[] = [];
    const observer = new MutationObserver(() =>
      seen.push({ listed: Boolean(screen.queryByRole('button', { name: 'Remove mosn/mosn#2203' })), status: status().textContent ?? '' }),
    );
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });

    fireEvent.click(screen.getByRole('button', { name: 'Remove mosn/mosn#2203' }));
    await waitFor(() => expect(status().textContent).toBe('Removed mosn/mosn#2203.'));
    observer.disconnect();
    expect(seen.filter(({ status }) => status === 'Removed mosn/mosn#2203.').every(({ listed }) => !listed)).toBe(true);
    expect(seen.filter(({ listed }) => !listed).every(({ status }) => status === 'Removed mosn/mosn#2203.')).toBe(true);
  });
});
