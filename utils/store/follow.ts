import type { ChangeFeed } from './changes';

export interface Following {
  /** Reads again, as after a change: a retry after a failed read. */
  refresh(): void;
  /**
   * Runs `then` right after the first `show` of a read that began after every change announced so
   * far (at once, when that is already shown), so what an action says appears with the view that
   * shows it. Dropped when that read fails: its failure is what the user hears instead.
   */
  whenShown(then: () => void): void;
  stop(): void;
}

/**
 * Keeps what `read` reads shown as the store changes: `first` (the read already under way, or a
 * new one), then a read after every change. One read runs at a time, and changes heard meanwhile
 * make one more, so a burst of writes costs two reads and the last one shown is the newest.
 */
export function followChanges<T>(
  changes: ChangeFeed,
  read: () => Promise<T>,
  show: (value: T) => void,
  fail: (error: unknown) => void,
  first: Promise<T> = read(),
): Following {
  /** Changes heard (a refresh counts as one), and how many of them the shown value includes. */
  let heard = 0;
  let shown = -1;
  let reading = false;
  let again = false;
  let stopped = false;
  let waiting: { upTo: number; then: () => void }[] = [];

  const settle = (upTo: number, succeeded: boolean) => {
    const due = waiting.filter((each) => each.upTo <= upTo);
    waiting = waiting.filter((each) => each.upTo > upTo);
    if (succeeded) due.forEach((each) => each.then());
  };

  const run = (next: Promise<T>) => {
    reading = true;
    const upTo = heard;
    next
      .then(
        (value) => {
          if (stopped) return;
          show(value);
          shown = upTo;
          settle(upTo, true);
        },
        (error: unknown) => {
          if (stopped) return;
          fail(error);
          settle(upTo, false);
        },
      )
      .finally(() => {
        reading = false;
        if (again && !stopped) {
          again = false;
          run(read());
        }
      });
  };

  const changed = () => {
    heard++;
    if (reading) again = true;
    else run(read());
  };

  const unsubscribe = changes.subscribe(changed);
  run(first);

  return {
    refresh: changed,
    whenShown(then) {
      if (!reading && shown === heard) return then();
      waiting.push({ upTo: heard, then });
      // The last read failed and nothing is reading: read now rather than wait for the next change.
      if (!reading) changed();
    },
    stop() {
      stopped = true;
      waiting = [];
      unsubscribe();
    },
  };
}
