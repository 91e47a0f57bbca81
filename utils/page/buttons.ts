const BUTTON_CLASS = 'wc-clip-button';

export type OnClip = (button: HTMLButtonElement, ranges: Range[]) => void;

export interface ClipButtonOptions {
  /** The accessible name, the same in every language (the UI contract's). */
  label: string;
  /** What the button does, in the user's language. */
  title: string;
  onClip: OnClip;
}

const handlers = new WeakMap<Element, OnClip>();

/** A copy of the selected ranges (several in Firefox), which later clicks cannot collapse. */
export function selectedRanges(selection: Selection | null): Range[] {
  if (!selection || selection.isCollapsed) return [];
  return Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index).cloneRange());
}

function clipButtonOf(event: Event): HTMLButtonElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLButtonElement>(`.${BUTTON_CLASS}`) : null;
}

/**
 * One pair of listeners for every clip button on the page, however long the thread: buttons only
 * carry their handler in a WeakMap. The selection is copied when the pointer goes down, because the
 * click may collapse it before `click` fires; a keyboard click reads it as it is.
 */
export function listenForClips(document: Document, signal: AbortSignal): void {
  let pressed: { button: Element; ranges: Range[] } | undefined;
  document.addEventListener(
    'pointerdown',
    (event) => {
      const button = clipButtonOf(event);
      pressed = button ? { button, ranges: selectedRanges(document.getSelection()) } : undefined;
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'click',
    (event) => {
      const button = clipButtonOf(event);
      const onClip = button && handlers.get(button);
      if (!button || !onClip) return;
      const ranges = pressed?.button === button ? pressed.ranges : selectedRanges(document.getSelection());
      pressed = undefined;
      onClip(button, ranges);
    },
    { signal },
  );
}

/**
 * A native-looking GitHub button, put first in `container` unless one is there. Primer's `btn` classes
 * are styled on every github.com page, classic or React, in every theme.
 */
export function mountClipButton(container: Element, { label, title, onClip }: ClipButtonOptions): HTMLButtonElement | undefined {
  if (container.firstElementChild?.classList.contains(BUTTON_CLASS)) return undefined;
  const button = container.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = `${BUTTON_CLASS} btn btn-sm`;
  button.textContent = label;
  button.title = title;
  handlers.set(button, onClip);
  container.prepend(button);
  return button;
}

/** Removes every clip button below `root` (used when a soft navigation leaves the thread). */
export function removeClipButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll(`.${BUTTON_CLASS}`)) button.remove();
}
