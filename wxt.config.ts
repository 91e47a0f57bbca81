import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The content script's `matches` is all the access to github.com it needs: no host permissions.
    permissions: ['storage', 'contextMenus'],
    commands: {
      'clip-to-weekly': {
        suggested_key: { default: 'Alt+Shift+W' },
        description: '__MSG_commandClipToWeekly__',
      },
    },
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
