/**
 * A draft's Markdown from its settings: pure, with no DOM and no extension API, so the popup's
 * render worker, the options page's preview, tests and the background can all call it.
 */
import { LocalizedError, messageOf, text, type Substitution } from '../errors';
import { DEFAULT_TEMPLATE_ID, linkStyleOf, type Clip, type Draft, type DraftSettings } from '../model';
import { findTemplate } from './presets';
import { compileTemplate, type CompiledTemplate } from './template';

/**
 * Why the draft is not in the chosen template: it failed (`message` says why, as a UI string, or in
 * the browser's own words when the renderer itself died) or it ran past the time limit and was
 * stopped (only a render worker can stop it). `template` is the template's name. Plain data, so it
 * crosses from the render worker, which has no i18n API, to the page that says it.
 */
export type RenderProblem = { kind: 'error'; template: string; message: Substitution } | { kind: 'timeout'; template: string; seconds: number };

export interface RenderedDraft {
  /** In the chosen template or, when there is a problem, the default one (empty if that fails too). */
  markdown: string;
  problem?: RenderProblem;
}

/**
 * Typing in a field renders the same template again and again: keep the few latest sources parsed
 * (the one chosen and the default it falls back to, or a template's last edits).
 */
const compiled = new Map<string, CompiledTemplate>();
const COMPILED_KEPT = 4;

function compile(source: string): CompiledTemplate {
  const cached = compiled.get(source);
  if (cached) return cached;
  const template = compileTemplate(source);
  if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string); // the map is not empty
  compiled.set(source, template);
  return template;
}

/**
 * Renders the draft with the template `settings` choose. A template that does not compile, or fails
 * on this draft (a loop over too much), gives way to the default template and says why: there is
 * always a draft to show.
 *
 * In-thread, only Liquid's own limits bound the time this takes (a loop stops after a second, but a
 * single filter call over a huge value does not): a page renders through `startDraftRenderer`.
 */
export function renderDraft(draft: Draft, clips: readonly Clip[], settings: DraftSettings): RenderedDraft {
  const chosen = findTemplate(settings.templateId, settings.userTemplates);
  const options = { projects: settings.projects, links: linkStyleOf(chosen), community: settings.community };
  try {
    return { markdown: compile(chosen.source).render(draft, clips, options) };
  } catch (error) {
    const message = error instanceof LocalizedError ? text(error.key, ...error.substitutions) : messageOf(error);
    const problem: RenderProblem = { kind: 'error', template: chosen.name, message };
    if (chosen.id === DEFAULT_TEMPLATE_ID) return { markdown: '', problem };
    const fallback = renderDraft(draft, clips, { ...settings, templateId: DEFAULT_TEMPLATE_ID });
    return { markdown: fallback.markdown, problem };
  }
}
