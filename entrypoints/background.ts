import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerClipHandlers } from '@/utils/background';
import { sendToTab } from '@/utils/messaging';
import { registerClipTriggers } from '@/utils/triggers';

export default defineBackground(() => {
  registerClipHandlers();
  registerClipTriggers(browser, (tabId, frameId) => sendToTab({ tabId, frameId }, 'clipSelection'));
});
