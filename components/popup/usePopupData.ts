import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SentIssue } from '@/utils/model';
import type { Settings } from '@/utils/settings';
import type { Store } from '@/utils/store';
import type { CurrentView } from '@/utils/store/drafts';
import { followChanges, type Following } from '@/utils/store/follow';

/** The newest inbox clips the popup lists; the rest are counted (a year of clips must not slow it). */
const INBOX_SHOWN = 25;

export interface FirstReads {
  view: Promise<CurrentView>;
  settings: Promise<Settings>;
}

export interface PopupSources {
  store: Pick<Store, 'drafts' | 'changes'>;
  loadSettings(): Promise<Settings>;
  /** The first reads, when the page started them before rendering (see `startReading`). */
  firstReads?: FirstReads;
  selectTemplate(id: string): Promise<void>;
}

const readView = (drafts: PopupSources['store']['drafts']) => drafts.current({ inboxLimit: INBOX_SHOWN });

/** Starts the popup's first reads: called by the page before it renders, so they overlap the render. */
export function startReading(sources: Pick<PopupSources, 'store' | 'loadSettings'>): FirstReads {
  return { view: readView(sources.store.drafts), settings: sources.loadSettings() };
}

interface Shown {
  view: CurrentView;
  /** Sent issues, newest first (without the copies of what they sent: the first render must not wait for those). */
  history: SentIssue[];
}

/**
 * What the popup shows: the current draft with the inbox, and the sent issues, kept as the store has
 * them by its change feed (the popup's own actions, and clips the background saves meanwhile); and
 * the settings. Until the first read succeeds, its failure is `failure`; a later read's goes to
 * `onError`, and the popup goes on showing what it read last.
 */
export function usePopupData(sources: PopupSources, onError: (error: unknown) => void) {
  const { drafts } = sources.store;
  const [shown, setShown] = useState<Shown>();
  const [settings, setSettings] = useState<Settings>();
  const [failure, setFailure] = useState<unknown>();
  const following = useRef<Following>();

  const readSettings = (settings: Promise<Settings>) => settings.then(setSettings, setFailure);
  // The page usually started the first reads already; otherwise a layout effect starts them at once
  // after the first render, not a frame later.
  useLayoutEffect(() => {
    const first = sources.firstReads ?? startReading(sources);
    let loaded = false;
    void readSettings(first.settings);
    const readShown = (view: Promise<CurrentView>) => Promise.all([view, drafts.history()]).then(([view, history]) => ({ view, history }));
    following.current = followChanges(
      sources.store.changes,
      () => readShown(readView(drafts)),
      (next) => {
        loaded = true;
        setShown(next);
      },
      (error) => (loaded ? onError(error) : setFailure(error)),
      readShown(first.view),
    );
    return () => following.current?.stop();
  }, [sources]);

  return {
    view: shown?.view,
    history: shown?.history ?? [],
    settings,
    failure,
    /** Reads again after a failed first read (reading changes nothing, so it can always be tried again). */
    retry() {
      setFailure(undefined);
      void readSettings(sources.loadSettings());
      following.current?.refresh();
    },
    whenShown: (then: () => void) => following.current?.whenShown(then),
    chooseTemplate: (templateId: string) =>
      sources.selectTemplate(templateId).then(() => setSettings((current) => current && { ...current, templateId }), onError),
  };
}
