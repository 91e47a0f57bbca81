/**
 * A strict stand-in for GitHub's API (api.github.com), answering as GitHub does:
 *
 * - tokens: 401 for one it does not know or that was revoked; a fine-grained token's permissions,
 *   with 403 naming the one it lacks in `x-accepted-github-permissions`, which GitHub's CORS answer
 *   (and so this one's) does not let a page read;
 * - the rate limit: 60 requests an hour without a token, 5,000 for each user with one, the
 *   `x-ratelimit-*` headers on every answer, 403 with `x-ratelimit-remaining: 0` once spent; every
 *   answer counts, refusals included, but a 304 costs nothing;
 * - ETags on every GET, and 304 when the client's `if-none-match` is still current;
 * - public posts (REST resources recorded in test/fixtures/github-api, and discussions over
 *   GraphQL, which wants a token): test/support/github-stand-in/posts.ts;
 * - private repositories (contents with blob `sha`s and their preconditions, refs, pulls, issues):
 *   test/support/github-stand-in/repositories.ts;
 * - GitHub's CORS headers, and 404 for anything it does not hold.
 *
 * Unit tests call `standIn.fetch` (as Octokit's `request.fetch`: the client's own parsing of
 * statuses and headers runs, without a socket); end-to-end tests serve it with `standIn.serve`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CORS,
  DOCS,
  etagOf,
  json,
  PREFLIGHT,
  PRIVATE_CACHING,
  refusal,
  type AnsweredRequest,
  type StandInAnswer,
  type StandInRequest,
} from './github-stand-in/answers';
import { answerGraphql, answerPost, noPosts } from './github-stand-in/posts';
import { answerRepository, commit, noRepositories, repositoryNamed, type Issue, type Pull } from './github-stand-in/repositories';
import { tokenText, type StandInToken } from './github-stand-in/tokens';

export type { AnsweredRequest, StandInAnswer, StandInRequest } from './github-stand-in/answers';
export type { Permission, StandInToken } from './github-stand-in/tokens';

const fixtures = resolve(fileURLToPath(import.meta.url), '../../fixtures/github-api');

/** A recorded response shape, parsed afresh (tests change their copy). */
export function readApiFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(resolve(fixtures, name), 'utf8')) as T;
}

/** Requests an hour: GitHub counts a caller without a token by address, and each user with one on their own. */
const LIMIT = { anonymous: 60, user: 5000 };

/** Whose limit a request counts against. */
type Caller = 'anonymous' | `user:${string}`;

/** What `serve` needs of a Playwright browser context. */
interface RoutableContext {
  route(url: string, handler: (route: RoutedRequest) => Promise<void>): Promise<unknown>;
}

interface RoutedRequest {
  request(): { method(): string; url(): string; allHeaders(): Promise<Record<string, string>>; postData(): string | null };
  fulfill(response: StandInAnswer): Promise<void>;
  abort(errorCode: string): Promise<void>;
}

export class GitHubStandIn {
  /** Tokens GitHub accepts, by their text. */
  readonly tokens = new Map<string, StandInToken>();
  /** Every request answered, in order, with its status. */
  readonly requests: AnsweredRequest[] = [];
  /** Set false to fail every request as a network failure would: "offline". */
  online = true;
  /** Epoch seconds when the hour's window resets. */
  readonly reset = Math.floor(Date.now() / 1000) + 3600;
  /** Requests used this hour, by caller. */
  private readonly used = new Map<Caller, number>();
  private readonly posts = noPosts();
  private readonly repositories = noRepositories();

  addToken(token: string, grant: StandInToken): void {
    this.tokens.set(token, grant);
  }

  /** The token's owner revoked it (or it expired): GitHub answers 401 from now on. */
  revokeToken(token: string): void {
    const grant = this.tokens.get(token);
    if (!grant) throw new Error(`No token ${token}`);
    grant.revoked = true;
  }

  /** Holds the public post `resource` at `path`, as GitHub returns it. */
  put(path: string, resource: Record<string, unknown>): void {
    this.posts.resources.set(path, resource);
  }

