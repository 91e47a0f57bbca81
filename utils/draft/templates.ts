/** Keeping only templates that work among the user's own. */
import { ClipperError } from '../errors';
import { getSetting, setSettings } from '../settings';
import { DEFAULT_TEMPLATE_ID, type TemplateDefinition } from '../model';
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
 * Adds the user's template, or replaces the one with the same id. A template that does not work is
 * refused with its `TemplateError`, so the last good version stays saved.
 */
export async function saveUserTemplate(template: { id?: string; name: string; source: string }): Promise<TemplateDefinition> {
  if (PRESETS.some((preset) => preset.id === template.id)) throw new ClipperError('A preset cannot be changed; save your version under a new name.');
  if (!template.name.trim()) throw new ClipperError('Give the template a name.');
  // In-thread, bounded only by Liquid's limits: the options page offers Save only once its preview
  // rendered this source in a worker, within the time limit (useTemplatePreview).
  validateTemplate(template.source);
  const saved: TemplateDefinition = { id: template.id ?? `user-${crypto.randomUUID()}`, name: template.name.trim(), source: template.source };
  const templates = await getSetting('userTemplates');
  const index = templates.findIndex(({ id }) => id === saved.id);
  await setSettings({ userTemplates: index < 0 ? [...templates, saved] : templates.with(index, saved) });
  return saved;
}

/** Deletes the user's template; when it was the one in use, the default preset takes its place. */
export async function removeUserTemplate(id: string): Promise<void> {
  const [templates, selected] = await Promise.all([getSetting('userTemplates'), getSetting('templateId')]);
  await setSettings({
    userTemplates: templates.filter((template) => template.id !== id),
    ...(selected === id && { templateId: DEFAULT_TEMPLATE_ID }),
  });
}
