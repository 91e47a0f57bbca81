import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useLayoutEffect, useRef } from 'preact/hooks';
import 'github-markdown-css/github-markdown.css';

export interface MarkdownPreviewProps {
  markdown: string;
  label: string;
}

/**
 * The Markdown rendered as GitHub would show it. Clip text is untrusted page content: the HTML is
 * sanitised by DOMPurify and inserted as nodes, never as an HTML string.
 */
export function MarkdownPreview({ markdown, label }: MarkdownPreviewProps) {
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const html = marked.parse(markdown, { gfm: true, async: false });
    body.current?.replaceChildren(DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }));
  }, [markdown]);
  return <div class="markdown-body preview" ref={body} role="region" aria-label={label} tabIndex={0} />;
}
