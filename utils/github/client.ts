/**
 * An Octokit for calls made as the user (the shared weekly, publishing): GitHub's throttling and
 * retry plugins, and no waiting on a spent rate limit (the call fails at once and says until when;
 * the sync's next round, a minute later, tries again).
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { GITHUB_API_URL } from './api-url';

const UserOctokit = Octokit.plugin(throttling, retry);

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export interface GitHubClientOptions {
  token: string;
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createGitHubClient({ token, baseUrl = GITHUB_API_URL, fetch: fetchImpl }: GitHubClientOptions): Octokit {
  return new UserOctokit({
    auth: token,
    baseUrl,
    // Never logs: a failed call's request (and so the token) must not reach the console.
    log: quiet,
    throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false },
    // A write over a stale sha fails with 409 or 422, which the sync handles itself: no blind retries.
    retry: { retries: 1, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
    request: fetchImpl ? { fetch: fetchImpl } : {},
  });
}
