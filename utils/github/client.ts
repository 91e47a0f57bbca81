/**
 * The one Octokit the extension talks to GitHub with, for the author's Markdown of a post and for
 * calls made as the user (the shared weekly, publishing): GitHub's throttling and retry plugins,
 * and no waiting on a spent rate limit. A clip falls back to the converter and says so; the sync
 * tries again at its next round, a minute later.
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { GITHUB_API_URL } from './api-url';

const GitHubOctokit = Octokit.plugin(throttling, retry);

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export interface GitHubClientOptions {
  /** A personal access token; without one, public data only, at GitHub's 60 requests an hour. */
  token?: string;
  /** The API's address: GitHub's, or a stand-in in tests. */
  baseUrl?: string;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
}

export function createGitHubClient({ token, baseUrl = GITHUB_API_URL, fetch: fetchImpl }: GitHubClientOptions): Octokit {
  return new GitHubOctokit({
    ...(token && { auth: token }),
    baseUrl,
    // Never logs: a failed call's request (and so the token) must not reach the console.
    log: quiet,
    throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false },
    // One more try after a network or server failure, a second later (a clip is saved already). A
    // refusal is not retried: a write over a stale sha fails with 409 or 422, which the sync handles.
    // (Not `request.retries`: the retry plugin would then retry every failure, a 403 or 404 too.)
    retry: { retries: 1, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
    ...(fetchImpl && { request: { fetch: fetchImpl } }),
  });
}
