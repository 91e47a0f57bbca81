import { act, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTemplatePreview } from '@/components/options/useTemplatePreview';
import { DEFAULT_TEMPLATE_ID } from '@/utils/model';
import { TIME_LIMIT_MS, workerRenderer } from '@/utils/draft/renderer';
import { fakeWorkers } from './fake-worker';

describe("the options page's template preview, rendered in a worker", () => {
  let workers: ReturnType<typeof fakeWorkers>;

  beforeEach(() => {
    vi.useFakeTimers();
    workers = fakeWorkers();
  });
  afterEach(() => vi.useRealTimers());

  function preview(source: string) {
    const renderer = workerRenderer(workers.create);
    return renderHook(({ source }) => useTemplatePreview(source, { links: 'shorthand', renderer }), { initialProps: { source } });
  }

  it('is pending until the source has rendered, so it cannot be saved unchecked', () => {
    const { result } = preview('# {{ count }}');
    expect(result.current).toEqual({ markdown: '', error: undefined, warnings: [], pending: true });
    expect(workers.current.request.settings.userTemplates[0]?.source).toBe('# {{ count }}');
    act(() => workers.current.reply({ markdown: '# 2' }));
    expect(result.current).toEqual({ markdown: '# 2', error: undefined, warnings: [], pending: false });
  });

  it('keeps the last good output when a template runs out of time, and says it was stopped', () => {
    const { result, rerender } = preview('# {{ count }}');
    act(() => workers.current.reply({ markdown: '# 2' }));

    rerender({ source: '{{ (1..3000000) | where: "x", 1 }}' });
    expect(result.current).toEqual({ markdown: '# 2', error: undefined, warnings: [], pending: true });
    act(() => void vi.advanceTimersByTime(TIME_LIMIT_MS));
    expect(workers.made[0]!.terminated).toBe(true);
    // The default template the renderer falls back on is not this template's output.
    expect(workers.current.request.settings.templateId).toBe(DEFAULT_TEMPLATE_ID);
    act(() => workers.current.reply({ markdown: '# Weekly digest' }));
    expect(result.current).toEqual({ markdown: '# 2', error: 'This template took longer than 2 s to render and was stopped.', warnings: [], pending: false });

    rerender({ source: '# Fixed' });
    act(() => workers.current.reply({ markdown: '# Fixed' }));
    expect(result.current).toEqual({ markdown: '# Fixed', error: undefined, warnings: [], pending: false });
  });

  it('shows only the latest source while the user types', () => {
    const { result, rerender } = preview('#');
    rerender({ source: '# {' });
    rerender({ source: '# {{ count }}' });
    act(() => workers.current.reply({ markdown: '#' }));
    expect(result.current.pending).toBe(true);
    expect(result.current.markdown).toBe('');
    act(() => workers.current.reply({ markdown: '# 2' }));
    expect(result.current).toEqual({ markdown: '# 2', error: undefined, warnings: [], pending: false });
    expect(workers.current.received.map(({ request }) => request.settings.userTemplates[0]?.source)).toEqual(['#', '# {{ count }}']);
  });
});
