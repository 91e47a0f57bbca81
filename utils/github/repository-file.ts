/**
 * One file on one branch of a repository, through GitHub's contents API: read with its blob `sha`,
 * written only over that `sha`. GitHub refuses a write over a stale `sha` (409, or 422 when the file
 * appeared meanwhile), which is how two browsers writing at once find out: `StaleWrite`.
 */
import type { Octokit } from '@octokit/core';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { statusOf } from './request-errors';

export interface FileLocation {
  owner: string;
  repo: string;
  branch: string;
  path: string;
}

export interface RemoteFile {
  text: string;
  /** The blob's sha: the precondition of the next write. */
  sha: string;
}

/** Another write landed since the file was read: read it again, merge, and write over the new sha. */
export class StaleWrite extends Error {
  override name = 'StaleWrite';
}

function decodeContent(base64: string): string {
  return new TextDecoder().decode(base64ToBytes(base64));
}

function encodeContent(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** GitHub answers 404 for a missing file, a missing branch and a repository the token cannot see alike. */
async function branchExists(octokit: Octokit, { owner, repo, branch }: FileLocation): Promise<boolean> {
  try {
    await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${branch}` });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}

/** The file, or undefined when the branch or the file does not exist yet. */
export async function readRepositoryFile(octokit: Octokit, location: FileLocation): Promise<RemoteFile | undefined> {
  const { owner, repo, branch, path } = location;
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref: branch });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw new Error(`${path} is not a file`);
    return { text: decodeContent(data.content), sha: data.sha };
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    // A repository the token cannot see is an error to report; a branch or file not made yet is not.
    await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
    return undefined;
  }
}

/** Creates `branch` from the tip of the repository's default branch. */
export async function createBranch(octokit: Octokit, { owner, repo, branch }: FileLocation): Promise<void> {
  const { data: repository } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
  const { data: base } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${repository.default_branch}` });
  try {
    await octokit.request('POST /repos/{owner}/{repo}/git/refs', { owner, repo, ref: `refs/heads/${branch}`, sha: base.object.sha });
  } catch (error) {
    // Another browser made it first.
    if (statusOf(error) !== 422) throw error;
  }
}

/**
 * Writes the file over `sha` (the version read; undefined for a file that does not exist yet),
 * creating the branch when it is missing. Resolves to the new sha.
 */
export async function writeRepositoryFile(octokit: Octokit, location: FileLocation, text: string, sha: string | undefined, message: string): Promise<string> {
  const { owner, repo, branch, path } = location;
  if (sha === undefined && !(await branchExists(octokit, location))) await createBranch(octokit, location);
  try {
    const { data } = await octokit.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      owner,
      repo,
      path,
      branch,
      message,
      content: encodeContent(text),
      ...(sha === undefined ? {} : { sha }),
    });
    return data.content?.sha ?? '';
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || (status === 422 && sha === undefined)) throw new StaleWrite(`${path} changed on ${branch}`, { cause: error });
    throw error;
  }
}
