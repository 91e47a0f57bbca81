import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { importCapture } from '@/utils/capture/handoff';
import { githubSite } from '@/utils/github/site';
import { onMessage, sendMessage } from '@/utils/messaging';
import { startClipper } from '@/utils/page/clipper';
import { clipperLifetime } from '@/utils/page/lifetime';
import './style.css';

export default defineContentScript({
  matches: githubSite.hosts.map((host) => `https://${host}/*`),
  main(ctx) {
    // An orphaned content script (its extension reloaded or removed) has no runtime id.
    const signal = clipperLifetime(
      ctx,
      () => Boolean(browser.runtime?.id),
      () => new ContentScriptContext(import.meta.env.ENTRYPOINT),
    );
    const clipper = startClipper(
      document,
      githubSite,
      (capture) => sendMessage('saveClip', capture),
      signal,
      () => importCapture(browser.runtime.getURL('/capture.js')),
    );
    const stopListening = onMessage('clipSelection', () => clipper.clipSelection());
    signal.addEventListener('abort', stopListening, { once: true });
  },
});
