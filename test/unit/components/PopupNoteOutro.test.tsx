import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupApi } from '@/components/popup/PopupApp';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { createStore, type Store } from '@/utils/store';
import { openClipperDB } from '@/utils/store/db';
import { seedCapture } from '../../support/clips';

const answer = { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown: 'Debug server init here' };

describe("the popup's editor's note and outro", () => {
  let store: Store;
  let settings: Settings;
  let api: PopupApi;

  beforeEach(async () => {
    store = createStore(() => openClipperDB(`test-${crypto.randomUUID()}`));
    await store.clips.save(seedCapture({ answer }), { addToCurrentDraft: true });
    settings = { ...DEFAULT_SETTINGS, templateId: 'sofa-weekly', projects: { 'mosn/mosn': { name: 'MOSN', link: 'https://github.com/mosn/mosn/' } } };
    api = {
      store,
      loadSettings: async () => settings,
      selectTemplate: async () => {},
      shortcut: async () => undefined,
      copy: vi.fn<PopupApi['copy']>(() => Promise.resolve()),
      download: vi.fn<PopupApi['download']>(),
      openTab: vi.fn<PopupApi['openTab']>(() => Promise.resolve()),
      openOptions: vi.fn<PopupApi['openOptions']>(() => Promise.resolve()),
    };
  });

  afterEach(cleanup);

  const draft = () => screen.getByLabelText<HTMLTextAreaElement>('Draft Markdown');
  const loaded = () => waitFor(() => expect(draft().value).toContain('#2203'));

  it('prints a note written in the clip editor after the answer, and keeps it when the thread is clipped again', async () => {
    render(<PopupApp api={api} />);
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Edit mosn/mosn#2203' }));
    fireEvent.input(screen.getByLabelText("Editor's note (Markdown)"), { target: { value: '编者按：v1.3 已修复。' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(draft().value).toContain('A：Debug server init here\n\n编者按：v1.3 已修复。\n\n**「MOSN」**'));
    expect(screen.getByRole('status').textContent).toBe('Saved mosn/mosn#2203.');

    await store.clips.save(seedCapture({ answer: { ...answer, markdown: 'A newer answer' } }));
    await waitFor(() => expect(draft().value).toContain('A：A newer answer\n\n编者按：v1.3 已修复。\n\n**「MOSN」**'));
  });

  it('prints the outro before the standing closing, and copies it with the draft', async () => {
    render(<PopupApp api={api} />);
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
