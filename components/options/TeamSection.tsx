import { useEffect, useState } from 'preact/hooks';
import { errorText, sayText, t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import type { SyncStatus } from '@/utils/sync/service';
import { Feedback } from '../Feedback';
import { TextField } from './TextField';
import { repoProblem } from './validation';

type SharedWeekly = Settings['sharedWeekly'];
type Publishing = Settings['publishing'];

export interface TeamSectionProps {
  sharedWeekly: SharedWeekly;
  publishing: Publishing;
  /** The sync's last status, once read. */
  syncStatus?: SyncStatus;
  onSharedWeekly: (value: SharedWeekly) => Promise<void>;
  onPublishing: (value: Publishing) => Promise<void>;
  onSyncNow: () => Promise<SyncStatus>;
  /** Where `path` puts the current draft, or why it puts it nowhere. */
  previewPath: (path: string) => string;
}

function useSavedForm<T extends object>(saved: T) {
  const [value, setValue] = useState(saved);
  const [shown, setShown] = useState(saved);
  // A change saved elsewhere (another tab, a backup) replaces what the form shows.
  useEffect(() => {
    if (JSON.stringify(shown) === JSON.stringify(saved)) return;
    setShown(saved);
    setValue(saved);
  }, [saved, shown]);
  return [value, setValue] as const;
}

/** A team's weekly: the shared file every maintainer's browser syncs, and where an issue is published by pull request. */
export function TeamSection({ sharedWeekly, publishing, syncStatus, onSharedWeekly, onPublishing, onSyncNow, previewPath }: TeamSectionProps) {
  const [shared, setShared] = useSavedForm(sharedWeekly);
  const [publish, setPublish] = useSavedForm(publishing);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const sharedRepoProblem = shared.repo.trim() ? repoProblem(shared.repo.trim()) : undefined;
  const publishRepoProblem = publish.repo.trim() ? repoProblem(publish.repo.trim()) : undefined;

  const save = async (event: Event, write: () => Promise<void>, done: string) => {
    event.preventDefault();
    setStatus('');
    setFailure('');
    try {
      await write();
      setStatus(done);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const trimmed = <T extends Record<string, string>>(value: T) => Object.fromEntries(Object.entries(value).map(([key, text]) => [key, text.trim()])) as T;

  return (
    <section class="panel" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('optionsTeamHeading')}</h2>
      <p class="hint">{t('optionsTeamIntro')}</p>
      <form class="inline-form" noValidate onSubmit={(event) => void save(event, () => onSharedWeekly(trimmed(shared)), t('optionsSharedWeeklySaved'))}>
        <h3>{t('optionsSharedWeeklyHeading')}</h3>
        <TextField
          label={t('optionsSharedWeeklyRepo')}
          value={shared.repo}
          placeholder="sofastack/sofastack.tech"
          hint={t('optionsSharedWeeklyRepoHint')}
          error={sharedRepoProblem && t(sharedRepoProblem, shared.repo.trim())}
          onInput={(repo) => setShared({ ...shared, repo })}
        />
        <TextField label={t('optionsSharedWeeklyBranch')} value={shared.branch} onInput={(branch) => setShared({ ...shared, branch })} />
        <TextField label={t('optionsSharedWeeklyPath')} value={shared.path} onInput={(path) => setShared({ ...shared, path })} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={Boolean(sharedRepoProblem) || !shared.branch.trim() || !shared.path.trim()}>
            {t('optionsSharedWeeklySave')}
          </button>
          {sharedWeekly.repo && (
            <button type="button" class="btn" onClick={() => void onSyncNow().catch((error) => setFailure(errorText(error)))}>
              {t('popupSyncNow')}
            </button>
          )}
        </div>
        {syncStatus?.where && (
          <p class="hint" role="status">
            {syncStatus.state === 'failed' && syncStatus.error
              ? sayText(syncStatus.error)
              : syncStatus.syncedAt
                ? t('optionsSyncedAt', new Date(syncStatus.syncedAt).toLocaleString(), String(syncStatus.waiting))
                : syncStatus.state === 'off'
                  ? t('popupSyncNeedsToken')
                  : t('popupSyncNever')}
          </p>
        )}
      </form>
      <form class="inline-form" noValidate onSubmit={(event) => void save(event, () => onPublishing(trimmed(publish)), t('optionsPublishingSaved'))}>
        <h3>{t('optionsPublishingHeading')}</h3>
        <TextField
          label={t('optionsPublishingRepo')}
          value={publish.repo}
          placeholder="sofastack/sofastack.tech"
          hint={t('optionsPublishingRepoHint')}
          error={publishRepoProblem && t(publishRepoProblem, publish.repo.trim())}
          onInput={(repo) => setPublish({ ...publish, repo })}
        />
        <TextField
          label={t('optionsPublishingPath')}
          value={publish.path}
          hint={previewPath(publish.path)}
          onInput={(path) => setPublish({ ...publish, path })}
        />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={Boolean(publishRepoProblem) || !publish.path.trim()}>
            {t('optionsPublishingSave')}
          </button>
        </div>
      </form>
      <Feedback failure={failure} status={status} />
    </section>
  );
}
