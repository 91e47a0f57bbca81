import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OptionsApi } from '@/components/options/api';
import { Options } from '@/components/options/Options';
import { ClipperError } from '@/utils/errors';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { BackupStore } from '@/utils/backup';

/** An API where nothing is stored: each test overrides what it is about. */
function fakeApi(overrides: Partial<OptionsApi> = {}): OptionsApi {
  const never = () => Promise.reject(new Error('not expected in this test'));
  return {
    getSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    watchSettings: () => () => {},
    setSettings: never,
    saveUserTemplate: never,
    removeUserTemplate: never,
    setProject: never,
    backup: { export: never, import: never } satisfies BackupStore,
    download: vi.fn(),
    sync: { read: () => Promise.resolve({ state: 'off', waiting: 0 }), watch: () => () => {}, syncNow: never },
    ...overrides,
  };
}

describe('Options', () => {
  afterEach(cleanup);

  it('shows every section once the settings are read', async () => {
    render(<Options api={fakeApi()} />);
    expect(screen.getByText('Loading settings…')).toBeTruthy();
    const sections = await screen.findAllByRole('region', { name: /^(Templates|Projects|Export|Backup)$/ });
    expect(sections.map((section) => section.querySelector('h2')?.textContent)).toEqual(['Templates', 'Projects', 'Export', 'Backup']);
    expect(screen.queryByText('Loading settings…')).toBeNull();
  });

  it('says why when the settings cannot be read', async () => {
    render(<Options api={fakeApi({ getSettings: () => Promise.reject(new Error('storage is unavailable')) })} />);
    expect((await screen.findByRole('alert')).textContent).toBe('The settings could not be read: storage is unavailable');
    expect(screen.queryByRole('heading', { name: 'Templates' })).toBeNull();
  });

  it('says why a change could not be saved, showing the saved value still', async () => {
    const setSettings = vi.fn(() => Promise.reject(new ClipperError('The settings could not be saved: QUOTA_BYTES quota exceeded')));
    render(<Options api={fakeApi({ setSettings })} />);
    const checkbox = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Add new clips to the current draft' });
    checkbox.click();
    expect((await screen.findByRole('alert')).textContent).toBe('The settings could not be saved: QUOTA_BYTES quota exceeded');
    expect(setSettings).toHaveBeenCalledWith({ addNewClipsToCurrentDraft: false });
    expect(checkbox.checked).toBe(true);
  });

  it('stops watching the settings when it closes', async () => {
    const unwatch = vi.fn();
    const { unmount } = render(<Options api={fakeApi({ watchSettings: () => unwatch })} />);
    await screen.findByRole('heading', { name: 'Templates' });
    unmount();
    expect(unwatch).toHaveBeenCalledTimes(1);
  });
});
