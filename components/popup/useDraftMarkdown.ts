import { useLayoutEffect, useState } from 'preact/hooks';
import type { RenderedDraft, RenderProblem } from '@/utils/draft/render-draft';
import { startDraftRenderer } from '@/utils/draft/renderer';
import { t } from '@/utils/i18n';
import type { Clip, Draft } from '@/utils/model';
import type { Settings } from '@/utils/settings';

/**
 * Drafts render in a worker that is stopped when a template runs too long, so no template can
 * freeze the popup. It starts now, loading the template engine (Liquid) beside the database read.
 */
const draftRenderer = startDraftRenderer(() => import('@/utils/draft/render-draft').then((module) => module.renderDraft));

/**
 * Why the draft is not in the chosen template. Without Markdown the default template failed too, and
 * saying that the default is shown would be untrue.
 */
function problemText(problem: RenderProblem, markdown: string): string {
  if (problem.kind === 'timeout') return t(markdown ? 'popupTemplateTooSlow' : 'popupDraftTooSlow', problem.template, String(problem.seconds));
  return t(markdown ? 'popupTemplateBroken' : 'popupDraftBroken', problem.template, problem.message);
}

/**
 * Renders with the chosen template. One that does not compile, fails on this draft (a loop over too
 * much) or runs too long gives way to the default and says why: the popup must always show a draft.
 */
export function useDraftMarkdown(settings: Settings | undefined, draft: Draft | undefined, clips: readonly Clip[]) {
  const [rendered, setRendered] = useState<RenderedDraft>();
  const request = (draft: Draft, clips: readonly Clip[], { templateId, userTemplates, projects, community }: Settings) => ({
    draft,
    clips,
    settings: { templateId, userTemplates, projects, community },
  });
  useLayoutEffect(() => {
    if (settings && draft) draftRenderer.render(request(draft, clips, settings), setRendered);
  }, [settings, draft, clips]);
  // A past issue renders in a lane of its own, so the live draft never supersedes it.
  const renderPast = (past: Draft, pastClips: readonly Clip[]) =>
    new Promise<string>((resolve) =>
      settings ? draftRenderer.render(request(past, pastClips, settings), ({ markdown }) => resolve(markdown), 'history') : resolve(''),
    );
  const markdown = rendered?.markdown ?? '';
  return { markdown, problem: rendered?.problem && problemText(rendered.problem, markdown), renderPast };
}
