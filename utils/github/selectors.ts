/**
 * Every selector of GitHub's pages the extension relies on, in one place (shared/GITHUB-DOM.md); the
 * hooks of GitHub's rendered Markdown are in rendered-markdown.ts.
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

/**
 * The heading around the title, which also shows the thread's number (`Title #123`): an `h1` on every
 * thread page (React issue view, 2026 pull request header, classic issues and pull requests,
 * discussions).
 */
export const titleHeadingSelector = 'h1';

/** Where the thread-level button goes: the header's own action area, before GitHub's buttons. */
export const headerActionsSelectors = [
  // React issue view: the PageHeader's actions (Edit, New issue), https://github.com/kepano/defuddle/issues/56
  '[data-testid="issue-header"] [data-component="PH_Actions"]',
  // React pull request header (2026), the same PageHeader component: https://github.com/OWNER/REPO/pull/N
  '[data-component="PH_Actions"]',
  // Classic issues and pull requests, and discussions: https://github.com/vercel/next.js/discussions/70178
  '.gh-header-show .gh-header-actions',
].join(', ');

/** Labels applied to the thread; optional on every page. */
export const labelSelectors = [
  // React issue view: the sidebar's label links.
  '[data-testid="issue-labels"] a[href*="label"]',
  // Classic issues and pull requests: https://github.com/OctoLinker/testrepo/pull/1
  '.js-issue-labels a.IssueLabel',
  // Older classic issues.
  '.sidebar-labels .IssueLabel',
].join(', ');

/**
 * The repository a page belongs to, for URLs that do not name it (`/orgs/ORG/discussions/N`): the
 * analytics meta tag, on every repository page (issues, pull requests, discussions).
 */
export const repositoryMetaSelector = 'meta[name="octolytics-dimension-repository_nwo"]';

/**
 * A discussion's post containers name the repository behind the thread in `data-url`
 * (`/vercel/next.js/discussions/70178/body`, `/…/discussions/70178/comments/10935238`): an organisation
 * discussion (`/orgs/ORG/discussions/N`) is backed by one of the organisation's repositories.
 */
export const discussionDataUrlSelector = '.js-discussion [data-url*="/discussions/"]';

/**
 * Discussions (2026, server-rendered), read from real pages: vercel/next.js#70178 (comments with
 * nested replies) and #97925 (closed, locked), https://github.com/vercel/next.js/discussions/N.
 * A post's id sits on an ancestor of its `.js-comment`, not on it:
 * `#discussioncomment-N > .js-discussion-comment > .d-flex > (div|section).width-full > .js-comment`,
 * and the opening post has the same shape under `#discussion-N` (an internal id, not the URL's
 * number). Other ids also start with `discussion-` (`discussion-upvote-button-…`,
 * `discussion-comment-count`), so the whole shape is matched, never an id prefix alone. A reply sits
 * inside its parent's `.js-comment` (`[data-child-comments] .js-nested-comment-container`); the
 * nearest `.js-comment` is the post a node belongs to.
 */
const discussion = {
  comment: '[id^="discussioncomment-"] > .js-discussion-comment .js-comment',
  openingPost: '[id^="discussion-"] > .js-discussion-comment .js-comment',
  // The chosen comment's `.width-full` wrapper becomes this section.
  markedAnswer: 'section[aria-label="Marked as Answer"]',
  // Several on an answered page ("Answered by", "View full answer"); each points at the answer's
  // container, `#discussioncomment-N`.
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

/** Inside a post: who wrote it, tried in this order (the first link that names a login wins). */
export const authorSelectors = [
  // React issue view: the opening post's header, then a comment's (whose avatar link names the login).
  'a[data-testid="issue-body-header-author"]',
  '[data-testid="comment-header"] a[data-testid="avatar-link"]',
  // Classic issues, pull request comments, review summaries and review comments.
  'a.author',
  // Discussions (2026): the header's login link has no `author` class; bodies hold user mentions with
  // the same hovercard attributes, so only the header's link counts.
  '.timeline-comment-header-text a[data-hovercard-type="user"]',
  '.timeline-comment-header-text a[data-hovercard-type="bot"]',
  // Bots may render no login text: /apps/NAME is read from the link.
  'a[href^="/apps/"]',
];

/** Inside a post: its permalink. */
export const permalinkSelectors = [
  // React issue view: the opening post's timestamp link, then a comment's.
  'a[data-testid="issue-body-header-link"]',
  '[data-testid="comment-header"] a[href*="#issuecomment-"]',
  // Classic issues, pull requests (2026 too) and discussions: the timestamp (`#issuecomment-N`,
  // `#discussion_rN`, `#discussioncomment-N`).
  'a.js-timestamp',
].join(', ');

/** The element whose id names a post when no permalink link is rendered. */
export const anchorSelectors = [
  // React issue view: a comment header's id is `issuecomment-N`.
  '[data-testid="comment-header"][id]',
  // Classic issue and pull request conversation comments.
  '[id^="issuecomment-"]',
  // Pull request review comments and their replies.
  '[id^="discussion_r"]',
  // Discussion comments and replies.
  '[id^="discussioncomment-"]',
  // Pull request review summaries.
  '[id^="pullrequestreview-"]',
].join(', ');

/**
 * Inside a post: its rendered Markdown, tried in this order. React nests a `.markdown-body` inside
 * another, so callers take the first (outermost) match of a selector. `.js-comment-body` comes before
 * the bare `.markdown-body`: an answered discussion's opening post also holds an "Answered by"
 * preview, a truncated `.markdown-body` copy of the answer, which is not the question.
 */
export const bodySelectors = [
  // React issue view: the opening post's body, then a comment's.
  '[data-testid="issue-body-viewer"] [data-testid="markdown-body"]',
  '[data-testid="markdown-body"]',
  // Classic issues, pull requests (comments, reviews, review comments) and discussions: `td.comment-body.markdown-body.js-comment-body`.
  '.js-comment-body',
  '.comment-body.markdown-body',
  // Any other rendering of a post.
  '.markdown-body',
];

/** The "Answered by" preview of a discussion's opening post (`div.color-bg-success > .markdown-body`). */
export const answerPreviewSelector = '.color-bg-success > .markdown-body';

/** Inside a post: where its own buttons live. */
export const postActionsSelectors = [
  // React issue view: a comment header's right side (reactions menu, "…").
  '[data-testid="comment-header-right-side-items"]',
  // Classic issues, pull request comments, reviews and review comments (2026 too), discussions.
  '.timeline-comment-actions',
].join(', ');
