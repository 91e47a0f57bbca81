import './happy-dom-webidl';
import 'fake-indexeddb/auto';
import { render, screen } from '@testing-library/preact';
import { vi, type Mock } from 'vitest';
import { settingsApi, type OptionsApi } from '@/components/options/api';
import { Options } from '@/components/options/Options';
import { setSettings } from '@/utils/settings';
import { freshDatabase, manualClock } from '../../../support/clips';
import { createProfile, type Profile } from '../../../support/profile';

export interface Harness {
  api: OptionsApi;
  /** The same database the page's backup store uses, to seed and inspect. */
  store: Profile;
  clock: ReturnType<typeof manualClock>;
  download: Mock<OptionsApi['download']>;
}

/**
 * The real options API: settings on WXT's fake browser (reset it in `beforeEach`), backups on a
 * database of this test's own in fake-indexeddb, and a recorded download instead of a file.
 */
export function harness(): Harness {
  const clock = manualClock('2023-01-07T08:00:00.000Z');
  const store = createProfile(freshDatabase(), clock.now);
  const download = vi.fn<OptionsApi['download']>();
  // No shared weekly is set in these tests: the status stays off and no round is asked for.
  const sync: OptionsApi['sync'] = {
    read: () => Promise.resolve({ state: 'off', waiting: 0 }),
    watch: () => () => {},
    syncNow: () => Promise.reject(new Error('no sync expected')),
  };
  return { api: { ...settingsApi, backup: store.backup, download, sync }, store, clock, download };
}

export function renderOptions(api: OptionsApi) {
  return render(<Options api={api} />);
}

/** Saves `settings`, renders the options page on `api` and waits until `section`'s heading shows. */
export async function openOptionsAt(
  section: string,
  { settings = {}, api = harness().api }: { settings?: Parameters<typeof setSettings>[0]; api?: OptionsApi } = {},
) {
  await setSettings(settings);
  renderOptions(api);
  await screen.findByRole('heading', { name: section });
}
