import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSettings, setSettings } from '@/utils/settings';
import { freshDatabase, manualClock, seedCapture, threadCapture } from '../../../support/clips';
import { createProfile } from '../../../support/profile';
import { harness, openOptionsAt, type Harness } from './harness';

const mosn = { name: 'MOSN', link: 'https://github.com/mosn/mosn/' };

/** Chooses `text` as the file of the "Import backup" field. */
function chooseFile(text: string, name = 'backup.json') {
  const input = screen.getByLabelText<HTMLInputElement>('Import backup');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

/** The import report's table as rows of [what, clips, drafts]. */
function reportRows(): string[][] {
  const status = within(screen.getByRole('region', { name: 'Backup' })).getByRole('status');
  const table = within(status).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole(/^(cell|rowheader)$/)
        .map((cell) => cell.textContent ?? ''),
    );
}

/** Everything a user could observe as stored: the backup's content without its timestamp. */
async function snapshot({ store }: Harness) {
  const { exportedAt: _when, ...rest } = await store.backup.export();
  return rest;
}

describe('options: backup', () => {
  let page: Harness;

  beforeEach(async () => {
    fakeBrowser.reset();
    page = harness();
    await page.store.clips.save(seedCapture(), { addToCurrentDraft: true });
    await setSettings({ projects: { 'mosn/mosn': mosn } });
  });

  afterEach(cleanup);

  const open = () => openOptionsAt('Backup', { api: page.api });

  /** A backup made in another browser: two threads in a published week, one in its current draft, a target repo. */
  async function otherBrowsersBackup(): Promise<string> {
    const clock = manualClock('2023-01-02T00:00:00.000Z');
    const other = createProfile(freshDatabase(), clock.now);
    await other.clips.save(threadCapture(1), { addToCurrentDraft: true });
    await other.clips.save(threadCapture(2), { addToCurrentDraft: true });
    clock.set('2023-01-06T07:00:00.000Z');
    await other.drafts.publish();
    await other.clips.save(threadCapture(3), { addToCurrentDraft: true });
    const backup = await other.backup.export();
    return JSON.stringify({ ...backup, settings: { ...backup.settings, targetRepo: 'mosn/weekly', templateId: 'sofa-weekly' } });
  }

  it('downloads a backup of everything as JSON, named by the day', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    expect(await screen.findByText('Backup saved as weekly-clipper-backup-2023-01-07.json.')).toBeTruthy();
    expect(page.download).toHaveBeenCalledTimes(1);
    const [fileName, text] = page.download.mock.calls[0]!; // called once, checked just above
    expect(fileName).toBe('weekly-clipper-backup-2023-01-07.json');
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: 'weekly-clipper-backup', version: 1, exportedAt: '2023-01-07T08:00:00.000Z' });
    expect(backup.clips.map((clip: { id: string }) => clip.id)).toEqual(['mosn/mosn#2203']);
    expect(backup.settings.projects).toEqual({ 'mosn/mosn': mosn });
  });

  it('imports a good backup and reports what it added', async () => {
    await open();
    chooseFile(await otherBrowsersBackup());
    expect(await screen.findByText('Backup imported.')).toBeTruthy();
    expect(reportRows()).toEqual([
      ['Added', '3', '1'],
      ['Updated', '0', '1'],
      ['Unchanged', '0', '0'],
    ]);
    expect(screen.getByText("Clips moved into your current draft from the backup's: 1")).toBeTruthy();
    expect(screen.getByText('Settings were updated from the backup.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    const { clips, drafts, settings } = await snapshot(page);
    expect(clips.map((clip) => clip.id).sort()).toEqual(['mosn/mosn#1', 'mosn/mosn#2', 'mosn/mosn#2203', 'mosn/mosn#3']);
    expect(drafts).toHaveLength(2);
    expect(settings).toMatchObject({ targetRepo: 'mosn/weekly', templateId: 'sofa-weekly', projects: { 'mosn/mosn': mosn } });
    // The page shows the imported settings at once.
    expect(screen.getByLabelText<HTMLInputElement>('Target repository').value).toBe('mosn/weekly');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'SOFA Weekly' }).checked).toBe(true);
  });

  it('reports a backup it already holds as unchanged', async () => {
    const text = JSON.stringify(await page.store.backup.export());
    await open();
    chooseFile(text);
    expect(await screen.findByText('Backup imported.')).toBeTruthy();
    expect(reportRows()).toEqual([
      ['Added', '0', '0'],
      ['Updated', '0', '0'],
      ['Unchanged', '1', '1'],
    ]);
    expect(screen.getByText('Settings were already the same.')).toBeTruthy();
  });

  it.each([
    ['not JSON', '{ "format": ', 'This file is not a Weekly Clipper backup: it is not JSON.'],
    [
      'another kind of JSON',
      '{ "name": "weekly-clipper", "version": "0.1.0" }',
      'This file is not a Weekly Clipper backup: it has no "format": "weekly-clipper-backup".',
    ],
  ])('changes nothing and says why when the file is %s', async (_kind, text, message) => {
    const before = await snapshot(page);
    await open();
    chooseFile(text);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`Nothing was imported or changed. ${message}`);
    expect(await snapshot(page)).toEqual(before);
  });

  it('changes nothing and says why when the backup is broken', async () => {
    const good = JSON.parse(await otherBrowsersBackup());
    good.clips[2].number = 'three';
    const before = await snapshot(page);
    const settingsBefore = await getSettings();
    await open();
    chooseFile(JSON.stringify(good));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Nothing was imported or changed. This backup was not imported: clips[2].number must be a number.');
    expect(screen.queryByText('Backup imported.')).toBeNull();
    expect(await snapshot(page)).toEqual(before);
    expect(await getSettings()).toEqual(settingsBefore);
  });

  it('imports the same file again after a failure, once it is chosen again', async () => {
    await open();
    chooseFile('nonsense');
    await screen.findByRole('alert');
    expect(screen.getByLabelText<HTMLInputElement>('Import backup').value).toBe('');
    chooseFile(await otherBrowsersBackup());
    expect(await screen.findByText('Backup imported.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
