import { LocalizedError } from '../errors';
import type { MessageKey } from '../i18n';
import { markdownOverLimits, MAX_MARKDOWN_CHARS, MAX_MARKDOWN_NESTING } from '../markdown/limits';

const CLIP_LIMITS = { chars: MAX_MARKDOWN_CHARS, nesting: MAX_MARKDOWN_NESTING };

/** A whole sentence for each case, so that each language words the question and the answer its own way. */
const REFUSALS: Record<'question' | 'answer' | 'note', { depth: MessageKey; size: MessageKey }> = {
  question: { depth: 'clipQuestionTooDeep', size: 'clipQuestionTooLong' },
  answer: { depth: 'clipAnswerTooDeep', size: 'clipAnswerTooLong' },
  note: { depth: 'clipNoteTooDeep', size: 'clipNoteTooLong' },
};

/**
 * Refuses a question, answer or note the popup could not show: the converter keeps within these bounds,
 * so only Markdown written some other way (a hostile page, a hand edit) is refused, with the reason.
 */
export function requireRenderable(markdown: string | undefined, what: keyof typeof REFUSALS): void {
  const over = markdown !== undefined && markdownOverLimits(markdown, CLIP_LIMITS);
  if (!over) return;
  if (over.reason === 'depth') throw new LocalizedError(REFUSALS[what].depth, [String(over.limit)]);
  throw new LocalizedError(REFUSALS[what].size, [over.limit.toLocaleString('en')]);
}
