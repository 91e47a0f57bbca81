import { t } from '@/utils/i18n';
import type { TemplateDefinition } from '@/utils/draft/presets';

export interface TemplateListProps {
  /** Presets first, then the user's templates. */
  templates: readonly TemplateDefinition[];
  isPreset: (id: string) => boolean;
  /** The template the draft uses (the popup's `Template` select shows the same). */
  inUse: string;
  /** The template open in the editor, if it is a saved one. */
  open?: string;
  onUse: (id: string) => void;
  onOpen: (id: string) => void;
  onNew: () => void;
}

/** Every template: a radio to pick the one in use, and a button to open it in the editor. */
export function TemplateList({ templates, isPreset, inUse, open, onUse, onOpen, onNew }: TemplateListProps) {
  return (
    <div class="template-list">
      <fieldset>
        <legend class="label">{t('optionsTemplateInUse')}</legend>
        <ul>
          {templates.map((template) => {
            const preset = isPreset(template.id);
            return (
              <li key={template.id} class={template.id === open ? 'open' : undefined}>
                <label class="template-choice">
                  <input type="radio" name="template-in-use" value={template.id} checked={template.id === inUse} onChange={() => onUse(template.id)} />
                  <span class="template-name">{template.name}</span>
                </label>
                {preset && <span class="tag">{t('optionsPresetTag')}</span>}
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={t(preset ? 'optionsViewTemplate' : 'optionsEditTemplate', template.name)}
                  aria-current={template.id === open ? 'true' : undefined}
                  onClick={() => onOpen(template.id)}
                >
                  {t(preset ? 'optionsView' : 'optionsEdit')}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <button type="button" class="btn" onClick={onNew}>
        {t('optionsNewTemplate')}
      </button>
    </div>
  );
}
