/**
 * The content script in Chromium, each figure against a reference measured in the same run.
 *
 * - Load: a 300-comment thread is loaded under a trace of the renderer's main thread, in CPU time
 *   (the thread's own clock), so time spent waiting for a core on a busy machine counts nowhere.
 *   The content script's time is what runs in its own file and in the scripts it imports
 *   (evaluation, observer callbacks, timers, promise continuations, and any layout they force); the
 *   rendering its buttons cause is the style, layout and paint after it first ran. A soft navigation
 *   from a page with no thread, the first time one brings a thread into a tab, is not timed here.
 *   The page's own load work is the rest of the main thread's tasks from
 *   navigation start: parsing, style, layout, paint of the thread itself. Both come from the same
 *   load; each load gives a ratio, and the median of the rounds' ratios is reported. The same HTML
 *   at a repository's URL (a github.com page that shows no thread) is loaded in between.
 * - Soft navigation: the thread's <body> is swapped for another thread's, as GitHub's Turbo does,
 *   and the time to the buttons is taken (wall clock, against the 100 ms limit); the reference is
 *   the same swap on the page without the extension, and the ratio is of the main thread's CPU
 *   time from the swap to the new thread laid out.
 * - Click to acknowledgement: a real (trusted) click on "Clip as answer" until the status says
 *   "Clipped to Weekly"; the reference is an empty message from the content script to the
 *   background and back, interleaved.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchBench, mainThreadMs, median, PLAIN_ORIGIN, type BenchBrowser } from './lib/chromium';
import { generatedThreadPage } from './thread-page';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const THREAD_PATH = '/mosn/mosn/issues/2203';
const OTHER_THREAD_PATH = '/mosn/mosn/issues/2204';
/** A repository's home: github.com, but no thread. */
const NO_THREAD_PATH = '/mosn/mosn';
/** A typical thread, for clicks: the hand-written fixture (two comments). */
const TYPICAL_PATH = '/mosn/mosn/issues/2210';

const GITHUB = 'https://github.com';
const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'blink.user_timing', 'v8'];
/** Two frames drawn, and the tasks queued behind them run. */
const FRAMES = 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 20))))';
/** A thread page's buttons, which come once the content script has imported the clipper (10 s at most: none is an error). */
const BUTTONS =
  "new Promise((done) => { const found = () => document.querySelector('.wc-clip-button'); if (found()) return done(); setTimeout(done, 10000); " +
  'new MutationObserver((_, observer) => { if (found()) { observer.disconnect(); done(); } }).observe(document, { childList: true, subtree: true }); })';

export interface LoadFigures {
  /** medians over the rounds */
  threadScriptMs: number;
  /** median over the loads where the content script ran after the page's first full layout */
  threadInducedMs: number;
  threadInducedLoads: number;
  threadPageMs: number;
  /** median of per-load ratios (both parts come from one load): script / page's own work, (script + induced) / page's own work */
  scriptShare: number;
  totalShare: number;
  noThreadScriptMs: number;
  noThreadInducedMs: number;
  noThreadInducedLoads: number;
  noThreadPageMs: number;
  noThreadShare: number;
  /** largest number of buttons and content-script callbacks seen on the page with no thread */
  noThreadButtons: number;
  noThreadCallbacks: number;
  rounds: number;
}

export interface PageBench {
  load: LoadFigures;
  /** wall-clock ms from the swap to buttons in the DOM (the 100 ms budget) */
  softNavigationMs: number;
  /** the same swap without the extension, until its mutations are observed (the swap alone) */
  bareSwapMs: number;
  /** main-thread CPU ms from the swap to the new thread laid out, with its buttons and without the extension */
  softNavigationCpuMs: number;
  bareSoftNavigationCpuMs: number;
  softNavigationRatio: number;
  clipAcknowledgedMs: number;
  emptyRoundTripMs: number;
  clipRatio: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread clock: start and duration of the CPU time the thread got */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; documentLoaderURL?: string }; fileName?: string; beginData?: { totalObjects?: number } };
}

