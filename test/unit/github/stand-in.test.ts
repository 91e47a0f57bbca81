import { beforeEach, describe, expect, it } from 'vitest';
import { GitHubStandIn, readApiFixture } from '../../support/github-stand-in';

const API = 'https://api.github.com';
const COMMENT = '/repos/mosn/mosn/issues/comments/1370000001';
const SITE = 'sofastack/sofastack.tech';

/** The test suite's GitHub must be as strict as GitHub: a lenient one would let a client's mistake pass unseen. */
describe("the tests' stand-in for GitHub's API", () => {
  let github: GitHubStandIn;

  beforeEach(() => {
    github = new GitHubStandIn();
    github.put(COMMENT, readApiFixture('issue-comment.json'));
    github.addRepository(SITE, { 'weekly.json': '{}\n' });
    github.addToken('editor', { login: 'editor', permissions: { contents: 'write' } });
    github.addToken('reader', { login: 'reader', permissions: { contents: 'read' } });
  });

  const get = (path: string, headers: Record<string, string> = {}) => github.fetch(`${API}${path}`, { headers });
  const put = (path: string, token: string, body: Record<string, unknown>) =>
    github.fetch(`${API}${path}`, { method: 'PUT', headers: { authorization: `token ${token}` }, body: JSON.stringify(body) });
  const content = (text: string) => Buffer.from(text).toString('base64');

  it('refuses an unknown or revoked token with 401, and answers whose a known one is', async () => {
    expect((await get('/user', { authorization: 'token nobody' })).status).toBe(401);
    expect((await get('/user')).status).toBe(401);
    expect(await (await get('/user', { authorization: 'token editor' })).json()).toMatchObject({ login: 'editor' });
    github.revokeToken('editor');
    expect((await get('/user', { authorization: 'token editor' })).status).toBe(401);
  });

  it('counts 60 requests an hour without a token and 5,000 for each user, and refuses with 403 once they are spent', async () => {
    const anonymous = await get(COMMENT);
    expect([anonymous.headers.get('x-ratelimit-limit'), anonymous.headers.get('x-ratelimit-remaining')]).toEqual(['60', '59']);
    const editor = await get(COMMENT, { authorization: 'token editor' });
    expect([editor.headers.get('x-ratelimit-limit'), editor.headers.get('x-ratelimit-remaining')]).toEqual(['5000', '4999']);

    github.exhaust();
    for (const refused of [await get(COMMENT), await get(COMMENT, { authorization: 'token editor' })]) {
      expect(refused.status).toBe(403);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    }
    github.resetLimit();
    expect((await get(COMMENT)).status).toBe(200);
  });

  it('answers 304 to a current ETag at no cost, and 200 with a new ETag once the post is edited', async () => {
    const first = await get(COMMENT);
    const etag = first.headers.get('etag') ?? '';
    const again = await get(COMMENT, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-ratelimit-remaining')).toBe(first.headers.get('x-ratelimit-remaining'));
    github.edit(COMMENT, 'Edited.');
    const edited = await get(COMMENT, { 'if-none-match': etag });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).not.toBe(etag);
  });

  it('hides a private repository without a token, and names the permission a token lacks', async () => {
    expect((await get(`/repos/${SITE}`)).status).toBe(404);
    const refused = await put(`/repos/${SITE}/contents/weekly.json`, 'reader', { message: 'Sync', content: content('[]\n') });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('contents=write');
  });

  it("keeps the contents API's preconditions: a missing sha is 422, a stale one 409", async () => {
    const path = `/repos/${SITE}/contents/weekly.json`;
    const { sha } = (await (await get(path, { authorization: 'token editor' })).json()) as { sha: string };
    expect((await put(path, 'editor', { message: 'Sync', content: content('[]\n') })).status).toBe(422);
    github.push(SITE, 'main', 'weekly.json', '{"pushed":true}\n');
    expect((await put(path, 'editor', { message: 'Sync', content: content('[]\n'), sha })).status).toBe(409);
    expect((await put(`/repos/${SITE}/contents/new.json`, 'editor', { message: 'Sync', content: content('[]\n'), sha })).status).toBe(409);
    expect(github.file(SITE, 'main', 'weekly.json')).toBe('{"pushed":true}\n');
  });

  it('wants a token for GraphQL', async () => {
    const answer = await github.fetch(`${API}/graphql`, { method: 'POST', body: JSON.stringify({ query: '', variables: {} }) });
    expect(answer.status).toBe(401);
  });

  it("sends GitHub's CORS headers: the rate limit readable by the page, a token's missing permission not", async () => {
    const preflight = await github.fetch(`${API}${COMMENT}`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const answer = await get(COMMENT);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/ETag.*X-RateLimit-Remaining.*X-RateLimit-Reset/);
    expect(answer.headers.get('access-control-expose-headers')).not.toMatch(/X-Accepted-GitHub-Permissions/i);
  });
});
