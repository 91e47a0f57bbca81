import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { PopupApi } from '@/components/popup/PopupApp';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { createStore } from '@/utils/store';
import { freshDatabase, seedCapture } from '../../support/clips';
import { draft, loaded, popupApi, preview, renderPopup, type RecordedPopupApi } from './popup-harness';

describe("the popup and SOFA Weekly's front matter", () => {
  let settings: Settings;
  let api: RecordedPopupApi & { setIssueFrontMatter: Mock<NonNullable<PopupApi['setIssueFrontMatter']>> };

  beforeEach(async () => {
    const store = createStore(freshDatabase());
    await store.clips.save(seedCapture(), { addToCurrentDraft: true });
    settings = { ...DEFAULT_SETTINGS, templateId: 'sofa-weekly', targetRepo: 'sofastack/sofa-weekly' };
    api = {
      ...popupApi(store, {
        loadSettings: async () => settings,
        selectTemplate: async (templateId) => void (settings = { ...settings, templateId }),
      }),
      setIssueFrontMatter: vi.fn<NonNullable<PopupApi['setIssueFrontMatter']>>(() => Promise.resolve()),
    };
  });

  afterEach(cleanup);

  const issueBody = () => new URL(api.openTab.mock.lastCall![0]).searchParams.get('body'); // called just before
  const choice = () => screen.queryByRole<HTMLInputElement>('checkbox', { name: 'Front matter in the issue' });

  it('previews the front matter as a table of keys and values, not as a heading', async () => {
    renderPopup(api);
    await loaded();
    // The preview loads after the popup's first render, in place of a placeholder of the same name.
    await waitFor(() => expect(preview().querySelector('table th')?.textContent).toBe('title'));
    expect([...preview().querySelectorAll('table.front-matter > thead th')].map((th) => th.textContent)).toEqual([
      'title',
      'authorlink',
      'description',
      'categories',
      'tags',
      'date',
      'cover',
    ]);
    // Its lines are in the table only, never text of a heading (Chromium's end-to-end test checks the heading itself).
    expect(preview().textContent).not.toContain('authorlink:');
    expect(preview().querySelector('hr')).toBeNull();
  });

  it('leaves the front matter out of a GitHub issue unless chosen, and remembers the choice for the template', async () => {
    renderPopup(api);
    await loaded();
    expect(choice()?.checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Open as GitHub issue' }));
    // The draft still has its default title: the warnings come first, then Go on.
    fireEvent.click(await screen.findByRole('button', { name: 'Go on' }));
    await waitFor(() => expect(api.openTab).toHaveBeenCalledTimes(1));
    expect(issueBody()).toMatch(/^## SOFA WEEKLY \| 每周精选\n/);

    fireEvent.click(choice()!);
    expect(api.setIssueFrontMatter).toHaveBeenCalledWith('sofa-weekly', true);
    fireEvent.click(screen.getByRole('button', { name: 'Open as GitHub issue' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Go on' }));
    await waitFor(() => expect(api.openTab).toHaveBeenCalledTimes(2));
    expect(issueBody()).toBe(draft().value);
  });

  it('keeps the front matter for a template the user chose to keep it for, and asks nothing of a template without any', async () => {
    settings = { ...settings, issueFrontMatter: { 'sofa-weekly': true } };
    renderPopup(api);
    await loaded();
    expect(choice()?.checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Template'), { target: { value: 'weekly-digest' } });
    await waitFor(() => expect(draft().value).toMatch(/^# /));
    expect(choice()).toBeNull();
  });
});
