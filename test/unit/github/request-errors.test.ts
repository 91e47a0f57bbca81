import { RequestError } from '@octokit/request-error';
import { describe, expect, it } from 'vitest';
import { githubRefusal } from '@/utils/github/request-errors';

const REPO = 'sofastack/sofastack.tech';

/** A refusal as Octokit reports it; `headers` are what the page could read of GitHub's answer. */
function refused(method: string, path: string, status: number, message: string, headers: Record<string, string> = {}): RequestError {
  const url = `https://api.github.com${path}`;
  return new RequestError(message, status, {
    request: { method: method as 'GET', url, headers: {} },
    response: { status, url, headers, data: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) } },
  });
}

const NOT_ACCESSIBLE = 'Resource not accessible by personal access token';

describe('githubRefusal', () => {
  it('names the permission GitHub names when its header can be read', () => {
    const error = refused('GET', `/repos/${REPO}/pulls`, 403, NOT_ACCESSIBLE, { 'x-accepted-github-permissions': 'pull_requests=read' });
    expect(githubRefusal(error, REPO)).toMatchObject({ key: 'githubPermissionMissing', substitutions: ['Pull requests: read', REPO] });
  });

  it.each([
    ['PUT', `/repos/${REPO}/contents/content/blog/weekly.md`, 'Contents: write'],
    ['POST', `/repos/${REPO}/git/refs`, 'Contents: write'],
    ['GET', `/repos/${REPO}/git/ref/heads/main`, 'Contents: read'],
    ['GET', `/repos/${REPO}/pulls?per_page=1`, 'Pull requests: read'],
    ['PATCH', `/repos/${REPO}/pulls/12`, 'Pull requests: write'],
    ['POST', `/repos/${REPO}/issues`, 'Issues: write'],
  ])('names the permission a %s of %s needs when the browser hides GitHub’s header', (method, path, permission) => {
    expect(githubRefusal(refused(method, path, 403, NOT_ACCESSIBLE), REPO)).toMatchObject({
      key: 'githubPermissionMissing',
      substitutions: [permission, REPO],
    });
  });

  it('says forbidden, naming no permission, for a refusal that is not about one', () => {
    const error = refused('GET', `/repos/${REPO}/pulls`, 403, 'Resource protected by organization SAML enforcement.');
    expect(githubRefusal(error, REPO)).toMatchObject({ key: 'githubForbidden', substitutions: [REPO] });
  });

  it('says the limit is spent, not a permission, when the rate limit refused the call', () => {
    const error = refused('GET', `/repos/${REPO}/pulls`, 403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' });
    expect(githubRefusal(error, REPO)).toMatchObject({ key: 'githubRateLimited' });
  });

  it('says the token was refused on a 401', () => {
    expect(githubRefusal(refused('GET', `/repos/${REPO}`, 401, 'Bad credentials'), REPO)).toMatchObject({ key: 'githubTokenRejected' });
  });
});
