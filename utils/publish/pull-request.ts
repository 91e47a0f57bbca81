/**
 * Publishing an issue as a pull request on the community's site repository: the issue's Markdown
 * as one file on a branch of its own, and one pull request from that branch. Publishing again
 * writes a new commit on the same branch and updates the same pull request; it never opens a second.
 */
import type { Octokit } from '@octokit/core';
import { readRepositoryFile, writeRepositoryFile, type FileLocation } from '../github/repository-file';

export interface PullRequestIssue {
  owner: string;
  repo: string;
  /** The branch the pull request is from, one per issue: `weekly-clipper/2023-01-06`. */
  branch: string;
  path: string;
  markdown: string;
  title: string;
  /** The pull request's description: the entries it publishes. */
  body: string;
}

export interface PublishedPullRequest {
  number: number;
  url: string;
  /** False when an open pull request from the branch existed and was updated. */
  created: boolean;
}

/** The branch an issue of `date` is published from. */
export function publishBranch(date: string): string {
  return `weekly-clipper/${date}`;
}

export async function publishAsPullRequest(octokit: Octokit, issue: PullRequestIssue): Promise<PublishedPullRequest> {
  const { owner, repo, branch, path, markdown, title, body } = issue;
  const location: FileLocation = { owner, repo, branch, path };
  const { data: repository } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
  const existing = await readRepositoryFile(octokit, location);
  if (existing?.text !== markdown) await writeRepositoryFile(octokit, location, markdown, existing?.sha, title);

  const { data: open } = await octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, head: `${owner}:${branch}`, state: 'open' });
  const pull = open[0];
  if (pull) {
    await octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: pull.number, title, body });
    return { number: pull.number, url: pull.html_url, created: false };
  }
  const { data: created } = await octokit.request('POST /repos/{owner}/{repo}/pulls', {
    owner,
    repo,
    title,
    body,
    head: branch,
    base: repository.default_branch,
  });
  return { number: created.number, url: created.html_url, created: true };
}
