import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { draftFileName, newIssueUrl } from '@/utils/draft/export';
import { findTemplate, listTemplates } from '@/utils/draft/presets';
import type { RenderedDraft, RenderProblem } from '@/utils/draft/render-draft';
import { startDraftRenderer } from '@/utils/draft/renderer';
import { messageOf } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { Clip, Draft } from '@/utils/model';
import type { Settings } from '@/utils/settings';
import type { Store } from '@/utils/store';
import type { CurrentView, DraftChanges } from '@/utils/store/drafts';
import { DraftMarkdown } from '../DraftMarkdown';
import { LazyPreview } from './LazyPreview';
import type { ClipRowAction } from './ClipRow';
import { ClipRow } from './ClipRow';
import { DraftClips } from './DraftClips';
import { DraftFields } from './DraftFields';
import { ExportActions } from './ExportActions';
import { History } from './History';
import { TemplateSelect } from './TemplateSelect';

/** Everything the popup reads and does outside itself, so tests can hand it fakes. */
export interface PopupApi {
  store: Pick<Store, 'clips' | 'drafts'>;
  loadSettings(): Promise<Settings>;
  /** The first reads, when the page started them before rendering (see `startReading`). */
  firstReads?: FirstReads;
  selectTemplate(id: string): Promise<void>;
  /** The keyboard shortcut for Clip to Weekly as the browser has it, if one is set. */
  shortcut(): Promise<string | undefined>;
  copy(text: string): Promise<void>;
  download(markdown: string, fileName: string): void;
  openTab(url: string): Promise<void>;
  openOptions(): Promise<void>;
}

/** The newest inbox clips the popup lists; the rest are counted (a year of clips must not slow it). */
const INBOX_SHOWN = 25;

interface Notice {
  message: string;
  kind: 'info' | 'error';
  undo?: () => Promise<unknown>;
}

const NO_CLIPS: readonly Clip[] = [];

/**
 * Drafts render in a worker that is stopped when a template runs too long, so no template can
 * freeze the popup. It starts now, loading the template engine (Liquid) beside the database read.
 */
const draftRenderer = startDraftRenderer(() => import('@/utils/draft/render-draft').then((module) => module.renderDraft));

/**
 * Why the draft is not in the chosen template. Without Markdown the default template failed too, and
 * saying that the default is shown would be untrue.
 */
function problemText(problem: RenderProblem, markdown: string): string {
  if (problem.kind === 'timeout') return t(markdown ? 'popupTemplateTooSlow' : 'popupDraftTooSlow', problem.template, String(problem.seconds));
  return t(markdown ? 'popupTemplateBroken' : 'popupDraftBroken', problem.template, problem.message);
}

/**
 * Renders with the chosen template. One that does not compile, fails on this draft (a loop over too
 * much) or runs too long gives way to the default and says why: the popup must always show a draft.
 */
function useDraftMarkdown(settings: Settings | undefined, draft: Draft | undefined, clips: readonly Clip[]) {
  const [rendered, setRendered] = useState<RenderedDraft>();
  const request = (draft: Draft, clips: readonly Clip[], { templateId, userTemplates, projects }: Settings) => ({
    draft,
    clips,
    settings: { templateId, userTemplates, projects },
  });
  useLayoutEffect(() => {
    if (settings && draft) draftRenderer.render(request(draft, clips, settings), setRendered);
  }, [settings, draft, clips]);
  // A past issue renders in a lane of its own, so the live draft never supersedes it.
  const renderPast = (past: Draft, pastClips: readonly Clip[]) =>
    new Promise<string>((resolve) =>
      settings ? draftRenderer.render(request(past, pastClips, settings), ({ markdown }) => resolve(markdown), 'history') : resolve(''),
    );
  const markdown = rendered?.markdown ?? '';
  return { markdown, problem: rendered?.problem && problemText(rendered.problem, markdown), render: renderPast };
}

export interface FirstReads {
  view: Promise<CurrentView>;
  settings: Promise<Settings>;
}

const readView = (drafts: PopupApi['store']['drafts']) => drafts.current({ inboxLimit: INBOX_SHOWN });

/** Starts the popup's first reads: called by the page before it renders, so they overlap the render. */
export function startReading(api: Pick<PopupApi, 'store' | 'loadSettings'>): FirstReads {
  return { view: readView(api.store.drafts), settings: api.loadSettings() };
}

