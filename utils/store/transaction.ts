import { ClipperError, LocalizedError, messageOf } from '../errors';
import { changeHub } from './changes';
import { STORES, type ClipperDB, type StoreTx } from './db';

/**
 * Turns what IndexedDB throws into an error the popup can show. Our own `ClipperError`s already read
 * well; a DOMException's name is the useful part of it, so it decides the wording, and its message
 * (the browser's English) is quoted only when no wording of ours fits.
 */
export function storageError(error: unknown): Error {
  if (error instanceof ClipperError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const detail = messageOf(error);
  switch (name) {
    case 'QuotaExceededError':
      return new LocalizedError('storeQuotaExceeded', [], { cause: error });
    case 'InvalidStateError':
      return new LocalizedError('storeClosed', [], { cause: error });
    case 'VersionError':
      return new LocalizedError('storeTooNew', [], { cause: error });
    default:
      return name ? new LocalizedError('storeFailedNamed', [name, detail], { cause: error }) : new LocalizedError('storeFailed', [detail], { cause: error });
  }
}

/**
 * Runs `work` in one transaction over both stores, so everything it writes lands together or not at
 * all. If `work` throws (our own checks included), the transaction is aborted: no partial writes.
 * A read-write transaction that commits is announced on the change feed (`changes.ts`) before the
 * result is handed back; one rolled back is not.
 */
export async function inTransaction<T, Mode extends 'readonly' | 'readwrite'>(
  database: () => Promise<ClipperDB>,
  mode: Mode,
  work: (tx: StoreTx<Mode>) => Promise<T>,
): Promise<T> {
  let tx: StoreTx<Mode> | undefined;
  try {
    const db = await database();
    tx = db.transaction(STORES, mode);
    // Observed here so an aborted transaction is never an unhandled rejection; awaited below.
    const done = tx.done;
    done.catch(() => undefined);
    const result = await work(tx);
    await done;
    if (mode === 'readwrite') changeHub.announce(db.name, { stores: [...STORES] });
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw storageError(error);
  }
}

function abortQuietly(tx: StoreTx | undefined): void {
  try {
    tx?.abort();
  } catch {
    // Already committed or aborted by the failing request itself: nothing left to undo.
  }
}
