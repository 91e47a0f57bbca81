/**
 * The one thing the clipper knows of the site it runs on: an adapter that says which pages show a
 * thread, reads the thread off the page, says where the buttons go and how the site renders
 * Markdown. GitHub's is utils/github/site.ts, handed in by the content script: utils/page and
 * utils/capture import nothing from utils/github.
 */
import type { MarkdownDialect } from '../markdown';
import type { PostSource, ThreadKind } from '../model';

/** Which thread a URL points at. */
export interface ThreadLocation {
  kind: ThreadKind;
  /** `owner/name`; undefined when only the page says which repository it is (a GitHub organisation discussion). */
  repo?: string;
  number: number;
  /** The thread URL without query, hash or sub-page; its host is part of the clip's id (model.ts, `clipIdOf`). */
  url: string;
}

/** One post of a thread as the page shows it: still DOM, not yet Markdown. */
export interface ThreadPost {
  /** The post's root element (what `findPost` returns for a node inside it). */
  element: Element;
  /** Login without `@`; an app's name for bots. */
  author: string;
  /** Permalink of the post. */
  url: string;
  /** The rendered Markdown of the post. */
  body: Element;
}

/** A thread read off the page: the model the capture step turns into a clip. */
export interface Thread {
  kind: ThreadKind;
  repo: string;
  number: number;
  /** The page's own URL for the thread, host included. */
  url: string;
  title: string;
  labels: string[];
  opening: ThreadPost;
  comments: ThreadPost[];
  /** A discussion's accepted answer, when one is marked. */
  markedAnswer?: ThreadPost;
}

/** Where the clip buttons go, as CSS selectors, and how they look. */
export interface SiteButtons {
  /** The thread header's action area: Clip to Weekly goes first in it. */
  headerActions: string;
  /** A post's action area: Clip as answer goes first in it when the post is a comment. */
  postActions: string;
  /** A post that can be clipped as the answer. */
  comment: string;
  /** The thread's title. */
  title: string;
  /** The heading holding the title: Clip to Weekly goes after it when the header's action area is not recognised. */
  titleHeading: string;
  /** The classes of the site's own small buttons (a class list, not a selector). */
  look: string;
}

export interface SiteAdapter {
  /** Hosts whose pages the content script runs on (its `matches`); another host of the same site is added here. */
  readonly hosts: readonly string[];
  /** The thread a page at `url` shows, or undefined when it shows none: elsewhere the clipper does nothing. */
  threadLocation(url: URL): ThreadLocation | undefined;
  /** Reads the thread the page shows; throws a LocalizedError, with a message for the user, when it cannot. */
  readThread(document: Document, url: URL): Thread;
  /** The post (opening post or comment) a node sits in, if any. */
  findPost(node: Node | null): Element | null;
  /** Reads one post of the thread at `threadUrl`; throws a LocalizedError when its author or body is missing. */
  readPost(post: Element, threadUrl: string): ThreadPost;
  /**
   * Where the author's own Markdown of a whole post can be read (the site's API), from the post's
   * permalink; undefined when the site offers none. The page only names it: the background reads it.
   */
  postSource(postUrl: string, thread: Pick<Thread, 'kind' | 'repo' | 'number'>): PostSource | undefined;
  readonly buttons: SiteButtons;
  /** How the site renders Markdown: what the converter needs to write back what the author typed. */
  readonly markdown: MarkdownDialect;
}
