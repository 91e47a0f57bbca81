/**
 * Commit references. GitHub links a SHA it finds in a post as a `commit-link` that shows the short
 * SHA: `<a class="commit-link" href=".../commit/FULL"><tt>abc1234</tt></a>`, `owner/repo@<tt>abc1234</tt>`
 * for another repository, `<tt>abc1234...def5678</tt>` for a comparison. Written back as a
 * reference (not a code span, which GitHub never links), it becomes the same link again.
 */

const SHA = '[0-9a-f]{7,40}';
/** What the link shows: `sha`, `owner@sha` or `owner/repo@sha`, or `sha...sha`. */
const SHOWN = new RegExp(`^(?:[\\w.-]+(?:/[\\w.-]+)?@)?(${SHA})(?:\\.\\.\\.(${SHA}))?$`, 'i');
// A commit of a pull request links to the pull request's view of it.
const COMMIT_PATH = new RegExp(`^/([\\w.-]+)/([\\w.-]+)/(?:commit|pull/\\d+/commits)/(${SHA})/?$`, 'i');
const COMPARE_PATH = new RegExp(`^/([\\w.-]+)/([\\w.-]+)/compare/(${SHA})\\.\\.\\.(${SHA})/?$`, 'i');

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** `shown` is how GitHub abbreviates `full`. */
function abbreviates(shown: string | undefined, full: string | undefined): boolean {
  return shown !== undefined && full !== undefined && full.toLowerCase().startsWith(shown.toLowerCase());
}

/**
 * The reference an author types for the commit link showing `text` and pointing at `href`: the
 * full SHA (or `sha...sha`) in the thread's own repository, `owner/repo@sha` in another one on
 * the same site. Undefined when the link is something else (a commit URL with a file anchor, a
 * comparison across repositories): it stays a URL.
 */
export function commitReference(text: string, href: string, baseUrl: string): string | undefined {
  const shown = SHOWN.exec(text.trim());
  const target = parse(href);
  const thread = parse(baseUrl);
  if (!shown || !target || !thread || target.origin !== thread.origin || target.search !== '' || target.hash !== '') return undefined;
  const [, threadOwner = '', threadRepo = ''] = thread.pathname.split('/');
  const sameRepository = (owner: string, repo: string) => owner.toLowerCase() === threadOwner.toLowerCase() && repo.toLowerCase() === threadRepo.toLowerCase();

  const commit = COMMIT_PATH.exec(target.pathname);
  if (commit && shown[2] === undefined) {
    const [, owner = '', repo = '', sha = ''] = commit;
    if (!abbreviates(shown[1], sha)) return undefined;
    return sameRepository(owner, repo) ? sha : `${owner}/${repo}@${sha}`;
  }
  const compare = COMPARE_PATH.exec(target.pathname);
  if (compare && shown[2] !== undefined) {
    const [, owner = '', repo = '', from = '', to = ''] = compare;
    if (!sameRepository(owner, repo) || !abbreviates(shown[1], from) || !abbreviates(shown[2], to)) return undefined;
    return `${from}...${to}`;
  }
  return undefined;
}
