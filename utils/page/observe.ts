/** Called for each element that matches a watched selector, once per element and page. */
export type ElementHandler = (element: Element) => void;

export interface PageWatch {
  /** Elements to hand to `onElement` now and whenever one is added to the page. */
  selector: string;
  onElement: ElementHandler;
  /** Whether a page is one to watch at all: elsewhere added content is not even looked at. */
  watches: (url: URL) => boolean;
  /** Called after a mutation batch in which the URL changed (a soft navigation), before any new scan. */
  onNavigate?: (url: URL, watched: boolean) => void;
}

/**
 * One MutationObserver for the whole page: it finds late content (progressive timelines, "Load more")
 * and notices soft navigations (the URL changes along with the DOM), with no polling. On a page it
 * does not watch it only compares the URL, so the rest of the site costs next to nothing. Each
 * element is handled once per page; one the site keeps across a navigation is handled again.
 */
export function watchPage(root: Element, watch: PageWatch, signal: AbortSignal): void {
  let handled = new WeakSet<Element>();
  const visit = (element: Element) => {
    if (handled.has(element)) return;
    handled.add(element);
    watch.onElement(element);
  };
  const scan = (node: Element) => {
    if (node.matches(watch.selector)) visit(node);
    for (const element of node.querySelectorAll(watch.selector)) visit(element);
  };

  const location = root.ownerDocument.location;
  let url = location.href;
  let watched = watch.watches(new URL(url));
  const observer = new MutationObserver((records) => {
    if (location.href !== url) {
      url = location.href;
      watched = watch.watches(new URL(url));
      watch.onNavigate?.(new URL(url), watched);
      handled = new WeakSet();
      if (watched) scan(root);
      return;
    }
    if (!watched) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) scan(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  if (watched) scan(root);
}

/**
 * Calls `start` once, as soon as the page shows a thread: at once, or at the soft navigation that
 * brings one. Until then a mutation batch costs one comparison of the URL, and after it nothing.
 */
export function onFirstThread(root: Element, showsThread: (url: URL) => boolean, start: () => void, signal: AbortSignal): void {
  const location = root.ownerDocument.location;
  let url = location.href;
  if (showsThread(new URL(url))) return start();
  const observer = new MutationObserver(() => {
    if (location.href === url) return;
    url = location.href;
    if (!showsThread(new URL(url))) return;
    observer.disconnect();
    start();
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
