import { LocalizedError } from '../errors';
import type { Thread, ThreadLocation, ThreadPost } from '../page/site';
import { threadLocation } from './location';
import {
  anchorSelectors,
  answerPreviewSelector,
  authorSelectors,
  bodySelectors,
  commentSelectors,
  discussionDataUrlSelector,
  labelSelectors,
  markedAnswerSelectors,
  openingPostSelectors,
  permalinkSelectors,
  postSelectors,
  repositoryMetaSelector,
  titleHeadingSelector,
  titleSelectors,
} from './selectors';

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

/**
 * The first element, by the first of `selectors` that finds one, that belongs to `post` itself and
 * `read` accepts. Selector order is priority order: document order would let a header's avatar link,
 * or an "Answered by" preview, win over the element meant.
 */
function firstOwn<T>(post: Element, selectors: readonly string[], read: (element: Element) => T | undefined): T | undefined {
  for (const selector of selectors) {
    for (const element of post.querySelectorAll(selector)) {
      const value = findPost(element) === post ? read(element) : undefined;
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** The post's rendered Markdown, never a discussion's "Answered by" preview. */
function bodyOf(post: Element): Element | undefined {
  return firstOwn(post, bodySelectors, (element) => (element.matches(answerPreviewSelector) ? undefined : element));
}

/** Login without `@`; a bot may render no login text, and its name is read from `/apps/NAME`. */
function authorOf(post: Element): string {
  const login = (link: Element) => text(link).replace(/^@/, '') || /\/apps\/([^/?#]+)/.exec(link.getAttribute('href') ?? '')?.[1] || undefined;
  return firstOwn(post, authorSelectors, login) ?? '';
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
  const body = bodyOf(post) ?? (bodyRequired ? undefined : post);
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

/**
 * The container of a discussion's accepted answer, when one is marked: its labelled section, or the
 * anchor an "Answered by" link points at. The answer is the first post inside it (its replies follow).
 */
function markedAnswerContainer(document: Document): Element | null {
  const section = document.querySelector(markedAnswerSelectors.section);
  if (section) return section;
  const hash = document.querySelector(markedAnswerSelectors.gotoLink)?.getAttribute('href')?.split('#')[1];
  return hash ? document.getElementById(hash) : null;
}

/**
 * The repository as the page spells it: /SOFAStack/sofa-rpc and /sofastack/sofa-rpc are one thread.
 * The analytics meta tag names it on every repository page; a discussion's post containers name it
 * too, with the thread's number, which is all an organisation discussion (`/orgs/ORG/discussions/N`)
 * has to say which repository backs it. A name left by the previous page (a soft navigation) does not
 * match the URL and is not used.
 */
function pageRepository(document: Document, location: ThreadLocation): string | undefined {
  const fromPosts = [...document.querySelectorAll(discussionDataUrlSelector)]
    .map((element) => /^\/([^/]+\/[^/]+)\/discussions\/(\d+)\//.exec(element.getAttribute('data-url') ?? ''))
    .find((match) => match && Number(match[2]) === location.number)?.[1];
  const fromMeta = document.querySelector(repositoryMetaSelector)?.getAttribute('content') || undefined;
  const named = [fromPosts, fromMeta].filter((name): name is string => Boolean(name));
  if (!location.repo) return named[0];
  const url = location.repo.toLowerCase();
  return named.find((name) => name.toLowerCase() === url) ?? location.repo;
}

/** Reads the thread the page shows. Throws PageNotRecognisedError with a message for the user. */
export function readThread(document: Document, url: URL): Thread {
  const location = threadLocation(url);
  if (!location) throw new PageNotRecognisedError('errorNotThread');
  const repo = pageRepository(document, location);
  const titleElement = document.querySelector(titleSelectors);
  // A soft navigation changes the URL before the new thread is on screen: never file one thread's
  // posts under another's number.
  const shownNumber = /#(\d+)\s*$/.exec(text(titleElement?.closest(titleHeadingSelector)))?.[1];
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
  const answerContainer = location.kind === 'discussion' ? markedAnswerContainer(document) : null;
  const markedAnswer = answerContainer ? comments.find((comment) => answerContainer.contains(comment.element)) : undefined;
  const labels = [...new Set([...document.querySelectorAll(labelSelectors)].map(text).filter(Boolean))];
  return { kind: location.kind, repo, number: location.number, url: location.url, title, labels, opening, comments, markedAnswer };
}
