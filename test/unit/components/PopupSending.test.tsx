import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createStore, type Store } from '@/utils/store';
import { freshDatabase, manualClock, seedCapture, threadCapture } from '../../support/clips';
import { draft, loaded, popupApi, renderPopup, SHORT_ANSWER_2203, status, warningsListed, type RecordedPopupApi } from './popup-harness';

describe('sending an issue from the popup', () => {
  let store: Store;
  let api: RecordedPopupApi;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    clock = manualClock('2023-01-04T08:00:00Z');
    store = createStore(freshDatabase(), clock.now);
    await store.drafts.update({ title: 'SOFA Weekly | 1 月 6 日', date: '2023-01-06' });
    await store.clips.save(seedCapture({ answer: SHORT_ANSWER_2203 }), { addToCurrentDraft: true });
    api = popupApi(store);
  });

  afterEach(cleanup);

  it('copies at once an issue with nothing to warn of', async () => {
    renderPopup(api);
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.copy).toHaveBeenCalledWith(draft().value);
  });

  it('lists the warnings with Go on focused, and Esc cancels: nothing goes out, and focus is back on the button', async () => {
    await store.clips.save(threadCapture(7), { addToCurrentDraft: true });
    await store.drafts.update({ intro: 'TODO: a word on the release' });
    renderPopup(api);
    await loaded('#7');
    const copy = screen.getByRole('button', { name: 'Copy Markdown' });
    copy.focus();
    fireEvent.click(copy);
    expect(await warningsListed()).toEqual([
      'No answer: mosn/mosn#7. They print without an answer, and the count line still counts them.',
      'A TODO is left on line 5: TODO: a word on the release',
    ]);
    const dialog = screen.getByRole('alertdialog', { name: 'Before Copy Markdown, check these' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Go on' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.copy).not.toHaveBeenCalled();
    expect(status().textContent).toBe('Cancelled: Copy Markdown did nothing.');
    expect(document.activeElement).toBe(copy);
  });

  it('marks as sent, then Undo reopens the issue with its clips', async () => {
    renderPopup(api);
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Mark as sent' }));
    await waitFor(() => expect(status().textContent).toBe('Marked “SOFA Weekly | 1 月 6 日” as sent; a new draft is started.'));
    expect(draft().value).not.toContain('#2203');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(status().textContent).toBe('Reopened the issue of 2023-01-06: it is the current draft again.'));
    await loaded();
    expect(screen.queryByText(/Sent issues/)).toBeNull();
    expect((await store.drafts.current()).draft).toMatchObject({ title: 'SOFA Weekly | 1 月 6 日', date: '2023-01-06', clipIds: ['mosn/mosn#2203'] });
  });

  it('shows the day each issue was sent, and reopens one only while the current draft holds nothing', async () => {
    clock.set('2023-01-06T07:00:00Z');
    await store.drafts.publish();
    await store.clips.save(threadCapture(7), { addToCurrentDraft: true });
    renderPopup(api);
    await loaded('#7');
    const history = screen.getByText(/Sent issues \(1\)/).closest('details')!;
    fireEvent.click(within(history).getByText(/Sent issues/));
    expect(within(history).getByRole('button', { name: /Show Markdown of/ }).textContent).toMatch(
      /^SOFA Weekly \| 1 月 6 日 · 2023-01-06 · 1 clips · sent 2023-01-0[67]$/,
    );
    const reopen = within(history).getByRole('button', { name: /^Reopen the issue of 2023-01-06/ });
    fireEvent.click(reopen);
    await waitFor(() => expect(status().textContent).toMatch(/already has clips, an intro or an outro.*Nothing was changed\.$/));

    fireEvent.click(screen.getByRole('button', { name: 'Move mosn/mosn#7 to the inbox' }));
    await waitFor(() => expect(draft().value).not.toContain('#7'));
    fireEvent.click(reopen);
    await waitFor(() => expect(status().textContent).toBe('Reopened the issue of 2023-01-06: it is the current draft again.'));
    await loaded();
  });

  it('opens a sent issue as a GitHub issue again, checked against the issues sent before it only', async () => {
    api.loadSettings = async () => ({ ...DEFAULT_SETTINGS, targetRepo: 'sofastack/sofastack.tech' });
    await store.drafts.publish();
    clock.set('2023-01-13T08:00:00Z');
    await store.clips.save(seedCapture({ answer: SHORT_ANSWER_2203 }), { addToCurrentDraft: true });
    await store.drafts.publish();
    renderPopup(api);
    const history = (await screen.findByText(/Sent issues \(2\)/)).closest('details')!;
    fireEvent.click(within(history).getByText(/Sent issues/));
    const [, first] = within(history).getAllByRole('button', { name: /Show Markdown of/ });
    fireEvent.click(first!);
    const past = (await within(history).findByRole<HTMLTextAreaElement>('textbox', { name: /^Markdown of/ })).value;
    fireEvent.click(within(history).getByRole('button', { name: 'Open as GitHub issue' }));
    await waitFor(() => expect(api.openTab).toHaveBeenCalled());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(new URL(api.openTab.mock.calls[0]![0]).searchParams.get('body')).toBe(past);

    // The later issue repeats the first one's title and thread.
    fireEvent.click(within(history).getAllByRole('button', { name: /Show Markdown of/ })[0]!);
    await waitFor(() => expect(within(history).getByRole<HTMLTextAreaElement>('textbox', { name: /^Markdown of/ }).value).toContain('2023-01-13'));
    fireEvent.click(within(history).getByRole('button', { name: 'Open as GitHub issue' }));
    expect(await warningsListed()).toEqual([
      'The title is the same as the issue of 2023-01-06: “SOFA Weekly | 1 月 6 日”.',
      'mosn/mosn#2203 is already in the issue of 2023-01-06.',
    ]);
  });

  it('says beside a clip and before it goes out that its thread is in a sent issue already', async () => {
    await store.drafts.publish();
    await store.drafts.update({ title: 'SOFA Weekly | 1 月 13 日' });
    await store.clips.save(seedCapture({ answer: SHORT_ANSWER_2203 }));
    renderPopup(api);
    const inbox = await screen.findByRole('heading', { name: /Inbox/ });
    await waitFor(() => expect(inbox.closest('section')!.textContent).toContain('already in the issue of 2023-01-06'));
    fireEvent.click(within(inbox.closest('section')!).getByRole('button', { name: 'Add mosn/mosn#2203 to this issue' }));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Download .md' }));
    expect(await warningsListed()).toEqual(['mosn/mosn#2203 is already in the issue of 2023-01-06.']);
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    expect(api.download).toHaveBeenCalledWith(draft().value, expect.stringMatching(/\.md$/));
  });
});
