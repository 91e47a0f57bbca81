const STATUS_CLASS = 'wc-status';
const SUCCESS_VISIBLE_MS = 5000;

export type StatusKind = 'success' | 'error' | 'progress';

const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

/**
 * Says what happened in one polite live region (`role="status"`), fixed in a corner so it never moves
 * the page's layout. Soft navigations may replace <body>; the region is re-created when it is gone.
 * Successes fade after a few seconds; errors stay until the next message.
 */
export function showStatus(document: Document, message: string, kind: StatusKind): void {
  let region = document.querySelector<HTMLElement>(`.${STATUS_CLASS}`);
  if (!region) {
    region = document.createElement('div');
    region.className = STATUS_CLASS;
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  region.dataset.kind = kind;
  region.textContent = message;
  clearTimeout(timers.get(region));
  if (kind === 'success') {
    const shown = region;
    timers.set(
      shown,
      setTimeout(() => (shown.textContent = ''), SUCCESS_VISIBLE_MS),
    );
  }
}
