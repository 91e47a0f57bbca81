import { useMemo } from 'preact/hooks';
import { findTemplate, listTemplates } from '@/utils/draft/presets';
import { latestIssueOfEachThread } from '@/utils/draft/warnings';
import { errorText, t } from '@/utils/i18n';
import type { Clip, Draft } from '@/utils/model';
import type { Store } from '@/utils/store';
import { DraftMarkdown } from '../DraftMarkdown';
import { Feedback } from '../Feedback';
import { clipActions } from './clipActions';
import { ClipRow } from './ClipRow';
import { DraftClips } from './DraftClips';
import { DraftFields } from './DraftFields';
import { ExportActions } from './ExportActions';
import { exportActions, type ExportApi } from './exportActions';
import { History, type ExportKind } from './History';
import { IssueFrontMatter } from './IssueFrontMatter';
import { LazyPreview } from './LazyPreview';
import { TemplateSelect } from './TemplateSelect';
import { UndoButton } from './UndoButton';
import { useDraftFields } from './useDraftFields';
import { useDraftMarkdown } from './useDraftMarkdown';
import { useIssueFrontMatter } from './useIssueFrontMatter';
import { createAct, useNotice } from './useNotice';
import { usePopupData, type PopupSources } from './usePopupData';
import { useReview } from './useReview';
import { useShortcut } from './useShortcut';
import { SyncLine } from './SyncLine';
import { useSyncStatus, type SyncApi } from './useSyncStatus';
import { useSourceChanges, type SourceApi } from './useSourceChanges';
import { Warnings } from './Warnings';

/** Everything the popup reads and does outside itself, so tests can hand it fakes. */
export interface PopupApi extends PopupSources, ExportApi {
  store: Pick<Store, 'clips' | 'drafts' | 'changes'>;
  /** The keyboard shortcut for Clip to Weekly as the browser has it, if one is set. */
  shortcut(): Promise<string | undefined>;
  /** Opens this page in the browser's side panel (or sidebar); absent where there is none, or in it already. */
  openSidePanel?: () => Promise<void>;
  /**
   * Remembers whether "Open as GitHub issue" keeps the front matter of this template; where it is
   * absent, a choice lasts while the page is open.
   */
  setIssueFrontMatter?: (templateId: string, included: boolean) => Promise<void>;
  /** The team's shared weekly, kept in sync by the background. */
  sync?: SyncApi;
  /** Checks clipped posts on GitHub and takes their new text; absent, nothing is checked. */
  sources?: SourceApi;
}

const NO_CLIPS: readonly Clip[] = [];
const NO_SETTINGS = { templateId: '', issueFrontMatter: {} };

/** The buttons that send an issue out, by the names the warnings' heading gives them. */
const ACTION_NAMES: Record<ExportKind | 'publish' | 'pullRequest', () => string> = {
  publish: () => t('popupPublish'),
  pullRequest: () => t('popupPublishPullRequest'),
  copy: () => t('popupCopy'),
  download: () => t('popupDownload'),
  openIssue: () => t('popupOpenIssue'),
};

/**
 * The popup: this week's draft (its clips, fields and Markdown), the inbox, export and history.
 * It fits Chrome's largest popup (800×600) and a side panel 360 px wide: the header and the footer
 * (template, Mark as sent, export, the warnings before an issue goes out, and the last notice with
 * its Undo) stay in view, and what lies between them scrolls.
 */
