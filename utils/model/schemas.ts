/**
 * The stored data's shapes, as data from outside (a backup, a settings write) is checked against
 * them; the model's types are what these schemas return (index.ts).
 */
import { optional } from 'valibot';
import { day, list, nonEmptyString, object, oneOf, positiveInteger, repoName, string, timestamp, webUrl } from '../validation/values';

export const threadKindSchema = oneOf(['issue', 'pull', 'discussion']);

export const postSchema = object({
  /** GitHub login, without the `@`. */
  author: string,
  markdown: string,
  /** Permalink of the post. */
  url: webUrl,
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
