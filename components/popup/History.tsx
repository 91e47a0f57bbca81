import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Draft } from '@/utils/model';
import { DraftMarkdown } from '../DraftMarkdown';
import { ExportActions } from './ExportActions';

export interface HistoryProps {
  drafts: readonly Draft[];
  /** The past issue's Markdown, rendered as it was sent. */
  render: (draft: Draft) => Promise<string>;
  onCopy: (markdown: string) => void;
  onDownload: (markdown: string, draft: Draft) => void;
}

/** Issues already sent: reopen one to copy or download it again. */
export function History({ drafts, render, onCopy, onDownload }: HistoryProps) {
  const [open, setOpen] = useState<{ draft: Draft; markdown: string }>();
  if (!drafts.length) return null;
  return (
    <details class="history">
      <summary>{t('popupHistory', String(drafts.length))}</summary>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.id}>
            <button
              type="button"
              class="link"
              aria-expanded={open?.draft.id === draft.id}
              aria-label={t('popupShowMarkdown', draft.title)}
              onClick={async () => setOpen(open?.draft.id === draft.id ? undefined : { draft, markdown: await render(draft) })}
            >
              {t('popupHistoryItem', draft.title, draft.date, String(draft.clipIds.length))}
            </button>
            {open?.draft.id === draft.id && (
              <div class="past">
                <DraftMarkdown label={t('popupHistoryMarkdown', draft.title)} markdown={open.markdown} rows={8} />
                <ExportActions disabled={false} onCopy={() => onCopy(open.markdown)} onDownload={() => onDownload(open.markdown, draft)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
