/**
 * Private repositories as the shared weekly and publishing use them: branches of files where every
 * write is a commit that moves its branch, the contents API with blob `sha`s computed as git does and
 * its preconditions (409 for a stale `sha`, 422 for a missing one), refs, pull requests and issues,
 * each asking the permission GitHub asks of a fine-grained token.
 */
import { createHash } from 'node:crypto';
import { json, refusal, type StandInAnswer } from './answers';
import { lacks, type StandInToken } from './tokens';

interface Commit {
  sha: string;
  files: Map<string, string>;
}

export interface Pull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  labels: string[];
}

export interface Repository {
  owner: string;
  name: string;
  defaultBranch: string;
  branches: Map<string, Commit>;
  pulls: Pull[];
  issues: Issue[];
  nextNumber: number;
}

export interface Repositories {
  /** By lower-case `owner/name`: GitHub's names are case-insensitive. */
  byName: Map<string, Repository>;
  commits: number;
  /** Runs before a write to the contents API is applied: another browser's write lands in between. */
  beforeContentsWrite?: () => void;
}

/** GitHub refuses an issue or pull request body over this many characters. */
const MAX_BODY = 65536;

const BODY_TOO_LONG = 'Validation Failed: body is too long (maximum is 65536 characters)';

/** git's blob sha of a file's text. */
function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,60}/g)
      ?.join('\n') ?? ''
  );
}

export function noRepositories(): Repositories {
  return { byName: new Map(), commits: 0 };
}

export function commit(repositories: Repositories, files: Map<string, string>): Commit {
  repositories.commits += 1;
  return { sha: createHash('sha1').update(`commit ${repositories.commits}`).digest('hex'), files };
}

export function repositoryNamed(repositories: Repositories, fullName: string): Repository | undefined {
  return repositories.byName.get(fullName.toLowerCase());
}

/**
 * The answer to a request under `/repos/{owner}/{repo}`. A fine-grained token sees only its
 * repositories; GitHub says 404, never 403, for one it cannot see, and without a token for a private one.
 */
export function answerRepository(
  repositories: Repositories,
  method: string,
  path: string,
  url: URL,
  token: StandInToken | undefined,
  body: Record<string, unknown>,
): StandInAnswer {
  const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  const repository = match && repositoryNamed(repositories, `${match[1]}/${match[2]}`);
  if (!repository || !token) return refusal(404, 'Not Found');
  const rest = match[3] ?? '';
  const fullName = `${repository.owner}/${repository.name}`;

  if (method === 'GET' && rest === '') {
    return json(200, {
      full_name: fullName,
      name: repository.name,
      owner: { login: repository.owner },
      default_branch: repository.defaultBranch,
      private: true,
      html_url: `https://github.com/${fullName}`,
    });
  }

  const ref = /^\/git\/ref\/heads\/(.+)$/.exec(rest);
  if (method === 'GET' && ref) {
    const head = repository.branches.get(ref[1]);
    return head ? json(200, { ref: `refs/heads/${ref[1]}`, object: { sha: head.sha, type: 'commit' } }) : refusal(404, 'Not Found');
  }
  if (method === 'POST' && rest === '/git/refs') return createRef(repository, token, body);

  const contents = /^\/contents\/(.+)$/.exec(rest);
  if (contents && method === 'GET') return readFile(repository, contents[1], url, token);
  if (contents && method === 'PUT') return writeFile(repositories, repository, contents[1], token, body);

  if (rest === '/pulls') return method === 'GET' ? listPulls(repository, url, token) : createPull(repository, token, body);
  const pull = /^\/pulls\/(\d+)$/.exec(rest);
  if (pull && method === 'PATCH') return updatePull(repository, Number(pull[1]), token, body);
  if (rest === '/issues' && method === 'POST') return createIssue(repository, token, body);
  if (rest === '/issues' && method === 'GET')
    return (
      lacks(token, 'issues', 'read') ??
      json(
        200,
        repository.issues.map((issue) => ({ ...issue, state: 'open' })),
      )
    );
  return refusal(404, 'Not Found');
}

