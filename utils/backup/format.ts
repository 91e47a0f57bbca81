/** The backup file: everything (clips, drafts, settings) as one JSON document. */
import { optional, type InferOutput } from 'valibot';
import { clipSchema, draftSchema } from '../model/schemas';
import { settingsSchema } from '../settings';
import { list, literal, nonEmptyString, object, record, timestamp } from '../validation/values';

export const BACKUP_FORMAT = 'weekly-clipper-backup';
export const BACKUP_VERSION = 1;

/** A backup file as this version writes it, and as older ones (without `sent`) were. */
export const backupFileSchema = object({
  format: literal(BACKUP_FORMAT),
  version: literal(BACKUP_VERSION),
  /** ISO 8601 */
  exportedAt: timestamp,
  clips: list(clipSchema),
  drafts: list(draftSchema),
  /** Where sent clips are (`Contents.sent` in the store); backups of older versions lack it. */
  sent: optional(record(nonEmptyString, nonEmptyString)),
  settings: settingsSchema,
});

/** A backup as this version writes it: an older one is brought up to it when it is read (`parseBackup`). */
export type Backup = Required<InferOutput<typeof backupFileSchema>>;

/** `weekly-clipper-backup-2023-01-06.json` */
export function backupFileName(date: Date): string {
  return `weekly-clipper-backup-${date.toISOString().slice(0, 10)}.json`;
}
