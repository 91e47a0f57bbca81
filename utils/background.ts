import { onMessage } from './messaging';
import { getSetting } from './settings';
import { createClipStore, type ClipStore } from './store/clips';
import { openClipperDB } from './store/db';

/**
 * Registers the background's message handlers. Called synchronously at start-up: an MV3 worker that
 * wakes for a message must find its listener there. `addToCurrentDraft` is asked on every clip, so a
 * change in the options applies at once.
 */
export function registerClipHandlers(
  store: ClipStore = createClipStore(openClipperDB),
  addToCurrentDraft: () => Promise<boolean> = () => getSetting('addNewClipsToCurrentDraft'),
): () => void {
  // A failed save is rolled back: its failure, which `onMessage` replies, tells the sender nothing was saved.
  return onMessage('saveClip', async (capture) => store.save(capture, { addToCurrentDraft: await addToCurrentDraft() }));
}
