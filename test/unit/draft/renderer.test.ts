import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderDraft, type RenderedDraft } from '@/utils/draft/render-draft';
import { inThreadRenderer, startDraftRenderer, TIME_LIMIT_MS, workerRenderer, type DraftRequest } from '@/utils/draft/renderer';
import { SAMPLE_CLIPS, SAMPLE_DRAFT } from '@/utils/draft/sample';
import { DEFAULT_TEMPLATE_ID, type DraftSettings } from '@/utils/model';
import { fakeWorkers } from './fake-worker';

// The fake workers render nothing: what matters is the template's name, which problems give.
const slow = { id: 'user-slow', name: 'Slow', source: '# {{ draft.title }}' };
const settings: DraftSettings = { templateId: slow.id, userTemplates: [slow], projects: {} };
const request = (title: string, chosen: Partial<DraftSettings> = {}): DraftRequest => ({
  draft: { ...SAMPLE_DRAFT, title },
  clips: SAMPLE_CLIPS,
  settings: { ...settings, ...chosen },
});

describe('the worker renderer', () => {
  let workers: ReturnType<typeof fakeWorkers>;
  let delivered: RenderedDraft[];
  const deliver = (rendered: RenderedDraft) => void delivered.push(rendered);

  beforeEach(() => {
    vi.useFakeTimers();
    workers = fakeWorkers();
    delivered = [];
  });
  afterEach(() => vi.useRealTimers());

  it('starts its worker at once, so it loads while the page reads its data, and delivers what it renders', () => {
    const renderer = workerRenderer(workers.create);
    expect(workers.made).toHaveLength(1);
    renderer.render(request('One'), deliver);
    expect(workers.current.request).toEqual(request('One'));
    workers.current.reply({ markdown: '# One' });
    expect(delivered).toEqual([{ markdown: '# One' }]);
  });

  it('renders only the latest of the requests made while it was busy, and drops the result they superseded', () => {
    const renderer = workerRenderer(workers.create);
    renderer.render(request('O'), deliver);
    renderer.render(request('On'), deliver);
    renderer.render(request('One'), deliver);
    expect(workers.current.received.map(({ request }) => request.draft.title)).toEqual(['O']);

    workers.current.reply({ markdown: '# O' });
    expect(delivered).toEqual([]);
    expect(workers.current.received.map(({ request }) => request.draft.title)).toEqual(['O', 'One']);
    workers.current.reply({ markdown: '# One' });
    expect(delivered).toEqual([{ markdown: '# One' }]);
  });

  it('keeps requests of different lanes apart: a past issue is not superseded by the live draft', () => {
    const renderer = workerRenderer(workers.create);
    const past: RenderedDraft[] = [];
    renderer.render(request('Live'), deliver);
    renderer.render(request('Past'), (rendered) => past.push(rendered), 'history');
    workers.current.reply({ markdown: '# Live' });
    workers.current.reply({ markdown: '# Past' });
    expect([delivered, past]).toEqual([[{ markdown: '# Live' }], [{ markdown: '# Past' }]]);
  });

  it('stops a render that runs past the time limit, restarts the worker and shows the default template, saying why', () => {
    const renderer = workerRenderer(workers.create);
    renderer.render(request('Slow week'), deliver);
    const stopped = workers.current;
    vi.advanceTimersByTime(TIME_LIMIT_MS - 1);
    expect(stopped.terminated).toBe(false);

    vi.advanceTimersByTime(1);
    expect(stopped.terminated).toBe(true);
    expect(workers.made).toHaveLength(2);
    expect(workers.current.request).toEqual(request('Slow week', { templateId: DEFAULT_TEMPLATE_ID }));
    workers.current.reply({ markdown: '# Slow week, in the default template' });
    expect(delivered).toEqual([
      { markdown: '# Slow week, in the default template', problem: { kind: 'timeout', template: 'Slow', seconds: TIME_LIMIT_MS / 1000 } },
    ]);

    // What the stopped worker might still say is not listened to; the next render uses the new one.
    stopped.reply({ markdown: 'late' }, stopped.received[0]!.id);
    renderer.render(request('Quick week'), deliver);
    workers.current.reply({ markdown: '# Quick week' });
    expect(delivered.slice(1)).toEqual([{ markdown: '# Quick week' }]);
    expect(workers.made).toHaveLength(2);
  });

  it('goes straight to the latest request when the render that ran out of time was superseded', () => {
    const renderer = workerRenderer(workers.create);
    renderer.render(request('Slow week'), deliver);
    renderer.render(request('Slow week, edited'), deliver);
    vi.advanceTimersByTime(TIME_LIMIT_MS);
    expect(workers.current.received.map(({ request }) => request)).toEqual([request('Slow week, edited')]);
    workers.current.reply({ markdown: '# Edited' });
    expect(delivered).toEqual([{ markdown: '# Edited' }]);
  });

  it('gives an empty draft with the reason when the default template itself runs out of time', () => {
    const renderer = workerRenderer(workers.create, 1500);
    renderer.render(request('Huge', { templateId: DEFAULT_TEMPLATE_ID }), deliver);
    vi.advanceTimersByTime(1500);
    expect(delivered).toEqual([{ markdown: '', problem: { kind: 'timeout', template: 'Weekly digest', seconds: 1.5 } }]);
    expect(workers.made.flatMap((worker) => worker.received)).toHaveLength(1);
  });

  it('treats a worker that dies while rendering like one stopped: a new worker renders the default template', () => {
    const renderer = workerRenderer(workers.create);
    renderer.render(request('Week'), deliver);
    const dead = workers.current;
    dead.crash('out of memory');
    expect(dead.terminated).toBe(true);
    expect(workers.current).not.toBe(dead);
    workers.current.reply({ markdown: '# Week' });
    expect(delivered).toEqual([{ markdown: '# Week', problem: { kind: 'error', template: 'Slow', message: 'out of memory' } }]);
    vi.advanceTimersByTime(TIME_LIMIT_MS);
    expect(delivered).toHaveLength(1);
  });

  it('starts a new worker for the next render when one failed to load while idle', () => {
    const renderer = workerRenderer(workers.create);
    workers.current.crash('');
    expect(workers.made).toHaveLength(1);
    renderer.render(request('Week'), deliver);
    expect(workers.made).toHaveLength(2);
    workers.current.reply({ markdown: '# Week' });
    expect(delivered).toEqual([{ markdown: '# Week' }]);
  });
});

