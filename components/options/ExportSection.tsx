import { useId, useState } from 'preact/hooks';
import { errorText, t } from '@/utils/i18n';
import { Feedback } from '../Feedback';
import { TargetRepoForm } from './TargetRepoForm';

export interface ExportSectionProps {
  targetRepo: string;
  addNewClipsToCurrentDraft: boolean;
  onTargetRepo: (repo: string) => Promise<void>;
  onAddNewClipsToCurrentDraft: (add: boolean) => Promise<void>;
}

/** Where the draft goes ("Open as GitHub issue") and where new clips go. */
export function ExportSection({ targetRepo, addNewClipsToCurrentDraft, onTargetRepo, onAddNewClipsToCurrentDraft }: ExportSectionProps) {
  const [failure, setFailure] = useState('');
  const hintId = useId();

  const toggle = (add: boolean) => {
    setFailure('');
    onAddNewClipsToCurrentDraft(add).catch((error) => setFailure(errorText(error)));
  };

  return (
    <section class="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('optionsExportHeading')}</h2>
      <TargetRepoForm saved={targetRepo} onSave={onTargetRepo} />
      <div class="checkbox">
        <label>
          <input type="checkbox" checked={addNewClipsToCurrentDraft} aria-describedby={hintId} onChange={(event) => toggle(event.currentTarget.checked)} />
          <span class="label">{t('optionsAddNewClips')}</span>
        </label>
        <p class="hint" id={hintId}>
          {t('optionsAddNewClipsHint')}
        </p>
      </div>
      <Feedback failure={failure} />
    </section>
  );
}
