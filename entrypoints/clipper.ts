import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { githubSite } from '@/utils/github/site';
import { sendMessage } from '@/utils/messaging';
import { startClipper } from '@/utils/page/clipper';
import { handOver, importScript } from '@/utils/page/scripts';

/** The clipper, imported by the content script when the page shows a thread (utils/page/scripts.ts). */
export default defineUnlistedScript(() =>
  handOver('clipper', {
    startClipper: (signal) =>
      startClipper(
        document,
        githubSite,
        (capture) => sendMessage('saveClip', capture),
        signal,
        () => importScript('capture', browser.runtime.getURL('/capture.js')),
      ),
  }),
);
