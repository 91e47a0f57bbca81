import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupApp, type PopupApi } from '@/components/popup/PopupApp';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createStore, type Store } from '@/utils/store';
import { createClipStore } from '@/utils/store/clips';
import { openClipperDB } from '@/utils/store/db';
import { seedCapture, threadCapture } from '../../support/clips';

describe('the popup follows the store', () => {
  let open: () => ReturnType<typeof openClipperDB>;
  let store: Store;
  let api: PopupApi;

  beforeEach(async () => {
    const name = `test-${crypto.randomUUID()}`;
    open = () => openClipperDB(name);
    store = createStore(open);
    await store.clips.save(seedCapture(), { addToCurrentDraft: true });
    api = {
      store,
      loadSettings: async () => DEFAULT_SETTINGS,
      selectTemplate: async () => undefined,
      shortcut: async () => undefined,
      copy: async () => undefined,
      download: () => undefined,
      openTab: async () => undefined,
      openOptions: async () => undefined,
    };
  });

  afterEach(cleanup);

  const draft = () => screen.getByLabelText<HTMLTextAreaElement>('Draft Markdown');
  const headings = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

  it('shows clips the background saves while it is open, without any action', async () => {
    render(<PopupApp api={api} />);
    await waitFor(() => expect(draft().value).toContain('#2203'));

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
    render(<PopupApp api={api} />);
    await waitFor(() => expect(draft().value).toContain('Question 1290'));

    const otherWindow = createStore(open);
    await otherWindow.clips.remove('mosn/mosn#1290');
    await waitFor(() => expect(draft().value).not.toContain('Question 1290'));
    await otherWindow.drafts.publish();
    await waitFor(() => expect(screen.getByText(/Sent issues \(1\)/)).toBeTruthy());
    expect(headings()).toContain('In this issue (0)');
  });

  it('says what an action did together with the view that shows it, never before', async () => {
    render(<PopupApp api={api} />);
    await waitFor(() => expect(draft().value).toContain('#2203'));
    const seen: { listed: boolean; status: string }[] = [];
    const observer = new MutationObserver(() =>
      seen.push({ listed: Boolean(screen.queryByRole('button', { name: 'Remove mosn/mosn#2203' })), status: screen.getByRole('status').textContent ?? '' }),
    );
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });

    fireEvent.click(screen.getByRole('button', { name: 'Remove mosn/mosn#2203' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Removed mosn/mosn#2203.'));
    observer.disconnect();
    expect(seen.filter(({ status }) => status === 'Removed mosn/mosn#2203.').every(({ listed }) => !listed)).toBe(true);
    expect(seen.filter(({ listed }) => !listed).every(({ status }) => status === 'Removed mosn/mosn#2203.')).toBe(true);
  });
});
