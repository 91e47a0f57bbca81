/**
 * The stored data's shapes, as data from outside (a backup, a settings write) is checked against
 * them; the model's types are what these schemas return (index.ts).
 */
import { optional, union } from 'valibot';
import { problem } from '../validation/check';
import { day, list, literal, nonEmptyString, object, oneOf, positiveInteger, repoName, string, timestamp, webUrl } from '../validation/values';

export const threadKindSchema = oneOf(['issue', 'pull', 'discussion']);

/**
 * Where the author's own Markdown of a whole post can be read (GitHub's API): an issue or pull
 * request's opening post, a conversation comment, a review comment, a review summary, a discussion
 * or one of its comments and replies. Ids are GitHub's numeric ones, as the post's permalink shows them.
 */
export const postSourceSchema = union(
  [
    object({ type: literal('issue'), repo: repoName, number: positiveInteger }),
    object({ type: literal('issueComment'), repo: repoName, id: positiveInteger }),
    object({ type: literal('reviewComment'), repo: repoName, id: positiveInteger }),
    object({ type: literal('review'), repo: repoName, number: positiveInteger, id: positiveInteger }),
    object({ type: literal('discussion'), repo: repoName, number: positiveInteger }),
    object({ type: literal('discussionComment'), repo: repoName, number: positiveInteger, id: positiveInteger }),
  ],
  problem('invalidObject'),
);

/** What made a post's Markdown: the author's source, or the converter from the rendered page. */
export const markdownOriginSchema = oneOf(['source', 'converter']);

/**
 * Why a post's Markdown came from the converter: it was a selection, the source is still being
 * fetched, or fetching it failed (offline, rate-limited, the token refused, a discussion without a
 * token, the post gone or private, anything else).
 */
export const converterReasonSchema = oneOf(['selection', 'pending', 'offline', 'rateLimited', 'unauthorised', 'needsToken', 'gone', 'failed']);

export const postSchema = object({
  /** GitHub login, without the `@`. */
  author: string,
  markdown: string,
  /** Permalink of the post. */
  url: webUrl,
  /** A whole post's API resource; absent for a selection and for clips made before sources were read. */
  source: optional(postSourceSchema),
  /** Absent on clips made before the origin was recorded. */
  origin: optional(markdownOriginSchema),
  /** Why the converter made the Markdown, when it did. */
  converterReason: optional(converterReasonSchema),
  /** `digestOf` the source text the Markdown was taken from: a different one means the author edited the post since. */
  sourceDigest: optional(string),
  /** `digestOf` the Markdown as the clipper wrote it: a different one means the user edited it since. */
  writtenDigest: optional(string),
});

export const clipSchema = object({
  /** One clip per thread, `clipIdOf(clip)`: clipping again updates it. */
  id: nonEmptyString,
  /** `owner/name`, spelled as the page spelled it. */
  repo: repoName,
  number: positiveInteger,
  kind: threadKindSchema,
  url: webUrl,
  title: string,
  /** The thread's author; markdown is the selection in the opening post, else the title. */
  question: postSchema,
  answer: optional(postSchema),
  /** The editor's note on this entry, Markdown, printed after the answer; absent in clips made before notes existed. */
  note: optional(string),
  labels: list(string),
  /** ISO 8601, as `Date#toISOString` writes it. */
  clippedAt: timestamp,
  updatedAt: timestamp,
  /** The GitHub login of the maintainer who clipped it, when clipped into a shared weekly. */
  clippedBy: optional(string),
});

export const draftSchema = object({
  id: nonEmptyString,
  title: string,
  /** The issue's day, `YYYY-MM-DD`. */
  date: day,
  clipIds: list(nonEmptyString),
  intro: string,
  /** Markdown that closes this issue, after the entries; absent in drafts made before outros existed. */
  outro: optional(string),
  publishedAt: optional(timestamp),
  /**
   * The clips as they were when the draft was published: the sent issue is exported as sent, even
   * after its threads are clipped again or edited for a later issue.
   */
  sentClips: optional(list(clipSchema)),
  /** The pull request that published it on the community's site (`publishAsPullRequest`). */
  pullRequest: optional(webUrl),
});

/** How a repository is named in the newsletter (`mosn/mosn` -> `MOSN`). */
export const projectSchema = object({ name: nonEmptyString, link: webUrl });

/**
 * What a template does with GitHub's shorthand references in clips (`#2203`, `owner/repo#12`,
 * `@user`, commit SHAs): keeps them, for a weekly posted on GitHub, or expands each into a full link,
 * for one published elsewhere (draft/links.ts).
 */
export const linkStyleSchema = oneOf(['shorthand', 'expanded']);

/**
 * What a weekly says of its community every issue (community.ts): names are plain text, the
 * paragraphs Markdown as written, each may be left empty.
 */
export const communitySchema = object({
  /** The community's name (`SOFAStack`), in headings. */
  name: string,
  /** The weekly's name (`SOFA Weekly`), in its front matter and title heading. */
  weekly: string,
  /** The community's home on the web, or empty. */
  link: string,
  /** Paragraphs that open every issue, before the draft's own intro. */
  intro: string,
  /** Paragraphs before the entries: how readers' questions reach the weekly. */
  issues: string,
  /** Paragraphs that close every issue. */
  closing: string,
});

/** A template the user can pick: a preset or one they wrote (stored in settings). */
export const templateDefinitionSchema = object({
  id: nonEmptyString,
  name: nonEmptyString,
  /** Liquid source; see `TemplateData` in draft/template.ts for what it can use. */
  source: string,
  /**
   * Absent in templates saved before there was a choice, and in their backups: they keep the
   * shorthand (`linkStyleOf`). Stored settings are read without their schema, so a default here
   * would not reach them.
   */
  links: optional(linkStyleSchema),
});
