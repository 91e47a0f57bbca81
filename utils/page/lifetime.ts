/** What the clipper needs of WXT's content script context: to hear when it ends. */
export interface InvalidatableContext {
  onInvalidated(callback: () => void): unknown;
}

/**
 * How long the clipper lives on a page. WXT ends a content script's context when a newer copy of the
 * script announces itself with a DOM event, and the page's own scripts can dispatch that event too
 * (the script announces its name to the page with postMessage). So an ended context counts only when
 * the extension behind this copy is really gone (reloaded, updated or removed), which a page cannot
 * fake; otherwise `renew` makes a fresh context, which listens for the next newer copy.
 */
export function clipperLifetime(context: InvalidatableContext, extensionAlive: () => boolean, renew: () => InvalidatableContext): AbortSignal {
  const lifetime = new AbortController();
  const follow = (current: InvalidatableContext) =>
    current.onInvalidated(() => {
      if (extensionAlive()) follow(renew());
      else lifetime.abort();
    });
  follow(context);
  return lifetime.signal;
}
