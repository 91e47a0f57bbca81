import { isDiscussion, isIssue, isPRConversation, utils } from 'github-url-detection';
import type { ThreadKind } from '../model';
import type { ThreadLocation } from '../page/site';

function kindOf(url: URL): ThreadKind | undefined {
  if (isIssue(url)) return 'issue';
  if (isPRConversation(url)) return 'pull';
  if (isDiscussion(url)) return 'discussion';
  return undefined;
}

/**
 * Reads the thread a GitHub URL shows, or undefined when it shows none: `/OWNER/REPO/issues/N`,
 * `/OWNER/REPO/pull/N` (the conversation, not its files or commits), `/OWNER/REPO/discussions/N` and
 * `/orgs/ORG/discussions/N`. The URL keeps its host (github.com, or a GitHub Enterprise server).
 */
export function threadLocation(url: URL): ThreadLocation | undefined {
  const kind = kindOf(url);
  if (!kind) return undefined;
  const match = /^(.*\/(?:issues|pull|discussions)\/(\d+))/.exec(url.pathname);
  if (!match) return undefined;
  const repo = utils.getRepositoryInfo(url)?.nameWithOwner;
  return { kind, repo, number: Number(match[2]), url: new URL(match[1], url.origin).href };
}
