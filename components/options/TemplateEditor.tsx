import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/utils/i18n';
import { linkStyleOf, type Community, type LinkStyle } from '@/utils/model';
import { Feedback } from '../Feedback';
import { LinkStyleField } from './LinkStyleField';
import { TemplatePreview } from './TemplatePreview';
import { TextField } from './TextField';
import { useTemplatePreview } from './useTemplatePreview';

/** A template as the editor works on it: without an id until it is first saved. */
export interface EditableTemplate {
  id?: string;
  name: string;
  source: string;
  /** Absent for the shorthand, as in templates saved before there was a choice. */
  links?: LinkStyle;
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
  /** The community's fields as saved, which the preview prints. */
  community?: Community;
}

/** One template's name, Liquid source and links, beside a live preview of the sample draft it renders. */
export function TemplateEditor({ template, readOnly, onSave, onDuplicate, onRemove, community }: TemplateEditorProps) {
  const [name, setName] = useState(template.name);
  const [source, setSource] = useState(template.source);
  const [links, setLinks] = useState(linkStyleOf(template));
  const [failure, setFailure] = useState('');
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const preview = useTemplatePreview(source, { links, community });
  const ids = { heading: useId(), error: useId(), warnings: useId(), confirm: useId() };
  const removeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirmingRemove) confirmButton.current?.focus();
  }, [confirmingRemove]);

  const unsaved = template.id === undefined || name !== template.name || source !== template.source || links !== linkStyleOf(template);
  const nameMissing = !name.trim();

  /** Runs a save or delete; the section says when it worked, the editor says why it did not. */
  const run = async (action: () => Promise<void>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    void run(() => onSave({ id: template.id, name, source, links }));
  };

  return (
    <form class="editor" aria-labelledby={ids.heading} onSubmit={save}>
      <h3 id={ids.heading}>{template.id === undefined ? t('optionsNewTemplateHeading') : template.name}</h3>
      {readOnly && <p class="hint">{t('optionsPresetReadOnly')}</p>}
      <div class="editor-grid">
        <div class="editor-source">
          <TextField
            label={t('optionsTemplateName')}
            value={name}
            onInput={setName}
            readOnly={readOnly}
            error={nameMissing ? t('optionsTemplateNameMissing') : undefined}
          />
          <label class="field">
            <span class="label">{t('optionsTemplateSource')}</span>
            <textarea
              class="code"
              rows={24}
              value={source}
              readOnly={readOnly}
              spellcheck={false}
              aria-invalid={Boolean(preview.error)}
              aria-describedby={[preview.error && ids.error, preview.warnings.length && ids.warnings].filter(Boolean).join(' ') || undefined}
              onInput={(event) => setSource(event.currentTarget.value)}
            />
          </label>
          <LinkStyleField value={links} onChange={setLinks} readOnly={readOnly} />
          <Feedback
            failure={
              preview.error && (
                <>
                  <strong>{t('optionsTemplateBroken')}</strong> {preview.error}
                </>
              )
            }
            failureId={ids.error}
          />
          {preview.warnings.length > 0 && (
            <div class="flash flash-warn" id={ids.warnings}>
              <strong>{t('optionsTemplateWarnings')}</strong>
              <ul>
                {preview.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </div>
          )}
          <Feedback failure={failure} />
          <div class="actions">
            {!readOnly && (
              <button type="submit" class="btn btn-primary" disabled={!unsaved || nameMissing || Boolean(preview.error) || preview.pending}>
                {t('optionsSaveTemplate')}
              </button>
            )}
            <button type="button" class="btn" onClick={() => onDuplicate({ name: t('optionsCopyName', name.trim() || template.name), source, links })}>
              {t('optionsDuplicateTemplate')}
            </button>
            {onRemove && (
              <button
                ref={removeButton}
                type="button"
                class="btn btn-danger"
                aria-expanded={confirmingRemove}
                aria-controls={ids.confirm}
                onClick={() => setConfirmingRemove(true)}
              >
                {t('optionsDeleteTemplate')}
              </button>
            )}
            {!readOnly && unsaved && <span class="hint">{t('optionsUnsavedChanges')}</span>}
          </div>
          {onRemove && confirmingRemove && (
            <div class="confirm" id={ids.confirm} role="group" aria-label={t('optionsDeleteTemplate')}>
              <p>{t('optionsConfirmDeleteTemplate', template.name)}</p>
              <button ref={confirmButton} type="button" class="btn btn-danger" onClick={() => void run(onRemove)}>
                {t('optionsConfirmDelete')}
              </button>
              <button
                type="button"
                class="btn"
                onClick={() => {
                  setConfirmingRemove(false);
                  removeButton.current?.focus();
                }}
              >
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
