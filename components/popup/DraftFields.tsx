import { t } from '@/utils/i18n';
import type { Draft } from '@/utils/model';
import type { DraftChanges } from '@/utils/store/drafts';

export interface DraftFieldsProps {
  draft: Draft;
  /** Every keystroke: the Draft Markdown follows at once. */
  onChange: (changes: DraftChanges) => void;
  /** A field was left: save what is pending now rather than after the debounce. */
  onDone: () => void;
}

/** The draft's own fields. */
export function DraftFields({ draft, onChange, onDone }: DraftFieldsProps) {
  const edit = (key: keyof DraftChanges) => (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    onChange({ [key]: event.currentTarget.value });
  return (
    <div class="draft-fields">
      <label class="field grow">
        <span class="label">{t('popupDraftTitle')}</span>
        <input type="text" value={draft.title} onInput={edit('title')} onBlur={onDone} />
      </label>
      <label class="field">
        <span class="label">{t('popupDraftDate')}</span>
        <input type="date" value={draft.date} onInput={edit('date')} onBlur={onDone} />
      </label>
      <details class="intro">
        <summary>{t('popupDraftIntro')}</summary>
        <textarea
          aria-label={t('popupDraftIntro')}
          placeholder={t('popupIntroPlaceholder')}
          rows={4}
          value={draft.intro}
          onInput={edit('intro')}
          onBlur={onDone}
        />
      </details>
      <details class="intro">
        <summary>{t('popupDraftOutro')}</summary>
        <textarea
          aria-label={t('popupDraftOutro')}
          placeholder={t('popupOutroPlaceholder')}
          rows={3}
          value={draft.outro ?? ''}
          onInput={edit('outro')}
          onBlur={onDone}
        />
      </details>
    </div>
  );
}
