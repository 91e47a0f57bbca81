/**
 * A stand-in for the parts of GitHub's REST API that the shared weekly and publishing use, as strict
 * as GitHub where it matters: tokens (401 for a bad or revoked one, 403 naming the permission a
 * fine-grained token lacks in `x-accepted-github-permissions`), the rate limit (`x-ratelimit-*` on
 * every answer, 403 once it is used up, 304s free), ETags, blob `sha`s computed as git does, and the
 * contents API's preconditions (409 for a stale `sha`, 422 for a missing one). Repositories hold
 * branches of files; every write is a commit that moves its branch.
 *
 * `handle` takes a request and returns the answer, so the same stand-in serves a Node HTTP server
 * (unit tests through Octokit) and Playwright's `route` (the extension end to end).
 */
import { createHash } from 'node:crypto';

export type Permission = 'contents' | 'pull_requests' | 'issues' | 'metadata';

export interface StandInToken {
  login: string;
  /** What a fine-grained token was granted, by permission; read is implied by write. */
  permissions: Partial<Record<Permission, 'read' | 'write'>>;
  revoked?: boolean;
}

export interface StandInRequest {
  method: string;
  /** Path and query, e.g. `/repos/o/r/contents/a.json?ref=main`. */
  url: string;
  headers: Record<string, string | undefined>;
  body?: string;
}

export interface StandInAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Commit {
  sha: string;
  files: Map<string, string>;
}

interface Pull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
}

interface Repository {
  owner: string;
  name: string;
  defaultBranch: string;
  branches: Map<string, Commit>;
  pulls: Pull[];
  issues: { number: number; title: string; body: string; labels: string[] }[];
  nextNumber: number;
}

