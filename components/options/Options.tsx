import { useCallback, useEffect, useState } from 'preact/hooks';
import { reasonText, t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { backupFileName } from '@/utils/backup/format';
import type { OptionsApi } from './api';
import { Feedback } from '../Feedback';
import { BackupSection } from './BackupSection';
import { CommunitySection } from './CommunitySection';
import { ConnectionSection } from './ConnectionSection';
import { ExportSection } from './ExportSection';
import { ProjectsSection } from './ProjectsSection';
import { TemplatesSection } from './TemplatesSection';
import { TeamSection } from './TeamSection';
import { errorText } from '@/utils/i18n';
import { publishPath } from '@/utils/publish/path';
import type { SyncStatus } from '@/utils/sync/service';

/** The day the publishing path is shown for: the seed issue's. */
const EXAMPLE_ISSUE = { title: 'SOFA Weekly', date: '2023-01-06' };

function previewPath(path: string): string {
  try {
    return t('optionsPublishingPathPreview', EXAMPLE_ISSUE.date, publishPath(path, EXAMPLE_ISSUE));
  } catch (error) {
    return errorText(error);
  }
}

export interface OptionsProps {
  api: OptionsApi;
}

/** The options page: templates, project names, export settings and backups, over the injected `api`. */
export function Options({ api }: OptionsProps) {
  const [settings, setSettings] = useState<Settings>();
  const [failure, setFailure] = useState('');
  const [syncStatus, setSyncStatus] = useState<SyncStatus>();
  useEffect(() => {
    void api.sync.read().then(setSyncStatus);
    return api.sync.watch(setSyncStatus);
  }, [api]);

  const reload = useCallback(
    () =>
      api.getSettings().then(
        (next) => {
          setSettings(next);
          setFailure('');
        },
        (error) => setFailure(t('optionsLoadFailed', reasonText(error))),
      ),
    [api],
  );

  useEffect(() => {
    void reload();
    return api.watchSettings(() => void reload());
  }, [api, reload]);

  /** Runs a write, then shows its result before the caller goes on (the storage watcher may come later). */
  const write = async <T,>(action: Promise<T>): Promise<T> => {
    const result = await action;
    await reload();
    return result;
  };

  return (
    <main class="options">
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <Feedback failure={failure} />
      {settings ? (
        <>
          <TemplatesSection
            userTemplates={settings.userTemplates}
            templateId={settings.templateId}
            onUse={(templateId) => write(api.setSettings({ templateId }))}
            onSave={(template) => write(api.saveUserTemplate(template))}
            onRemove={(id) => write(api.removeUserTemplate(id))}
            community={settings.community}
          />
          <CommunitySection saved={settings.community} onSave={(community) => write(api.setSettings({ community }))} />
          <ProjectsSection projects={settings.projects} onSet={(repo, project) => write(api.setProject(repo, project))} />
          <ExportSection
            targetRepo={settings.targetRepo}
            addNewClipsToCurrentDraft={settings.addNewClipsToCurrentDraft}
            onTargetRepo={(targetRepo) => write(api.setSettings({ targetRepo }))}
            onAddNewClipsToCurrentDraft={(add) => write(api.setSettings({ addNewClipsToCurrentDraft: add }))}
          />
          <TeamSection
            sharedWeekly={settings.sharedWeekly}
            publishing={settings.publishing}
            syncStatus={syncStatus}
            onSharedWeekly={(sharedWeekly) => write(api.setSettings({ sharedWeekly }))}
            onPublishing={(publishing) => write(api.setSettings({ publishing }))}
            onSyncNow={() => api.sync.syncNow()}
            previewPath={previewPath}
          />
          <BackupSection
            onExport={async () => {
              const backup = await api.backup.export();
              const fileName = backupFileName(new Date(backup.exportedAt));
              api.download(fileName, `${JSON.stringify(backup, null, 2)}\n`);
              return fileName;
            }}
            onImport={(text) => write(api.backup.import(text))}
          />
          {api.connection && <ConnectionSection connection={api.connection} />}
        </>
      ) : (
        !failure && <p class="empty">{t('optionsLoading')}</p>
      )}
    </main>
  );
}
