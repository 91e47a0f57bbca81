import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { messageOf } from './message';
import { TemplatePreview } from './TemplatePreview';
import { useTemplatePreview } from './useTemplatePreview';

/** A template as the editor works on it: without an id until it is first saved. */
export interface EditableTemplate {
  id?: string;
  name: string;
  source: string;
}

export interface TemplateEditorProps {
  /** The template as it is saved (or, for a new one, as it starts). */
  template: EditableTemplate;
  /** Presets ship with the extension: they are shown and can be duplicated, never changed. */
  readOnly: boolean;
  /** Saves the edited template; rejects with a message when it cannot be saved. */
  onSave: (template: EditableTemplate) => Promise<void>;
  /** Opens a new, unsaved template that starts as a copy of what the editor shows. */
  onDuplicate: (template: EditableTemplate) => void;
  /** Deletes the template; absent while it is a preset or not saved yet. */
  onRemove?: () => Promise<void>;
}

/** One template's name and Liquid source, beside a live preview of the sample draft it renders. */
export function TemplateEditor({ template, readOnly, onSave, onDuplicate, onRemove }: TemplateEditorProps) {
  const [name, setName] = useState(template.name);
  const [source, setSource] = useState(template.source);
  const [failure, setFailure] = useState('');
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const preview = useTemplatePreview(source);
  const ids = { name: useId(), error: useId(), nameError: useId() };

  const unsaved = template.id === undefined || name !== template.name || source !== template.source;
  const nameMissing = !name.trim();

  /** Runs a save or delete, showing why it failed; `done` is said on success (a deleted template's editor is gone). */
  /** Runs a save or delete; the section says when it worked, the editor says why it did not. */
  const run = async (action: () => Promise<void>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    void run(() => onSave({ id: template.id, name, source }));
  };

  return (
    <form class="editor" aria-labelledby={ids.name} onSubmit={save}>
      <h3 id={ids.name}>{template.id === undefined ? t('optionsNewTemplateHeading') : template.name}</h3>
      {readOnly && <p class="hint">{t('optionsPresetReadOnly')}</p>}
      <div class="editor-grid">
        <div class="editor-source">
          <label class="field">
            <span class="label">{t('optionsTemplateName')}</span>
            <input
              type="text"
              value={name}
              readOnly={readOnly}
              aria-invalid={nameMissing}
              aria-describedby={nameMissing ? ids.nameError : undefined}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </label>
          {nameMissing && (
            <p class="field-error" id={ids.nameError}>
              {t('optionsTemplateNameMissing')}
            </p>
          )}
          <label class="field">
            <span class="label">{t('optionsTemplateSource')}</span>
            <textarea
              class="code"
              rows={24}
              value={source}
              readOnly={readOnly}
              spellcheck={false}
              aria-invalid={Boolean(preview.error)}
              aria-describedby={preview.error ? ids.error : undefined}
              onInput={(event) => setSource(event.currentTarget.value)}
            />
          </label>
          {preview.error && (
            <div class="flash flash-error" role="alert" id={ids.error}>
              <strong>{t('optionsTemplateBroken')}</strong> {preview.error}
            </div>
          )}
          {failure && (
            <div class="flash flash-error" role="alert">
              {failure}
            </div>
          )}
          <div class="actions">
            {!readOnly && (
              <button type="submit" class="btn btn-primary" disabled={!unsaved || nameMissing || Boolean(preview.error)}>
                {t('optionsSaveTemplate')}
              </button>
            )}
            <button type="button" class="btn" onClick={() => onDuplicate({ name: t('optionsCopyName', name.trim() || template.name), source })}>
              {t('optionsDuplicateTemplate')}
            </button>
            {onRemove && !confirmingRemove && (
              <button type="button" class="btn btn-danger" onClick={() => setConfirmingRemove(true)}>
                {t('optionsDeleteTemplate')}
              </button>
            )}
            {!readOnly && unsaved && <span class="hint">{t('optionsUnsavedChanges')}</span>}
          </div>
          {onRemove && confirmingRemove && (
            <div class="confirm" role="group" aria-label={t('optionsDeleteTemplate')}>
              <p>{t('optionsConfirmDeleteTemplate', template.name)}</p>
              <button type="button" class="btn btn-danger" onClick={() => void run(onRemove)}>
                {t('optionsConfirmDelete')}
              </button>
              <button type="button" class="btn" onClick={() => setConfirmingRemove(false)}>
                {t('optionsCancel')}
              </button>
            </div>
          )}
        </div>
        <TemplatePreview markdown={preview.markdown} />
      </div>
    </form>
  );
}