interface LoadSample {
  busyMs: number;
  scriptMs: number;
  /** undefined when the content script ran before the page's first full layout */
  inducedMs?: number;
  callbacks: number;
}

/** Script work, attributed by the URL of the script that runs. */
const CONTENT_SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire', 'v8.run']);
/** Module evaluation, and the microtasks in which an imported script's promise continuations run. */
const IMPORTED_SCRIPT_EVENTS = new Set(['v8.compileModule', 'v8.evaluateModule', 'v8.produceModuleCache', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const RENDERING_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'HitTest']);

function unionMs(intervals: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [start, stop] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (start >= end) total += stop - start;
    else if (stop > end) total += stop - end;
    end = Math.max(end, stop);
  }
  return total / 1000;
}

/**
 * The main thread of the renderer that loaded `url`, from its navigation start on. The bench's own
 * probes (main-world scripts with no URL: the offline pages have no scripts of their own) are left
 * out of the page's work.
 */
function analyse(events: TraceEvent[], url: string, extensionOrigin: string): LoadSample {
  const navigation = events.find((event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === url);
  if (!navigation) throw new Error(`The trace has no navigation to ${url}`);
  const main = events.filter((event) => event.pid === navigation.pid && event.tid === navigation.tid && event.ph === 'X' && event.ts >= navigation.ts);
  // The thread's own clock where the platform has one: time the thread ran, not time it waited for
  // a core while the machine was busy elsewhere.
  const threadClock = main.every((event) => event.tts !== undefined && event.tdur !== undefined);
  const span = (event: TraceEvent): [number, number] => (threadClock ? [event.tts!, event.tts! + event.tdur!] : [event.ts, event.ts + (event.dur ?? 0)]);
  const urlOf = (event: TraceEvent) => event.args?.data?.url ?? event.args?.fileName ?? '';
  const scripts = main.filter((event) => CONTENT_SCRIPT_EVENTS.has(event.name));
  const named = scripts.filter((event) => urlOf(event).startsWith(extensionOrigin));
  const injectedAt = Math.min(...named.map((event) => event.ts));
  // What the content script imports (the clipper, on a thread page) runs in module evaluations and in
  // the promise continuations that start it, events that name no script. The pages run no script of
  // their own, so from the content script's start these are its work (the probes' own continuations,
  // a fraction of a millisecond, are counted with it: they can only overstate its share).
  const imported = main.filter(
    (event) => IMPORTED_SCRIPT_EVENTS.has(event.name) && event.ts >= injectedAt && (urlOf(event) === '' || urlOf(event).startsWith(extensionOrigin)),
  );
  const own = [...named, ...imported];
  const probes = scripts.filter((event) => urlOf(event) === '');
  const busyMs = unionMs(main.filter((event) => event.name === 'ThreadControllerImpl::RunTask').map(span)) - unionMs(probes.map(span));
  const scriptMs = unionMs(own.map(span));

  // The rendering after the content script first ran is the rendering its buttons cause, provided
  // the page had been laid out whole before it ran (a full layout of nearly all of its objects);
  // otherwise the page's own first layout would be counted, and the load tells nothing about it.
  const started = Math.min(...own.map((event) => event.ts));
  const layouts = main.filter((event) => event.name === 'Layout');
  const objects = Math.max(0, ...layouts.map((event) => event.args?.beginData?.totalObjects ?? 0));
  const laidOutBefore = layouts.some((event) => event.ts < started && (event.args?.beginData?.totalObjects ?? 0) >= 0.9 * objects);
  const inside = (ts: number) => own.some((event) => ts >= event.ts && ts < event.ts + (event.dur ?? 0));
  const inducedMs =
    own.length === 0
      ? 0
      : laidOutBefore
        ? unionMs(main.filter((event) => RENDERING_EVENTS.has(event.name) && event.ts > started && !inside(event.ts)).map(span))
        : undefined;
  return { busyMs, scriptMs, inducedMs, callbacks: own.filter((event) => event.name === 'FunctionCall' || event.name === 'TimerFire').length };
}

/**
 * Loads `url` in a new tab under a trace; resolves once the content script ran (if it runs), the
 * buttons are in (on a thread page: the clipper it imports puts them there), and two frames were
 * drawn after it, so the rendering of what it added is in the trace.
 */
async function tracedLoad(
  browser: BenchBrowser,
  url: string,
  withContentScript: boolean,
  showsThread: boolean,
): Promise<{ sample: LoadSample; buttons: number }> {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  const injected = new Promise<void>((done) =>
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (String(context.origin).startsWith('chrome-extension://')) done();
    }),
  );
  await cdp.send('Runtime.enable');
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] } });
  await page.goto(url, { waitUntil: 'load' });
  if (withContentScript) await injected;
  if (withContentScript && showsThread) await cdp.send('Runtime.evaluate', { expression: BUTTONS, awaitPromise: true });
  // A frame is drawn only when one is due: wait for two, straight through CDP (Playwright's own
  // helpers would run a large script in the page first).
  await cdp.send('Runtime.evaluate', { expression: FRAMES, awaitPromise: true });
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const buttons = await page.locator('.wc-clip-button').count();
  await page.close();
  return { sample: analyse(events, url, `chrome-extension://${browser.extensionId}/`), buttons };
}

