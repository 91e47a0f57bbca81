/**
 * Chromium for the bench: the built extension (or a copy of it with extra pages), an offline
 * github.com as in the end-to-end tests, and a second host that serves the same pages where the
 * content script does not run (`https://github.com/x` and `${PLAIN_ORIGIN}/x` answer alike), so a
 * page can be timed with and without the extension in one browser.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumFlags, chromiumPath, extensionDir } from '../../test/e2e/support/extension';
import { githubCss } from '../../test/support/github-css';

/**
 * A host outside the content script's `matches`: the same pages, no extension on them. Every other
 * `*.example` host serves them too (each is a site of its own, so a page there gets a fresh process).
 */
export const PLAIN_ORIGIN = 'https://plain.example';

/**
 * An extension page that does the least a page can: it writes a text area with a line of Markdown,
 * as the popup's first render does, with no framework, store or stylesheet. The floor of what an
 * extension page costs to show anything.
 */
export const BARE_PAGE = 'bench-bare.html';
const bareFiles: Record<string, string> = {
  [BARE_PAGE]:
    '<!doctype html>\n<html lang="en"><head><meta charset="UTF-8"><title>Weekly Clipper</title>' +
    '<script type="module" src="/bench-bare.js"></script></head><body><div id="app"></div></body></html>\n',
  'bench-bare.js':
    "const area = document.createElement('textarea');\narea.className = 'markdown';\n" +
    "area.value = '**1. @bare** a page with no framework';\ndocument.getElementById('app').append(area);\n",
};

export interface BenchBrowser {
  context: BrowserContext;
  /** Empty when launched without the extension. */
  extensionId: string;
  /** Serves `html` at the URL's path and query on github.com, PLAIN_ORIGIN and any other `*.example` alike. */
  servePage(url: string, html: string): void;
  newPage(): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Load the built extension (a temporary copy with the bare page added). Default true. */
  extension?: boolean;
  /** more command-line switches */
  args?: string[];
}

export async function launchBench({ extension = true, args: extraArgs = [] }: LaunchOptions = {}): Promise<BenchBrowser> {
  const scratch = mkdtempSync(join(tmpdir(), 'weekly-clipper-bench-'));
  const userDataDir = join(scratch, 'profile');
  const copy = join(scratch, 'extension');
  const args = [...chromiumFlags, ...extraArgs];
  if (extension) {
    cpSync(extensionDir, copy, { recursive: true });
    for (const [name, text] of Object.entries(bareFiles)) writeFileSync(join(copy, name), text);
    args.push(`--disable-extensions-except=${copy}`, `--load-extension=${copy}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args,
  });
  context.setDefaultTimeout(30_000);

  const pages = new Map<string, string>();
  const key = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.fallback();
    const { hostname, pathname } = new URL(url);
    if (hostname === 'github.githubassets.com' && pathname.endsWith('.css')) {
      return route.fulfill({ status: 200, contentType: 'text/css', body: githubCss });
    }
    const html = hostname === 'github.com' || hostname.endsWith('.example') ? pages.get(key(url)) : undefined;
    if (html === undefined) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });

  let extensionId = '';
  if (extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }

  return {
    context,
    extensionId,
    servePage: (url, html) => pages.set(key(url), html),
    newPage: () => context.newPage(),
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** The median; NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The page's main-thread CPU time so far (CDP's ThreadTime, with `Performance.enable` sent), in ms:
 * on a busy machine wall-clock time counts the waits for a core, which fall on what is measured unevenly.
 */
export async function mainThreadMs(cdp: CDPSession): Promise<number> {
  return (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')!.value * 1000;
}
