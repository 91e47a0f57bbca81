/**
 * The user's GitHub token: optional, for discussions (GitHub's GraphQL API wants one), private
 * repositories and a higher rate limit. It stays in this browser's `storage.local`: it is no setting,
 * so no backup carries it, and no page shows it whole. Whatever else talks to GitHub as the user
 * (publishing, a shared weekly) reads it here.
 */
import { storage } from 'wxt/utils/storage';

const tokenItem = storage.defineItem<string>('local:githubToken', { fallback: '', version: 1 });

/** The token, or undefined when none is set. */
export async function getGitHubToken(): Promise<string | undefined> {
  return (await tokenItem.getValue()) || undefined;
}

/** Keeps `token` (trimmed); an empty one removes it. */
export async function setGitHubToken(token: string): Promise<void> {
  const trimmed = token.trim();
  if (trimmed) await tokenItem.setValue(trimmed);
  else await tokenItem.removeValue();
}

export function removeGitHubToken(): Promise<void> {
  return tokenItem.removeValue();
}

/** Calls `callback` whenever the token is set or removed (in any page). Returns the unwatch function. */
export function watchGitHubToken(callback: (token: string | undefined) => void): () => void {
  return tokenItem.watch((token) => callback(token || undefined));
}

/** The token as a page may show it: its kind and last four characters (`ghp_…a1b2`). */
export function maskToken(token: string): string {
  const prefix = /^(gh[a-z]_|github_pat_)/.exec(token)?.[1] ?? '';
  return `${prefix}…${token.slice(-4)}`;
}