async function benchLoad(browser: BenchBrowser, rounds: number): Promise<LoadFigures> {
  const variants = [
    { key: 'thread', url: GITHUB + THREAD_PATH, contentScript: true },
    { key: 'noThread', url: GITHUB + NO_THREAD_PATH, contentScript: true },
  ] as const;
  const samples: Record<(typeof variants)[number]['key'], LoadSample[]> = { thread: [], noThread: [] };
  let noThreadButtons = 0;
  // One load first, untimed: the browser's first load of a page and a content script costs more.
  await tracedLoad(browser, variants[0].url, true, true);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < variants.length; index++) {
      const variant = variants[(index + round) % variants.length];
      const { sample, buttons } = await tracedLoad(browser, variant.url, variant.contentScript, variant.key === 'thread');
      samples[variant.key].push(sample);
      if (process.env.BENCH_VERBOSE) console.log(`    load ${variant.key}: ${JSON.stringify({ ...sample, buttons })}`);
      if (variant.key === 'noThread') noThreadButtons = Math.max(noThreadButtons, buttons);
      if (variant.key === 'thread' && buttons === 0) throw new Error('The thread page got no buttons: is the extension built?');
    }
  }
  const known = (key: keyof typeof samples) => samples[key].filter((sample) => sample.inducedMs !== undefined) as Required<LoadSample>[];
  // A load whose induced rendering is unknown still gives the script's share: the page's own work
  // then leaves out the median rendering of the loads that do tell.
  const typicalInduced = { thread: median(known('thread').map((s) => s.inducedMs)) || 0, noThread: 0 };
  const pageOwn = (key: keyof typeof samples) => (sample: LoadSample) => sample.busyMs - sample.scriptMs - (sample.inducedMs ?? typicalInduced[key]);
  const pick = (key: keyof typeof samples, value: (sample: LoadSample) => number) => median(samples[key].map(value));
  const thread = pageOwn('thread');
  const noThread = pageOwn('noThread');
  return {
    threadScriptMs: pick('thread', (s) => s.scriptMs),
    threadInducedMs: typicalInduced.thread,
    threadInducedLoads: known('thread').length,
    threadPageMs: pick('thread', thread),
    scriptShare: pick('thread', (s) => s.scriptMs / thread(s)),
    totalShare: median(known('thread').map((s) => (s.scriptMs + s.inducedMs) / thread(s))),
    noThreadScriptMs: pick('noThread', (s) => s.scriptMs),
    noThreadInducedMs: median(known('noThread').map((s) => s.inducedMs)) || 0,
    noThreadInducedLoads: known('noThread').length,
    noThreadPageMs: pick('noThread', noThread),
    noThreadShare: pick('noThread', (s) => s.scriptMs / noThread(s)),
    noThreadButtons,
    noThreadCallbacks: Math.max(...samples.noThread.map((s) => s.callbacks)),
    rounds,
  };
}

