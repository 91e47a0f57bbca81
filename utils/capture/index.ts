import { LocalizedError } from '../errors';
import { htmlToMarkdown, selectionToMarkdown } from '../markdown';
import { CONVERSION_BUDGET_MS, type Cut } from '../markdown/limits';
import { digestOf, type ClipCapture, type Post, type PostSource } from '../model';
import type { SiteAdapter, Thread, ThreadPost } from '../page/site';

/** What the capture step needs of the site adapter. */
type CaptureSite = Pick<SiteAdapter, 'findPost' | 'readPost' | 'markdown' | 'postSource'>;

/** What the user asked for: the thread (header button) or one post as the answer. */
export type ClipIntent = { target: 'thread' } | { target: 'answer'; post: Element };

/** The question or answer of a capture that a bound of the converter cut (its Markdown ends with a note). */
export interface PostCut extends Cut {
  post: 'question' | 'answer';
}

/** One conversion's Markdown, the first cut a bound made in it, and whether it is the whole post. */
interface Converted {
  markdown: string;
  cut?: Cut;
  whole?: boolean;
}

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
function rangesByPost(site: CaptureSite, ranges: readonly Range[], posts: ReadonlyMap<Element, ThreadPost>): Map<ThreadPost, Range[]> {
  const byPost = new Map<ThreadPost, Range[]>();
  for (const range of ranges) {
    const element = range.collapsed ? null : site.findPost(range.commonAncestorContainer);
    const post = element ? posts.get(element) : undefined;
    const clamped = post && clampTo(range, post.body);
    if (post && clamped) byPost.set(post, [...(byPost.get(post) ?? []), clamped]);
  }
  return byPost;
}

/**
 * The post as the converter wrote it. A whole post also names its source, which the background then
 * reads (the Markdown stays the converter's until it does); a selection is the converter's for good.
 */
function toPost(post: ThreadPost, converted: Converted, source: PostSource | undefined): Post {
  const written = {
    author: post.author,
    url: post.url,
    markdown: converted.markdown,
    origin: 'converter' as const,
    writtenDigest: digestOf(converted.markdown),
  };
  if (!converted.whole) return { ...written, converterReason: 'selection' };
  return source ? { ...written, source, converterReason: 'pending' } : written;
}

/**
 * Turns what the user clicked (and selected, `ranges`) on a thread into a capture for the store:
 * a selection in the opening post is the question, a selection in a comment the answer; otherwise
 * the question is the title, "Clip as answer" takes the whole comment, and a discussion's marked
 * answer is the answer. `onCut` hears of the question or answer a bound cut.
 */
export function captureClip(site: CaptureSite, thread: Thread, intent: ClipIntent, ranges: readonly Range[] = [], onCut?: (cut: PostCut) => void): ClipCapture {
  const baseUrl = thread.url;
  const dialect = site.markdown;
  // One budget for the whole click: the page waits for every conversion in it.
  const deadline = performance.now() + CONVERSION_BUDGET_MS;
  const convert = (run: (onCut: (cut: Cut) => void) => string): Converted => {
    let cut: Cut | undefined;
    const markdown = run((each) => (cut ??= each));
    return cut ? { markdown, cut } : { markdown };
  };
  const selection = (selected: Range[] | undefined) =>
    convert((cut) => (selected ? selectionToMarkdown(selected, { baseUrl, dialect, deadline, onCut: cut }).trim() : ''));
  const whole = (post: ThreadPost): Converted => ({ ...convert((cut) => htmlToMarkdown(post.body, { baseUrl, dialect, deadline, onCut: cut })), whole: true });

  // The posts the thread already read, so a click reads none of them twice.
  const posts = new Map([thread.opening, ...thread.comments].map((post) => [post.element, post]));
  const selected = rangesByPost(site, ranges, posts);
  // "Clip as answer" keeps the question as it is.
  const question = intent.target === 'answer' ? undefined : selection(selected.get(thread.opening));

  let answer: { post: ThreadPost; converted: Converted } | undefined;
  if (intent.target === 'answer') {
    // A comment the thread skipped as unreadable is read again here, to say why it cannot be clipped.
    const post = posts.get(intent.post) ?? site.readPost(intent.post, baseUrl);
    const chosen = selection(selected.get(post));
    const converted = chosen.markdown ? chosen : whole(post);
    if (!converted.markdown) throw new LocalizedError('errorEmptyPost', [post.author]);
    answer = { post, converted };
  } else {
    const commentWithSelection = [...selected.keys()].find((post) => post !== thread.opening);
    const converted = commentWithSelection && selection(selected.get(commentWithSelection));
    if (commentWithSelection && converted?.markdown) answer = { post: commentWithSelection, converted };
  }

  // A discussion's marked answer is the answer when the user picked none.
  const answerIsDefault = !answer && Boolean(thread.markedAnswer);
  if (answerIsDefault && thread.markedAnswer) answer = { post: thread.markedAnswer, converted: whole(thread.markedAnswer) };

  const chosenQuestion = question?.markdown ? question : undefined;
  // A cut post is not the whole post, whatever was asked: its source would bring back what the bounds left out.
  const sourceOf = ({ post, converted }: { post: ThreadPost; converted: Converted }) =>
    converted.whole && !converted.cut ? site.postSource(post.url, thread) : undefined;
  if (chosenQuestion?.cut) onCut?.({ post: 'question', ...chosenQuestion.cut });
  if (answer?.converted.cut) onCut?.({ post: 'answer', ...answer.converted.cut });
  return {
    repo: thread.repo,
    number: thread.number,
    kind: thread.kind,
    url: thread.url,
    title: thread.title,
    labels: thread.labels,
    question: chosenQuestion
      ? toPost(thread.opening, chosenQuestion, undefined)
      : { author: thread.opening.author, url: thread.opening.url, markdown: thread.title },
    questionIsDefault: !chosenQuestion,
    answer: answer && toPost(answer.post, answer.converted, sourceOf(answer)),
    ...(answerIsDefault && { answerIsDefault }),
  };
}
