import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { renderDraft } from '@/utils/draft/render-draft';
import { unknownVariables } from '@/utils/draft/template-variables';
import { startDraftRenderer, type DraftRenderer } from '@/utils/draft/renderer';
import { SAMPLE_CLIPS, SAMPLE_DRAFT, SAMPLE_PROJECTS } from '@/utils/draft/sample';
import { sayText, t } from '@/utils/i18n';
import type { Community, LinkStyle } from '@/utils/model';

export interface TemplatePreview {
  /** The sample draft's Markdown from `source`, or from the last source that worked while it is broken. */
  markdown: string;
  /** Why `source` does not work (a `TemplateError`'s message, with its line and column, or the time limit). */
  error?: string;
  /** Variables `source` names that no template gets (`draft.titel`), each with its line: they print nothing. */
  warnings: string[];
  /**
   * True until `source` has rendered: whether it works, and in time, is not known yet. Saving
   * renders it again on the page's own thread, so it waits for this.
   */
  pending: boolean;
}

/**
 * A worker renders the preview, so a template that runs too long is stopped instead of freezing the
 * page. Where there is no worker, the renderer this page already loads renders in-thread.
 */
const pageRenderer = startDraftRenderer(async () => renderDraft);

/** How the template being edited is named in the settings the preview renders with. */
const EDITED = 'edited';

/**
 * The sample draft rendered with `source`, `links` and the community's fields, on every change, so a
 * template is seen before it is saved.
 */
export function useTemplatePreview(
  source: string,
  { links = 'shorthand', community, renderer = pageRenderer }: { links?: LinkStyle; community?: Community; renderer?: DraftRenderer } = {},
): TemplatePreview {
  // While the user types, most intermediate sources are broken: the last good output stays visible.
  const [preview, setPreview] = useState<{ source: string; links: LinkStyle; markdown: string; error?: string }>();
  useLayoutEffect(() => {
    const settings = { templateId: EDITED, userTemplates: [{ id: EDITED, name: EDITED, source, links }], projects: SAMPLE_PROJECTS, community };
    renderer.render(
      { draft: SAMPLE_DRAFT, clips: SAMPLE_CLIPS, settings },
      ({ markdown, problem }) => {
        if (!problem) return setPreview({ source, links, markdown });
        const error = problem.kind === 'timeout' ? t('optionsTemplateTooSlow', String(problem.seconds)) : sayText(problem.message);
        setPreview((last) => ({ source, links, markdown: last?.markdown ?? '', error }));
      },
      'preview',
    );
  }, [source, links, community, renderer]);
  // Parsing alone, on the page's thread: it cannot loop, unlike a render.
  const warnings = useMemo(
    () => unknownVariables(source).map(({ name, line, column }) => t('optionsUnknownVariable', String(line), String(column), name)),
    [source],
  );
  return { markdown: preview?.markdown ?? '', error: preview?.error, warnings, pending: preview?.source !== source || preview.links !== links };
}