interface SoftNavigation {
  /** wall-clock ms until a clip button is in the DOM (without buttons: until the swap is observed) */
  present: number;
  /** main-thread CPU ms from the swap to the new page laid out */
  cpu: number;
}

/**
 * Swaps the page's <body> for `html`'s and moves to `url`, as a soft navigation does (the new body
 * is parsed beforehand, outside the measure).
 */
async function softNavigate(page: Page, cdp: CDPSession, url: string, html: string, expectButtons: boolean): Promise<SoftNavigation> {
  await page.evaluate((nextHtml) => {
    (window as unknown as { nextBody: HTMLElement }).nextBody = document.adoptNode(new DOMParser().parseFromString(nextHtml, 'text/html').body);
    document.body.getBoundingClientRect();
  }, html);
  const before = await mainThreadMs(cdp);
  const present = await page.evaluate(
    ([nextUrl, buttons]) =>
      new Promise<number>((done) => {
        const started = performance.now();
        // Observers run in the order they were made: the content script's, from its start, runs
        // before this one, so a button it adds is there when this one looks.
        const observer = new MutationObserver(() => {
          if (buttons && !document.querySelector('.wc-clip-button')) return;
          observer.disconnect();
          const elapsed = performance.now() - started;
          document.body.getBoundingClientRect();
          done(elapsed);
        });
        observer.observe(document.documentElement, { childList: true, subtree: true });
        history.pushState({}, '', nextUrl);
        document.body.replaceWith((window as unknown as { nextBody: HTMLElement }).nextBody);
      }),
    [url, expectButtons] as const,
  );
  return { present, cpu: (await mainThreadMs(cdp)) - before };
}

async function benchSoftNavigation(browser: BenchBrowser, html: string, rounds: number) {
  const open = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return { page, cdp };
  };
  const withExtension = await open(GITHUB + THREAD_PATH);
  await withExtension.page.locator('.wc-clip-button').first().waitFor();
  const without = await open(PLAIN_ORIGIN + THREAD_PATH);
  const ours: SoftNavigation[] = [];
  const bare: SoftNavigation[] = [];
  for (let round = -2; round < rounds; round++) {
    const path = round % 2 ? THREAD_PATH : OTHER_THREAD_PATH;
    const runOurs = async () => {
      await withExtension.page.bringToFront();
      const times = await softNavigate(withExtension.page, withExtension.cdp, GITHUB + path, html, true);
      if (round >= 0) ours.push(times);
    };
    const runBare = async () => {
      await without.page.bringToFront();
      const times = await softNavigate(without.page, without.cdp, PLAIN_ORIGIN + path, html, false);
      if (round >= 0) bare.push(times);
    };
    if (round % 2) {
      await runOurs();
      await runBare();
    } else {
      await runBare();
      await runOurs();
    }
  }
  await withExtension.page.close();
  await without.page.close();
  const softNavigationCpuMs = median(ours.map((times) => times.cpu));
  const bareSoftNavigationCpuMs = median(bare.map((times) => times.cpu));
  return {
    softNavigationMs: median(ours.map((times) => times.present)),
    bareSwapMs: median(bare.map((times) => times.present)),
    softNavigationCpuMs,
    bareSoftNavigationCpuMs,
    softNavigationRatio: softNavigationCpuMs / bareSoftNavigationCpuMs,
  };
}

/** The content script's isolated world in the page's main frame. */
async function contentScriptWorld(cdp: CDPSession, extensionId: string): Promise<number> {
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((context) => context.origin === `chrome-extension://${extensionId}`);
  if (!world) throw new Error('The content script has no world in the page');
  return world.id;
}