/** git's blob sha of a file's text. */
export function blobSha(text: string): string {
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

const RATE_LIMIT = 5000;
/** GitHub refuses an issue or pull request body over this many characters. */
export const MAX_BODY = 65536;

export class GitHubStandIn {
  readonly tokens = new Map<string, StandInToken>();
  readonly repositories = new Map<string, Repository>();
  /** Requests that reached the stand-in and their answers, `METHOD path status`. */
  readonly log: string[] = [];
  /** Set false to answer every request as a network failure would (status 0): "offline". */
  online = true;
  remaining = RATE_LIMIT;
  private commits = 0;
  /** Runs before a write to the contents API is applied: another browser's write lands in between. */
  beforeContentsWrite?: () => void;

  addToken(token: string, grant: StandInToken): void {
    this.tokens.set(token, grant);
  }

  addRepository(fullName: string, files: Record<string, string> = { 'README.md': '# Site\n' }, defaultBranch = 'main'): void {
    const [owner, name] = fullName.split('/');
    const repository: Repository = { owner, name, defaultBranch, branches: new Map(), pulls: [], issues: [], nextNumber: 1 };
    repository.branches.set(defaultBranch, this.commit(new Map(Object.entries(files))));
    this.repositories.set(fullName.toLowerCase(), repository);
  }

  /** The text of `path` on `branch`, or undefined. */
  file(fullName: string, branch: string, path: string): string | undefined {
    return this.repositories.get(fullName.toLowerCase())?.branches.get(branch)?.files.get(path);
  }

  pulls(fullName: string): readonly Pull[] {
    return this.repositories.get(fullName.toLowerCase())?.pulls ?? [];
  }

  issues(fullName: string): Repository['issues'] {
    return this.repositories.get(fullName.toLowerCase())?.issues ?? [];
  }

  /** Writes a file as a push by someone else would. */
  push(fullName: string, branch: string, path: string, text: string): void {
    const repository = this.repositories.get(fullName.toLowerCase());
    const head = repository?.branches.get(branch);
    if (!repository || !head) throw new Error(`no branch ${branch} in ${fullName}`);
    repository.branches.set(branch, this.commit(new Map([...head.files, [path, text]])));
  }

  private commit(files: Map<string, string>): Commit {
    this.commits += 1;
    return { sha: createHash('sha1').update(`commit ${this.commits}`).digest('hex'), files };
  }

  handle(request: StandInRequest): StandInAnswer {
    if (!this.online) return { status: 0, headers: {}, body: '' };
    const url = new URL(request.url, 'https://api.github.com');
    const answer = this.answerTo(request, url);
    this.log.push(`${request.method} ${decodeURIComponent(url.pathname)} ${answer.status}`);
    return answer;
  }

  private answerTo(request: StandInRequest, url: URL): StandInAnswer {
    if (request.method === 'OPTIONS')
      return this.answer(
        204,
        '',
        {
          'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
          'access-control-allow-headers': 'Authorization, Content-Type, If-None-Match, X-GitHub-Api-Version, Accept',
        },
        false,
      );

    const authorization = request.headers.authorization ?? request.headers.Authorization;
    const tokenText = authorization?.replace(/^(token|bearer)\s+/i, '');
    const token = tokenText ? this.tokens.get(tokenText) : undefined;
    if (tokenText && (!token || token.revoked)) return this.error(401, 'Bad credentials');
    if (this.remaining <= 0) return this.error(403, 'API rate limit exceeded for user.', { 'x-ratelimit-remaining': '0' });

    const answer = this.route(request.method, url, token, request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {});
    if (answer.status === 200 && request.method === 'GET') {
      const etag = `"${createHash('sha1').update(answer.body).digest('hex')}"`;
      answer.headers.etag = etag;
      if (request.headers['if-none-match'] === etag) return this.answer(304, '', { etag }, false);
    }
    return answer;
  }

  private answer(status: number, body: string, headers: Record<string, string> = {}, counts = true): StandInAnswer {
    if (counts) this.remaining = Math.max(0, this.remaining - 1);
    return {
      status,
      body,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': '*',
        'access-control-expose-headers':
          'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Accepted-GitHub-Permissions, X-GitHub-Request-Id',
        'x-ratelimit-limit': String(RATE_LIMIT),
        'x-ratelimit-remaining': String(this.remaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...headers,
      },
    };
  }

  private json(status: number, data: unknown): StandInAnswer {
    return this.answer(status, JSON.stringify(data));
  }

  private error(status: number, message: string, headers: Record<string, string> = {}): StandInAnswer {
    return this.answer(status, JSON.stringify({ message, documentation_url: 'https://docs.github.com/rest', status: String(status) }), headers);
  }

  /** 403 naming the permission, as GitHub answers a fine-grained token without it. */
  private lacks(token: StandInToken | undefined, permission: Permission, level: 'read' | 'write'): StandInAnswer | undefined {
    const granted = token?.permissions[permission];
    if (granted === 'write' || (granted === 'read' && level === 'read')) return undefined;
    if (!token) return this.error(401, 'Requires authentication');
    return this.error(403, 'Resource not accessible by personal access token', { 'x-accepted-github-permissions': `${permission}=${level}` });
  }

  private route(method: string, url: URL, token: StandInToken | undefined, body: Record<string, unknown>): StandInAnswer {
    const path = decodeURIComponent(url.pathname);
    if (method === 'GET' && path === '/user') {
      return token
        ? this.json(200, { login: token.login, id: 1, type: 'User', html_url: `https://github.com/${token.login}` })
        : this.error(401, 'Requires authentication');
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) return this.error(404, 'Not Found');
    const repository = this.repositories.get(`${match[1]}/${match[2]}`.toLowerCase());
    // A fine-grained token sees only its repositories; GitHub says 404, never 403, for one it cannot see.
    if (!repository || !token) return this.error(404, 'Not Found');
    const rest = match[3] ?? '';
    const fullName = `${repository.owner}/${repository.name}`;

    if (method === 'GET' && rest === '') {
      return this.json(200, {
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
      const commit = repository.branches.get(ref[1]);
      return commit ? this.json(200, { ref: `refs/heads/${ref[1]}`, object: { sha: commit.sha, type: 'commit' } }) : this.error(404, 'Not Found');
    }
    if (method === 'POST' && rest === '/git/refs') {
      const denied = this.lacks(token, 'contents', 'write');
      if (denied) return denied;
      const name = String(body.ref ?? '').replace(/^refs\/heads\//, '');
      if (!name || typeof body.sha !== 'string') return this.error(422, 'Invalid request.');
      if (repository.branches.has(name)) return this.error(422, 'Reference already exists');
      const from = [...repository.branches.values()].find((commit) => commit.sha === body.sha);
      if (!from) return this.error(422, 'Object does not exist');
      repository.branches.set(name, from);
      return this.json(201, { ref: `refs/heads/${name}`, object: { sha: from.sha, type: 'commit' } });
    }

    const contents = /^\/contents\/(.+)$/.exec(rest);
    if (contents) return this.contents(method, repository, contents[1], url, token, body);

    if (rest === '/pulls') return method === 'GET' ? this.listPulls(repository, url, token) : this.createPull(repository, token, body);
    const pull = /^\/pulls\/(\d+)$/.exec(rest);
    if (pull && method === 'PATCH') return this.updatePull(repository, Number(pull[1]), token, body);
    if (rest === '/issues' && method === 'POST') return this.createIssue(repository, token, body);
    if (rest === '/issues' && method === 'GET') {
      const denied = this.lacks(token, 'issues', 'read');
      return (
        denied ??
        this.json(
          200,
          repository.issues.map((issue) => ({ ...issue, state: 'open' })),
        )
      );
    }
    return this.error(404, 'Not Found');
  }

  private contents(
    method: string,
    repository: Repository,
    path: string,
    url: URL,
    token: StandInToken | undefined,
    body: Record<string, unknown>,
  ): StandInAnswer {
    if (method === 'GET') {
      const denied = this.lacks(token, 'contents', 'read');
      if (denied) return denied;
      const branch = url.searchParams.get('ref') ?? repository.defaultBranch;
      const commit = repository.branches.get(branch);
      if (!commit) return this.error(404, `No commit found for the ref ${branch}`);
      const text = commit.files.get(path);
      if (text === undefined) return this.error(404, 'Not Found');
      return this.json(200, {
        type: 'file',
        encoding: 'base64',
        name: path.split('/').at(-1),
        path,
        sha: blobSha(text),
        size: Buffer.byteLength(text),
        content: base64Lines(text),
      });
    }
    if (method !== 'PUT') return this.error(404, 'Not Found');
    const denied = this.lacks(token, 'contents', 'write');
    if (denied) return denied;
    if (typeof body.message !== 'string' || typeof body.content !== 'string')
      return this.error(422, 'Invalid request.\n\n"message", "content" weren\'t supplied.');
    this.beforeContentsWrite?.();
    const branch = typeof body.branch === 'string' ? body.branch : repository.defaultBranch;
    const commit = repository.branches.get(branch);
    if (!commit) return this.error(404, `Branch ${branch} not found`);
    const existing = commit.files.get(path);
    if (existing !== undefined && body.sha === undefined) return this.error(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing !== undefined && body.sha !== blobSha(existing)) return this.error(409, `${path} does not match ${String(body.sha)}`);
    if (existing === undefined && body.sha !== undefined) return this.error(409, `${path} does not match ${String(body.sha)}`);
    const text = Buffer.from(body.content, 'base64').toString('utf8');
    const next = this.commit(new Map([...commit.files, [path, text]]));
    repository.branches.set(branch, next);
    return this.json(existing === undefined ? 201 : 200, {
      content: { name: path.split('/').at(-1), path, sha: blobSha(text), type: 'file' },
      commit: { sha: next.sha, message: body.message },
    });
  }

  private pullJson(repository: Repository, pull: Pull): unknown {
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

  private listPulls(repository: Repository, url: URL, token: StandInToken | undefined): StandInAnswer {
    const denied = this.lacks(token, 'pull_requests', 'read');
    if (denied) return denied;
    const head = url.searchParams.get('head');
    const state = url.searchParams.get('state') ?? 'open';
    const pulls = repository.pulls.filter((pull) => (state === 'all' || pull.state === state) && (!head || `${repository.owner}:${pull.head}` === head));
    return this.json(
      200,
      pulls.map((pull) => this.pullJson(repository, pull)),
    );
  }

  private createPull(repository: Repository, token: StandInToken | undefined, body: Record<string, unknown>): StandInAnswer {
    const denied = this.lacks(token, 'pull_requests', 'write');
    if (denied) return denied;
    const head = String(body.head ?? '').replace(/^[^:]+:/, '');
    const base = String(body.base ?? '');
    if (typeof body.title !== 'string' || !repository.branches.has(head) || !repository.branches.has(base)) return this.error(422, 'Validation Failed');
    if (typeof body.body === 'string' && body.body.length > MAX_BODY)
      return this.error(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
    if (repository.pulls.some((pull) => pull.state === 'open' && pull.head === head))
      return this.error(422, `Validation Failed: A pull request already exists for ${repository.owner}:${head}.`);
    if (repository.branches.get(head) === repository.branches.get(base)) return this.error(422, `Validation Failed: No commits between ${base} and ${head}`);
    const pull: Pull = { number: repository.nextNumber++, title: body.title, body: String(body.body ?? ''), head, base, state: 'open' };
    repository.pulls.push(pull);
    return this.json(201, this.pullJson(repository, pull));
  }

  private updatePull(repository: Repository, number: number, token: StandInToken | undefined, body: Record<string, unknown>): StandInAnswer {
    const denied = this.lacks(token, 'pull_requests', 'write');
    if (denied) return denied;
    const pull = repository.pulls.find((candidate) => candidate.number === number);
    if (!pull) return this.error(404, 'Not Found');
    if (typeof body.body === 'string' && body.body.length > MAX_BODY)
      return this.error(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
    if (typeof body.title === 'string') pull.title = body.title;
    if (typeof body.body === 'string') pull.body = body.body;
    return this.json(200, this.pullJson(repository, pull));
  }

  private createIssue(repository: Repository, token: StandInToken | undefined, body: Record<string, unknown>): StandInAnswer {
    const denied = this.lacks(token, 'issues', 'write');
    if (denied) return denied;
    if (typeof body.title !== 'string' || body.title === '') return this.error(422, 'Validation Failed: title is missing');
    if (typeof body.body === 'string' && body.body.length > MAX_BODY)
      return this.error(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
    const issue = {
      number: repository.nextNumber++,
      title: body.title,
      body: String(body.body ?? ''),
      labels: Array.isArray(body.labels) ? body.labels.map(String) : [],
    };
    repository.issues.push(issue);
    return this.json(201, { ...issue, html_url: `https://github.com/${repository.owner}/${repository.name}/issues/${issue.number}`, state: 'open' });
  }
}

/**
 * A `fetch` answered by the stand-in, for Octokit's `request.fetch` in unit tests: the client's own
 * parsing of statuses and headers runs, without a socket. Offline, it fails as `fetch` does.
 */
export function standInFetch(standIn: GitHubStandIn): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const answer = standIn.handle({ method: request.method, url: request.url, headers, body });
    if (answer.status === 0) throw new TypeError('Failed to fetch');
    return new Response(answer.status === 204 || answer.status === 304 ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}
