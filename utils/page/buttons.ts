const BUTTON_CLASS = 'wc-clip-button';

export type OnClip = (button: HTMLButtonElement, ranges: Range[]) => void;

export interface ClipButtonOptions {
  /** The accessible name, the same in every language (the UI contract's). */
  label: string;
  /** What the button does, in the user's language: its tooltip. */
  describe: () => string;
  /** The site's own button classes, so the button looks native. */
  look: string;
  onClip: OnClip;
}

const buttons = new WeakMap<Element, Pick<ClipButtonOptions, 'onClip'>>();

/** A copy of the selected ranges (several in Firefox), which later clicks cannot collapse. */
export function selectedRanges(selection: Selection | null): Range[] {
  if (!selection || selection.isCollapsed) return [];
  return Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index).cloneRange());
}

function clipButtonOf(event: Event): HTMLButtonElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLButtonElement>(`.${BUTTON_CLASS}`) : null;
}

/**
 * A few listeners for every clip button on the page, however long the thread: buttons only carry
 * their handler in a WeakMap. The selection is copied when the pointer goes down, because the click
 * may collapse it before `click` fires; a keyboard click reads it as it is. `onPress` hears a button
 * pressed, ahead of its click.
 */
export function listenForClips(document: Document, signal: AbortSignal, onPress?: () => void): void {
  let pressed: { button: Element; ranges: Range[] } | undefined;
  document.addEventListener(
    'pointerdown',
    (event) => {
      const button = clipButtonOf(event);
      pressed = button ? { button, ranges: selectedRanges(document.getSelection()) } : undefined;
      if (button) onPress?.();
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'click',
    (event) => {
      const button = clipButtonOf(event);
      const onClip = button && buttons.get(button)?.onClip;
      // Only the user clips: the page's own scripts can call button.click() or dispatch a forged click
      // to make the extension store text they planted. A mouse or keyboard press is trusted; those are not.
      if (!button || !onClip || !event.isTrusted) return;
      const ranges = pressed?.button === button ? pressed.ranges : selectedRanges(document.getSelection());
      pressed = undefined;
      onClip(button, ranges);
    },
    { signal },
  );
}

/** A native-looking button, put first in `container` unless one is there. */
export function mountClipButton(container: Element, { label, describe, look, onClip }: ClipButtonOptions): HTMLButtonElement | undefined {
  const present = container.firstElementChild;
  if (present?.classList.contains(BUTTON_CLASS)) {
    if (buttons.has(present)) return undefined;
    // Left by an older copy of the content script, whose handlers are gone.
    present.remove();
  }
  const button = container.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = `${BUTTON_CLASS} ${look}`;
  button.textContent = label;
  // Set with the button, not when first pointed at: a tooltip added under a resting pointer never shows.
  button.title = describe();
  buttons.set(button, { onClip });
  container.prepend(button);
  return button;
}

/** Removes every clip button below `root` (used when a soft navigation leaves the thread). */
export function removeClipButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll(`.${BUTTON_CLASS}`)) button.remove();
}