describe('the in-thread renderer', () => {
  it('renders the latest request of each lane once its renderer has loaded, then each request at once', async () => {
    let load: (render: typeof renderDraft) => void = () => {};
    const renderer = inThreadRenderer(new Promise((resolve) => (load = resolve)));
    const seen: string[] = [];
    const render: typeof renderDraft = (draft) => ({ markdown: `# ${draft.title}` });
    renderer.render(request('O'), ({ markdown }) => seen.push(markdown));
    renderer.render(request('One'), ({ markdown }) => seen.push(markdown));
    renderer.render(request('Past'), ({ markdown }) => seen.push(markdown), 'history');
    load(render);
    await Promise.resolve();
    expect(seen).toEqual(['# One', '# Past']);

    renderer.render(request('Two'), ({ markdown }) => seen.push(markdown));
    expect(seen.at(-1)).toBe('# Two');
  });

  it('is what a page without workers gets (here, happy-dom): renderDraft, bounded by Liquid’s own limits', async () => {
    expect(typeof Worker).toBe('undefined');
    const renderer = startDraftRenderer(async () => renderDraft);
    const rendered = await new Promise<RenderedDraft>((resolve) => renderer.render(request('Week', { templateId: DEFAULT_TEMPLATE_ID }), resolve));
    expect(rendered).toEqual(renderDraft({ ...SAMPLE_DRAFT, title: 'Week' }, SAMPLE_CLIPS, { ...settings, templateId: DEFAULT_TEMPLATE_ID }));
  });
});
