/**
 * What a refused GitHub API call means for the user, in their words: a token GitHub no longer
 * accepts, the exact permission a fine-grained token lacks, a repository the token cannot see, or
 * the rate limit and when it resets.
 */
import { LocalizedError } from '../errors';

/** The parts of an Octokit `RequestError` that say why a call was refused. */
interface Refusal {
  status: number;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function isRefusal(error: unknown): error is Refusal {
  return typeof error === 'object' && error !== null && typeof (error as Refusal).status === 'number';
}

/** The HTTP status of a refused call, or undefined when the call never got an answer (offline). */
export function statusOf(error: unknown): number | undefined {
  return isRefusal(error) ? error.status : undefined;
}

function header(error: Refusal, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** `contents=write` (GitHub's form) as a token's settings page names it: `Contents: write`. */
function permissionName(accepted: string): string {
  return accepted
    .split(';')[0]
    .split(',')
    .map((pair) => {
      const [name, level] = pair.trim().split('=');
      const words = name.split('_').join(' ');
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}: ${level ?? 'read'}`;
    })
    .join(', ');
}

/**
 * The permissions the extension's calls need of a fine-grained token, by the path they call
 * (GitHub's "Permissions required for fine-grained personal access tokens").
 */
const CALL_PERMISSIONS: readonly (readonly [RegExp, string])[] = [
  [/\/repos\/[^/]+\/[^/]+\/(?:contents|git)\//, 'contents'],
  [/\/repos\/[^/]+\/[^/]+\/pulls(?:[/?]|$)/, 'pull_requests'],
  [/\/repos\/[^/]+\/[^/]+\/issues(?:[/?]|$)/, 'issues'],
];

/**
 * The permission a fine-grained token lacks, as GitHub names it (`contents=write`). GitHub sends it
 * in `x-accepted-github-permissions`, but its CORS answer does not let a page read that header, so
 * in the extension it comes from the call GitHub refused as "not accessible by personal access token".
 */
function missingPermission(error: Refusal): string | undefined {
  const accepted = header(error, 'x-accepted-github-permissions');
  if (accepted) return accepted;
  const message = (error.response?.data as { message?: unknown } | undefined)?.message;
  const { method, url } = error.request ?? {};
  if (typeof message !== 'string' || !/not accessible by/i.test(message) || !url) return undefined;
  const call = CALL_PERMISSIONS.find(([path]) => path.test(url));
  return call && `${call[1]}=${method === 'GET' || method === 'HEAD' ? 'read' : 'write'}`;
}

function isRateLimited(error: Refusal): boolean {
  return (error.status === 403 || error.status === 429) && (header(error, 'x-ratelimit-remaining') === '0' || header(error, 'retry-after') !== undefined);
}

/**
 * The user's reading of a refused call on `repo` (`owner/name`). Anything that is not a refusal
 * (no network, say) says GitHub could not be reached.
 */
export function githubRefusal(error: unknown, repo: string): LocalizedError {
  if (error instanceof LocalizedError) return error;
  if (!isRefusal(error) || error.status === 0 || error.status >= 500) {
    return new LocalizedError('githubUnreachable', [error instanceof Error ? error.message : String(error)], { cause: error });
  }
  if (error.status === 401) return new LocalizedError('githubTokenRejected', [], { cause: error });
  if (isRateLimited(error)) {
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString().slice(11, 16) : '';
    return new LocalizedError('githubRateLimited', [when], { cause: error });
  }
  const missing = error.status === 403 ? missingPermission(error) : undefined;
  if (missing) return new LocalizedError('githubPermissionMissing', [permissionName(missing), repo], { cause: error });
  if (error.status === 403) return new LocalizedError('githubForbidden', [repo], { cause: error });
  if (error.status === 404) return new LocalizedError('githubRepoNotFound', [repo], { cause: error });
  return new LocalizedError('githubRefused', [String(error.status), repo], { cause: error });
}
