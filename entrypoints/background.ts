import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerClipHandlers } from '@/utils/background';
import { showDraftCount } from '@/utils/badge';
import { sendToTab } from '@/utils/messaging';
import { createStore } from '@/utils/store';
import { registerClipTriggers } from '@/utils/triggers';

export default defineBackground(() => {
  registerClipHandlers();
  registerClipTriggers(browser, (tabId, frameId) => sendToTab({ tabId, frameId }, 'clipSelection'));
  // Firefox's MV2 build has browserAction where MV3 has action.
  showDraftCount(createStore(), browser.action ?? browser.browserAction);
});
