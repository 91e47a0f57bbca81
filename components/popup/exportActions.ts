import { draftFileNameOf, issueExport } from '@/utils/draft/export';
import { t } from '@/utils/i18n';
import type { Draft } from '@/utils/model';
import type { useNotice } from './useNotice';

/** Where the popup's Markdown goes: the browser's clipboard, downloads, tabs and the options page. */
export interface ExportApi {
  copy(text: string): Promise<void>;
  download(markdown: string, fileName: string): void;
  openTab(url: string): Promise<void>;
  openOptions(): Promise<void>;
}

/** Copy, download and "Open as GitHub issue", each saying what it did in the popup's status line. */
export function exportActions(api: ExportApi, { say, fail }: Pick<ReturnType<typeof useNotice>, 'say' | 'fail'>) {
  return {
    copy: (markdown: string) => api.copy(markdown).then(() => say({ message: t('popupCopied') }), fail),
    download(markdown: string, draft: Draft) {
      const fileName = draftFileNameOf(draft);
      api.download(markdown, fileName);
      say({ message: t('popupDownloaded', fileName) });
    },
    async openIssue(targetRepo: string, draft: Draft, markdown: string) {
      try {
        const next = issueExport(targetRepo, draft.title, markdown);
        if (next.kind === 'chooseTargetRepo') {
          say({ message: t('popupNoTargetRepo'), failed: true });
          return api.openOptions();
        }
        if (!next.bodyIncluded) await api.copy(markdown);
        await api.openTab(next.url);
        say({ message: t(next.bodyIncluded ? 'popupIssueOpened' : 'popupIssueTooLong', targetRepo) });
      } catch (error) {
        fail(error);
      }
    },
  };
}
