import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { TemplateDefinition } from '@/utils/model';
import './TemplateList.css';

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
  /** Deletes a user template; settles once the section has said how it went. */
  onRemove: (template: TemplateDefinition) => Promise<void>;
}

/**
 * Every template: a radio to pick the one in use, a button to open it in the editor and, for the
 * user's own, one to delete it. Deleting from here never opens (and so never renders) the
 * template, so one whose output breaks its preview can always be removed.
 */
export function TemplateList({ templates, isPreset, inUse, open, onUse, onOpen, onNew, onRemove }: TemplateListProps) {
  const [confirming, setConfirming] = useState<string>();
  const confirmId = useId();
  const deleteButtons = useRef(new Map<string, HTMLButtonElement>());
  const confirmButton = useRef<HTMLButtonElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  // A template deleted elsewhere (another tab) takes its question with it.
  const doomed = templates.find(({ id }) => id === confirming);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const cancel = () => {
    if (confirming) deleteButtons.current.get(confirming)?.focus();
    setConfirming(undefined);
  };

  const remove = async (template: TemplateDefinition) => {
    await onRemove(template);
    setConfirming(undefined);
    // Its row is gone: the keyboard goes on from the list's last control.
    newButton.current?.focus();
  };

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
                  {/* The column may cut a long name short: hovering shows it whole. */}
                  <span class="template-name" title={template.name}>
                    {template.name}
                  </span>
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
                {!preset && (
                  <button
                    type="button"
                    class="btn btn-small btn-danger"
                    ref={(button) => {
                      if (button) deleteButtons.current.set(template.id, button);
                      else deleteButtons.current.delete(template.id);
                    }}
                    aria-label={t('optionsDeleteNamedTemplate', template.name)}
                    aria-expanded={template.id === confirming}
                    aria-controls={template.id === confirming ? confirmId : undefined}
                    onClick={() => setConfirming(template.id)}
                  >
                    {t('optionsDelete')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {doomed && (
        <div class="confirm" id={confirmId} role="group" aria-label={t('optionsDeleteNamedTemplate', doomed.name)}>
          <p>{t('optionsConfirmDeleteTemplate', doomed.name)}</p>
          <button ref={confirmButton} type="button" class="btn btn-danger" onClick={() => void remove(doomed)}>
            {t('optionsConfirmDelete')}
          </button>
          <button type="button" class="btn" onClick={cancel}>
            {t('optionsCancel')}
          </button>
        </div>
      )}
      <button ref={newButton} type="button" class="btn" onClick={onNew}>
        {t('optionsNewTemplate')}
      </button>
    </div>
  );
}