  /** The author edits the post at `path`: a new body, a new `updated_at`, a new ETag. */
  edit(path: string, body: string): void {
    const resource = this.posts.resources.get(path);
    if (!resource) throw new Error(`No resource at ${path}`);
    this.posts.resources.set(path, { ...resource, body, updated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  }

  /** The post at `path` is deleted (or its repository made private: GitHub answers both with 404). */
  remove(path: string): void {
    this.posts.resources.delete(path);
  }

  /** Holds GitHub's GraphQL answer for discussion `number` of `repo` (`owner/name`). */
  putDiscussion(repo: string, number: number, answer: Record<string, unknown>): void {
    this.posts.discussions.set(`${repo}#${number}`, answer);
  }

  /** Holds a private repository whose `defaultBranch` has `files` (text by path). */
  addRepository(fullName: string, files: Record<string, string> = { 'README.md': '# Site\n' }, defaultBranch = 'main'): void {
    const [owner, name] = fullName.split('/');
    const branches = new Map([[defaultBranch, commit(this.repositories, new Map(Object.entries(files)))]]);
    this.repositories.byName.set(fullName.toLowerCase(), { owner, name, defaultBranch, branches, pulls: [], issues: [], nextNumber: 1 });
  }

  /** The text of `path` on `branch`, or undefined. */
  file(fullName: string, branch: string, path: string): string | undefined {
    return repositoryNamed(this.repositories, fullName)?.branches.get(branch)?.files.get(path);
  }

  pulls(fullName: string): readonly Pull[] {
    return repositoryNamed(this.repositories, fullName)?.pulls ?? [];
  }

  issues(fullName: string): readonly Issue[] {
    return repositoryNamed(this.repositories, fullName)?.issues ?? [];
  }

  /** Writes a file as a push by someone else would. */
  push(fullName: string, branch: string, path: string, text: string): void {
    const repository = repositoryNamed(this.repositories, fullName);
    const head = repository?.branches.get(branch);
    if (!repository || !head) throw new Error(`no branch ${branch} in ${fullName}`);
    repository.branches.set(branch, commit(this.repositories, new Map([...head.files, [path, text]])));
  }

  /** Runs once before the next write to the contents API is applied, as another browser's write landing in between. */
  set beforeContentsWrite(write: (() => void) | undefined) {
    this.repositories.beforeContentsWrite = write;
  }

  /** Spends what is left of the hour's requests, without a token and for every token's user: the next request is refused as rate-limited. */
  exhaust(): void {
    this.used.set('anonymous', LIMIT.anonymous);
    for (const { login } of this.tokens.values()) this.used.set(`user:${login}`, LIMIT.user);
  }

  /** The hour is over: every limit is whole again. */
  resetLimit(): void {
    this.used.clear();
  }

  /** The requests made to `path` (without its query) so far. */
  requestsTo(path: string): AnsweredRequest[] {
    return this.requests.filter((request) => pathOf(request) === path);
  }

  /** `METHOD path status` of every request answered, in order. */
  get log(): string[] {
    return this.requests.map((request) => `${request.method} ${pathOf(request)} ${request.status}`);
  }

  handle(sent: StandInRequest): StandInAnswer {
    const request = { ...sent, headers: Object.fromEntries(Object.entries(sent.headers).map(([name, value]) => [name.toLowerCase(), value])) };
    const answer = request.method === 'OPTIONS' ? PREFLIGHT : this.answerTo(request);
    this.requests.push({ ...request, status: answer.status });
    return answer;
  }

  private answerTo(request: StandInRequest): StandInAnswer {
    const text = tokenText(request.headers.authorization);
    const token = text ? this.tokens.get(text) : undefined;
    if (text && (!token || token.revoked)) return this.counted(refusal(401, 'Bad credentials'), 'anonymous');
    const caller: Caller = token ? `user:${token.login}` : 'anonymous';
    if ((this.used.get(caller) ?? 0) >= this.limitOf(caller)) {
      const message = token
        ? 'API rate limit exceeded for user ID 1.'
        : "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)";
      return this.counted(json(403, { message, documentation_url: DOCS }), caller);
    }

    const answer = this.route(request, token);
    if (request.method !== 'GET' || answer.status !== 200) return this.counted(answer, caller);
    const etag = etagOf(answer.body);
    if (request.headers['if-none-match'] === etag) return { status: 304, headers: { ...CORS, ...this.rateHeaders(caller), etag }, body: '' };
    return this.counted({ ...answer, headers: { ...answer.headers, etag } }, caller);
  }

  private route(request: StandInRequest, token: StandInToken | undefined): StandInAnswer {
    const url = new URL(request.path, 'https://api.github.com');
    const path = decodeURIComponent(url.pathname);
    if (request.method === 'POST' && path === '/graphql') {
      return token
        ? answerGraphql(this.posts, request.body ?? '')
        : json(401, {
            message: 'This endpoint requires you to be authenticated.',
            documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
          });
    }
    if (request.method === 'GET' && path === '/user') {
      return token
        ? json(
            200,
            { ...readApiFixture<Record<string, unknown>>('user.json'), login: token.login, html_url: `https://github.com/${token.login}` },
            PRIVATE_CACHING,
          )
        : refusal(401, 'Requires authentication');
    }
    const post = request.method === 'GET' ? answerPost(this.posts, path) : undefined;
    if (post) return post;
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    return answerRepository(this.repositories, request.method, path, url, token, body);
  }

  private limitOf(caller: Caller): number {
    return caller === 'anonymous' ? LIMIT.anonymous : LIMIT.user;
  }

  /** `answer` counted against the caller's limit (once it is spent, refusals no longer add to it), with GitHub's CORS and rate-limit headers. */
  private counted(answer: StandInAnswer, caller: Caller): StandInAnswer {
    const used = this.used.get(caller) ?? 0;
    if (used < this.limitOf(caller)) this.used.set(caller, used + 1);
    return { ...answer, headers: { ...CORS, ...this.rateHeaders(caller), ...answer.headers } };
  }

  private rateHeaders(caller: Caller): Record<string, string> {
    const used = this.used.get(caller) ?? 0;
    return {
      'x-ratelimit-limit': String(this.limitOf(caller)),
      'x-ratelimit-remaining': String(Math.max(0, this.limitOf(caller) - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(this.reset),
      'x-ratelimit-resource': 'core',
    };
  }

  /** The stand-in as `fetch`, wherever the request is addressed. Offline, it fails as `fetch` does. */
  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!this.online) throw new TypeError('Failed to fetch');
    const url = new URL(request.url);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const answer = this.handle({
      method: request.method,
      path: url.pathname + url.search,
      headers: Object.fromEntries(request.headers.entries()),
      ...(body !== undefined && { body }),
    });
    return new Response(answer.status === 204 || answer.status === 304 ? null : answer.body, { status: answer.status, headers: answer.headers });
  };

  /**
   * Serves the stand-in as api.github.com to every page and worker of `context` (Playwright routes the
   * extension's service worker's requests too), ahead of any route registered before. While the
   * stand-in is not `online`, or `offline()` says this browser is not, requests fail as disconnected.
   */
  async serve(context: RoutableContext, { offline }: { offline?: () => boolean } = {}): Promise<void> {
    await context.route('https://api.github.com/**', async (route) => {
      if (!this.online || offline?.()) return route.abort('internetdisconnected');
      const request = route.request();
      const url = new URL(request.url());
      const body = request.postData();
      const answer = this.handle({
        method: request.method(),
        path: url.pathname + url.search,
        headers: await request.allHeaders(),
        ...(body !== null && { body }),
      });
      return route.fulfill(answer);
    });
  }
}

/** The path of `request`, without its query and with its escapes decoded. */
function pathOf(request: StandInRequest): string {
  return decodeURIComponent(new URL(request.path, 'https://api.github.com').pathname);
}
