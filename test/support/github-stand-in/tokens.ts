/** Tokens as GitHub knows them: whose they are, what a fine-grained token was granted, revoked or not. */
import { refusal, type StandInAnswer } from './answers';

export type Permission = 'contents' | 'pull_requests' | 'issues' | 'metadata';

export interface StandInToken {
  login: string;
  /** What a fine-grained token was granted on its repositories, by permission; read is implied by write. Public posts need none. */
  permissions: Partial<Record<Permission, 'read' | 'write'>>;
  revoked?: boolean;
}

/** The token of an `Authorization` header (`token …` or `bearer …`), or undefined when there is none. */
export function tokenText(authorization: string | undefined): string | undefined {
  return authorization?.replace(/^(token|bearer)\s+/i, '');
}

/** 403 naming the permission, as GitHub answers a fine-grained token without it; 401 without a token. */
export function lacks(token: StandInToken | undefined, permission: Permission, level: 'read' | 'write'): StandInAnswer | undefined {
  const granted = token?.permissions[permission];
  if (granted === 'write' || (granted === 'read' && level === 'read')) return undefined;
  if (!token) return refusal(401, 'Requires authentication');
  return refusal(403, 'Resource not accessible by personal access token', { 'x-accepted-github-permissions': `${permission}=${level}` });
}
