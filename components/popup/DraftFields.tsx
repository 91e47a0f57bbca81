import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Draft } from '@/utils/model';
import type { DraftChanges } from '@/utils/store/drafts';

export interface DraftFieldsProps {
  draft: Draft;
  onChange: (changes: DraftChanges) => void;
}

/** The draft's own fields. Saved when a field loses focus, so typing never waits for the database. */
export function DraftFields({ draft, onChange }: DraftFieldsProps) {
  const [fields, setFields] = useState({ title: draft.title, date: draft.date, intro: draft.intro });
  useEffect(() => setFields({ title: draft.title, date: draft.date, intro: draft.intro }), [draft.id, draft.title, draft.date, draft.intro]);

  const save = (key: keyof typeof fields) => () => {
    if (fields[key] !== draft[key]) onChange({ [key]: fields[key] });
  };
  const edit = (key: keyof typeof fields) => (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    setFields((current) => ({ ...current, [key]: event.currentTarget.value }));

  return (
    <div class="draft-fields">
      <label class="field grow">
        <span class="label">{t('popupDraftTitle')}</span>
        <input type="text" value={fields.title} onInput={edit('title')} onBlur={save('title')} />
      </label>
      <label class="field">
        <span class="label">{t('popupDraftDate')}</span>
        <input type="date" value={fields.date} onInput={edit('date')} onBlur={save('date')} />
      </label>
      <details class="intro">
        <summary>{t('popupDraftIntro')}</summary>
        <textarea aria-label={t('popupDraftIntro')} rows={4} value={fields.intro} onInput={edit('intro')} onBlur={save('intro')} />
      </details>
    </div>
  );
}
