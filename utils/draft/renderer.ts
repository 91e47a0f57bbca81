/**
 * Rendering drafts where a template cannot block the page. Liquid's render limit is checked between
 * a template's tags, so one filter call over a huge value (`where` over a long range, `escape` of a
 * huge string) runs for as long as it takes. A dedicated worker renders instead, and is stopped when
 * a render runs past `TIME_LIMIT_MS`; the next render starts a new one.
 */
import { text } from '../errors';
import { findTemplate } from './presets';
import type { RenderedDraft, RenderProblem, renderDraft } from './render-draft';
import { DEFAULT_TEMPLATE_ID, type Clip, type Draft, type DraftSettings } from '../model';

/** How long one render may take before it is stopped. */
export const TIME_LIMIT_MS = 2000;

export interface DraftRequest {
  draft: Draft;
  clips: readonly Clip[];
  settings: DraftSettings;
}

/** What the page posts to the render worker, and what it answers. */
export interface RenderMessage {
  id: number;
  request: DraftRequest;
}
export interface RenderReply {
  id: number;
  rendered: RenderedDraft;
}

/** The part of a `Worker` the renderer uses, so tests can hand it a fake. */
export interface RenderWorker {
  postMessage(message: RenderMessage): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<RenderReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface DraftRenderer {
  /**
   * Renders `request` and hands the result to `deliver`, unless a later request on the same `lane`
   * came first: while the user types, only the latest draft matters, and an earlier one's result
   * is dropped. Lanes keep unrelated renders (the draft, a past issue) from superseding each other.
   * A template that fails or runs out of time gives way to the default, as in `renderDraft`.
   *
   * `deliver` may be called before `render` returns (when rendering in-thread).
   */
  render(request: DraftRequest, deliver: (rendered: RenderedDraft) => void, lane?: string): void;
}

interface Job {
  lane: string;
  request: DraftRequest;
  deliver: (rendered: RenderedDraft) => void;
}

/**
 * Renders one request at a time in a worker from `createWorker`, keeping only the latest waiting
 * request of each lane. A render that runs past `timeLimitMs`, or kills its worker, ends that
 * worker; the draft is then rendered with the default template, with the problem said.
 */
export function workerRenderer(createWorker: () => RenderWorker, timeLimitMs = TIME_LIMIT_MS): DraftRenderer {
  const waiting = new Map<string, Job>();
  let running: (Job & { id: number; timer: ReturnType<typeof setTimeout> }) | undefined;
  let worker: RenderWorker | undefined;
  let lastId = 0;

  function start(): RenderWorker {
    const started = createWorker();
    started.onmessage = ({ data }) => finish(data);
    // Its script failed to load, or it died (out of memory, say): what it was rendering is lost.
    started.onerror = (event) => {
      if (started === worker) stop((template) => ({ kind: 'error', template, message: event.message || text('renderStopped') }));
    };
    return started;
  }

  function next() {
    const job = waiting.values().next().value;
    if (running || !job) return;
    waiting.delete(job.lane);
    worker ??= start();
    const timer = setTimeout(() => stop((template) => ({ kind: 'timeout', template, seconds: timeLimitMs / 1000 })), timeLimitMs);
    running = { ...job, id: ++lastId, timer };
    worker.postMessage({ id: running.id, request: job.request });
  }

  function finish({ id, rendered }: RenderReply) {
    if (running?.id !== id) return;
    const job = running;
    clearTimeout(job.timer);
    running = undefined;
    if (!waiting.has(job.lane)) job.deliver(rendered);
    next();
  }

  /** Ends the worker; what it was rendering, unless superseded, gives way to the default template. */
  function stop(problem: (template: string) => RenderProblem) {
    worker?.terminate();
    worker = undefined;
    const job = running;
    running = undefined;
    if (job) {
      clearTimeout(job.timer);
      if (!waiting.has(job.lane)) recover(job, problem(templateOf(job.request).name));
    }
    next();
  }

  function recover(job: Job, problem: RenderProblem) {
    if (templateOf(job.request).id === DEFAULT_TEMPLATE_ID) {
      job.deliver({ markdown: '', problem });
      return;
    }
    waiting.set(job.lane, {
      lane: job.lane,
      request: { ...job.request, settings: { ...job.request.settings, templateId: DEFAULT_TEMPLATE_ID } },
      deliver: ({ markdown }) => job.deliver({ markdown, problem }),
    });
  }

  // Started at once, so the worker loads the template engine while the page reads its data.
  worker = start();
  return {
    render(request, deliver, lane = 'draft') {
      waiting.set(lane, { lane, request, deliver });
      next();
    },
  };
}

function templateOf({ settings }: DraftRequest) {
  return findTemplate(settings.templateId, settings.userTemplates);
}

/**
 * Renders on the page's own thread, once `load` gives the renderer, bounded only by Liquid's own
 * limits: for where no worker can be started.
 */
export function inThreadRenderer(load: Promise<typeof renderDraft>): DraftRenderer {
  let loaded: typeof renderDraft | undefined;
  const waiting = new Map<string, Job>();
  const run = (render: typeof renderDraft, { request: { draft, clips, settings }, deliver }: Job) => deliver(render(draft, clips, settings));
  void load.then((render) => {
    loaded = render;
    const jobs = [...waiting.values()];
    waiting.clear();
    for (const job of jobs) run(render, job);
  });
  return {
    render(request, deliver, lane = 'draft') {
      const job = { lane, request, deliver };
      if (loaded) run(loaded, job);
      else waiting.set(lane, job);
    },
  };
}

function spawnWorker(): RenderWorker {
  return new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * A page's draft renderer: a worker when the page can start one (extension pages can, from their
 * own origin). Without `Worker` (a service worker, or the unit tests' happy-dom) drafts render
 * in-thread with what `loadInThread` gives; it is called only then, so a page that has a worker
 * does not load the template engine itself.
 */
export function startDraftRenderer(
  loadInThread: () => Promise<typeof renderDraft>,
  createWorker: (() => RenderWorker) | undefined = typeof Worker === 'function' ? spawnWorker : undefined,
): DraftRenderer {
  return createWorker ? workerRenderer(createWorker) : inThreadRenderer(loadInThread());
}
