import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupApi } from '@/components/popup/PopupApp';
import { showDraftCount } from '@/utils/badge';
import { startReading } from '@/components/popup/usePopupData';
import { downloadText } from '@/utils/download';
import { sendMessage } from '@/utils/messaging';
import { getSettings, setIssueFrontMatter, setSettings } from '@/utils/settings';
import { createStore } from '@/utils/store';
import { pageSyncApi } from '@/utils/sync/page';
import { getGitHubToken } from '@/utils/connection/token';
import { CLIP_COMMAND } from '@/utils/triggers';
import '@/components/theme.css';
import './style.css';

/** The browsers' own side panel APIs, which the polyfill's types do not name. */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens this same page beside the tab, for a long session: Chrome's side panel or Firefox's sidebar.
 * Both must be asked within the click itself (a user gesture), so the window is looked up beforehand.
 * Undefined where the browser has neither.
 */
function sidePanelOpener(): PopupApi['openSidePanel'] {
  const { sidePanel, sidebarAction } = browser as unknown as PanelApis;
  if (sidebarAction) return () => sidebarAction.open().then(() => window.close());
  if (!sidePanel) return undefined;
  const windowId = browser.windows.getCurrent().then((current) => current.id);
  let known: number | undefined;
  void windowId.then((id) => (known = id));
  return async () => {
    const id = known ?? (await windowId);
    if (id === undefined) return;
    await sidePanel.open({ windowId: id });
    window.close();
  };
}

/** The popup's page, as the toolbar popup or as the side panel (which has no side panel button). */
export function startPopup(surface: 'popup' | 'panel') {
  const store = createStore();
  const firstReads = startReading({ store, loadSettings: getSettings });
  // An idle MV3 background sleeps and misses this page's changes: the page keeps the badge right too.
  showDraftCount(store, browser.action ?? browser.browserAction).update();
  render(
    <PopupApp
      api={{
        store,
        firstReads,
        loadSettings: getSettings,
        selectTemplate: (templateId) => setSettings({ templateId }),
        shortcut: async () => (await browser.commands.getAll()).find((command) => command.name === CLIP_COMMAND)?.shortcut || undefined,
        copy: (text) => navigator.clipboard.writeText(text),
        download: (markdown, fileName) => downloadText(document, fileName, markdown, 'text/markdown'),
        openTab: async (url) => void (await browser.tabs.create({ url })),
        openOptions: () => browser.runtime.openOptionsPage(),
        openSidePanel: surface === 'popup' ? sidePanelOpener() : undefined,
        setIssueFrontMatter,
        sync: pageSyncApi,
        github: {
          connected: async () => Boolean(await getGitHubToken()),
          createIssue: (repo, title, body) => sendMessage('createIssue', repo, title, body),
          publishPullRequest: (draftId, markdown) => sendMessage('publishPullRequest', draftId, markdown),
        },
        sources: {
          check: (clipIds) => sendMessage('checkSources', clipIds),
          take: (clipId, overwriteEdit) => sendMessage('takeNewSource', clipId, overwriteEdit),
        },
      }}
    />,
    document.getElementById('app')!,
  );
}
