import { Octokit } from '@octokit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGitHubIssue } from '@/utils/publish/issue';
import { publishPath } from '@/utils/publish/path';
import { DEFAULT_PUBLISH_PATH } from '@/utils/settings';
import { publishAsPullRequest, publishBranch } from '@/utils/publish/pull-request';
import { GitHubStandIn } from '../../support/github-stand-in';

describe('the publishing path', () => {
  it("puts SOFA Weekly's issue where the seed page lives", () => {
    expect(publishPath(DEFAULT_PUBLISH_PATH, { title: 'SOFA Weekly', date: '2023-01-06' })).toBe('content/zh/blog/sofa-weekly-20230106/index.md');
  });

  it('refuses a template that gives no file path, and says which', () => {
    expect(() => publishPath('../{{ draft.date }}.md', { title: 'T', date: '2023-01-06' })).toThrow('../2023-01-06.md');
    expect(() => publishPath('{{ draft.dat }}/index.md', { title: 'T', date: '2023-01-06' })).toThrow(/draft\.dat/);
  });
});

describe('publishing as a pull request', () => {
  let standIn: GitHubStandIn;
  let octokit: Octokit;
  beforeEach(() => {
    standIn = new GitHubStandIn();
    standIn.addRepository('sofastack/sofastack.tech');
    standIn.addToken('token', { login: 'editor', permissions: { contents: 'write', pull_requests: 'write', issues: 'write' } });
    octokit = new Octokit({ auth: 'token', request: { fetch: standIn.fetch } });
  });

  const issue = (markdown: string) => ({
    owner: 'sofastack',
    repo: 'sofastack.tech',
    branch: publishBranch('2023-01-06'),
    path: 'content/zh/blog/sofa-weekly-20230106/index.md',
    markdown,
    title: 'SOFA Weekly 2023-01-06',
    body: '- mosn/mosn#2203',
  });

  it('opens one pull request whose file is exactly the Markdown', async () => {
    const published = await publishAsPullRequest(octokit, issue('# Weekly\n\n中文\n'));
    expect(published).toEqual({ number: 1, url: 'https://github.com/sofastack/sofastack.tech/pull/1', created: true });
    expect(standIn.file('sofastack/sofastack.tech', 'weekly-clipper/2023-01-06', 'content/zh/blog/sofa-weekly-20230106/index.md')).toBe('# Weekly\n\n中文\n');
    expect(standIn.pulls('sofastack/sofastack.tech')).toMatchObject([
      { number: 1, base: 'main', head: 'weekly-clipper/2023-01-06', title: 'SOFA Weekly 2023-01-06' },
    ]);
  });

  it('updates the same pull request when published again', async () => {
    await publishAsPullRequest(octokit, issue('first\n'));
    const again = await publishAsPullRequest(octokit, { ...issue('second\n'), body: '- mosn/mosn#2203\n- sofastack/sofa-rpc#1' });
    expect(again).toMatchObject({ number: 1, created: false });
    expect(standIn.pulls('sofastack/sofastack.tech')).toHaveLength(1);
    expect(standIn.pulls('sofastack/sofastack.tech')[0].body).toContain('sofa-rpc#1');
    expect(standIn.file('sofastack/sofastack.tech', 'weekly-clipper/2023-01-06', 'content/zh/blog/sofa-weekly-20230106/index.md')).toBe('second\n');
  });

  it('names the permission a token lacks', async () => {
    standIn.addToken('contents-only', { login: 'editor', permissions: { contents: 'write' } });
    const limited = new Octokit({ auth: 'contents-only', request: { fetch: standIn.fetch } });
    const { githubRefusal } = await import('@/utils/github/request-errors');
    const refusal = await publishAsPullRequest(limited, issue('x\n')).catch((error: unknown) => githubRefusal(error, 'sofastack/sofastack.tech'));
    expect(refusal).toMatchObject({ key: 'githubPermissionMissing', substitutions: ['Pull requests: read', 'sofastack/sofastack.tech'] });
  });

  it('names, by reading, each permission a token lacks in each repository it is used for', async () => {
    standIn.addRepository('sofastack/weekly-issues');
    standIn.addToken('contents-only', { login: 'editor', permissions: { contents: 'write' } });
    const limited = new Octokit({ auth: 'contents-only', request: { fetch: standIn.fetch } });
    const { repositoryAccessProblems } = await import('@/utils/github/access');
    expect(await repositoryAccessProblems(limited, 'sofastack/sofastack.tech', ['contents', 'pull_requests'])).toEqual([
      { key: 'githubPermissionMissing', substitutions: ['Pull requests: read', 'sofastack/sofastack.tech'] },
    ]);
    expect(await repositoryAccessProblems(limited, 'sofastack/weekly-issues', ['issues'])).toEqual([
      { key: 'githubPermissionMissing', substitutions: ['Issues: read', 'sofastack/weekly-issues'] },
    ]);
    expect(await repositoryAccessProblems(limited, 'sofastack/missing', ['contents'])).toEqual([
      { key: 'githubRepoNotFound', substitutions: ['sofastack/missing'] },
    ]);
    expect(await repositoryAccessProblems(octokit, 'sofastack/sofastack.tech', ['contents', 'pull_requests', 'issues'])).toEqual([]);
  });

  it('creates a GitHub issue longer than a prefilled link can carry', async () => {
    const body = '周报'.repeat(6000);
    const created = await createGitHubIssue(octokit, 'sofastack/sofastack.tech', 'SOFA Weekly', body);
    expect(created.url).toBe('https://github.com/sofastack/sofastack.tech/issues/1');
    expect(standIn.issues('sofastack/sofastack.tech')[0].body).toBe(body);
  });
});
