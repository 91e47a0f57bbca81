/** A DOM for the converter outside a browser: a happy-dom window as globals, unless one is there. */
import { Window } from 'happy-dom';

export function installDom(url = 'https://github.com/'): void {
  if (typeof globalThis.document !== 'undefined') return;
  const window = new Window({ url });
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    DOMParser: window.DOMParser,
    Node: window.Node,
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
}
