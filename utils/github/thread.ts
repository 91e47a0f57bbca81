import { LocalizedError } from '../errors';
import type { ThreadKind } from '../model';
import { threadLocation } from './location';
import {
  anchorSelectors,
  authorSelectors,
  bodySelectors,
  commentSelectors,
  labelSelectors,
  markedAnswerSelectors,
  openingPostSelectors,
  permalinkSelectors,
  postSelectors,
  repositoryMetaSelector,
  titleSelectors,
} from './selectors';

/** One post of a thread as the page shows it: still DOM, not yet Markdown. */
export interface ThreadPost {
  /** The post's root element (what `findPost` returns for a node inside it). */
  element: Element;
  /** Login without `@`; an app's name for bots (`/apps/NAME`). */
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
  url: string;
  title: string;
  labels: string[];
  opening: ThreadPost;
  comments: ThreadPost[];
  /** A discussion's accepted answer, when one is marked. */
  markedAnswer?: ThreadPost;
}

/** The page is not a thread, or its markup is not one we recognise. The message is for the user. */
export class PageNotRecognisedError extends LocalizedError {
  override name = 'PageNotRecognisedError';
}

function text(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The post (opening post or comment) that contains a node, if any. */
export function findPost(node: Node | null): Element | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest(postSelectors) ?? null;
}

/**
 * The first element matching `selector` that belongs to `post` itself, not to a post nested in it
 * (a discussion comment holds its replies, a review summary its review threads).
 */
function own(post: Element, selector: string): Element | undefined {
  return [...post.querySelectorAll(selector)].find((element) => findPost(element) === post);
}

function authorOf(post: Element): string {
  const link = own(post, authorSelectors);
  const login = text(link).replace(/^@/, '');
  if (login) return login;
  return /\/apps\/([^/?#]+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? '';
}

function permalinkOf(post: Element, threadUrl: string): string {
  const href = own(post, permalinkSelectors)?.getAttribute('href');
  if (href) return new URL(href, threadUrl).href;
  const anchor = post.matches(anchorSelectors) ? post : (post.closest(anchorSelectors) ?? own(post, anchorSelectors));
  return anchor ? `${threadUrl}#${anchor.id}` : threadUrl;
}

/**
 * Reads one post (opening post or comment); throws when its author or body cannot be found. An
 * opening post may lack a body (an empty description): the question is then the title, so the post
 * itself stands in for it.
 */
export function readPost(post: Element, threadUrl: string, { bodyRequired = true } = {}): ThreadPost {
  const body = own(post, bodySelectors) ?? (bodyRequired ? undefined : post);
  const author = authorOf(post);
  if (!body) throw new PageNotRecognisedError('errorPostWithoutBody');
  if (!author) throw new PageNotRecognisedError('errorPostWithoutAuthor');
  return { element: post, author, url: permalinkOf(post, threadUrl), body };
}

/** `readPost`, or undefined for a post that cannot be read (minimised, deleted, still loading). */
function readPostIfComplete(post: Element, threadUrl: string): ThreadPost | undefined {
  try {
    return readPost(post, threadUrl);
  } catch (error) {
    if (error instanceof PageNotRecognisedError) return undefined;
    throw error;
  }
}

function markedAnswerOf(document: Document): Element | null {
  const inSection = document.querySelector(markedAnswerSelectors.section)?.querySelector(commentSelectors);
  if (inSection) return inSection;
  const hash = document.querySelector(markedAnswerSelectors.gotoLink)?.getAttribute('href')?.split('#')[1];
  const anchor = hash ? document.getElementById(hash) : null;
  return anchor?.matches(commentSelectors) ? anchor : (anchor?.querySelector(commentSelectors) ?? null);
}

/** Reads the thread the page shows. Throws PageNotRecognisedError with a message for the user. */
export function readThread(document: Document, url: URL): Thread {
  const location = threadLocation(url);
  if (!location) throw new PageNotRecognisedError('errorNotThread');
  // The page's own spelling of its repository: /SOFAStack/sofa-rpc and /sofastack/sofa-rpc are one
  // thread, and organisation discussions do not name their repository in the URL at all. A stale
  // value (left from the previous page) does not match the URL and is not used.
  const canonical = document.querySelector(repositoryMetaSelector)?.getAttribute('content') || undefined;
  const repo = canonical && (!location.repo || canonical.toLowerCase() === location.repo.toLowerCase()) ? canonical : location.repo;
  const titleElement = document.querySelector(titleSelectors);
  // A soft navigation changes the URL before the new thread is on screen: never file one thread's
  // posts under another's number.
  const shownNumber = /#(\d+)\s*$/.exec(text(titleElement?.closest('h1')))?.[1];
  if (shownNumber && Number(shownNumber) !== location.number) throw new PageNotRecognisedError('errorPageStillLoading');
  const title = text(titleElement);
  const openingElement = document.querySelector(openingPostSelectors);
  if (!title) throw new PageNotRecognisedError('errorNoTitle');
  if (!openingElement) throw new PageNotRecognisedError('errorNoOpeningPost');
  if (!repo) throw new PageNotRecognisedError('errorNoRepository');
  const opening = readPost(openingElement, location.url, { bodyRequired: false });
  // A comment without author or body (minimised, deleted, still loading) cannot be an answer: skip it
  // here; clipping it directly still says why.
  const comments = [...document.querySelectorAll(commentSelectors)]
    .filter((element) => element !== openingElement)
    .flatMap((element) => readPostIfComplete(element, location.url) ?? []);
  const answerElement = location.kind === 'discussion' ? markedAnswerOf(document) : null;
  const markedAnswer = comments.find((comment) => comment.element === answerElement);
  const labels = [...new Set([...document.querySelectorAll(labelSelectors)].map(text).filter(Boolean))];
  return { kind: location.kind, repo, number: location.number, url: location.url, title, labels, opening, comments, markedAnswer };
}
