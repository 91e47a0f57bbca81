import { LocalizedError, substitutionOf } from '../errors';
import { checkContents } from '../store/contents';
import { check, InvalidData } from '../validation/check';
import { BACKUP_FORMAT, BACKUP_VERSION, backupFileSchema, type Backup } from './format';

/**
 * The backup in `text`, fully checked: its shape here, its clips and drafts against the store's
 * invariants (`checkContents`). Throws a `LocalizedError` saying what is wrong
 * (`… clips[3].number must be a number.`) otherwise. Unknown extra fields are dropped, timestamps
 * come back as `Date#toISOString` writes them, and a backup of an older version comes back as this
 * version would have written it.
 */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new LocalizedError('errorNotBackupJson');
  }
  const marked = typeof data === 'object' && data !== null && 'format' in data ? data : undefined;
  if (marked?.format !== BACKUP_FORMAT) throw new LocalizedError('errorNotBackupFormat', [BACKUP_FORMAT]);
  if ('version' in marked && typeof marked.version === 'number' && marked.version > BACKUP_VERSION) {
    throw new LocalizedError('errorBackupTooNew', [String(marked.version)]);
  }
  try {
    const { format, version, exportedAt, clips, drafts, sent, settings } = check(backupFileSchema, data);
    return { format, version, exportedAt, ...checkContents({ clips, drafts, sent }), settings };
  } catch (error) {
    if (error instanceof InvalidData) throw new LocalizedError('errorBackupNotImported', [substitutionOf(error)], { cause: error });
    throw error;
  }
}
