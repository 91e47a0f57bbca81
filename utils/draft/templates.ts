/** Keeping only templates that work among the user's own. */
import { LocalizedError } from '../errors';
import { PRESETS } from './presets';
import { SAMPLE_CLIPS, SAMPLE_DRAFT, SAMPLE_PROJECTS } from './sample';
import { compileTemplate, type CompiledTemplate } from './template';

/**
 * Compiles `source` and renders the sample draft with it, so an error that only shows while
 * rendering is caught too. Throws a `TemplateError` (with the line) when the template does not work.
 */
export function validateTemplate(source: string): CompiledTemplate {
  const template = compileTemplate(source);
  template.render(SAMPLE_DRAFT, SAMPLE_CLIPS, { projects: SAMPLE_PROJECTS });
  return template;
}

/**
 * Whether `template` may be saved as the user's own (settings' `saveUserTemplate`): not a preset
 * (presets are found first, so it would never be used), named, and working. Throws why not; for a
 * template that does not work, its `TemplateError`, so the last good version stays saved.
 */
export function checkUserTemplate(template: { id?: string; name: string; source: string }): void {
  if (PRESETS.some((preset) => preset.id === template.id)) throw new LocalizedError('errorPresetUnchangeable');
  if (!template.name.trim()) throw new LocalizedError('optionsTemplateNameMissing');
  // In-thread, bounded only by Liquid's limits: the options page offers Save only once its preview
  // rendered this source in a worker, within the time limit (useTemplatePreview).
  validateTemplate(template.source);
}
