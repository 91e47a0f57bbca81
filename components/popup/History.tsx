import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Clip, SentIssue } from '@/utils/model';
import { localDay } from '@/utils/store/placement';
import { DraftMarkdown } from '../DraftMarkdown';
import { ExportActions } from './ExportActions';

/** A sent issue opened in the list: its Markdown as it was sent, and the clips it was made of. */
export interface PastIssue {
  draft: SentIssue;
  clips: readonly Clip[];
  markdown: string;
}

/** The ways an issue goes out besides Mark as sent. */
export type ExportKind = 'copy' | 'download' | 'openIssue';

export interface HistoryProps {
  drafts: readonly SentIssue[];
  /** The past issue's Markdown and clips, as it was sent. */
  open: (draft: SentIssue) => Promise<PastIssue>;
  onExport: (kind: ExportKind, issue: PastIssue) => void;
  /** Makes the issue the current draft again. */
  onReopen: (draft: SentIssue) => void;
}

/** Issues already sent, each with the day it was sent: open one to copy, download or open it as an issue again, or reopen it. */
export function History({ drafts, open, onExport, onReopen }: HistoryProps) {
  const [shown, setShown] = useState<PastIssue>();
  // The list starts closed, and a year of issues is hundreds of rows: they are made when it first
  // opens, so the popup's first render does not wait for them.
  const [opened, setOpened] = useState(false);
  if (!drafts.length) return null;
  return (
    <details class="history" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{t('popupHistory', String(drafts.length))}</summary>
      {opened && (
        <ul>
          {drafts.map((draft) => (
            <li key={draft.id}>
              <div class="row">
                <button
                  type="button"
                  class="link"
                  aria-expanded={shown?.draft.id === draft.id}
                  aria-label={t('popupShowMarkdown', draft.title)}
                  onClick={async () => setShown(shown?.draft.id === draft.id ? undefined : await open(draft))}
                >
                  {t('popupHistoryItem', draft.title, draft.date, String(draft.clipIds.length), localDay(new Date(draft.publishedAt)))}
                </button>
                <button type="button" title={t('popupReopenTitle', draft.date)} aria-label={t('popupReopenTitle', draft.date)} onClick={() => onReopen(draft)}>
                  {t('popupReopen')}
                </button>
              </div>
              {shown?.draft.id === draft.id && (
                <div class="past">
                  <DraftMarkdown label={t('popupHistoryMarkdown', draft.title)} markdown={shown.markdown} rows={8} />
                  <ExportActions
                    disabled={false}
                    onCopy={() => onExport('copy', shown)}
                    onDownload={() => onExport('download', shown)}
                    onOpenIssue={() => onExport('openIssue', shown)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
