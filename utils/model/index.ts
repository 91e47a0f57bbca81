/**
 * The data model shared by every layer (DESIGN.md, "Data model v1"). The stored data's types are
 * what its schemas (schemas.ts) return, so a checked backup or setting has exactly these types;
 * only types come from there, and nothing that reads a page loads a schema.
 */
import type { InferOutput } from 'valibot';
import type {
  clipSchema,
  communitySchema,
  converterReasonSchema,
  draftSchema,
  linkStyleSchema,
  markdownOriginSchema,
  postSchema,
  postSourceSchema,
  projectSchema,
  templateDefinitionSchema,
  threadKindSchema,
} from './schemas';

export type ThreadKind = InferOutput<typeof threadKindSchema>;
export type Post = InferOutput<typeof postSchema>;
export type PostSource = InferOutput<typeof postSourceSchema>;
export type MarkdownOrigin = InferOutput<typeof markdownOriginSchema>;
export type ConverterReason = InferOutput<typeof converterReasonSchema>;
export type Clip = InferOutput<typeof clipSchema>;
export type Draft = InferOutput<typeof draftSchema>;
/**
 * A sent issue as the history lists it: the draft without the copies of what it sent
 * (`Draft.sentClips`), which only reading that one issue brings.
 */
export type SentIssue = Omit<Draft, 'sentClips'> & { publishedAt: string };
export type Project = InferOutput<typeof projectSchema>;
export type TemplateDefinition = InferOutput<typeof templateDefinitionSchema>;
export type LinkStyle = InferOutput<typeof linkStyleSchema>;

/** How `template` writes references: as it chose, else the shorthand, as before there was a choice. */
export function linkStyleOf(template: Pick<TemplateDefinition, 'links'>): LinkStyle {
  return template.links ?? 'shorthand';
}

/** A sent issue as a notice names it: "the issue of 2023-01-06". */
export interface IssueRef {
  title: string;
  /** The issue's day, `Draft.date`. */
  date: string;
}

export type Community = InferOutput<typeof communitySchema>;
export { SOFASTACK_COMMUNITY } from './community';

/** What saving a capture did: the thread's clip as stored, and whether it is new. */
export interface SavedClip {
  clip: Clip;
  /**
   * False when the capture updated the clip the thread has. A thread whose clip went out in a sent
   * issue starts a new clip: it is true then, and `sentIn` says where it went.
   */
  created: boolean;
  /** The latest sent issue the thread was in, if any: the clip may repeat it. */
  sentIn?: IssueRef;
}

/** The title of the very first draft; later ones take the title of the issue sent before them. */
export const DEFAULT_DRAFT_TITLE = 'Weekly digest';

/** The preset in use until the user picks another, and whenever the one picked is gone. */
export const DEFAULT_TEMPLATE_ID = 'weekly-digest';

/** The settings a draft's Markdown depends on. */
export interface DraftSettings {
  /** The template in use: a preset's id or one of `userTemplates`. */
  templateId: string;
  userTemplates: readonly TemplateDefinition[];
  /** Display names and links by `owner/name`. */
  projects: Readonly<Record<string, Project>>;
  /** The community's name and standing paragraphs; SOFAStack's (`SOFASTACK_COMMUNITY`) when absent. */
  community?: Readonly<Community>;
}

/** The host whose threads' ids carry no host: every clip made before another host could be clipped. */
export const DEFAULT_HOST = 'github.com';

/**
 * The id of a thread's one clip: `owner/name#9` on github.com, `host/owner/name#9` elsewhere (GitHub
 * Enterprise, or another site), so threads of two hosts never share a clip. GitHub ignores the case of
 * owner and repository names (`NEW/one#9` and `new/one#9` are one thread), and hosts have no case, so
 * the id has none either; `Clip.repo` keeps the page's spelling.
 */
export function clipId(repo: string, number: number, host: string = DEFAULT_HOST): string {
  const site = host.toLowerCase();
  return `${site === DEFAULT_HOST ? '' : `${site}/`}${repo.toLowerCase()}#${number}`;
}

/** The id of the clip of the thread at `url` (its host) with this `repo` and `number`. */
export function clipIdOf(thread: { repo: string; number: number; url: string }): string {
  return clipId(thread.repo, thread.number, hostOf(thread.url));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return DEFAULT_HOST; // a clip's url is checked where it enters (the page, a backup); older records may still lack a valid one
  }
}

/**
 * What the content script sends when the user clips: everything read off the page, already Markdown.
 * The store turns it into a new clip or merges it into the thread's existing one.
 */
export interface ClipCapture {
  repo: string;
  number: number;
  kind: ThreadKind;
  url: string;
  title: string;
  labels: string[];
  question: Post;
  /**
   * True when the question is only the default (the thread's title), not something the user chose:
   * a clip that already exists then keeps the question it has.
   */
  questionIsDefault: boolean;
  /** Absent when the user chose no answer: a clip that already exists keeps the answer it has. */
  answer?: Post;
  /**
   * True when the answer is only a default (a discussion's marked answer), not the user's choice:
   * a clip that already has an answer keeps it.
   */
  answerIsDefault?: boolean;
}

/**
 * A short fingerprint of `text` (cyrb53, a 53-bit hash, in base 36): enough to tell whether Markdown changed
 * since it was written, without keeping a second copy of it on every clip.
 */
export function digestOf(text: string): string {
  let high = 0xdeadbeef;
  let low = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    high = Math.imul(high ^ code, 2654435761);
    low = Math.imul(low ^ code, 1597334677);
  }
  high = Math.imul(high ^ (high >>> 16), 2246822507) ^ Math.imul(low ^ (low >>> 13), 3266489909);
  low = Math.imul(low ^ (low >>> 16), 2246822507) ^ Math.imul(high ^ (high >>> 13), 3266489909);
  return (4294967296 * (2097151 & low) + (high >>> 0)).toString(36);
}

/** True when the user changed `post`'s Markdown since the clipper wrote it. */
export function editedByUser(post: Post): boolean {
  return post.writtenDigest !== undefined && digestOf(post.markdown) !== post.writtenDigest;
}
