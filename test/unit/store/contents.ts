import type { Draft } from '@/utils/model';
import type { ClipperDB, ClipRecord } from '@/utils/store/db';
import { checkStoreInvariants } from '@/utils/store/invariants';

export interface Contents {
  clips: ClipRecord[];
  drafts: Draft[];
}

/** Everything the database holds, as stored (clips with their placement), in key order. */
export async function readContents(open: () => Promise<ClipperDB>): Promise<Contents> {
  const db = await open();
  try {
    const tx = db.transaction(['clips', 'drafts']);
    const [clips, drafts] = await Promise.all([tx.objectStore('clips').getAll(), tx.objectStore('drafts').getAll()]);
    return { clips, drafts };
  } finally {
    db.close();
  }
}

/** Throws, naming the broken rule, unless the database keeps the invariants a backup is checked against. */
export async function expectConsistent(open: () => Promise<ClipperDB>): Promise<void> {
  const { clips, drafts } = await readContents(open);
  checkStoreInvariants(clips, drafts);
}
