/** Called for each element that matches a watched selector, once per element. */
export type ElementHandler = (element: Element) => void;

export interface PageWatch {
  /** Elements to hand to `onElement` now and whenever one is added to the page. */
  selector: string;
  onElement: ElementHandler;
  /** Called after a mutation batch in which the URL changed (a soft navigation). */
  onNavigate?: (url: URL) => void;
}

/**
 * One MutationObserver for the whole page: it finds late content (progressive timelines, "Load more")
 * and notices soft navigations (the URL changes along with the DOM), with no polling. Each element is
 * handled once; an element GitHub re-renders is a new element and is handled again.
 */
export function watchPage(root: Element, watch: PageWatch, signal: AbortSignal): void {
  const handled = new WeakSet<Element>();
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
  const observer = new MutationObserver((records) => {
    if (location.href !== url) {
      url = location.href;
      watch.onNavigate?.(new URL(url));
    }
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) scan(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  scan(root);
}
