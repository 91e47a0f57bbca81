import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { MarkdownPreviewProps } from '../MarkdownPreview';

/**
 * The preview loads after the popup's first render: its Markdown renderer, sanitiser and GitHub's
 * stylesheet are the popup's heaviest parts, and the draft is useful before they arrive.
 */
export function LazyPreview({ markdown, label }: Pick<MarkdownPreviewProps, 'markdown' | 'label'>) {
  const [Preview, setPreview] = useState<ComponentType<MarkdownPreviewProps>>();
  useEffect(() => {
    void import('../MarkdownPreview').then((module) => setPreview(() => module.MarkdownPreview));
  }, []);
  return Preview ? (
    <Preview markdown={markdown} label={label} className="preview" />
  ) : (
    <div class="markdown-body preview" role="region" aria-label={label} aria-busy="true" />
  );
}
