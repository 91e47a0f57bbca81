import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubApi, forgetRateLimits, type CachedResponse, type ResponseCache } from '@/utils/github/api';
import { GitHubStandIn, readApiFixture } from '../../support/github-stand-in';

const BASE = 'https://api.github.test';
const COMMENT = '/repos/mosn/mosn/issues/comments/1370000001';
const comment = { type: 'issueComment', repo: 'mosn/mosn', id: 1370000001 } as const;

function memoryCache(): ResponseCache & { kept: Map<string, CachedResponse> } {
  const kept = new Map<string, CachedResponse>();
  return { kept, get: async (key) => kept.get(key), set: async (key, response) => void kept.set(key, response) };
}

function setUp(token?: string) {
  const github = new GitHubStandIn();
  github.put(COMMENT, readApiFixture('issue-comment.json'));
  const cache = memoryCache();
  const api = createGitHubApi({ baseUrl: BASE, cache, fetch: github.fetch, ...(token && { token }) });
  return { github, cache, api };
}

describe("GitHub's API, for the author's own Markdown", () => {
  afterEach(() => forgetRateLimits());

  it('reads an issue comment as its author typed it', async () => {
    const { api, github } = setUp();
    expect(await api.readSource(comment)).toEqual({ markdown: readApiFixture<{ body: string }>('issue-comment.json').body });
    expect(github.requestsTo(COMMENT)).toHaveLength(1);
  });

  it('asks the REST resource of each kind of post', async () => {
    const { api, github } = setUp();
    github.put('/repos/mosn/mosn/issues/2203', { number: 2203, body: 'The issue' });
    github.put('/repos/mosn/mosn/pulls/comments/55', { id: 55, body: 'A review comment' });
    github.put('/repos/mosn/mosn/pulls/7/reviews/66', { id: 66, body: 'A review summary' });
    expect(await api.readSource({ type: 'issue', repo: 'mosn/mosn', number: 2203 })).toEqual({ markdown: 'The issue' });
    expect(await api.readSource({ type: 'reviewComment', repo: 'mosn/mosn', id: 55 })).toEqual({ markdown: 'A review comment' });
    expect(await api.readSource({ type: 'review', repo: 'mosn/mosn', number: 7, id: 66 })).toEqual({ markdown: 'A review summary' });
  });

  it('asks again conditionally: an unchanged post answers 304 from the kept response, at no cost to the rate limit', async () => {
    const { api, github } = setUp();
    await api.readSource(comment);
    const again = await api.readSource(comment);
    expect(again).toEqual({ markdown: readApiFixture<{ body: string }>('issue-comment.json').body });
    const [first, second] = github.requestsTo(COMMENT);
    expect(first?.headers['if-none-match']).toBeUndefined();
    expect(second?.headers['if-none-match']).toMatch(/^W\/"/);
  });

  it('reads the new text once the author edited the post', async () => {
    const { api, github } = setUp();
    await api.readSource(comment);
    github.edit(COMMENT, 'Edited: use `InitDebugServe` instead.');
    expect(await api.readSource(comment)).toEqual({ markdown: 'Edited: use `InitDebugServe` instead.' });
  });

  it('falls back at once when rate-limited, and asks no more until the limit resets', async () => {
    const { api, github } = setUp();
    github.exhaust();
    expect(await api.readSource(comment)).toEqual({ failed: 'rateLimited' });
    expect(await api.readSource(comment)).toEqual({ failed: 'rateLimited' });
    expect(github.requestsTo(COMMENT)).toHaveLength(1);
  });

  it('says a refused token, a deleted post and an unreachable API apart', async () => {
    const refused = setUp('ghp_not-a-token');
    expect(await refused.api.readSource(comment)).toEqual({ failed: 'unauthorised' });
    const { api, github } = setUp();
    github.remove(COMMENT);
    expect(await api.readSource(comment)).toEqual({ failed: 'gone' });
    const offline = createGitHubApi({ baseUrl: BASE, cache: memoryCache(), fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await offline.readSource(comment)).toEqual({ failed: 'offline' });
  });

  it('reads a discussion comment and a reply over GraphQL with a token, and needs one for it', async () => {
    const discussionComment = { type: 'discussionComment', repo: 'sofastack/sofa-rpc', number: 1401, id: 7001 } as const;
    const anonymous = setUp();
    anonymous.github.putDiscussion('sofastack/sofa-rpc', 1401, readApiFixture('discussion.graphql.json'));
    expect(await anonymous.api.readSource(discussionComment)).toEqual({ failed: 'needsToken' });
    expect(anonymous.github.requests).toEqual([]);

    const { api, github } = setUp('ghp_weekly');
    github.addToken('ghp_weekly', { login: 'weekly-editor', permissions: {} });
    github.putDiscussion('sofastack/sofa-rpc', 1401, readApiFixture('discussion.graphql.json'));
    expect(await api.readSource(discussionComment)).toEqual({ markdown: 'That did it, thanks!' });
    expect(await api.readSource({ type: 'discussion', repo: 'sofastack/sofa-rpc', number: 1401 })).toEqual({
      markdown: 'How do I keep the session when the listener restarts?',
    });
    expect(await api.readSource({ ...discussionComment, number: 9 })).toEqual({ failed: 'gone' });
    expect(github.requests[0]?.headers.authorization).toBe('token ghp_weekly');
  });

  it('checks a token by asking whose it is', async () => {
    const { api, github } = setUp('ghp_weekly');
    github.addToken('ghp_weekly', { login: 'weekly-editor', permissions: {} });
    expect(await api.checkToken()).toEqual({ login: 'weekly-editor' });
    expect(await setUp('ghp_wrong').api.checkToken()).toEqual({ failed: 'unauthorised' });
  });
});
