import { afterEach, describe, expect, it, vi } from 'vitest';
import { handOver, importScript, loadOnce } from '@/utils/page/scripts';

const script = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

describe("the content script's parts imported apart from it", () => {
  afterEach(() => {
    for (const name of ['capture', 'clipper']) delete (globalThis as Record<symbol, unknown>)[Symbol.for(`weekly-clipper.${name}`)];
  });

  it('takes what the imported script handed over', async () => {
    const capture = await importScript('capture', script(`globalThis[Symbol.for('weekly-clipper.capture')] = { captureClip: () => 'captured' };`));
    expect((capture.captureClip as unknown as () => string)()).toBe('captured');
  });

  it('imports nothing once the script has run', async () => {
    const startClipper = vi.fn();
    handOver('clipper', { startClipper });
    expect((await importScript('clipper', script('throw new Error("imported again")'))).startClipper).toBe(startClipper);
  });

  it('says so when the script ran but handed nothing over', async () => {
    await expect(importScript('capture', script('export {};'))).rejects.toThrow('The script at data:text/javascript,export%20%7B%7D%3B did not start');
  });

  it('loads once for good, and again after a failure', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('not yet')).mockResolvedValue('loaded');
    const loaded = loadOnce(load);
    await expect(loaded()).rejects.toThrow('not yet');
    expect(await Promise.all([loaded(), loaded()])).toEqual(['loaded', 'loaded']);
    expect(await loaded()).toBe('loaded');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
