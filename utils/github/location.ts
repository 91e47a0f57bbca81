import { isDiscussion, isIssue, isPRConversation, utils } from 'github-url-detection';
import type { ThreadKind } from '../model';

/** Which thread a URL points at. */
export interface ThreadLocation {
  kind: ThreadKind;
  /** `owner/name`; undefined for organisation discussions, whose repository only the page knows. */
  repo?: string;
  number: number;
  /** The thread URL without query, hash or sub-page. */
  url: string;
}

function kindOf(url: URL): ThreadKind | undefined {
  if (isIssue(url)) return 'issue';
  if (isPRConversation(url)) return 'pull';
  if (isDiscussion(url)) return 'discussion';
  return undefined;
}

/** Reads the thread a github.com URL shows, or undefined when it shows none. */
export function threadLocation(url: URL): ThreadLocation | undefined {
  const kind = kindOf(url);
  if (!kind) return undefined;
  const match = /^(.*\/(?:issues|pull|discussions)\/(\d+))/.exec(url.pathname);
  if (!match) return undefined;
  const repo = utils.getRepositoryInfo(url)?.nameWithOwner;
  return { kind, repo, number: Number(match[2]), url: new URL(match[1], url.origin).href };
}