function createRef(repository: Repository, token: StandInToken, body: Record<string, unknown>): StandInAnswer {
  const denied = lacks(token, 'contents', 'write');
  if (denied) return denied;
  const name = String(body.ref ?? '').replace(/^refs\/heads\//, '');
  if (!name || typeof body.sha !== 'string') return refusal(422, 'Invalid request.');
  if (repository.branches.has(name)) return refusal(422, 'Reference already exists');
  const from = [...repository.branches.values()].find((candidate) => candidate.sha === body.sha);
  if (!from) return refusal(422, 'Object does not exist');
  repository.branches.set(name, from);
  return json(201, { ref: `refs/heads/${name}`, object: { sha: from.sha, type: 'commit' } });
}

function readFile(repository: Repository, path: string, url: URL, token: StandInToken): StandInAnswer {
  const denied = lacks(token, 'contents', 'read');
  if (denied) return denied;
  const branch = url.searchParams.get('ref') ?? repository.defaultBranch;
  const head = repository.branches.get(branch);
  if (!head) return refusal(404, `No commit found for the ref ${branch}`);
  const text = head.files.get(path);
  if (text === undefined) return refusal(404, 'Not Found');
  return json(200, {
    type: 'file',
    encoding: 'base64',
    name: path.split('/').at(-1),
    path,
    sha: blobSha(text),
    size: Buffer.byteLength(text),
    content: base64Lines(text),
  });
}

function writeFile(repositories: Repositories, repository: Repository, path: string, token: StandInToken, body: Record<string, unknown>): StandInAnswer {
  const denied = lacks(token, 'contents', 'write');
  if (denied) return denied;
  if (typeof body.message !== 'string' || typeof body.content !== 'string') return refusal(422, 'Invalid request.\n\n"message", "content" weren\'t supplied.');
  repositories.beforeContentsWrite?.();
  const branch = typeof body.branch === 'string' ? body.branch : repository.defaultBranch;
  const head = repository.branches.get(branch);
  if (!head) return refusal(404, `Branch ${branch} not found`);
  const existing = head.files.get(path);
  if (existing !== undefined && body.sha === undefined) return refusal(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing !== undefined && body.sha !== blobSha(existing)) return refusal(409, `${path} does not match ${String(body.sha)}`);
  if (existing === undefined && body.sha !== undefined) return refusal(409, `${path} does not match ${String(body.sha)}`);
  const text = Buffer.from(body.content, 'base64').toString('utf8');
  const next = commit(repositories, new Map([...head.files, [path, text]]));
  repository.branches.set(branch, next);
  return json(existing === undefined ? 201 : 200, {
    content: { name: path.split('/').at(-1), path, sha: blobSha(text), type: 'file' },
    commit: { sha: next.sha, message: body.message },
  });
}

function pullJson(repository: Repository, pull: Pull): unknown {
  const fullName = `${repository.owner}/${repository.name}`;
  return {
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    html_url: `https://github.com/${fullName}/pull/${pull.number}`,
    head: { ref: pull.head, label: `${repository.owner}:${pull.head}` },
    base: { ref: pull.base },
  };
}

function listPulls(repository: Repository, url: URL, token: StandInToken): StandInAnswer {
  const denied = lacks(token, 'pull_requests', 'read');
  if (denied) return denied;
  const head = url.searchParams.get('head');
  const state = url.searchParams.get('state') ?? 'open';
  const pulls = repository.pulls.filter((pull) => (state === 'all' || pull.state === state) && (!head || `${repository.owner}:${pull.head}` === head));
  return json(
    200,
    pulls.map((pull) => pullJson(repository, pull)),
  );
}

function createPull(repository: Repository, token: StandInToken, body: Record<string, unknown>): StandInAnswer {
  const denied = lacks(token, 'pull_requests', 'write');
  if (denied) return denied;
  const head = String(body.head ?? '').replace(/^[^:]+:/, '');
  const base = String(body.base ?? '');
  if (typeof body.title !== 'string' || !repository.branches.has(head) || !repository.branches.has(base)) return refusal(422, 'Validation Failed');
  if (typeof body.body === 'string' && body.body.length > MAX_BODY) return refusal(422, BODY_TOO_LONG);
  if (repository.pulls.some((pull) => pull.state === 'open' && pull.head === head))
    return refusal(422, `Validation Failed: A pull request already exists for ${repository.owner}:${head}.`);
  if (repository.branches.get(head) === repository.branches.get(base)) return refusal(422, `Validation Failed: No commits between ${base} and ${head}`);
  const pull: Pull = { number: repository.nextNumber++, title: body.title, body: String(body.body ?? ''), head, base, state: 'open' };
  repository.pulls.push(pull);
  return json(201, pullJson(repository, pull));
}

function updatePull(repository: Repository, number: number, token: StandInToken, body: Record<string, unknown>): StandInAnswer {
  const denied = lacks(token, 'pull_requests', 'write');
  if (denied) return denied;
  const pull = repository.pulls.find((candidate) => candidate.number === number);
  if (!pull) return refusal(404, 'Not Found');
  if (typeof body.body === 'string' && body.body.length > MAX_BODY) return refusal(422, BODY_TOO_LONG);
  if (typeof body.title === 'string') pull.title = body.title;
  if (typeof body.body === 'string') pull.body = body.body;
  return json(200, pullJson(repository, pull));
}

function createIssue(repository: Repository, token: StandInToken, body: Record<string, unknown>): StandInAnswer {
  const denied = lacks(token, 'issues', 'write');
  if (denied) return denied;
  if (typeof body.title !== 'string' || body.title === '') return refusal(422, 'Validation Failed: title is missing');
  if (typeof body.body === 'string' && body.body.length > MAX_BODY) return refusal(422, BODY_TOO_LONG);
  const issue: Issue = {
    number: repository.nextNumber++,
    title: body.title,
    body: String(body.body ?? ''),
    labels: Array.isArray(body.labels) ? body.labels.map(String) : [],
  };
  repository.issues.push(issue);
  return json(201, { ...issue, html_url: `https://github.com/${repository.owner}/${repository.name}/issues/${issue.number}`, state: 'open' });
}
