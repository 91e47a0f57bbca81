/**
 * Backups: everything (clips, drafts, settings) as one JSON file, and its import, which changes all
 * of it or nothing. The backup stands above the store and settings: the store checks and merges the
 * clips and drafts in one transaction (`ContentsStore`), and this file adds the settings around it.
 */
import { LocalizedError, substitutionOf } from '../errors';
import { same } from '../same';
import { getSettings, setSettings, type Settings } from '../settings';
import type { ContentsStore, MergeReport } from '../store/contents';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';
import { mergeSettings } from './merge-settings';
import { parseBackup } from './parse';

export interface ImportReport extends MergeReport {
  settingsChanged: boolean;
}

export interface BackupStore {
  /** Everything, ready for `JSON.stringify`. */
  export(): Promise<Backup>;
  /**
   * Checks the backup file's text (`parseBackup`), then merges it (`ContentsStore.merge`,
   * `mergeSettings`); rejects, changing nothing (settings included), when the file is not a valid
   * backup or cannot be stored.
   */
  import(text: string): Promise<ImportReport>;
}

export function createBackupStore(contents: ContentsStore, clock: () => Date = () => new Date()): BackupStore {
  return {
    async export() {
      const [stored, settings] = await Promise.all([contents.read(), getSettings()]);
      return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: clock().toISOString(), ...stored, settings };
    },

    async import(text) {
      const backup = parseBackup(text);
      // Settings live in browser.storage, which no database transaction covers. They are written
      // first: a refused write (storage.local's quota) stops the import before the database
      // changes, and if the database then refuses the backup, they are put back.
      const local = await getSettings();
      const merged = mergeSettings(local, backup.settings);
      const settingsChanged = !same(local, merged);
      if (settingsChanged) await setSettings(merged);
      try {
        const report = await contents.merge(backup);
        return { ...report, settingsChanged };
      } catch (error) {
        if (settingsChanged) await putSettingsBack(local, error);
        throw error;
      }
    },
  };
}

/** Undoes the settings half of a failed import; if even that fails, says that the settings did change. */
async function putSettingsBack(previous: Settings, cause: unknown): Promise<void> {
  try {
    await setSettings(previous);
  } catch (error) {
    throw new LocalizedError('errorBackupSettingsNotPutBack', [substitutionOf(cause), substitutionOf(error)], { cause });
  }
}
