import { ClipperError } from '../errors';
import { markdownOverLimits, MAX_MARKDOWN_CHARS, MAX_MARKDOWN_NESTING } from '../markdown/limits';

const CLIP_LIMITS = { chars: MAX_MARKDOWN_CHARS, nesting: MAX_MARKDOWN_NESTING };

/**
 * Refuses a question or answer the popup could not show: the converter keeps within these bounds,
 * so only Markdown written some other way (a hostile page, a hand edit) is refused, with the reason.
 */
export function requireRenderable(markdown: string | undefined, what: 'question' | 'answer'): void {
  const over = markdown !== undefined && markdownOverLimits(markdown, CLIP_LIMITS);
  if (!over) return;
  const why = over.reason === 'depth' ? `nests deeper than ${over.limit} levels` : `is longer than ${over.limit.toLocaleString('en')} characters`;
  throw new ClipperError(`The ${what}'s Markdown ${why}, more than the popup can show`);
}
