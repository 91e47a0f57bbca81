import { useEffect, useRef, useState } from 'preact/hooks';
import { questionMarkdown } from '@/utils/draft/plain-text';
import { t } from '@/utils/i18n';
import type { Clip } from '@/utils/model';
import type { ClipEdit } from '@/utils/store/clips';

export interface ClipEditorProps {
  clip: Clip;
  onSave: (changes: ClipEdit) => void;
  onCancel: () => void;
}

/**
 * Edits a clip's question and answer Markdown, and the editor's note on it, in place. Save stores
 * them; so does closing the popup with changes unsaved, which must not lose what was typed.
 */
export function ClipEditor({ clip, onSave, onCancel }: ClipEditorProps) {
  // A default question is the thread's title, which is plain text: the field is Markdown, so it
  // shows the title escaped, and an edit to it cannot turn a literal `<figure>` or `*` into markup.
  const initialQuestion = questionMarkdown(clip);
  const [question, setQuestion] = useState(initialQuestion);
  const [answer, setAnswer] = useState(clip.answer?.markdown ?? '');
  const [note, setNote] = useState(clip.note ?? '');
  const typed = useRef({ question, answer, note });
  typed.current = { question, answer, note };
  useEffect(() => {
    const keep = () => {
      const changed =
        typed.current.question !== initialQuestion || typed.current.answer !== (clip.answer?.markdown ?? '') || typed.current.note !== (clip.note ?? '');
      if (changed) onSave(typed.current);
    };
    addEventListener('pagehide', keep);
    return () => removeEventListener('pagehide', keep);
  }, [clip, onSave]);
  return (
    <form
      class="editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ question, answer, note });
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label class="field">
        <span class="label">{t('popupQuestionMarkdown')}</span>
        <textarea rows={3} value={question} onInput={(event) => setQuestion(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="label">{t('popupAnswerMarkdown')}</span>
        <textarea rows={6} value={answer} onInput={(event) => setAnswer(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="label">{t('popupNoteMarkdown')}</span>
        <textarea rows={2} value={note} placeholder={t('popupNotePlaceholder')} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit" class="primary">
          {t('popupSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popupCancel')}
        </button>
      </div>
    </form>
  );
}
