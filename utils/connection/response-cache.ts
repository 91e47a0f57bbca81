import { storage } from 'wxt/utils/storage';
import type { CachedResponse, ResponseCache } from '../github/api';

/** The responses kept; the oldest go first. A week of clips checks far fewer posts. */
const KEPT = 200;

type Kept = Record<string, CachedResponse>;

const responsesItem = storage.defineItem<Kept>('local:githubResponses', { fallback: {}, version: 1 });

/**
 * GitHub's responses and their ETags, in `storage.local`: the next request for a post is
 * conditional, and GitHub's 304 (nothing changed) costs no rate limit, even after the browser restarts.
 */
export const storedResponses: ResponseCache = {
  async get(key) {
    return (await responsesItem.getValue())[key];
  },
  async set(key, response) {
    const { [key]: _previous, ...others } = await responsesItem.getValue();
    const kept = Object.entries(others).slice(-(KEPT - 1));
    await responsesItem.setValue({ ...Object.fromEntries(kept), [key]: response });
  },
};
