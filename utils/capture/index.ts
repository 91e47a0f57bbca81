import { LocalizedError } from '../errors';
import { htmlToMarkdown, selectionToMarkdown } from '../markdown';
import type { ClipCapture, Post } from '../model';
import { findPost, readPost, readPostIfComplete, type Thread, type ThreadPost } from '../github/thread';

/** What the user asked for: the thread (header button) or one post as the answer. */
export type ClipIntent = { target: 'thread' } | { target: 'answer'; post: Element };

/**
 * `range` cut to `body`: a drag that starts in a comment's header (author, date) keeps only the
 * post's own words. Undefined when the range does not reach the body at all.
 */
function clampTo(range: Range, body: Element): Range | undefined {
  if (!range.intersectsNode(body)) return undefined;
  const clamped = range.cloneRange();
  const whole = body.ownerDocument.createRange();
  whole.selectNodeContents(body);
  if (range.compareBoundaryPoints(Range.START_TO_START, whole) < 0) clamped.setStart(body, 0);
  if (range.compareBoundaryPoints(Range.END_TO_END, whole) > 0) clamped.setEnd(body, body.childNodes.length);
  return clamped.collapsed ? undefined : clamped;
}

/** The selected ranges, cut to the body of the post they lie in; ranges across posts are dropped. */
function rangesByPost(ranges: readonly Range[], threadUrl: string, opening: ThreadPost): Map<Element, Range[]> {
  const byPost = new Map<Element, Range[]>();
  for (const range of ranges) {
    const post = range.collapsed ? null : findPost(range.commonAncestorContainer);
    const body = post === opening.element ? opening.body : post && readPostIfComplete(post, threadUrl)?.body;
    const clamped = post && body && clampTo(range, body);
    if (post && clamped) byPost.set(post, [...(byPost.get(post) ?? []), clamped]);
  }
  return byPost;
}

function toPost(post: ThreadPost, markdown: string): Post {
  return { author: post.author, url: post.url, markdown };
}

function selectedMarkdown(ranges: Range[] | undefined, baseUrl: string): string {
  return ranges ? selectionToMarkdown(ranges, { baseUrl }).trim() : '';
}

/**
 * Turns what the user clicked (and selected, `ranges`) on a thread into a capture for the store:
 * a selection in the opening post is the question, a selection in a comment the answer; otherwise
 * the question is the title, "Clip as answer" takes the whole comment, and a discussion's marked
 * answer is the answer.
 */
export function captureClip(thread: Thread, intent: ClipIntent, ranges: readonly Range[] = []): ClipCapture {
  const baseUrl = thread.url;
  const selected = rangesByPost(ranges, baseUrl, thread.opening);
  const selectedQuestion = selectedMarkdown(selected.get(thread.opening.element), baseUrl);

  let answer: Post | undefined;
  if (intent.target === 'answer') {
    const post = readPost(intent.post, baseUrl);
    const markdown = selectedMarkdown(selected.get(intent.post), baseUrl) || htmlToMarkdown(post.body, { baseUrl });
    if (!markdown) throw new LocalizedError('errorEmptyPost', [post.author]);
    answer = toPost(post, markdown);
  } else {
    const commentWithSelection = [...selected.keys()].find((element) => element !== thread.opening.element);
    if (commentWithSelection) {
      const markdown = selectedMarkdown(selected.get(commentWithSelection), baseUrl);
      if (markdown) answer = toPost(readPost(commentWithSelection, baseUrl), markdown);
    }
  }

  // A discussion's marked answer is the answer when the user picked none.
  const answerIsDefault = !answer && Boolean(thread.markedAnswer);
  if (answerIsDefault && thread.markedAnswer) answer = toPost(thread.markedAnswer, htmlToMarkdown(thread.markedAnswer.body, { baseUrl }));

  const questionIsDefault = intent.target === 'answer' || !selectedQuestion;
  return {
    repo: thread.repo,
    number: thread.number,
    kind: thread.kind,
    url: thread.url,
    title: thread.title,
    labels: thread.labels,
    question: toPost(thread.opening, questionIsDefault ? thread.title : selectedQuestion),
    questionIsDefault,
    answer,
    ...(answerIsDefault && { answerIsDefault }),
  };
}
