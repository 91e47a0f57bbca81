import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { githubCss } from '../../support/github-css';
import { GITHUB_PAGE_POLICY } from '../../support/github-csp';

export const extensionDir = resolve('.output/chrome-mv3');

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (Chrome, another distribution). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A quiet headless Chromium: no sandbox (root in CI), no GPU, and no traffic of its own. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** Serves `html` for a github.com URL (path and query, hash ignored). */
  servePage(url: string, html: string): void;
  openPopup(): Promise<Page>;
  /** The popup's page as the side panel (Chrome) or sidebar (Firefox) shows it. */
  openSidePanel(): Promise<Page>;
  openOptions(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The browser's UI language, which the extension speaks: `zh-CN` for the Chinese UI. English by default. */
  lang?: string;
}

/**
 * Starts Chromium with the built extension and an offline github.com: pages registered with
 * servePage are answered from memory, every other request is aborted.
 */
export async function launchExtension({ lang }: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first (npm test does).`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'weekly-clipper-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...chromiumFlags, ...(lang ? [`--lang=${lang}`] : [])],
    // Chromium on Linux takes its UI language from the environment; --lang alone is not always enough.
    ...(lang && { locale: lang, env: { ...process.env, LANGUAGE: lang.replace('-', '_') } }),
  });

  // An action that cannot happen (a button covered or gone) fails with Playwright's reason, well
  // before the test's own time-out would say only that it timed out.
  context.setDefaultTimeout(15_000);

  const pages = new Map<string, string>();
  const key = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search}`;
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.fallback();
    const { hostname, pathname } = new URL(url);
    if (hostname === 'github.githubassets.com' && pathname.endsWith('.css')) {
      return route.fulfill({ status: 200, contentType: 'text/css', body: githubCss });
    }
    const html = hostname === 'github.com' ? pages.get(key(url)) : undefined;
    if (html === undefined) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': GITHUB_PAGE_POLICY }, body: html });
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    servePage: (url, html) => pages.set(key(url), html),
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async openSidePanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Selects text in the first element matching `selector`, as a user dragging over it would: `text`
 * (which may span several elements, like words around inline code), or all of it.
 */
export async function selectText(page: Page, selector: string, text?: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((element, wanted) => {
      const range = document.createRange();
      if (wanted) {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const whole = nodes.map((node) => node.data).join('');
        const start = whole.indexOf(wanted);
        if (start < 0) throw new Error(`"${wanted}" is not in ${element.outerHTML}`);
        const locate = (offset: number, isEnd: boolean): [Text, number] => {
          let passed = 0;
          for (const node of nodes) {
            const end = passed + node.data.length;
            if (offset < end || (isEnd && offset === end)) return [node, offset - passed];
            passed = end;
          }
          throw new Error(`offset ${offset} is past the text`);
        };
        range.setStart(...locate(start, false));
        range.setEnd(...locate(start + wanted.length, true));
      } else {
        range.selectNodeContents(element);
      }
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, text);
}