export function PopupApp({ api }: { api: PopupApi }) {
  const { notice, say, fail } = useNotice();
  const { view, history, settings, failure, retry, whenShown, chooseTemplate } = usePopupData(api, fail);
  const shortcut = useShortcut(api);
  const fields = useDraftFields(view?.draft, api.store.drafts, fail);
  const { markdown, problem, renderPast } = useDraftMarkdown(settings, fields.draft, view?.clips ?? NO_CLIPS);
  const act = createAct(whenShown, { say, fail });
  const clips = clipActions(api.store, act);
  const exports = exportActions(api, { say, fail });
  const { review, check } = useReview((action) => say({ message: t('popupCancelled', action) }));
  const sentIn = useMemo(() => latestIssueOfEachThread(history), [history]);
  const frontMatter = useIssueFrontMatter(settings ?? NO_SETTINGS, markdown, api.setIssueFrontMatter, fail);
  const sync = useSyncStatus(api.sync);
  const shownIds = view && [...view.clips, ...view.inbox].map((clip) => clip.id);
  const sourceChanges = useSourceChanges(api.sources, shownIds);
  const sources = api.sources;
  const takeNewText =
    sources &&
    ((clip: Clip, overwriteEdit: boolean) =>
      act(
        async () => {
          const taken = await sources.take(clip.id, overwriteEdit);
          sourceChanges.taken(clip.id);
          return taken;
        },
        () => ({ message: t('popupTookNewText', `${clip.repo}#${clip.number}`) }),
      ));
  /** Before an export, the posts are checked again: what changed is marked by the time the user looks. */
  const beforeExport = () => void sourceChanges.check();

  if (!view || !settings || !fields.draft) {
    return (
      <main class="popup">
        {failure ? (
          <>
            <Feedback failure={errorText(failure)} />
            <button type="button" onClick={retry}>
              {t('popupTryAgain')}
            </button>
          </>
        ) : (
          <p class="empty">{t('popupLoading')}</p>
        )}
      </main>
    );
  }

  const draft = fields.draft;
  const inboxRest = view.inboxSize - view.inbox.length;
  const { drafts } = api.store;
  const reopen = (issue: Pick<Draft, 'id'>) =>
    act(
      () => drafts.reopen(issue.id),
      (reopened) => ({ message: t('popupReopened', reopened.date) }),
    );
  const publish = () =>
    act(
      () => drafts.publish(),
      ({ published }) => ({ message: t('popupPublished', published.title), undo: () => void reopen(published) }),
    );
  const send = (kind: ExportKind, issue: Draft, markdown: string) => {
    if (kind === 'copy') return exports.copy(markdown);
    if (kind === 'download') return exports.download(markdown, issue);
    return exports.openIssue(settings.targetRepo, issue, markdown);
  };
  /** Lists the warnings for the current draft, if any, before `proceed` sends it out. */
  const checkCurrent = (kind: ExportKind | 'publish' | 'pullRequest', proceed: () => void) =>
    check(ACTION_NAMES[kind](), { draft, clips: view.clips, markdown, history }, proceed);
  return (
    <main class="popup">
      <header class="top row spread">
        <h1>{t('popupTitle')}</h1>
        <span class="muted">{shortcut ? t('popupShortcut', shortcut) : t('popupShortcutNotSet')}</span>
        <span class="row">
          {api.openSidePanel && (
            <button type="button" class="link" onClick={() => void api.openSidePanel?.().catch(fail)}>
              {t('popupOpenSidePanel')}
            </button>
          )}
          <button type="button" class="link" onClick={() => api.openOptions()}>
            {t('popupOptions')}
          </button>
        </span>
      </header>
      {sync.status && <SyncLine status={sync.status} now={sync.now} syncing={sync.syncing} onSyncNow={sync.syncNow} />}

      <div class="scroll">
        <section class="card">
          <DraftFields draft={draft} onChange={fields.edit} onDone={fields.save} />
          {view.draft.pullRequest && (
            <p class="small">
              <a href={view.draft.pullRequest} target="_blank" rel="noreferrer">
                {t('popupPullRequestLink')}: {view.draft.pullRequest}
              </a>
            </p>
          )}
          <h2>{t('popupInDraft', String(view.clips.length))}</h2>
          <p id="drag-hint" class="muted small">
            {t('popupDragHint')}
          </p>
          <DraftClips
            clips={view.clips}
            sentIn={sentIn}
            onAction={clips.onAction}
            onMove={clips.onMove}
            onEdit={clips.onEdit}
            sourceChanges={sourceChanges.changes}
            onTakeNewText={takeNewText}
          />
        </section>

        {view.inboxSize > 0 && (
          <section class="card">
            <h2>{t('popupInbox', String(view.inboxSize))}</h2>
            <ul class="clips">
              {view.inbox.map((clip) => (
                <li key={clip.id}>
                  <ClipRow
                    clip={clip}
                    sentIn={sentIn.get(clip.id)}
                    onAction={clips.onAction}
                    sourceChange={sourceChanges.changes.get(clip.id)}
                    onTakeNewText={takeNewText}
                  />
                </li>
              ))}
            </ul>
            {inboxRest > 0 && <p class="muted small">{t('popupInboxMore', String(inboxRest))}</p>}
          </section>
        )}

        <section class="card">
          <Feedback failure={problem} />
          <div class="split">
            <DraftMarkdown label={t('popupDraftMarkdown')} title={t('popupDraftMarkdownTitle')} markdown={markdown} rows={16} />
            <div class="field preview-field">
              <span class="label">{t('popupPreview')}</span>
              <LazyPreview markdown={markdown} label={t('popupPreview')} />
            </div>
          </div>
        </section>

        <History
          drafts={history}
          open={async (past) => {
            const sent = await drafts.read(past.id);
            return { draft: past, clips: sent?.clips ?? [], markdown: sent ? await renderPast(sent.draft, sent.clips) : '' };
          }}
          onExport={(kind, issue) => check(ACTION_NAMES[kind](), { ...issue, history }, () => void send(kind, issue.draft, issue.markdown))}
          onReopen={reopen}
        />
      </div>

      <footer class="bottom">
        {review && <Warnings action={review.action} warnings={review.warnings} onGoOn={review.goOn} onCancel={review.cancel} />}
        <div class="row">
          <TemplateSelect
            templates={listTemplates(settings.userTemplates)}
            selected={findTemplate(settings.templateId, settings.userTemplates).id}
            onSelect={chooseTemplate}
          />
          <button type="button" disabled={!view.clips.length} onClick={() => checkCurrent('publish', () => void publish())}>
            {t('popupPublish')}
          </button>
          {api.github && settings.publishing.repo && (
            <button
              type="button"
              title={t('popupPublishPullRequestTitle')}
              disabled={!view.clips.length || !markdown}
              onClick={() => checkCurrent('pullRequest', () => void exports.publishPullRequest(draft, markdown))}
            >
              {t('popupPublishPullRequest')}
            </button>
          )}
          <ExportActions
            disabled={!view.clips.length || !markdown}
            onCopy={() => (beforeExport(), checkCurrent('copy', () => void send('copy', draft, markdown)))}
            onDownload={() => (beforeExport(), checkCurrent('download', () => void send('download', draft, markdown)))}
            onOpenIssue={() => (beforeExport(), checkCurrent('openIssue', () => void send('openIssue', draft, frontMatter.issueMarkdown)))}
          />
          {frontMatter.asked && <IssueFrontMatter included={frontMatter.included} onChange={frontMatter.choose} />}
        </div>
        <div class="notice">
          <Feedback status={notice?.message ?? ''} statusFailed={notice?.failed} action={notice?.undo && <UndoButton onUndo={notice.undo} />} />
        </div>
      </footer>
    </main>
  );
}
