import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/utils/i18n';
import { TextField } from './TextField';
import { repoProblem } from './validation';
import { Feedback } from '../Feedback';

export interface TargetRepoFormProps {
  /** The saved `owner/name`; empty while none is set. */
  saved: string;
  onSave: (repo: string) => Promise<void>;
}

/** The repository "Open as GitHub issue" opens its new issue in; empty means not set. */
export function TargetRepoForm({ saved, onSave }: TargetRepoFormProps) {
  const [value, setValue] = useState(saved);
  const [checked, setChecked] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  // A change saved elsewhere (another tab, a backup) replaces what the field shows; mounting changes nothing.
  const shownSaved = useRef(saved);
  useEffect(() => {
    if (shownSaved.current === saved) return;
    shownSaved.current = saved;
    setValue(saved);
  }, [saved]);
  const repo = value.trim();
  const problemKey = repo ? repoProblem(repo) : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    setChecked(true);
    setStatus('');
    setFailure('');
    if (problemKey) return;
    try {
      await onSave(repo);
      setStatus(repo ? t('optionsTargetRepoSaved', repo) : t('optionsTargetRepoCleared'));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <form class="inline-form" onSubmit={submit} noValidate>
      <TextField
        label={t('optionsTargetRepo')}
        value={value}
        onInput={(next) => {
          setValue(next);
          setStatus('');
        }}
        placeholder="sofastack/sofa-weekly"
        hint={t('optionsTargetRepoHint')}
        error={checked && problemKey ? t(problemKey, repo) : undefined}
      />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={repo === saved}>
          {t('optionsSaveTargetRepo')}
        </button>
      </div>
      <Feedback failure={failure} status={status} />
    </form>
  );
}
