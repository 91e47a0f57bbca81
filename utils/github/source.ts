import type { PostSource, ThreadKind } from '../model';

/** The thread a post belongs to, as far as its API resource depends on it. */
export interface SourceThread {
  kind: ThreadKind;
  repo: string;
  number: number;
}

/**
 * The API resource holding the author's Markdown of the post whose permalink is `postUrl`, read from
 * the permalink's fragment as GitHub writes it: `#issuecomment-N` (an issue's or pull request's
 * conversation comment), `#discussion_rN` (a review comment), `#pullrequestreview-N` (a review
 * summary), `#discussioncomment-N` (a discussion comment or reply), and the thread's own URL or
 * `#issue-N` for the opening post. Undefined for anything else (and for another host than github.com,
 * whose API lives elsewhere).
 */
export function postSourceOf(postUrl: string, thread: SourceThread): PostSource | undefined {
  let url: URL;
  try {
    url = new URL(postUrl);
  } catch {
    return undefined;
  }
  if (url.host !== 'github.com') return undefined;
  const { repo, number, kind } = thread;
  const fragment = url.hash.slice(1);
  const id = (prefix: string) =>
    fragment.startsWith(prefix) && /^\d+$/.test(fragment.slice(prefix.length)) ? Number(fragment.slice(prefix.length)) : undefined;

  const issueComment = id('issuecomment-');
  if (issueComment && kind !== 'discussion') return { type: 'issueComment', repo, id: issueComment };
  const reviewComment = id('discussion_r');
  if (reviewComment && kind === 'pull') return { type: 'reviewComment', repo, id: reviewComment };
  const review = id('pullrequestreview-');
  if (review && kind === 'pull') return { type: 'review', repo, number, id: review };
  const discussionComment = id('discussioncomment-');
  if (discussionComment && kind === 'discussion') return { type: 'discussionComment', repo, number, id: discussionComment };
  if (fragment === '' || id('issue-') || id('discussion-'))
    return kind === 'discussion' ? { type: 'discussion', repo, number } : { type: 'issue', repo, number };
  return undefined;
}
