// The popup's tests each open a database of their own in fake-indexeddb, installed here for all of them.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/preact';
import { expect, vi, type Mock } from 'vitest';
import { PopupApp, type PopupApi } from '@/components/popup/PopupApp';
import { DEFAULT_SETTINGS } from '@/utils/settings';

/** The ways out of the popup, recorded instead of taken. */
type WayOut = 'copy' | 'download' | 'openTab' | 'openOptions';

export type RecordedPopupApi = PopupApi & { [K in WayOut]: Mock<PopupApi[K]> };

/** An answer to mosn/mosn#2203 as Clip as answer saves it, one line long. */
export const SHORT_ANSWER_2203 = { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown: 'Debug server init here' };

/**
 * The popup's API over `store`, as the popup page wires it but for the browser: the default
 * settings, no shortcut, a template choice that is not kept, and the ways out (copy, download, a new
 * tab, the options) recorded. `overrides` replaces any of the rest.
 */
export function popupApi(store: PopupApi['store'], overrides: Partial<Omit<PopupApi, WayOut>> = {}): RecordedPopupApi {
  return {
    store,
    loadSettings: async () => DEFAULT_SETTINGS,
    selectTemplate: async () => undefined,
    shortcut: async () => undefined,
    copy: vi.fn<PopupApi['copy']>(() => Promise.resolve()),
    download: vi.fn<PopupApi['download']>(),
    openTab: vi.fn<PopupApi['openTab']>(() => Promise.resolve()),
    openOptions: vi.fn<PopupApi['openOptions']>(() => Promise.resolve()),
    ...overrides,
  };
}

export function renderPopup(api: PopupApi) {
  return render(<PopupApp api={api} />);
}

/** The draft's Markdown, as the popup shows it. */
export const draft = () => screen.getByLabelText<HTMLTextAreaElement>('Draft Markdown');

/** The line that says what the last action did. */
export const status = () => screen.getByRole('status');

export const preview = () => screen.getByRole('region', { name: 'Preview' });

/** The popup's sections: "In this issue (N)", "Inbox (N)". */
export const headings = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

/** Waits until the draft's Markdown holds `thread`: the popup has read the draft that holds it. */
export const loaded = (thread = '#2203') => waitFor(() => expect(draft().value).toContain(thread));

/** Waits for the warnings shown before an issue goes out, and reads them. */
export const warningsListed = async () =>
  within(await screen.findByRole('alertdialog'))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
