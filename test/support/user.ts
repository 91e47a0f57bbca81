/**
 * A click as the user's own mouse or keyboard makes it. happy-dom marks no event as trusted, and the
 * clip buttons ignore untrusted clicks (a page script's `button.click()`), so the test marks it.
 */
export function userClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}
