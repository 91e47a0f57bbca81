import { afterEach, describe, expect, it } from 'vitest';
import { importCapture, publishCapture } from '@/utils/capture/handoff';

const HANDOFF = Symbol.for('weekly-clipper.capture');
const script = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

describe("the converter's hand-over to the content script", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[HANDOFF];
  });

  it('takes what the imported script published', async () => {
    const module = await importCapture(script(`globalThis[Symbol.for('weekly-clipper.capture')] = { captureClip: () => 'captured' };`));
    expect((module.captureClip as unknown as () => string)()).toBe('captured');
  });

  it('imports nothing once the converter is there', async () => {
    const captureClip = () => {
      throw new Error('not called');
    };
    publishCapture({ captureClip });
    expect((await importCapture(script('throw new Error("imported again")'))).captureClip).toBe(captureClip);
  });

  it('says so when the script ran but published nothing', async () => {
    await expect(importCapture(script('export {};'))).rejects.toThrow('The converter at data:text/javascript,export%20%7B%7D%3B did not start');
  });
});
