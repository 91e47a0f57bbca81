import type { Page } from 'playwright-core';
import { launchExtension } from '../test/e2e/support/extension';
import { generatedThreadPage } from './thread-page';

export interface PageBench {
  /** Main-thread script time the content script adds while a 300-comment thread loads (ms). */
  loadScriptMs: number;
  /** From a soft navigation's DOM swap to the first clip button (ms). */
  softNavigationMs: number;
  /** From a click on Clip to Weekly to the "Clipped to Weekly" status (ms). */
  clipAcknowledgedMs: number;
}

const RUNS = 7;
const url = 'https://github.com/mosn/mosn/issues/2203';
const otherUrl = 'https://github.com/mosn/mosn/issues/2204';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Main-thread time spent in the content script while `url` loads: the CPU profile's samples whose
 * stack runs through the content script's file (GitHub's own scripts are not loaded offline, and
 * Playwright's helpers are not counted).
 */
async function contentScriptLoadMs(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForSelector('.wc-clip-button');
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const inContentScript = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      if (nodes.get(at)?.callFrame.url.endsWith('/content-scripts/github.js')) return true;
    }
    return false;
  };
  const deltas = profile.timeDeltas ?? [];
  return (profile.samples ?? []).reduce((total, id, index) => total + (inContentScript(id) ? (deltas[index + 1] ?? 0) : 0), 0) / 1000;
}

export async function benchPage(): Promise<PageBench> {
  const html = generatedThreadPage(300);
  const session = await launchExtension();
  session.servePage(url, html);

  const loads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await session.context.newPage();
    loads.push(await contentScriptLoadMs(page));
    await page.close();
  }

  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForSelector('.wc-clip-button');

  const softNavigation: number[] = [];
  for (let run = 0; run < RUNS * 2; run++) {
    softNavigation.push(
      await page.evaluate(
        ([nextUrl, nextHtml]) =>
          new Promise<number>((done) => {
            const next = new DOMParser().parseFromString(nextHtml, 'text/html').body;
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector('.wc-clip-button')) {
                observer.disconnect();
                done(performance.now() - started);
              }
            });
            observer.observe(document.documentElement, { childList: true, subtree: true });
            history.pushState({}, '', nextUrl);
            document.body.replaceWith(document.adoptNode(next));
          }),
        [run % 2 ? url : otherUrl, html] as const,
      ),
    );
  }

  const acknowledged: number[] = [];
  for (let run = 0; run < RUNS * 3; run++) {
    acknowledged.push(
      await page.evaluate(
        () =>
          new Promise<number>((done) => {
            const status = document.querySelector('[role="status"]');
            if (status) status.textContent = '';
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector('[role="status"]')?.textContent?.includes('Clipped to Weekly')) {
                observer.disconnect();
                done(performance.now() - started);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            document.querySelector<HTMLButtonElement>('.wc-clip-button')!.click();
          }),
      ),
    );
  }
  await session.close();

  return {
    loadScriptMs: median(loads),
    softNavigationMs: median(softNavigation),
    clipAcknowledgedMs: median(acknowledged),
  };
}
