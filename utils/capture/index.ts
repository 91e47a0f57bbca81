import { LocalizedError } from '../errors';
import { htmlToMarkdown, selectionToMarkdown } from '../markdown';
import type { ClipCapture, Post } from '../model';
import { findPost, readPost, type Thread, type ThreadPost } from '../github/thread';

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
function rangesByPost(ranges: readonly Range[], posts: ReadonlyMap<Element, ThreadPost>): Map<ThreadPost, Range[]> {
  const byPost = new Map<ThreadPost, Range[]>();
  for (const range of ranges) {
    const element = range.collapsed ? null : findPost(range.commonAncestorContainer);
    const post = element ? posts.get(element) : undefined;
    const clamped = post && clampTo(range, post.body);
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
  // The posts the thread already read, so a click reads none of them twice.
  const posts = new Map([thread.opening, ...thread.comments].map((post) => [post.element, post]));
  const selected = rangesByPost(ranges, posts);
  const selectedQuestion = selectedMarkdown(selected.get(thread.opening), baseUrl);

  let answer: Post | undefined;
  if (intent.target === 'answer') {
    // A comment the thread skipped as unreadable is read again here, to say why it cannot be clipped.
    const post = posts.get(intent.post) ?? readPost(intent.post, baseUrl);
    const markdown = selectedMarkdown(selected.get(post), baseUrl) || htmlToMarkdown(post.body, { baseUrl });
    if (!markdown) throw new LocalizedError('errorEmptyPost', [post.author]);
    answer = toPost(post, markdown);
  } else {
    const commentWithSelection = [...selected.keys()].find((post) => post !== thread.opening);
    const markdown = commentWithSelection && selectedMarkdown(selected.get(commentWithSelection), baseUrl);
    if (commentWithSelection && markdown) answer = toPost(commentWithSelection, markdown);
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
