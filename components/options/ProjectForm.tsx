import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Project } from '@/utils/model';
import { errorText, t } from '@/utils/i18n';
import { Feedback } from '../Feedback';
import { TextField } from './TextField';
import { linkProblem, repoProblem } from './validation';

export interface ProjectFormProps {
  /** The row being edited; absent when adding one. Its repository is the row's key and stays as it is. */
  editing?: { repo: string; project: Project };
  /** Whether `repo` already has a row (adding it again would silently replace that row). */
  isNamed: (repo: string) => boolean;
  onSubmit: (repo: string, project: Project) => Promise<void>;
  onCancel: () => void;
}

const defaultLink = (repo: string) => `https://github.com/${repo}/`;

/** Adds a project's name and link, or changes them, checking each field with a message that says what to write. */
export function ProjectForm({ editing, isNamed, onSubmit, onCancel }: ProjectFormProps) {
  const [repo, setRepo] = useState(editing?.repo ?? '');
  const [name, setName] = useState(editing?.project.name ?? '');
  const [link, setLink] = useState(editing?.project.link ?? '');
  // Fields are checked once the user first tries to save, then on every change, not while first typing.
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState('');

  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);

  // Opened by "Edit" in the table above (the form is keyed by its row, so this runs once per row):
  // take the keyboard to the first field that can change.
  const openedForEditing = Boolean(editing);
  useEffect(() => {
    if (openedForEditing) form.current?.querySelector<HTMLInputElement>('input:not([readonly])')?.focus();
  }, [openedForEditing]);

  const cleanRepo = repo.trim();
  const repoShape = repoProblem(cleanRepo);
  const repoKey = repoShape ?? (!editing && isNamed(cleanRepo) ? 'optionsRepoTaken' : undefined);
  const linkKey = link.trim() ? linkProblem(link.trim()) : undefined;
  const problems = {
    repo: repoKey && t(repoKey, cleanRepo),
    name: name.trim() ? undefined : t('optionsProjectNameMissing'),
    link: linkKey && t(linkKey),
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setChecked(true);
    setFailure('');
    if (problems.repo || problems.name || problems.link) return;
    try {
      await onSubmit(cleanRepo, { name: name.trim(), link: link.trim() || defaultLink(cleanRepo) });
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <form ref={form} class="project-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId}>{editing ? t('optionsEditProjectHeading', editing.repo) : t('optionsAddProjectHeading')}</h3>
      <div class="project-fields">
        <TextField
          label={t('optionsProjectRepo')}
          value={repo}
          onInput={setRepo}
          readOnly={Boolean(editing)}
          placeholder="mosn/mosn"
          error={checked ? problems.repo : undefined}
        />
        <TextField label={t('optionsProjectName')} value={name} onInput={setName} placeholder="MOSN" error={checked ? problems.name : undefined} />
        <TextField
          label={t('optionsProjectLink')}
          type="url"
          value={link}
          onInput={setLink}
          placeholder={defaultLink(repoShape ? 'mosn/mosn' : cleanRepo)}
          hint={t('optionsProjectLinkHint')}
          error={checked ? problems.link : undefined}
        />
      </div>
      <Feedback failure={failure} />
      <div class="actions">
        <button type="submit" class="btn btn-primary">
          {editing ? t('optionsSaveProject') : t('optionsAddProject')}
        </button>
        {editing && (
          <button type="button" class="btn" onClick={onCancel}>
            {t('optionsCancel')}
          </button>
        )}
      </div>
    </form>
  );
}
