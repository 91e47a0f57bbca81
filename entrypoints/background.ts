import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerClipHandlers } from '@/utils/background';
import { showDraftCount } from '@/utils/badge';
import { sendToTab } from '@/utils/messaging';
import { createStore } from '@/utils/store';
import { changeHub } from '@/utils/store/changes';
import { DB_NAME } from '@/utils/store/db';
import { registerClipTriggers } from '@/utils/triggers';
import { githubSession } from '@/utils/connection/session';
import { watchGitHubToken } from '@/utils/connection/token';
import { getSetting, watchSetting } from '@/utils/settings';
import { registerSync } from '@/utils/sync/background';
import { registerPublishing } from '@/utils/publish/background';
import { createSyncService } from '@/utils/sync/service';

export default defineBackground(() => {
  registerClipHandlers();
  registerClipTriggers(browser, (tabId, frameId) => sendToTab({ tabId, frameId }, 'clipSelection'));
  // The badge follows changes by the database's name and reads only after one, or when the browser
  // starts: opening the database whenever the worker wakes would race an update's upgrade, which a
  // page of the old version may still be holding up. Firefox's MV2 build has browserAction.
  const { drafts, shared } = createStore();
  const changes = { subscribe: (listener: Parameters<typeof changeHub.subscribe>[1]) => changeHub.subscribe(DB_NAME, listener) };
  const badge = showDraftCount({ drafts, changes }, browser.action ?? browser.browserAction);
  browser.runtime.onStartup.addListener(badge.update);
  registerPublishing({
    drafts,
    publishing: () => getSetting('publishing'),
    octokit: async () => (await githubSession())?.octokit,
    repositories: async () => ({
      sharedWeekly: (await getSetting('sharedWeekly')).repo,
      publishing: (await getSetting('publishing')).repo,
      target: await getSetting('targetRepo'),
    }),
  });
  registerSync(createSyncService({ shared, location: () => getSetting('sharedWeekly'), session: githubSession }), {
    changes,
    watchConnection: (callback) => {
      const unwatchPlace = watchSetting('sharedWeekly', callback);
      const unwatchToken = watchGitHubToken(callback);
      return () => {
        unwatchPlace();
        unwatchToken();
      };
    },
  });
});
