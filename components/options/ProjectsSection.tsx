import { useState } from 'preact/hooks';
import type { Project } from '@/utils/model';
import { errorText, t } from '@/utils/i18n';
import { ProjectForm } from './ProjectForm';
import { Feedback } from '../Feedback';

export interface ProjectsSectionProps {
  /** Display names and links by `owner/name`. */
  projects: Readonly<Record<string, Project>>;
  /** Names a repository, or forgets its name when `project` is undefined. */
  onSet: (repo: string, project: Project | undefined) => Promise<void>;
}

/** The table of how each repository is named in the newsletter (`mosn/mosn` -> `MOSN`), with its form. */
export function ProjectsSection({ projects, onSet }: ProjectsSectionProps) {
  const [editing, setEditing] = useState<string>();
  // A new key empties the form once a project is added.
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const rows = Object.entries(projects).sort(([a], [b]) => a.localeCompare(b));
  const edited = editing !== undefined && Object.hasOwn(projects, editing) ? { repo: editing, project: projects[editing] } : undefined;

  const closeForm = () => {
    setEditing(undefined);
    setFormKey((key) => key + 1);
  };

  const submit = async (repo: string, project: Project) => {
    await onSet(repo, project);
    closeForm();
    setFailure('');
    setStatus(t(edited ? 'optionsProjectSaved' : 'optionsProjectAdded', repo));
  };

  const remove = (repo: string) => {
    onSet(repo, undefined).then(
      () => {
        if (repo === editing) closeForm();
        setFailure('');
        setStatus(t('optionsProjectRemoved', repo));
      },
      (error) => setFailure(errorText(error)),
    );
  };

  return (
    <section class="panel" aria-labelledby="projects-heading">
      <h2 id="projects-heading">{t('optionsProjectsHeading')}</h2>
      <p class="hint">{t('optionsProjectsHint')}</p>
      {rows.length ? (
        <table class="projects">
          <caption class="visually-hidden">{t('optionsProjectsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('optionsProjectRepo')}</th>
              <th scope="col">{t('optionsProjectName')}</th>
              <th scope="col">{t('optionsProjectLink')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('optionsActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([repo, project]) => (
              <tr key={repo}>
                <th scope="row">
                  <code>{repo}</code>
                </th>
                <td>{project.name}</td>
                <td>
                  <a href={project.link} target="_blank" rel="noopener noreferrer">
                    {project.link}
                  </a>
                </td>
                <td class="row-actions">
                  <button type="button" class="btn btn-small" aria-label={t('optionsEditProject', repo)} onClick={() => setEditing(repo)}>
                    {t('optionsEdit')}
                  </button>
                  <button type="button" class="btn btn-small btn-danger" aria-label={t('optionsRemoveProject', repo)} onClick={() => remove(repo)}>
                    {t('optionsRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{t('optionsNoProjects')}</p>
      )}
      <ProjectForm
        key={editing ?? `new-${formKey}`}
        editing={edited}
        isNamed={(repo) => Object.hasOwn(projects, repo)}
        onSubmit={submit}
        onCancel={closeForm}
      />
      <Feedback failure={failure} status={status} />
    </section>
  );
}
