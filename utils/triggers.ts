import type { browser as extensionBrowser } from 'wxt/browser';
import { t } from './i18n';

export const CLIP_COMMAND = 'clip-to-weekly';
export const CLIP_SELECTION_MENU = 'clip-selection-to-weekly';

/** The thread pages the context menu appears on (the content script itself runs on all of GitHub). */
export const THREAD_PAGE_PATTERNS = [
  'https://github.com/*/*/issues/*',
  'https://github.com/*/*/pull/*',
  'https://github.com/*/*/discussions/*',
  'https://github.com/orgs/*/discussions/*',
];

/** Asks the content script in a tab (and frame) to clip the thread with the current selection. */
export type ClipInTab = (tabId: number, frameId?: number) => Promise<void>;

type TriggerApis = Pick<typeof extensionBrowser, 'runtime' | 'contextMenus' | 'commands'> & {
  /** `action` in MV3, `browserAction` in Firefox's MV2 build. */
  action?: typeof extensionBrowser.action;
  browserAction?: typeof extensionBrowser.browserAction;
};

/**
 * The context menu entry and the keyboard shortcut: both hand the work to the tab's content script,
 * which has the page and the selection. Registered synchronously at start-up, like every listener of
 * an MV3 worker; the menu itself is created once per install or update.
 */
export function registerClipTriggers(browser: TriggerApis, clipInTab: ClipInTab): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CLIP_SELECTION_MENU,
      title: t('clipSelectionMenu'),
      contexts: ['selection'],
      documentUrlPatterns: THREAD_PAGE_PATTERNS,
    });
  });
  // A tab without our content script (not GitHub, or opened before the extension was installed)
  // cannot clip: the toolbar button says so for that tab, until it navigates.
  const unreachable = (tabId: number) => () => {
    const action = browser.action ?? browser.browserAction;
    void action?.setBadgeText({ tabId, text: '!' });
    void action?.setTitle({ tabId, title: t('errorNoThreadTab') });
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CLIP_SELECTION_MENU || tab?.id === undefined) return;
    void clipInTab(tab.id, info.frameId).catch(unreachable(tab.id));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== CLIP_COMMAND || tab?.id === undefined) return;
    void clipInTab(tab.id).catch(unreachable(tab.id));
  });
}
