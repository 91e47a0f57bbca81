import { storedResponses } from './connection/response-cache';
import { getGitHubToken } from './connection/token';
import { createGitHubApi, type GitHubApi } from './github/api';
import { onMessage } from './messaging';
import { getSetting } from './settings';
import { checkSources, takeNewSource, takeSourceOfSavedClip, type SourceDeps } from './sources';
import { createClipStore, type ClipStore } from './store/clips';
import { openClipperDB } from './store/db';

/** A GitHub client with the token in use now. */
export async function githubApi(): Promise<GitHubApi> {
  return createGitHubApi({ token: await getGitHubToken(), cache: storedResponses });
}

/**
 * Registers the background's message handlers. Called synchronously at start-up: an MV3 worker that
 * wakes for a message must find its listener there. `addToCurrentDraft` is asked on every clip, so a
 * change in the options applies at once; so is `api`, so a token set or removed applies at once.
 */
export function registerClipHandlers(
  store: ClipStore = createClipStore(openClipperDB),
  addToCurrentDraft: () => Promise<boolean> = () => getSetting('addNewClipsToCurrentDraft'),
  api: () => Promise<GitHubApi> = githubApi,
): () => void {
  const sources: SourceDeps = { clips: store, api };
  const stops = [
    // A failed save is rolled back: its failure, which `onMessage` replies, tells the sender nothing was saved.
    onMessage('saveClip', async (capture) => {
      const saved = await store.save(capture, { addToCurrentDraft: await addToCurrentDraft() });
      // The page hears at once; the author's own Markdown replaces the converter's when it arrives.
      void takeSourceOfSavedClip(saved.clip, sources);
      return saved;
    }),
    onMessage('checkSources', (clipIds) => checkSources(clipIds, sources)),
    onMessage('takeNewSource', (clipId, overwriteEdit) => takeNewSource(clipId, overwriteEdit, sources)),
    onMessage('checkGitHubToken', async () => (await api()).checkToken()),
  ];
  return () => stops.forEach((stop) => stop());
}
