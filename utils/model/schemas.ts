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
  /** The day, `YYYY-MM-DD`. */
  date: day,
  clipIds: list(nonEmptyString),
  intro: string,
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

/** A template the user can pick: a preset or one they wrote (stored in settings). */
export const templateDefinitionSchema = object({
  id: nonEmptyString,
  name: nonEmptyString,
  /** Liquid source; see `TemplateData` in draft/template.ts for what it can use. */
  source: string,
});
