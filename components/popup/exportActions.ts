import { draftFileNameOf, issueExport } from '@/utils/draft/export';
import { t } from '@/utils/i18n';
import type { Draft } from '@/utils/model';
import type { CreatedIssue } from '@/utils/publish/issue';
import type { PublishedPullRequest } from '@/utils/publish/pull-request';
import type { useNotice } from './useNotice';

/** GitHub as the user, through the background (which holds the token). */
export interface GitHubExportApi {
  /** Whether a token is set: without one, "Open as GitHub issue" prefills a link instead. */
  connected(): Promise<boolean>;
  createIssue(repo: string, title: string, body: string): Promise<CreatedIssue>;
  publishPullRequest(draftId: string, markdown: string): Promise<PublishedPullRequest>;
}

/** Where the popup's Markdown goes: the browser's clipboard, downloads, tabs, the options page and GitHub. */
export interface ExportApi {
  copy(text: string): Promise<void>;
  download(markdown: string, fileName: string): void;
  openTab(url: string): Promise<void>;
  openOptions(): Promise<void>;
  github?: GitHubExportApi;
}

/** Copy, download, "Open as GitHub issue" and "Publish as pull request", each saying what it did in the popup's status line. */
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
        // With a token, the issue is created whole through the API: a prefilled link stops at 8,000 characters.
        if (api.github && (await api.github.connected())) {
          const created = await api.github.createIssue(targetRepo, draft.title, markdown);
          await api.openTab(created.url);
          say({ message: t('popupIssueCreated', String(created.number), targetRepo) });
          return undefined;
        }
        if (!next.bodyIncluded) await api.copy(markdown);
        await api.openTab(next.url);
        say({ message: t(next.bodyIncluded ? 'popupIssueOpened' : 'popupIssueTooLong', targetRepo) });
      } catch (error) {
        fail(error);
      }
      return undefined;
    },
    async publishPullRequest(draft: Draft, markdown: string) {
      if (!api.github) return;
      say({ message: t('popupPublishing') });
      try {
        const published = await api.github.publishPullRequest(draft.id, markdown);
        say({ message: t(published.created ? 'popupPullRequestOpened' : 'popupPullRequestUpdated', String(published.number)) });
      } catch (error) {
        fail(error);
      }
    },
  };
}