/** Debounce for saving the draft's fields while the user types. */
const SAVE_AFTER_MS = 400;

/** The popup: this week's draft (its clips, fields and Markdown), the inbox, export and history. */
export function PopupApp({ api }: { api: PopupApi }) {
  const { clips: clipStore, drafts } = api.store;
  const [view, setView] = useState<CurrentView>();
  const [settings, setSettings] = useState<Settings>();
  const [history, setHistory] = useState<Draft[]>([]);
  const [shortcut, setShortcut] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  // The draft's fields as typed: the Markdown follows them at once, the database a moment later.
  // They belong to one draft: after "Mark as sent" the next one starts with its own.
  const [edits, setEdits] = useState<{ draftId?: string; changes: DraftChanges }>({ changes: {} });
  const unsaved = useRef<DraftChanges>({});
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();

  const refresh = useCallback(() => readView(drafts).then(setView), [drafts]);
  const fail = (error: unknown) => setNotice({ message: messageOf(error), kind: 'error' });

  const read = (first: FirstReads) => {
    setNotice(undefined);
    Promise.all([first.view.then(setView), first.settings.then(setSettings)]).catch(fail);
    drafts.history().then(setHistory, fail);
  };
  // The page usually started the first reads already; otherwise a layout effect starts them at once
  // after the first render, not a frame later.
  useLayoutEffect(() => {
    read(api.firstReads ?? startReading(api));
    api.shortcut().then(setShortcut, () => undefined);
  }, [api]);

  const draft = useMemo(() => view && { ...view.draft, ...(edits.draftId === view.draft.id ? edits.changes : {}) }, [view, edits]);
  const { markdown, render, problem } = useDraftMarkdown(settings, draft, view?.clips ?? NO_CLIPS);

  const saveFields = useCallback(() => {
    clearTimeout(saveTimer.current);
    const changes = unsaved.current;
    unsaved.current = {};
    if (Object.keys(changes).length) drafts.update(changes).catch(fail);
  }, [drafts]);
  const editFields = (changes: DraftChanges) => {
    setEdits((current) => ({ draftId: view?.draft.id, changes: { ...(current.draftId === view?.draft.id ? current.changes : {}), ...changes } }));
    unsaved.current = { ...unsaved.current, ...changes };
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(saveFields, SAVE_AFTER_MS);
  };
  // Closing the popup must not lose what was typed last.
  useEffect(() => {
    addEventListener('pagehide', saveFields);
    return () => removeEventListener('pagehide', saveFields);
  }, [saveFields]);

  /** Runs a change (which may leave a notice of its own), then shows the draft as the database has it. */
  const act = async (change: () => Promise<unknown>, done?: Omit<Notice, 'kind'>) => {
    setNotice(undefined);
    try {
      await change();
      await refresh();
      if (done) setNotice({ ...done, kind: 'info' });
    } catch (error) {
      fail(error);
    }
  };

  const onClipAction = (action: ClipRowAction, clip: Clip, index = 0) => {
    const name = `${clip.repo}#${clip.number}`;
    if (action === 'up' || action === 'down') return act(() => drafts.place(clip.id, action === 'up' ? index - 1 : index + 1));
    if (action === 'toDraft') return act(() => drafts.place(clip.id));
    if (action === 'toInbox') {
      return act(async () => {
        const placement = await drafts.unplace(clip.id);
        setNotice({
          message: t('popupMovedToInbox', name),
          kind: 'info',
          undo: () => act(() => drafts.place(clip.id, placement?.index)),
        });
      }).then(() => undefined);
    }
    if (action === 'remove') {
      return act(async () => {
        const removed = await clipStore.remove(clip.id);
        if (removed) {
          setNotice({
            message: t('popupRemoved', name),
            kind: 'info',
            undo: () => act(() => clipStore.restore(removed), { message: t('popupRestored', name) }),
          });
        }
      }).then(() => undefined);
    }
  };

  const copy = (text: string) => api.copy(text).then(() => setNotice({ message: t('popupCopied'), kind: 'info' }), fail);
  const download = (text: string, draft: Draft) => {
    const fileName = draftFileName(new Date(`${draft.date}T00:00:00Z`), draft.title);
    api.download(text, fileName);
    setNotice({ message: t('popupDownloaded', fileName), kind: 'info' });
  };
  const openIssue = async () => {
    if (!view || !settings) return;
    if (!settings.targetRepo) {
      setNotice({ message: t('popupNoTargetRepo'), kind: 'error' });
      return api.openOptions();
    }
    try {
      const link = newIssueUrl(settings.targetRepo, (draft ?? view.draft).title, markdown);
      if (!link.bodyIncluded) await api.copy(markdown);
      await api.openTab(link.url);
      setNotice({ message: t(link.bodyIncluded ? 'popupIssueOpened' : 'popupIssueTooLong', settings.targetRepo), kind: 'info' });
    } catch (error) {
      fail(error);
    }
  };

  if (!view || !settings) {
    // Reading changes nothing, so a failed read can always be tried again.
    return (
      <main class="popup">
        {notice?.kind === 'error' ? (
          <>
            <p role="alert">{notice.message}</p>
            <button type="button" onClick={() => read(startReading(api))}>
              {t('popupTryAgain')}
            </button>
          </>
        ) : (
          <p class="empty">{t('popupLoading')}</p>
        )}
      </main>
    );
  }

  const inboxRest = view.inboxSize - view.inbox.length;
  return (
    <main class="popup">
      <header class="row spread">
        <h1>{t('popupTitle')}</h1>
        <span class="muted">{shortcut ? t('popupShortcut', shortcut) : t('popupShortcutNotSet')}</span>
        <button type="button" class="link" onClick={() => api.openOptions()}>
          {t('popupOptions')}
        </button>
      </header>

      <section class="card">
        <DraftFields draft={draft ?? view.draft} onChange={editFields} onDone={saveFields} />
        <h2>{t('popupInDraft', String(view.clips.length))}</h2>
        <p id="drag-hint" class="muted small">
          {t('popupDragHint')}
        </p>
        <DraftClips
          clips={view.clips}
          onAction={onClipAction}
          onMove={(clip, index) => act(() => drafts.place(clip.id, index))}
          onEdit={(clip, changes) => act(() => clipStore.edit(clip.id, changes), { message: t('popupSaved', `${clip.repo}#${clip.number}`) })}
        />
      </section>

      {view.inboxSize > 0 && (
        <section class="card">
          <h2>{t('popupInbox', String(view.inboxSize))}</h2>
          <ul class="clips">
            {view.inbox.map((clip) => (
              <li key={clip.id}>
                <ClipRow clip={clip} onAction={onClipAction} />
              </li>
            ))}
          </ul>
          {inboxRest > 0 && <p class="muted small">{t('popupInboxMore', String(inboxRest))}</p>}
        </section>
      )}

      <section class="card">
        <div class="row spread">
          <TemplateSelect
            templates={listTemplates(settings.userTemplates)}
            selected={findTemplate(settings.templateId, settings.userTemplates).id}
            onSelect={(id) =>
              api
                .selectTemplate(id)
                .then(() => setSettings({ ...settings, templateId: id }))
                .catch(fail)
            }
          />
          <button
            type="button"
            disabled={!view.clips.length}
            onClick={() =>
              act(async () => {
                const { published } = await drafts.publish();
                setHistory(await drafts.history());
                setNotice({ message: t('popupPublished', published.title), kind: 'info' });
              })
            }
          >
            {t('popupPublish')}
          </button>
        </div>
        {problem && <p role="alert">{problem}</p>}
        <div class="split">
          <DraftMarkdown label={t('popupDraftMarkdown')} markdown={markdown} rows={16} />
          <div class="field">
            <span class="label">{t('popupPreview')}</span>
            <LazyPreview markdown={markdown} label={t('popupPreview')} />
          </div>
        </div>
        <ExportActions
          disabled={!view.clips.length || !markdown}
          onCopy={() => copy(markdown)}
          onDownload={() => download(markdown, draft ?? view.draft)}
          onOpenIssue={openIssue}
        />
      </section>

      <div class={`notice ${notice?.kind ?? ''}`}>
        <p role="status">{notice?.message}</p>
        {notice?.undo && (
          <button type="button" onClick={() => notice.undo?.()}>
            {t('popupUndo')}
          </button>
        )}
      </div>

      <History
        drafts={history}
        render={async (draft) => {
          const past = await drafts.read(draft.id);
          return past ? render(past.draft, past.clips) : '';
        }}
        onCopy={copy}
        onDownload={download}
      />
    </main>
  );
}
