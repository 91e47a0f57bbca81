/**
 * What a token may do in a repository, found by reading: the read GitHub refuses names the
 * permission a fine-grained token lacks (`githubRefusal`). A write is only known when it is tried,
 * so writes are named the same way at their first use.
 */
import type { Octokit } from '@octokit/core';
import type { LocalizedText } from '../errors';
import { githubRefusal } from './request-errors';

/** The permissions of a fine-grained token that the extension's features use. */
export type RepositoryPermission = 'contents' | 'pull_requests' | 'issues';

async function probe(octokit: Octokit, owner: string, repo: string, permission: RepositoryPermission, defaultBranch: string): Promise<void> {
  switch (permission) {
    case 'contents':
      await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${defaultBranch}` });
      return;
    case 'pull_requests':
      await octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, per_page: 1 });
      return;
    case 'issues':
      await octokit.request('GET /repos/{owner}/{repo}/issues', { owner, repo, per_page: 1 });
  }
}

/** Each problem the token has with `repository` (`owner/name`) for `needs`, in the user's words; none when it may read all. */
export async function repositoryAccessProblems(octokit: Octokit, repository: string, needs: readonly RepositoryPermission[]): Promise<LocalizedText[]> {
  const [owner, repo] = repository.split('/');
  const asText = (error: unknown): LocalizedText => {
    const refusal = githubRefusal(error, repository);
    return { key: refusal.key, substitutions: refusal.substitutions };
  };
  let defaultBranch: string;
  try {
    defaultBranch = (await octokit.request('GET /repos/{owner}/{repo}', { owner, repo })).data.default_branch;
  } catch (error) {
    return [asText(error)];
  }
  const problems: LocalizedText[] = [];
  for (const permission of needs) {
    try {
      await probe(octokit, owner, repo, permission, defaultBranch);
    } catch (error) {
      problems.push(asText(error));
    }
  }
  return problems;
}
