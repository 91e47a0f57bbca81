import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useEffect, useRef } from 'preact/hooks';

export interface MarkdownViewProps {
  markdown: string;
  /** The region's accessible name. */
  label: string;
}

/** Markdown rendered as GitHub shows it (styled by github-markdown-css's `.markdown-body`). */
export function MarkdownView({ markdown, label }: MarkdownViewProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A template can write any HTML, so nothing marked produces reaches the page unsanitized.
    const html = marked.parse(markdown, { async: false });
    const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
    // A link followed inside the preview would replace the options page and lose unsaved edits.
    for (const link of fragment.querySelectorAll('a[href]')) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    }
    container.current?.replaceChildren(fragment);
  }, [markdown]);

  return <div ref={container} class="markdown-body preview-rendered" role="region" aria-label={label} tabIndex={0} />;
}
