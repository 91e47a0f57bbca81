/**
 * The polyfill, handed over without the bundler's CommonJS interop. `import x from 'cjs'` makes the
 * bundler copy the module's own property descriptors onto a namespace object; the polyfill's export
 * is the browser's API object itself, and reading its descriptors instantiates every API binding
 * Chrome has (about 25 ms in each GitHub tab, before the page is usable). A plain require() returns
 * the object untouched. `wxt/browser` is such an import: @wxt-dev/webextension-polyfill re-exports the
 * polyfill's default. Build-only: in tests `wxt/browser` is WXT's fake browser.
 */
import type Browser from 'webextension-polyfill';

declare const require: (id: string) => unknown;

export default require('webextension-polyfill/dist/browser-polyfill.js') as typeof Browser;
