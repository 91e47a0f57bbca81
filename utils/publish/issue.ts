/**
 * "Open as GitHub issue" through the API, for an issue too long for a prefilled link (a Chinese
 * weekly passes its 8,000 characters with one entry). GitHub takes a body of up to 65,536 characters.
 */
import type { Octokit } from '@octokit/core';
import { LocalizedError } from '../errors';

/** The longest body GitHub accepts for an issue or a pull request. */
export const MAX_ISSUE_BODY = 65536;

export interface CreatedIssue {
  number: number;
  url: string;
}

export async function createGitHubIssue(octokit: Octokit, repository: string, title: string, body: string): Promise<CreatedIssue> {
  if (body.length > MAX_ISSUE_BODY) throw new LocalizedError('issueBodyTooLong', [String(body.length), String(MAX_ISSUE_BODY)]);
  const [owner, repo] = repository.split('/');
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { owner, repo, title, body });
  return { number: data.number, url: data.html_url };
}
