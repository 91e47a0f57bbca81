import { describe, expect, it, vi } from 'vitest';
import type { ChangeFeed, ChangeListener } from '@/utils/store/changes';
import { followChanges } from '@/utils/store/follow';

/** A feed the test announces on by hand. */
function manualFeed(): ChangeFeed & { announce(): void; listeners: Set<ChangeListener> } {
  const listeners = new Set<ChangeListener>();
  return {
    listeners,
    announce: () => listeners.forEach((listener) => listener({ stores: ['clips', 'drafts'] })),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads that the test answers one by one, in order. */
function manualReads() {
  const pending: { resolve: (value: number) => void; reject: (error: unknown) => void }[] = [];
  let value = 0;
  return {
    read: vi.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject }))),
    pending,
    answer: async () => {
      pending.shift()!.resolve(++value);
      await new Promise((settled) => setTimeout(settled));
    },
    refuse: async (error: Error) => {
      pending.shift()!.reject(error);
      await new Promise((settled) => setTimeout(settled));
    },
  };
}

describe('following the store', () => {
  it('shows the first read, then reads again after each change', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const show = vi.fn();
    followChanges(feed, reads.read, show, () => undefined);
    await reads.answer();
    expect(show).toHaveBeenLastCalledWith(1);
    feed.announce();
    await reads.answer();
    expect(show).toHaveBeenLastCalledWith(2);
    expect(reads.read).toHaveBeenCalledTimes(2);
  });

  it('reads once more for a burst of changes during a read, never two at a time', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const show = vi.fn();
    followChanges(feed, reads.read, show, () => undefined);
    feed.announce();
    feed.announce();
    feed.announce();
    expect(reads.pending).toHaveLength(1);
    await reads.answer();
    expect(reads.pending).toHaveLength(1);
    await reads.answer();
    expect(reads.pending).toHaveLength(0);
    expect(show.mock.calls).toEqual([[1], [2]]);
  });

  it('runs what waits for a change together with the read that shows it, and at once when shown already', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const events: string[] = [];
    const following = followChanges(
      feed,
      reads.read,
      (value) => events.push(`show ${value}`),
      () => undefined,
    );
    await reads.answer();
    following.whenShown(() => events.push('already shown'));
    feed.announce();
    following.whenShown(() => events.push('after the change'));
    expect(events).toEqual(['show 1', 'already shown']);
    await reads.answer();
    expect(events).toEqual(['show 1', 'already shown', 'show 2', 'after the change']);
  });

  it('does not take a read begun before a change for one that shows it', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const events: string[] = [];
    const following = followChanges(
      feed,
      reads.read,
      (value) => events.push(`show ${value}`),
      () => undefined,
    );
    feed.announce();
    following.whenShown(() => events.push('after the change'));
    await reads.answer();
    expect(events).toEqual(['show 1']);
    await reads.answer();
    expect(events).toEqual(['show 1', 'show 2', 'after the change']);
  });

  it('says why a read failed, drops what waited for it, and reads again on refresh', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const fail = vi.fn();
    const waited = vi.fn();
    const show = vi.fn();
    const following = followChanges(feed, reads.read, show, fail);
    following.whenShown(waited);
    await reads.refuse(new Error('blocked'));
    expect(fail).toHaveBeenCalledExactlyOnceWith(new Error('blocked'));
    expect(waited).not.toHaveBeenCalled();

    following.refresh();
    await reads.answer();
    expect(show).toHaveBeenCalledExactlyOnceWith(1);
    expect(waited).not.toHaveBeenCalled();
  });

  it('reads again for what waits after a failed read', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const following = followChanges(
      feed,
      reads.read,
      () => undefined,
      () => undefined,
    );
    await reads.refuse(new Error('blocked'));
    const waited = vi.fn();
    following.whenShown(waited);
    expect(reads.pending).toHaveLength(1);
    await reads.answer();
    expect(waited).toHaveBeenCalledOnce();
  });

  it('starts from a read already under way', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const show = vi.fn();
    followChanges(feed, reads.read, show, () => undefined, Promise.resolve(41));
    await new Promise((settled) => setTimeout(settled));
    expect(show).toHaveBeenCalledExactlyOnceWith(41);
    expect(reads.read).not.toHaveBeenCalled();
  });

  it('stops listening, showing and failing when stopped', async () => {
    const feed = manualFeed();
    const reads = manualReads();
    const show = vi.fn();
    const following = followChanges(feed, reads.read, show, () => undefined);
    following.stop();
    expect(feed.listeners.size).toBe(0);
    await reads.answer();
    expect(show).not.toHaveBeenCalled();
  });
});
