import type { Clip } from '../model';
import { unescapeMarkdownText } from './plain-text';

/** Block openers a line of Markdown may start with: quotes, headings, list items, a fence. */
const BLOCK_OPENERS = /^(?:\s*(?:>|#{1,6}(?=\s)|[-+*](?=\s)|\d{1,9}[.)](?=\s)|`{3,}\S*|~{3,}\S*))+\s*/;
/** Inline markup whose text is what a reader sees: images and links keep their text, code its content. */
const INLINE = [
  [/!?\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/<[^>]+>/g, ''],
  [/(?<!\\)(\*\*|__|\*|_|~~|`+)(?=\S)([^]*?\S)\1/g, '$2'],
] as const;

/**
 * The question as the list shows it: the first line of what the draft prints, as plain text. The
 * default question is the thread's title, stored as plain text; a chosen or edited one is Markdown.
 */
export function questionLine(clip: Pick<Clip, 'title' | 'question'>): string {
  const { markdown } = clip.question;
  if (markdown === clip.title) return clip.title;
  const line = markdown
    .split('\n')
    .map((each) => each.replace(BLOCK_OPENERS, '').trim())
    .find(Boolean);
  if (!line) return clip.title;
  return unescapeMarkdownText(INLINE.reduce<string>((text, [pattern, replacement]) => text.replace(pattern, replacement), line));
}
