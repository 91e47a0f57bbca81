/**
 * Every GitHub selector the extension relies on, in one place (shared/GITHUB-DOM.md).
 *
 * GitHub ships several markups side by side: the React issue view (issues since 2025), pull requests
 * with a React header over a server-rendered timeline (2026), and the classic server-rendered
 * timeline (older pages, discussions). Each list names the React hook first, then the classic one;
 * stable hooks (`data-testid`, ids, `.markdown-body`) are preferred over hashed class names, which are
 * matched by prefix only.
 */

/** The page header's thread title. */
export const titleSelectors = [
  // React issue view: https://github.com/kepano/defuddle/issues/56
  '[data-testid="issue-title"]',
  // React pull request header (2026): https://github.com/OWNER/REPO/pull/N
  'h1[class^="prc-PageHeader-Title"] .markdown-title',
  '[data-component="TitleArea"] .markdown-title',
  // Classic issue, pull request and discussion: https://github.com/OctoLinker/testrepo/issues/2
  '.gh-header-title .js-issue-title',
  '.js-issue-title',
].join(', ');

/** Where the thread-level button goes: the header's own action area, before GitHub's buttons. */
export const headerActionsSelectors = [
  '[data-testid="issue-header"] [data-component="PH_Actions"]',
  '[data-component="PH_Actions"]',
  '.gh-header-show .gh-header-actions',
].join(', ');

/** Labels applied to the thread; optional on every page. */
export const labelSelectors = [
  '[data-testid="issue-labels"] a[href*="label"]',
  '.js-issue-labels a.IssueLabel',
  '.sidebar-labels .IssueLabel',
].join(', ');

/** The repository a page belongs to, for URLs that do not name it (`/orgs/ORG/discussions/N`). */
export const repositoryMetaSelector = 'meta[name="octolytics-dimension-repository_nwo"]';

/**
 * Discussions. No real capture was available: these follow scrapers' code and GitHub's classic
 * timeline, and are UNVERIFIED against the live site. When they stop matching, the button says the
 * layout was not recognised.
 */
const discussion = {
  // Each comment and threaded reply carries its anchor as id: #discussioncomment-N.
  comment: '.js-comment[id^="discussioncomment-"], [id^="discussioncomment-"] > .js-comment',
  // The opening post is the timeline's first comment that is not a discussion comment.
  openingPost: '.js-discussion .js-comment:not([id^="discussioncomment-"])',
  markedAnswer: 'section[aria-label="Marked as Answer"]',
  gotoAnswer: 'a.js-discussions-goto-answer-button[href*="#discussioncomment-"]',
};

/** The thread's opening post (issue body, pull request description, discussion post). */
export const openingPostSelectors = [
  // React: the whole body block, header and Markdown included.
  '[data-testid="issue-body"]',
  '.react-issue-body',
  // Classic: the first timeline comment sits in a group whose id is `issue-N` (or `pullrequest-N`).
  '.timeline-comment-group[id^="issue-"] .js-comment',
  '[id^="pullrequest-"]:not([id^="pullrequestreview-"]) .js-comment',
  discussion.openingPost,
].join(', ');

/** Every reply that can become the answer. */
export const commentSelectors = [
  // React issue view comment.
  '.react-issue-comment',
  // Classic issue and pull request conversation comment: the group's id is `issuecomment-N`.
  '[id^="issuecomment-"] > .js-comment',
  // Pull request review comment, and each reply in its review thread (id `discussion_rN`).
  '.review-comment.js-comment',
  // Pull request review summary (id `pullrequestreview-N`); its review threads are posts of their own.
  '.js-comment[id^="pullrequestreview-"]',
  discussion.comment,
].join(', ');

/** Everything that is a post, to find the post a node (a selection, a button) sits in. */
export const postSelectors = `${commentSelectors}, ${openingPostSelectors}`;

/** The accepted answer of a discussion, when one is marked. */
export const markedAnswerSelectors = {
  section: discussion.markedAnswer,
  gotoLink: discussion.gotoAnswer,
};

/** Inside a post: who wrote it. */
export const authorSelectors = [
  'a[data-testid="issue-body-header-author"]',
  '[data-testid="comment-header"] a[data-testid="avatar-link"]',
  'a.author',
  // Bots may render no login text: /apps/NAME is read from the link.
  'a[href^="/apps/"]',
].join(', ');

/** Inside a post: its permalink. */
export const permalinkSelectors = [
  'a[data-testid="issue-body-header-link"]',
  '[data-testid="comment-header"] a[href*="#issuecomment-"]',
  'a.js-timestamp',
].join(', ');

/** The element whose id names a post when no permalink link is rendered. */
export const anchorSelectors = [
  '[data-testid="comment-header"][id]',
  '[id^="issuecomment-"]',
  '[id^="discussion_r"]',
  '[id^="discussioncomment-"]',
  '[id^="pullrequestreview-"]',
].join(', ');

/**
 * Inside a post: its rendered Markdown. React nests a `.markdown-body` inside another, so callers take
 * the first (outermost) match.
 */
export const bodySelectors = [
  '[data-testid="issue-body-viewer"] [data-testid="markdown-body"]',
  '[data-testid="markdown-body"]',
  '.js-comment-body',
  '.comment-body.markdown-body',
  '.markdown-body',
].join(', ');

/** Inside a post: where its own buttons live. */
export const postActionsSelectors = [
  '[data-testid="comment-header-right-side-items"]',
  '.timeline-comment-actions',
].join(', ');
