import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { GITHUB_API_URL } from './utils/github/api-url';
import { GITHUB_HOSTS } from './utils/github/hosts';
import { GITHUB_IMAGE_SOURCES } from './utils/preview/image-sources';

/**
 * The extension pages' Content Security Policy. The popup and the options page show untrusted clip
 * text and templates: whatever gets past the preview's sanitiser, they contact no host but GitHub's
 * image hosts (a link the user clicks opens a tab, which no policy here governs). Scripts, the
 * template worker and styles come only from the extension; nothing else loads, connects, frames,
 * submits a form or re-bases a URL. `wxt dev` serves the pages' scripts and styles from its server
 * and updates them over a socket: only it loosens the policy for that.
 */
function extensionPagesPolicy(command: 'build' | 'serve'): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'worker-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', ...GITHUB_IMAGE_SOURCES],
    // GitHub's API, for the author's own Markdown of a clipped post (utils/github/api.ts). It answers
    // CORS with `*`, so no host permission is needed: this is the one host the pages and the
    // background's worker may connect to.
    'connect-src': [GITHUB_API_URL],
    // Chrome requires object-src to be named, even where default-src covers it.
    'object-src': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"],
  };
  if (command === 'serve') {
    directives['style-src']!.push("'unsafe-inline'");
    directives['connect-src']!.push('ws://localhost:*', 'http://localhost:*');
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The content script's `matches` is all the access to github.com it needs: no host permissions.
    // `alarms`: the shared weekly syncs every minute, with the popup closed too (README, "Team weekly").
    permissions: ['storage', 'contextMenus', 'alarms'],
    // WXT lists public/icon/*.png (drawn from assets/icon.svg by scripts/icons.ts) as the extension's
    // icons; the toolbar button is named for each manifest version, as WXT does not carry it over.
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: TOOLBAR_ICON },
    commands: {
      'clip-to-weekly': {
        suggested_key: { default: 'Alt+Shift+W' },
        description: '__MSG_commandClipToWeekly__',
      },
    },
    // The MV3 shape for every browser: WXT writes it as MV2's string for Firefox (and adds its dev
    // server's origin to it, which it cannot do to a string).
    content_security_policy: { extension_pages: extensionPagesPolicy(command) },
    // The clipper and the converter, which the content script imports when a page shows a thread and
    // when a clip button is pressed (utils/page/scripts.ts) rather than carry them into every page of
    // the site. A content script can import only what the page could load too.
    web_accessible_resources: [{ resources: ['clipper.js', 'capture.js'], matches: GITHUB_HOSTS.map((host) => `https://${host}/*`) }],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // Clips never leave the browser: nothing is collected.
        gecko: { id: 'weekly-clipper@weekly-clipper.app', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: () => ({
    resolve: {
      alias: [{ find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('./shims/webextension-polyfill.ts', import.meta.url)) }],
    },
    // Chrome refuses a content script holding Unicode noncharacters (and bundles may carry any text
    // a library ships): write everything outside ASCII as escapes.
    build: { minify: 'esbuild' },
    esbuild: { charset: 'ascii' },
  }),
});
