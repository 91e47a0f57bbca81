/**
 * The shared weekly's file in the team's repository: the Yjs document (what browsers merge) beside
 * a readable JSON view of it (what a person reviewing the repository reads). Only the document is
 * read back; the view is rewritten from it on every write.
 */
import * as v from 'valibot';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { LocalizedError } from '../errors';
import { decodeWeekly, readWeekly, type SharedWeekly } from './weekly-doc';
import type * as Y from 'yjs';

export const SHARED_FILE_FORMAT = 'weekly-clipper/shared-weekly';
export const SHARED_FILE_VERSION = 1;

export interface SharedFile {
  format: typeof SHARED_FILE_FORMAT;
  version: typeof SHARED_FILE_VERSION;
  /** The Yjs document's whole state, base64. */
  document: string;
  /** What the document says, for people: never read back. */
  weekly: SharedWeekly;
}

const sharedFileSchema = v.object({
  format: v.literal(SHARED_FILE_FORMAT),
  version: v.literal(SHARED_FILE_VERSION),
  document: v.pipe(v.string(), v.base64()),
});

/** The file's text for the document's current state. */
export function formatSharedFile(doc: Y.Doc, state: Uint8Array): string {
  const file: SharedFile = { format: SHARED_FILE_FORMAT, version: SHARED_FILE_VERSION, document: bytesToBase64(state), weekly: readWeekly(doc) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The document state a shared file holds. A file that is not one (edited by hand, another tool's,
 * cut short) is refused with a message naming it, and nothing is merged from it.
 */
export function parseSharedFile(text: string, where: string): Uint8Array {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LocalizedError('syncFileNotJson', [where]);
  }
  const checked = v.safeParse(sharedFileSchema, json);
  if (!checked.success) {
    throw new LocalizedError('syncFileNotShared', [where, SHARED_FILE_FORMAT]);
  }
  const state = base64ToBytes(checked.output.document);
  try {
    decodeWeekly(state);
  } catch {
    throw new LocalizedError('syncFileBroken', [where]);
  }
  return state;
}
