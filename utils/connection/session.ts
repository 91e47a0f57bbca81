/**
 * GitHub as the user, for what the background does in their name (the shared weekly, publishing):
 * a client with their token and their login, which is asked of GitHub once per token.
 */
import { createGitHubClient } from '../github/client';
import type { GitHubSession } from '../sync/service';
import { getGitHubToken } from './token';

let known: { token: string; login: string } | undefined;

/** The user's session, or undefined when no token is set. Rejects as GitHub does (401 for a revoked token). */
export async function githubSession(): Promise<GitHubSession> {
  const token = await getGitHubToken();
  if (!token) return undefined;
  const octokit = createGitHubClient({ token });
  if (known?.token !== token) {
    const { data } = await octokit.request('GET /user');
    known = { token, login: data.login };
  }
  return { octokit, login: known.login };
}
