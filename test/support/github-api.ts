/**
 * A strict stand-in for GitHub's API (api.github.com), answering as GitHub does from response shapes
 * recorded in test/fixtures/github-api: REST resources with ETags and 304s (which cost no rate
 * limit), the x-ratelimit-* headers on every answer, 403 with `x-ratelimit-remaining: 0` once the
 * limit is spent, 401 for a token it does not know, 404 for anything it does not hold, and GraphQL,
 * which wants a token. Unit tests call it as `fetch`; end-to-end tests serve it with `context.route`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = resolve(fileURLToPath(import.meta.url), '../../fixtures/github-api');

/** A recorded response shape, parsed afresh (tests change their copy). */
export function readApiFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(resolve(fixtures, name), 'utf8')) as T;
}

export interface ApiRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** GitHub's CORS answer: any origin, these request headers, these response headers readable. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
};

const DOCS = 'https://docs.github.com/rest';

function etagOf(body: string): string {
  let hash = 0;
  for (let index = 0; index < body.length; index++) hash = (Math.imul(hash, 31) + body.charCodeAt(index)) | 0;
  return `W/"${(hash >>> 0).toString(16).padStart(8, '0')}"`;
}

export class GitHubApiStandIn {
  /** Every request answered, in order. */
  readonly requests: ApiRequest[] = [];
  /** REST resources by path (`/repos/mosn/mosn/issues/comments/1`); a missing one is a 404. */
  private readonly resources = new Map<string, Record<string, unknown>>();
  /** GraphQL answers by `owner/name#number`. */
  private readonly discussions = new Map<string, Record<string, unknown>>();
  /** Logins by token. */
  private readonly tokens = new Map<string, string>();
  private limit = 60;
  private used = 0;
  /** Epoch seconds when the window resets: an hour on. */
  readonly reset = Math.floor(Date.now() / 1000) + 3600;

  /** Holds `resource` at `path`, as GitHub returns it. */
  put(path: string, resource: Record<string, unknown>): void {
    this.resources.set(path, resource);
  }

  /** The author edits the post at `path`: a new body, a new `updated_at`, a new ETag. */
  edit(path: string, body: string): void {
    const resource = this.resources.get(path);
    if (!resource) throw new Error(`No resource at ${path}`);
    this.resources.set(path, { ...resource, body, updated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  }

  /** The post at `path` is deleted (or its repository made private: GitHub answers both with 404). */
  remove(path: string): void {
    this.resources.delete(path);
  }

  putDiscussion(repo: string, number: number, answer: Record<string, unknown>): void {
    this.discussions.set(`${repo}#${number}`, answer);
  }

  acceptToken(token: string, login: string): void {
    this.tokens.set(token, login);
  }

  /** Spends what is left of the hour's requests: the next one is refused as rate-limited. */
  exhaust(): void {
    this.used = this.limit;
  }

  /** The hour is over: the limit is whole again. */
  resetLimit(): void {
    this.used = 0;
  }

  /** The requests made to `path` (GET) so far. */
  requestsTo(path: string): ApiRequest[] {
    return this.requests.filter((request) => request.path.split('?')[0] === path);
  }

  handle(request: ApiRequest): ApiResponse {
    this.requests.push(request);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...CORS,
          'access-control-allow-headers':
            'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features',
          'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
          'access-control-max-age': '86400',
        },
        body: '',
      };
    }
    const authorization = headers.authorization;
    const token = authorization ? /^(?:token|bearer) (.+)$/i.exec(authorization)?.[1] : undefined;
    if (authorization && (!token || !this.tokens.has(token))) return this.json(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    if (token) this.limit = 5000;
    if (this.used >= this.limit) {
      return this.json(403, {
        message: "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)",
        documentation_url: DOCS,
      });
    }

    const path = request.path.split('?')[0] ?? '';
    if (request.method === 'POST' && path === '/graphql') return this.graphql(token, request.body ?? '');
    if (request.method !== 'GET') return this.json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    if (path === '/user')
      return token
        ? this.resource({ ...readApiFixture('user.json'), login: this.tokens.get(token) }, headers)
        : this.json(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' });
    const resource = this.resources.get(path);
    if (!resource) return this.json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    return this.resource(resource, headers);
  }

  /** A resource, or 304 when the client's ETag is still its ETag (and then no request is counted). */
  private resource(resource: Record<string, unknown>, headers: Record<string, string>): ApiResponse {
    const body = JSON.stringify(resource);
    const etag = etagOf(body);
    if (headers['if-none-match'] === etag) return { status: 304, headers: { ...CORS, ...this.rateHeaders(), etag }, body: '' };
    return this.json(200, resource, { etag, 'cache-control': 'private, max-age=60, s-maxage=60' });
  }

  private graphql(token: string | undefined, body: string): ApiResponse {
    if (!token)
      return this.json(401, {
        message: 'This endpoint requires you to be authenticated.',
        documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
      });
    const { query, variables } = JSON.parse(body) as { query: string; variables: { owner: string; name: string; number: number } };
    if (!/discussion\(number: \$number\)/.test(query)) return this.json(200, { errors: [{ message: 'The stand-in answers only the discussion query' }] });
    const answer = this.discussions.get(`${variables.owner}/${variables.name}#${variables.number}`);
    if (answer) return this.json(200, answer);
    return this.json(200, {
      data: { repository: { discussion: null } },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository', 'discussion'],
          locations: [{ line: 3, column: 5 }],
          message: `Could not resolve to a Discussion with the number of ${variables.number}.`,
        },
      ],
    });
  }

  private rateHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.limit - this.used)),
      'x-ratelimit-used': String(this.used),
      'x-ratelimit-reset': String(this.reset),
      'x-ratelimit-resource': 'core',
    };
  }

  private json(status: number, data: unknown, extra: Record<string, string> = {}): ApiResponse {
    // A 304 costs nothing; every other answer counts, refusals included, as on GitHub.
    if (this.used < this.limit) this.used++;
    return { status, headers: { ...CORS, ...this.rateHeaders(), 'content-type': 'application/json; charset=utf-8', ...extra }, body: JSON.stringify(data) };
  }

  /** The stand-in as a `fetch` for unit tests, at `baseUrl`. */
  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const answer = this.handle({
      method: init.method ?? 'GET',
      path: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(typeof init.body === 'string' && { body: init.body }),
    });
    return new Response(answer.status === 304 || answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}

/** What `routeGitHubApi` needs of a Playwright browser context. */
interface RoutableContext {
  route(url: string, handler: (route: RoutedRequest) => Promise<void>): Promise<unknown>;
}

interface RoutedRequest {
  request(): { method(): string; url(): string; allHeaders(): Promise<Record<string, string>>; postData(): string | null };
  fulfill(response: { status: number; headers: Record<string, string>; body: string }): Promise<void>;
}

/**
 * Serves `standIn` as api.github.com to every page and worker of the context (Playwright routes the
 * extension's service worker's requests too), ahead of any route registered before.
 */
export async function routeGitHubApi(context: RoutableContext, standIn: GitHubApiStandIn): Promise<void> {
  await context.route('https://api.github.com/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const body = request.postData();
    const answer = standIn.handle({
      method: request.method(),
      path: url.pathname + url.search,
      headers: await request.allHeaders(),
      ...(body !== null && { body }),
    });
    await route.fulfill(answer);
  });
}