async function benchClip(browser: BenchBrowser, rounds: number) {
  const page = await browser.newPage();
  await page.goto(GITHUB + TYPICAL_PATH);
  const button = page.getByRole('button', { name: 'Clip as answer' }).first();
  await button.waitFor();
  const cdp = await page.context().newCDPSession(page);
  const world = await contentScriptWorld(cdp, browser.extensionId);
  // Clicks are counted in the page; the observer writes each one's time under its number. No named
  // functions in here: tsx would wrap them in a helper the page does not have.
  await page.evaluate(() => {
    const state = window as unknown as {
      clicks: number;
      clickedAt?: number;
      before?: string | null;
      progress?: boolean;
      acknowledged: number[];
      onAcknowledged?: () => void;
    };
    state.clicks = 0;
    state.acknowledged = [];
    addEventListener(
      'click',
      () => {
        state.clicks++;
        state.clickedAt = performance.now();
        state.before = document.querySelector('[role="status"]')?.textContent;
        state.progress = false;
      },
      { capture: true },
    );
    new MutationObserver(() => {
      const status = document.querySelector<HTMLElement>('[role="status"]');
      if (state.clickedAt === undefined || !status) return;
      if (status.dataset.kind === 'progress') state.progress = true;
      else if (
        (state.progress || status.textContent !== state.before) &&
        status.dataset.kind === 'success' &&
        status.textContent?.startsWith('Clipped to Weekly')
      ) {
        state.acknowledged[state.clicks] = performance.now() - state.clickedAt;
        state.clickedAt = undefined;
        state.onAcknowledged?.();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await button.scrollIntoViewIfNeeded();
  const box = (await button.boundingBox())!;
  let clicked = 0;
  const click = async () => {
    // Resolves once the mouse button is up, so the page has counted the click.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    clicked++;
    const acknowledged = page.evaluate(
      (number) =>
        new Promise<number>((done) => {
          const state = window as unknown as { acknowledged: number[]; onAcknowledged?: () => void };
          state.onAcknowledged = () => state.acknowledged[number] !== undefined && done(state.acknowledged[number]);
          state.onAcknowledged();
        }),
      clicked,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error('No "Clipped to Weekly" within 10 s of a click')), 10_000);
    });
    try {
      return await Promise.race([acknowledged, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  const ping = async () => {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: world,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const started = performance.now();
        try { await chrome.runtime.sendMessage({ type: 'bench-ping' }); } catch {}
        return performance.now() - started;
      })()`,
    });
    return result.value as number;
  };
  const clicks: number[] = [];
  const pings: number[] = [];
  for (let round = -3; round < rounds; round++) {
    const order = round % 2 ? [click, ping] : [ping, click];
    for (const measure of order) {
      const elapsed = await measure();
      if (round >= 0) (measure === click ? clicks : pings).push(elapsed);
    }
  }
  await cdp.detach();
  await page.close();
  return {
    clipAcknowledgedMs: median(clicks),
    emptyRoundTripMs: median(pings),
    clipRatio: median(clicks) / median(pings),
  };
}

export interface PageBenchOptions {
  loadRounds?: number;
  rounds?: number;
}

export async function benchPage({ loadRounds = 7, rounds = 15 }: PageBenchOptions = {}): Promise<PageBench> {
  const html = generatedThreadPage(300);
  const browser = await launchBench();
  try {
    for (const path of [THREAD_PATH, OTHER_THREAD_PATH, NO_THREAD_PATH]) browser.servePage(GITHUB + path, html);
    // The fixture is issue 2203 of mosn/mosn: renumbered, so that it does not stand for the long thread.
    browser.servePage(GITHUB + TYPICAL_PATH, readFileSync(resolve('test/fixtures/github/react-issue.html'), 'utf8').replaceAll('2203', '2210'));
    const load = await benchLoad(browser, loadRounds);
    const soft = await benchSoftNavigation(browser, html, rounds);
    const clip = await benchClip(browser, rounds);
    return { load, ...soft, ...clip };
  } finally {
    await browser.close();
  }
}
