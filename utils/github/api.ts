/**
 * GitHub's API, for the author's own Markdown of a post: conditional requests (a 304 costs no rate
 * limit) and a rate limit that is respected by not asking again before it resets, never by making
 * a clip wait for it.
 */
import { RequestError } from '@octokit/request-error';
import type { ConverterReason, PostSource } from '../model';
import { GITHUB_API_URL } from './api-url';
import { createGitHubClient } from './client';

/** A response kept for a conditional request: its ETag and the data it came with. */
export interface CachedResponse {
  etag: string;
  data: unknown;
}

/** Where responses are kept between requests (and between the background's lives). */
export interface ResponseCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, response: CachedResponse): Promise<void>;
}

export interface GitHubApiOptions {
  /** A personal access token; without one, public data only, at GitHub's 60 requests an hour. */
  token?: string;
  /** The API's address: GitHub's, or a stand-in in tests. */
  baseUrl?: string;
  cache: ResponseCache;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** Why a request got no answer we can use. */
export type RequestFailure = Extract<ConverterReason, 'offline' | 'rateLimited' | 'unauthorised' | 'gone' | 'failed'>;

/** The author's Markdown of a post, or why it could not be read (a discussion needs a token). */
export type SourceResult = { markdown: string } | { failed: RequestFailure | 'needsToken' };

/** Who a token belongs to, or why it was refused. */
export type TokenCheck = { login: string } | { failed: RequestFailure };

export interface GitHubApi {
  readSource(source: PostSource): Promise<SourceResult>;
  /** Asks GitHub whose the token is (`GET /user`), which checks it. */
  checkToken(): Promise<TokenCheck>;
}

/** Discussion comments are found among the first pages of the discussion's comments (100 a page). */
const DISCUSSION_PAGES = 5;

/**
 * Until when GitHub asked us to stop, by API address and token: a rate-limited client falls back at
 * once rather than asking again (and counting against the limit) before it resets.
 */
const limitedUntil = new Map<string, number>();

export function createGitHubApi({ token, baseUrl = GITHUB_API_URL, cache, fetch: fetchImpl, now = Date.now }: GitHubApiOptions): GitHubApi {
  const octokit = createGitHubClient({ token, baseUrl, fetch: fetchImpl });
  const limitKey = `${baseUrl} ${token ? 'token' : 'anonymous'}`;

  /** Runs `call`, turning GitHub's refusals into the reason the clip keeps the converter's Markdown. */
  async function guarded<T>(call: () => Promise<T>): Promise<T | { failed: RequestFailure }> {
    if ((limitedUntil.get(limitKey) ?? 0) > now()) return { failed: 'rateLimited' };
    try {
      return await call();
    } catch (error) {
      const failed = reasonOf(error);
      if (failed === 'rateLimited') limitedUntil.set(limitKey, resetOf(error, now()));
      return { failed };
    }
  }

  /** A REST GET, conditional on the ETag of the response kept from last time. */
  async function get(route: string, parameters: Record<string, string | number>): Promise<unknown> {
    const key = `${baseUrl} ${route} ${JSON.stringify(parameters)}`;
    const cached = await cache.get(key);
    try {
      const response = await octokit.request(`GET ${route}`, { ...parameters, headers: cached ? { 'if-none-match': cached.etag } : {} });
      const etag = response.headers.etag;
      if (etag) await cache.set(key, { etag, data: response.data });
      return response.data;
    } catch (error) {
      if (cached && error instanceof RequestError && error.status === 304) return cached.data;
      throw error;
    }
  }

  async function discussionBody(source: Extract<PostSource, { type: 'discussion' | 'discussionComment' }>): Promise<SourceResult> {
    if (!token) return { failed: 'needsToken' };
    const [owner, name] = source.repo.split('/');
    let after: string | null = null;
    for (let page = 0; page < DISCUSSION_PAGES; page++) {
      const data: DiscussionPage = await octokit.graphql(DISCUSSION_QUERY, { owner, name, number: source.number, after });
      const discussion = data.repository?.discussion;
      if (!discussion) return { failed: 'gone' };
      if (source.type === 'discussion') return { markdown: discussion.body };
      const comments = discussion.comments.nodes.flatMap((comment) => [comment, ...comment.replies.nodes]);
      const found = comments.find((comment) => comment.databaseId === source.id);
      if (found) return { markdown: found.body };
      if (!discussion.comments.pageInfo.hasNextPage) break;
      after = discussion.comments.pageInfo.endCursor;
    }
    return { failed: 'gone' };
  }

  async function body(source: PostSource): Promise<SourceResult> {
    const [owner = '', repo = ''] = source.repo.split('/');
    const bodyOf = (data: unknown) => ({ markdown: (data as { body?: string | null }).body ?? '' }); // REST's issue, comment and review objects all carry `body`
    switch (source.type) {
      case 'issue':
        return bodyOf(await get('/repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: source.number }));
      case 'issueComment':
        return bodyOf(await get('/repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: source.id }));
      case 'reviewComment':
        return bodyOf(await get('/repos/{owner}/{repo}/pulls/comments/{comment_id}', { owner, repo, comment_id: source.id }));
      case 'review':
        return bodyOf(
          await get('/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', { owner, repo, pull_number: source.number, review_id: source.id }),
        );
      case 'discussion':
      case 'discussionComment':
        return discussionBody(source);
    }
  }

  return {
    readSource: (source) => guarded(() => body(source)),
    checkToken: () => guarded(async () => ({ login: (await octokit.request('GET /user')).data.login })),
  };
}

interface DiscussionComment {
  databaseId: number;
  body: string;
}

interface DiscussionPage {
  repository: {
    discussion: {
      body: string;
      comments: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: (DiscussionComment & { replies: { nodes: DiscussionComment[] } })[] };
    } | null;
  } | null;
}

const DISCUSSION_QUERY = `query($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussion(number: $number) {
      body
      comments(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { databaseId body replies(first: 100) { nodes { databaseId body } } }
      }
    }
  }
}`;

function headerOf(error: RequestError, name: string): string | undefined {
  const value = error.response?.headers[name];
  return value === undefined ? undefined : String(value);
}

function isRateLimit(error: RequestError): boolean {
  return (error.status === 403 || error.status === 429) && (headerOf(error, 'x-ratelimit-remaining') === '0' || headerOf(error, 'retry-after') !== undefined);
}

/** Why a request failed, as the clip records it. */
function reasonOf(error: unknown): RequestFailure {
  if (error instanceof RequestError) {
    if (isRateLimit(error)) return 'rateLimited';
    if (error.status === 401 || error.status === 403) return 'unauthorised';
    if (error.status === 404 || error.status === 410) return 'gone';
    // @octokit/request reports a fetch that never got a response (offline, blocked) as a 500 without one.
    if (!error.response) return 'offline';
    return 'failed';
  }
  // GraphQL answers 200 with errors: a discussion that is not there, or the limit reached.
  const types = ((error as { errors?: { type?: string }[] }).errors ?? []).map((each) => each.type); // GraphqlResponseError's list
  if (types.includes('RATE_LIMITED')) return 'rateLimited';
  if (types.includes('NOT_FOUND')) return 'gone';
  return 'failed';
}

/** When a rate limit ends: `Retry-After` seconds from now, else `x-ratelimit-reset` (epoch seconds), else a minute. */
function resetOf(error: unknown, now: number): number {
  if (!(error instanceof RequestError)) return now + 60_000;
  const retryAfter = Number(headerOf(error, 'retry-after'));
  if (retryAfter > 0) return now + retryAfter * 1000;
  const reset = Number(headerOf(error, 'x-ratelimit-reset'));
  return reset > 0 ? reset * 1000 : now + 60_000;
}

/** Forgets every rate limit seen (tests start each case afresh). */
export function forgetRateLimits(): void {
  limitedUntil.clear();
}
