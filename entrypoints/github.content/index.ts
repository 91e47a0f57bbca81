import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { threadLocation } from '@/utils/github/location';
import { GITHUB_HOSTS } from '@/utils/github/hosts';
import { onMessage } from '@/utils/messaging';
import { clipperLifetime } from '@/utils/page/lifetime';
import { onFirstThread } from '@/utils/page/observe';
import { importScript, loadOnce } from '@/utils/page/scripts';
import './style.css';

export default defineContentScript({
  matches: GITHUB_HOSTS.map((host) => `https://${host}/*`),
  main(ctx) {
    // An orphaned content script (its extension reloaded or removed) has no runtime id.
    const signal = clipperLifetime(
      ctx,
      () => Boolean(browser.runtime?.id),
      () => new ContentScriptContext(import.meta.env.ENTRYPOINT),
    );
    const clipper = loadOnce(async () => {
      const { startClipper } = await importScript('clipper', browser.runtime.getURL('/clipper.js'));
      // A newer copy may have taken over while the clipper loaded: this one then starts nothing.
      signal.throwIfAborted();
      return startClipper(signal);
    });
    onFirstThread(
      document.documentElement,
      (url) => threadLocation(url) !== undefined,
      () => void clipper(),
      signal,
    );
    // The shortcut and the context menu clip on any page: one with no thread says why it cannot.
    const stopListening = onMessage('clipSelection', async () => (await clipper()).clipSelection());
    signal.addEventListener('abort', stopListening, { once: true });
  },
});
