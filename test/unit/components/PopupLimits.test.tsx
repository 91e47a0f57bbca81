import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PREVIEW_NESTING } from '@/utils/markdown/limits';
import { createStore, type Store } from '@/utils/store';
import { freshDatabase, seedCapture, threadCapture } from '../../support/clips';
import { draft, loaded, popupApi, preview, renderPopup, SHORT_ANSWER_2203 } from './popup-harness';

/** What the converter wrote before it had bounds, for a quote 5,000 levels deep. */
const DEEP_QUOTE = `${'> '.repeat(5000)}deep`;

describe('the popup with a clip saved before clips were bounded', () => {
  let store: Store;

  beforeEach(async () => {
    const open = freshDatabase();
    store = createStore(open);
    await store.clips.save(seedCapture({ answer: SHORT_ANSWER_2203 }), { addToCurrentDraft: true });
    await store.clips.save(threadCapture(1290), { addToCurrentDraft: true });
    // Older data goes around today's store, which refuses such a clip.
    const db = await open();
    const record = (await db.get('clips', 'mosn/mosn#2203'))!;
    await db.put('clips', { ...record, answer: { ...SHORT_ANSWER_2203, markdown: DEEP_QUOTE } });
    db.close();
  });

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const previewOff = `No preview: it nests deeper than ${MAX_PREVIEW_NESTING} levels. Draft Markdown still holds all of it.`;

  it('opens with the whole draft, says why there is no preview, and removes the clip', async () => {
    renderPopup(popupApi(store));
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
    renderPopup(popupApi(store));
    await loaded('#1290');
    const failed = 'The preview failed: Maximum call stack size exceeded. Draft Markdown still holds all of it.';
    await waitFor(() => expect(screen.getByText(failed)).toBeTruthy(), { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove mosn/mosn#1290' }));
    await waitFor(() => expect(draft().value).not.toContain('#1290'));
  });
});
