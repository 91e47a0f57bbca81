import { marked } from 'marked';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import 'github-markdown-css/github-markdown.css';
import './MarkdownPreview.css';
import { reasonText, t } from '@/utils/i18n';
import { markdownOverLimits, MAX_PREVIEW_CHARS, MAX_PREVIEW_NESTING } from '@/utils/markdown/limits';
import { splitFrontMatter } from '@/utils/draft/front-matter';
import { frontMatterTable } from '@/utils/preview/front-matter';
import { sanitizePreview } from '@/utils/preview/sanitize';

export interface MarkdownPreviewProps {
  markdown: string;
  label: string;
  /** The page's own class for the preview's box (its size and frame). */
  className?: string;
}

const PREVIEW_LIMITS = { chars: MAX_PREVIEW_CHARS, nesting: MAX_PREVIEW_NESTING };

/**
 * The sanitised rendering of `markdown`, or why there is none. Front matter shows as GitHub shows it
 * atop a file, as a table, not as the heading its closing `---` would make of it in Markdown.
 */
function render(markdown: string): { nodes: Node[] } | { problem: string } {
  // Clips saved before the store bounded them can nest thousands deep: marked would overflow the
  // stack, or take minutes on deep lists, so they are not handed to it.
  const over = markdownOverLimits(markdown, PREVIEW_LIMITS);
  if (over) {
    const why = over.reason === 'depth' ? t('cutTooDeep', String(over.limit)) : t('cutTooLong', over.limit.toLocaleString());
    return { problem: t('popupPreviewOff', why) };
  }
  try {
    const { yaml, body } = splitFrontMatter(markdown);
    const html = sanitizePreview(marked.parse(body, { gfm: true, async: false }));
    return { nodes: yaml === undefined ? [html] : [frontMatterTable(document, yaml), html] };
  } catch (error) {
    // Whatever else a renderer may throw on hostile text, the page stays usable.
    return { problem: t('popupPreviewFailed', reasonText(error)) };
  }
}

/**
 * The Markdown rendered as GitHub would show it. Clip text and templates are untrusted: the HTML
 * keeps only what GitHub's Markdown renders (sanitizePreview), is inserted as nodes, never as an
 * HTML string, and is contained in its box (MarkdownPreview.css).
 */
export function MarkdownPreview({ markdown, label, className }: MarkdownPreviewProps) {
  const body = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string>();
  useLayoutEffect(() => {
    const rendered = render(markdown);
    body.current?.replaceChildren(...('nodes' in rendered ? rendered.nodes : []));
    setProblem('problem' in rendered ? rendered.problem : undefined);
  }, [markdown]);
  return (
    <>
      {problem && <p class="muted small">{problem}</p>}
      <div class={['markdown-body', 'markdown-preview', className].filter(Boolean).join(' ')} ref={body} role="region" aria-label={label} tabIndex={0} />
    </>
  );
}
