import { t } from '@/utils/i18n';

export interface ExportActionsProps {
  disabled: boolean;
  onCopy: () => void;
  onDownload: () => void;
  /** Absent where a GitHub issue makes no sense. */
  onOpenIssue?: () => void;
}

export function ExportActions({ disabled, onCopy, onDownload, onOpenIssue }: ExportActionsProps) {
  return (
    <div class="row">
      <button type="button" class="primary" title={t('popupCopyTitle')} disabled={disabled} onClick={onCopy}>
        {t('popupCopy')}
      </button>
      <button type="button" title={t('popupDownloadTitle')} disabled={disabled} onClick={onDownload}>
        {t('popupDownload')}
      </button>
      {onOpenIssue && (
        <button type="button" title={t('popupOpenIssueTitle')} disabled={disabled} onClick={onOpenIssue}>
          {t('popupOpenIssue')}
        </button>
      )}
    </div>
  );
}
