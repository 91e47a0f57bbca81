import { t } from '@/utils/i18n';
import type { ImportReport } from '@/utils/backup';

export interface ImportSummaryProps {
  report: ImportReport;
}

/** What an import did, as a small table of counts (a table needs no plural forms in either language). */
export function ImportSummary({ report }: ImportSummaryProps) {
  const rows = [
    ['optionsImportAdded', report.added],
    ['optionsImportUpdated', report.updated],
    ['optionsImportUnchanged', report.unchanged],
  ] as const;
  return (
    <div class="import-summary">
      <p>{t('optionsImportDone')}</p>
      <table>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('optionsImportClips')}</th>
            <th scope="col">{t('optionsImportDrafts')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, counts]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td>{counts.clips}</td>
              <td>{counts.drafts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.foldedIntoCurrent > 0 && <p>{t('optionsImportFolded', String(report.foldedIntoCurrent))}</p>}
      <p>{t(report.settingsChanged ? 'optionsImportSettingsChanged' : 'optionsImportSettingsSame')}</p>
    </div>
  );
}
