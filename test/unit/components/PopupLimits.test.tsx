import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupApi } from '@/components/popup/PopupApp';
import { MAX_PREVIEW_NESTING } from '@/utils/markdown/limits';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createStore, type Store } from '@/utils/store';
import { freshDatabase, seedCapture, threadCapture } from '../../support/clips';

/** What the converter wrote before it had bounds, for a quote 5,000 levels deep. */
const DEEP_QUOTE = `${'> '.repeat(5000)}deep`;

describe('the popup with a clip saved before clips were bounded', () => {
  let store: Store;
  let api: PopupApi;

  beforeEach(async () => {
    const open = freshDatabase();
    store = createStore(open);
    const answer = { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown: 'Debug server init here' };
    await store.clips.save(seedCapture({ answer }), { addToCurrentDraft: true });
    await store.clips.save(threadCapture(1290), { addToCurrentDraft: true });
    // Older data goes around today's store, which refuses such a clip.
    const db = await open();
    const record = (await db.get('clips', 'mosn/mosn#2203'))!;
    await db.put('clips', { ...record, answer: { ...answer, markdown: DEEP_QUOTE } });
    db.close();
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

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const draft = () => screen.getByLabelText<HTMLTextAreaElement>('Draft Markdown');
  const preview = () => screen.getByRole('region', { name: 'Preview' });
  const previewOff = `No preview: it nests deeper than ${MAX_PREVIEW_NESTING} levels. Draft Markdown still holds all of it.`;

  it('opens with the whole draft, says why there is no preview, and removes the clip', async () => {
    render(<PopupApp api={api} />);
    await waitFor(() => expect(draft().value).toContain(DEEP_QUOTE));
    expect(draft().value).toContain('#1290');
    // The preview's renderer loads after the first render.
    await waitFor(() => expect(screen.getByText(previewOff)).toBeTruthy(), { timeout: 5000 });
    expect(preview().childNodes).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Remove mosn/mosn#2203' }));
    await waitFor(() => expect(draft().value).not.toContain('deep'));
    expect(await store.clips.get('mosn/mosn#2203')).toBeUndefined();
    await waitFor(() => expect(preview().textContent).toContain('Question 1290'));
    expect(screen.queryByText(previewOff)).toBeNull();
  });

  it('says why the preview failed when the renderer throws, and keeps working', async () => {
    await store.clips.remove('mosn/mosn#2203');
    vi.spyOn(marked, 'parse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    render(<PopupApp api={api} />);
    await waitFor(() => expect(draft().value).toContain('#1290'));
    const failed = 'The preview failed: Maximum call stack size exceeded. Draft Markdown still holds all of it.';
    await waitFor(() => expect(screen.getByText(failed)).toBeTruthy(), { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove mosn/mosn#1290' }));
    await waitFor(() => expect(draft().value).not.toContain('#1290'));
  });
});
