import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { githubCss } from '../../support/github-css';
import { GITHUB_PAGE_POLICY } from '../../support/github-csp';

/** What `wxt build -b firefox` writes: Manifest V2 with a background page. */
export const firefoxExtensionDir = resolve('.output/firefox-mv2');

/** Debian's Firefox ESR by default; FIREFOX_PATH points elsewhere (another Firefox, another distribution). */
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** puppeteer-core's own handle on a BiDi browsing context (internal, so typed here). */
interface BidiBrowsingContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on's internal UUID: its pages live at moz-extension://<uuid>/. */
  extensionUuid: string;
  /** Serves `html` at a github.com URL (path and query; the hash is ignored). */
  servePage(url: string, html: string): void;
  /** A new tab on the offline web: registered github.com pages and GitHub's CSS, every other request aborted. */
  openGitHubPage(url: string): Promise<Page>;
  /** popup.html in a tab, as the Chromium tests open it. */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Firefox headless over WebDriver BiDi and installs the built Firefox extension as a temporary
 * add-on (BiDi `webExtension.install`), with an internal UUID chosen here so its pages can be opened.
 */
export async function launchFirefoxExtension(): Promise<FirefoxSession> {
  const manifestPath = join(firefoxExtensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built Firefox extension in ${firefoxExtensionDir}: run \`npx wxt build -b firefox\` first (npm test does).`);
  }
  if (!existsSync(firefoxPath)) {
    throw new Error(`No Firefox at ${firefoxPath}: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const addonId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  const extensionUuid = randomUUID();

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    protocol: 'webDriverBiDi',
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Firefox gives an add-on the UUID this map names, so moz-extension://<uuid>/popup.html is known.
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: extensionUuid }),
    },
  });

  try {
    let installed: string;
    try {
      installed = await browser.installExtension(firefoxExtensionDir);
    } catch (error) {
      throw new Error(
        `${await browser.version()} at ${firefoxPath} did not install ${firefoxExtensionDir} over WebDriver BiDi ` +
          `(webExtension.install needs Firefox 138 or newer): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    if (installed !== addonId) throw new Error(`Firefox installed the add-on as ${installed}, not ${addonId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }

  const pages = new Map<string, string>();
  const key = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search}`;
  };

  return {
    browser,
    extensionUuid,
    servePage: (url, html) => pages.set(key(url), html),
    async openGitHubPage(url) {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      await page.setRequestInterception(true);
      let cssServed = false;
      page.on('request', (request) => {
        const requestUrl = request.url();
        const { protocol, hostname, pathname } = new URL(requestUrl);
        // data: and blob: never leave the browser.
        if (protocol !== 'http:' && protocol !== 'https:') return void request.continue();
        if (hostname === 'github.githubassets.com' && pathname.endsWith('.css')) {
          // A captured page links some thirty stylesheets: one copy of Primer styles it, and parsing
          // it thirty times would cost seconds.
          const body = cssServed ? '' : githubCss;
          cssServed = true;
          return void request.respond({ status: 200, contentType: 'text/css', body });
        }
        const html = hostname === 'github.com' ? pages.get(key(requestUrl)) : undefined;
        if (html === undefined) return void request.abort('blockedbyclient');
        return void request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': GITHUB_PAGE_POLICY },
          body: html,
        });
      });
      await page.goto(url);
      return page;
    },
    async openPopup() {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      // Page.goto waits for BiDi's navigation events, which Firefox does not send when a tab moves into
      // the extension's process; the navigate command itself resolves once the popup has loaded.
      const context = (page.mainFrame() as unknown as { browsingContext?: BidiBrowsingContext }).browsingContext;
      if (typeof context?.navigate !== 'function') {
        throw new Error("puppeteer-core's BiDi frame no longer exposes browsingContext.navigate: update openPopup()");
      }
      await context.navigate(`moz-extension://${extensionUuid}/popup.html`, 'complete');
      return page;
    },
    close: () => browser.close(),
  };
}
