/**
 * The request and answer shapes of the GitHub stand-in, and the answers every area builds from:
 * JSON with a status, GitHub's error bodies, and GitHub's CORS headers.
 */
import { createHash } from 'node:crypto';

export interface StandInRequest {
  method: string;
  /** Path and query, as sent (`/repos/o/r/contents/a%2Fb.json?ref=main`). */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: string;
}

export interface StandInAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request the stand-in answered, with the status it answered. */
export interface AnsweredRequest extends StandInRequest {
  status: number;
}

export const DOCS = 'https://docs.github.com/rest';

/** GitHub's CORS answer: any origin, and these response headers readable by the page. */
export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
};

/** GitHub's answer to a CORS preflight: these request headers and methods, for a day. */
export const PREFLIGHT: StandInAnswer = {
  status: 204,
  headers: {
    ...CORS,
    'access-control-allow-headers':
      'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features, X-GitHub-Api-Version',
    'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
    'access-control-max-age': '86400',
  },
  body: '',
};

/** The caching GitHub asks of a post or a user it returns. */
export const PRIVATE_CACHING = { 'cache-control': 'private, max-age=60, s-maxage=60' };

export function json(status: number, data: unknown, headers: Record<string, string> = {}): StandInAnswer {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(data) };
}

/** GitHub's REST error body. */
export function refusal(status: number, message: string, headers: Record<string, string> = {}): StandInAnswer {
  return json(status, { message, documentation_url: DOCS, status: String(status) }, headers);
}

/** The weak ETag GitHub gives a JSON answer: the same body, the same tag. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`;
}
