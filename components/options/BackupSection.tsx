import { useState } from 'preact/hooks';
import { errorText, t } from '@/utils/i18n';
import type { ImportReport } from '@/utils/backup';
import { Feedback } from '../Feedback';
import { ImportSummary } from './ImportSummary';

export interface BackupSectionProps {
  /** Downloads the backup; resolves to the file's name. */
  onExport: () => Promise<string>;
  /** Imports a backup file's text; rejects, having changed nothing, when it is not a valid backup. */
  onImport: (text: string) => Promise<ImportReport>;
}

type Outcome =
  | { kind: 'exported'; fileName: string }
  | { kind: 'imported'; report: ImportReport }
  /** `lead` says what the failure means for the user's data. */
  | { kind: 'failed'; lead: string; message: string };

/** Everything (clips, drafts, settings) out to one JSON file, and back in. */
export function BackupSection({ onExport, onImport }: BackupSectionProps) {
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  // The input is emptied once read (see below), so the name of the file chosen is kept here.
  const [fileName, setFileName] = useState<string>();

  const attempt = async (action: () => Promise<Outcome>, failureLead: string) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome({ kind: 'failed', lead: failureLead, message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportBackup = () => attempt(async () => ({ kind: 'exported', fileName: await onExport() }), t('optionsExportFailed'));

  const importBackup = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    // Emptied at once so that choosing the same file again (after fixing it) imports it again.
    input.value = '';
    setFileName(file.name);
    void attempt(async () => ({ kind: 'imported', report: await onImport(await file.text()) }), t('optionsImportFailed'));
  };

  return (
    <section class="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('optionsBackupHeading')}</h2>
      <p class="hint">{t('optionsBackupHint')}</p>
      <div class="actions">
        <button type="button" class="btn" disabled={busy} onClick={exportBackup}>
          {t('optionsExportBackup')}
        </button>
        {/* The browser words a file input's own button and "no file" note in its own language, not the
            extension's: the input stays (named, focusable) but is drawn as our button and note. */}
        <label class="file-field">
          <span class="label" id="import-backup-label">
            {t('optionsImportBackup')}
          </span>
          <input
            type="file"
            class="file-input"
            aria-labelledby="import-backup-label"
            aria-describedby="import-backup-file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(event) => importBackup(event.currentTarget)}
          />
          <span class="btn" aria-hidden="true">
            {t('optionsChooseFile')}
          </span>
          <span class="hint" id="import-backup-file">
            {fileName ?? t('optionsNoFileChosen')}
          </span>
        </label>
      </div>
      <Feedback
        failure={
          outcome?.kind === 'failed' && (
            <>
              <strong>{outcome.lead}</strong> {outcome.message}
            </>
          )
        }
        status={
          <>
            {outcome?.kind === 'exported' && <p>{t('optionsBackupExported', outcome.fileName)}</p>}
            {outcome?.kind === 'imported' && <ImportSummary report={outcome.report} />}
          </>
        }
      />
    </section>
  );
}
