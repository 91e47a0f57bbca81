import { describe, expect, it } from 'vitest';
import { clipperLifetime, type InvalidatableContext } from '@/utils/page/lifetime';

/** A content script context that the test ends, as WXT does when it hears "a newer copy started". */
class FakeContext implements InvalidatableContext {
  private callbacks: (() => void)[] = [];
  onInvalidated(callback: () => void) {
    this.callbacks.push(callback);
  }
  invalidate() {
    for (const callback of this.callbacks) callback();
  }
}

describe('clipperLifetime', () => {
  it("keeps the clipper running when the page forges WXT's content-script-started event", () => {
    const first = new FakeContext();
    const renewed: FakeContext[] = [];
    const signal = clipperLifetime(
      first,
      () => true,
      () => renewed[renewed.push(new FakeContext()) - 1],
    );
    first.invalidate();
    renewed[0].invalidate();
    expect(signal.aborted).toBe(false);
    expect(renewed).toHaveLength(2);
  });

  it('stops the clipper once its extension is really gone (reloaded, updated or removed)', () => {
    const first = new FakeContext();
    let alive = true;
    const renewed: FakeContext[] = [];
    const signal = clipperLifetime(
      first,
      () => alive,
      () => renewed[renewed.push(new FakeContext()) - 1],
    );
    first.invalidate();
    alive = false;
    renewed[0].invalidate();
    expect(signal.aborted).toBe(true);
  });
});
