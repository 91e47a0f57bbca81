import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createStore, type Store } from '@/utils/store';
import { freshDatabase, seedCapture } from '../../support/clips';
import { draft, loaded, popupApi, renderPopup, SHORT_ANSWER_2203, status, type RecordedPopupApi } from './popup-harness';

describe("the popup's editor's note and outro", () => {
  let store: Store;
  let api: RecordedPopupApi;

  beforeEach(async () => {
    store = createStore(freshDatabase());
    await store.clips.save(seedCapture({ answer: SHORT_ANSWER_2203 }), { addToCurrentDraft: true });
    const settings = { ...DEFAULT_SETTINGS, templateId: 'sofa-weekly', projects: { 'mosn/mosn': { name: 'MOSN', link: 'https://github.com/mosn/mosn/' } } };
    api = popupApi(store, { loadSettings: async () => settings });
  });

  afterEach(cleanup);

  it('prints a note written in the clip editor after the answer, and keeps it when the thread is clipped again', async () => {
    renderPopup(api);
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Edit mosn/mosn#2203' }));
    fireEvent.input(screen.getByLabelText("Editor's note (Markdown)"), { target: { value: '编者按：v1.3 已修复。' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(draft().value).toContain('A：Debug server init here\n\n编者按：v1.3 已修复。\n\n**「MOSN」**'));
    expect(status().textContent).toBe('Saved mosn/mosn#2203.');

    await store.clips.save(seedCapture({ answer: { ...SHORT_ANSWER_2203, markdown: 'A newer answer' } }));
    await waitFor(() => expect(draft().value).toContain('A：A newer answer\n\n编者按：v1.3 已修复。\n\n**「MOSN」**'));
  });

  it('prints the outro before the standing closing, and copies it with the draft', async () => {
    renderPopup(api);
    await loaded();
    fireEvent.input(screen.getByLabelText('Outro'), { target: { value: '下周见！' } });
    await waitFor(() => expect(draft().value).toContain('\n\n下周见！\n\n欢迎扫码关注：\n'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    // The warnings come first (the draft's title is the default one), then Go on.
    fireEvent.click(await screen.findByRole('button', { name: 'Go on' }));
    await waitFor(() => expect(api.copy).toHaveBeenCalledWith(expect.stringContaining('下周见！')));
    fireEvent.blur(screen.getByLabelText('Outro'));
    await waitFor(async () => expect((await store.drafts.current()).draft.outro).toBe('下周见！'));
  });
});
