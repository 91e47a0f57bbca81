/**
 * The user's own templates, kept in settings. Whether a template may be saved (it works, it is not
 * a preset) is for the draft layer to say: `checkUserTemplate`, before `saveUserTemplate`.
 */
import { DEFAULT_TEMPLATE_ID, type LinkStyle, type TemplateDefinition } from '../model';
import { getSetting, setSettings } from './index';

/**
 * Adds the user's template under a new id, or replaces the one with its id; the name is kept trimmed.
 * A template that expands links says so; one that keeps the shorthand is stored as before the choice.
 */
export async function saveUserTemplate(template: { id?: string; name: string; source: string; links?: LinkStyle }): Promise<TemplateDefinition> {
  const saved: TemplateDefinition = {
    id: template.id ?? `user-${crypto.randomUUID()}`,
    name: template.name.trim(),
    source: template.source,
    ...(template.links === 'expanded' && { links: template.links }),
  };
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
