import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { Liquid } from 'liquidjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_ROWS_SHOWN } from '@/components/popup/DraftClips';
import { createStore, type Store } from '@/utils/store';
import { DB_VERSION, openClipperDB, type ClipRecord } from '@/utils/store/db';
import { clipFrom, freshDatabase, threadCapture } from '../../support/clips';
import { draft, popupApi, renderPopup } from './popup-harness';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the popup while a page of the previous version blocks the database upgrade', () => {
  it('says what to do instead of "Loading…", and opens once the old page is closed', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const opening = indexedDB.open(name, DB_VERSION - 1);
    opening.onupgradeneeded = () => {
      const clips = opening.result.createObjectStore('clips', { keyPath: 'id' });
      clips.createIndex('by-clippedAt', 'clippedAt');
      clips.createIndex('by-draft', ['draftId', 'clippedAt']);
      const drafts = opening.result.createObjectStore('drafts', { keyPath: 'id' });
      drafts.createIndex('by-publishedAt', 'publishedAt');
      drafts.createIndex('by-clip', 'clipIds', { multiEntry: true });
    };
    const old = await new Promise<IDBDatabase>((resolve) => (opening.onsuccess = () => resolve(opening.result)));

    renderPopup(popupApi(createStore(() => openClipperDB(name))));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Weekly Clipper was updated: close its other open pages (popup, options) to finish the update, then try again',
    );
    expect(screen.queryByText('Loading…')).toBeNull();

    old.close();
    await waitFor(async () => expect((await indexedDB.databases()).find((database) => database.name === name)?.version).toBe(DB_VERSION));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByLabelText<HTMLTextAreaElement>('Draft Markdown')).value).toMatch(/^# Weekly digest\n/);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the popup with a draft far bigger than an issue', () => {
  const COUNT = 1000;

  /** Fills the current draft the way months of clipping into it, or an import, would. */
  async function bigDraft(): Promise<Store> {
    const open = freshDatabase();
    const store = createStore(open);
    const { draft } = await store.drafts.current();
    const clips = Array.from({ length: COUNT }, (_, index) => clipFrom(threadCapture(index + 1)));
    const db = await open();
    const tx = db.transaction(['clips', 'drafts'], 'readwrite');
    const record = (await tx.objectStore('drafts').get(draft.id))!;
    for (const clip of clips) void tx.objectStore('clips').put({ ...clip, draftId: draft.id } satisfies ClipRecord);
    void tx.objectStore('drafts').put({ ...record, clipIds: clips.map((clip) => clip.id) });
    await tx.done;
    db.close();
    return store;
  }

  it('lists the first clips, says the draft could not be assembled, and keeps moving and removing clips', async () => {
    const store = await bigDraft();
    // Liquid stops a render after a second by performance.now(). Inside its renders here, each
    // reading moves a millisecond on, so this draft runs out of that second as 30,000 clips do in
    // the browser; outside them the page's own timers keep real time.
    const renderSync = Liquid.prototype.renderSync;
    vi.spyOn(Liquid.prototype, 'renderSync').mockImplementation(function (this: Liquid, ...args) {
      let ticks = performance.now();
      const clock = vi.spyOn(performance, 'now').mockImplementation(() => ++ticks);
      try {
        return renderSync.apply(this, args);
      } finally {
        clock.mockRestore();
      }
    });
    renderPopup(popupApi(store));

    // Each check looks at a few elements only: a query over every row, repeated while the store
    // works, would leave the fake database's tasks no turn.
    const headings = () => [...document.querySelectorAll('h2')].map((heading) => heading.textContent);
    await waitFor(() => expect(headings()).toContain(`In this issue (${COUNT})`), { timeout: 10_000 });
    const rows = () => document.querySelectorAll('ol.clips > li');
    expect(rows()).toHaveLength(DRAFT_ROWS_SHOWN);
    expect(screen.getByText(`${COUNT - DRAFT_ROWS_SHOWN} more clips in this issue are not listed: move or remove the ones above to reach them.`)).toBeTruthy();
    const alert = () => document.querySelector('[role="alert"]')?.textContent;
    await waitFor(
      () =>
        expect(alert()).toMatch(
          /^The draft could not be assembled, not even with the default template: “Weekly digest” failed \(.*template render limit exceeded\)\. Its clips are listed above: remove some or move them to the inbox\.$/,
        ),
      { timeout: 10_000 },
    );
    expect(draft().value).toBe('');
    expect(screen.getByText<HTMLButtonElement>('Copy Markdown').disabled).toBe(true);

    fireEvent.click(screen.getByLabelText('Remove mosn/mosn#1'));
    await waitFor(() => expect(headings()).toContain(`In this issue (${COUNT - 1})`), { timeout: 10_000 });
    expect(await store.clips.get('mosn/mosn#1')).toBeUndefined();
    fireEvent.click(screen.getByLabelText('Move mosn/mosn#2 to the inbox'));
    await waitFor(() => expect(headings()).toEqual([`In this issue (${COUNT - 2})`, 'Inbox (1)']), { timeout: 10_000 });
    expect((await store.drafts.current()).inbox.map((clip) => clip.id)).toEqual(['mosn/mosn#2']);
    expect(rows()).toHaveLength(DRAFT_ROWS_SHOWN);
    expect(alert()).toMatch(/^The draft could not be assembled/);
  }, 60_000);
});
