import { useMemo, useRef } from 'preact/hooks';
import { SAMPLE_CLIPS, SAMPLE_DRAFT, SAMPLE_PROJECTS } from '@/utils/draft/sample';
import { compileTemplate } from '@/utils/draft/template';
import { messageOf } from '@/utils/errors';

export interface TemplatePreview {
  /** The sample draft's Markdown from `source`, or from the last source that worked while it is broken. */
  markdown: string;
  /** Why `source` does not work (a `TemplateError`'s message, with its line and column). */
  error?: string;
}

/** The sample draft rendered with `source`, on every change, so a template is seen before it is saved. */
export function useTemplatePreview(source: string): TemplatePreview {
  // While the user types, most intermediate sources are broken: the last good output stays visible.
  const lastGood = useRef('');
  return useMemo(() => {
    try {
      lastGood.current = compileTemplate(source).render(SAMPLE_DRAFT, SAMPLE_CLIPS, { projects: SAMPLE_PROJECTS });
      return { markdown: lastGood.current };
    } catch (error) {
      return { markdown: lastGood.current, error: messageOf(error) };
    }
  }, [source]);
}
