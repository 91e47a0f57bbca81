/**
 * Publishing as the user, from the background (which holds the token): an issue as a pull request
 * on the site's repository, and "Open as GitHub issue" through the API. Every refusal is said in the
 * user's words (`githubRefusal`), naming a missing permission exactly.
 */
import type { Octokit } from '@octokit/core';
import { LocalizedError } from '../errors';
import { repositoryAccessProblems, type RepositoryPermission } from '../github/access';
import { githubRefusal } from '../github/request-errors';
import type { LocalizedText } from '../errors';
import { onMessage } from '../messaging';
import type { Clip, Draft } from '../model';
import { createGitHubIssue, type CreatedIssue } from './issue';
import { pullRequestBody, pullRequestTitle } from './entries';
import { publishPath } from './path';
import { publishAsPullRequest, publishBranch, type PublishedPullRequest } from './pull-request';

/** What publishing needs of the drafts (the store's DraftStore has it). */
export interface PublishedDrafts {
  read(draftId: string): Promise<{ draft: Draft; clips: Clip[] } | undefined>;
  /** Records the pull request on the draft. */
  linkPullRequest(draftId: string, url: string): Promise<Draft>;
}

export interface PublishingOptions {
  drafts: PublishedDrafts;
  /** Where issues are published (settings' `publishing`). */
  publishing: () => Promise<{ repo: string; path: string }>;
  octokit: () => Promise<Octokit | undefined>;
  /** The repositories set in the options, for checking the token against them. */
  repositories: () => Promise<{ sharedWeekly: string; publishing: string; target: string }>;
}

/**
 * What the token lacks in the repositories the options name, as far as reading tells: contents for
 * the shared weekly and publishing, pull requests for publishing, issues for "Open as GitHub issue".
 */
export async function accessProblems({ octokit, repositories }: PublishingOptions): Promise<LocalizedText[]> {
  const { sharedWeekly, publishing, target } = await repositories();
  const needs = new Map<string, Set<RepositoryPermission>>();
  const need = (repo: string, ...permissions: RepositoryPermission[]) => {
    if (!repo) return;
    const set = needs.get(repo) ?? new Set();
    permissions.forEach((permission) => set.add(permission));
    needs.set(repo, set);
  };
  need(sharedWeekly, 'contents');
  need(publishing, 'contents', 'pull_requests');
  need(target, 'issues');
  if (!needs.size) return [];
  const client = await octokit();
  if (!client) return [{ key: 'githubTokenMissing', substitutions: [] }];
  const problems = await Promise.all([...needs].map(([repo, permissions]) => repositoryAccessProblems(client, repo, [...permissions])));
  return problems.flat();
}

async function asUser<T>(octokit: () => Promise<Octokit | undefined>, repo: string, call: (client: Octokit) => Promise<T>): Promise<T> {
  const client = await octokit().catch((error: unknown) => {
    throw githubRefusal(error, repo);
  });
  if (!client) throw new LocalizedError('githubTokenMissing');
  try {
    return await call(client);
  } catch (error) {
    throw githubRefusal(error, repo);
  }
}

/** Publishes `markdown` (the draft's, as the popup rendered it) and records the pull request on the draft. */
export async function publishDraft({ drafts, publishing, octokit }: PublishingOptions, draftId: string, markdown: string): Promise<PublishedPullRequest> {
  const { repo, path: template } = await publishing();
  if (!repo) throw new LocalizedError('publishNoRepository');
  const view = await drafts.read(draftId);
  if (!view) throw new LocalizedError('draftGone');
  const path = publishPath(template, view.draft);
  const [owner, name] = repo.split('/');
  const published = await asUser(octokit, repo, (client) =>
    publishAsPullRequest(client, {
      owner,
      repo: name,
      branch: publishBranch(view.draft.date),
      path,
      markdown,
      title: pullRequestTitle(view.draft),
      body: pullRequestBody(view.draft, view.clips),
    }),
  );
  await drafts.linkPullRequest(draftId, published.url);
  return published;
}

export function registerPublishing(options: PublishingOptions): void {
  onMessage('publishPullRequest', (draftId, markdown) => publishDraft(options, draftId, markdown));
  onMessage('checkGitHubAccess', () => accessProblems(options));
  onMessage('createIssue', (repo, title, body): Promise<CreatedIssue> =>
    asUser(options.octokit, repo, (client) => createGitHubIssue(client, repo, title, body)),
  );
}
