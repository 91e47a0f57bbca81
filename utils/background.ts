import { onMessage, toAnswer } from './messaging';
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
  return onMessage('saveClip', async ({ data }) => {
    try {
      return await store.save(data, { addToCurrentDraft: await addToCurrentDraft() });
    } catch (error) {
      // Nothing was saved (a failed save's transaction is rolled back), and the sender may say so.
      throw toAnswer(error);
    }
  });
}
