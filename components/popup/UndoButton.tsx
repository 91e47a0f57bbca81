import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';

/**
 * The notice's Undo. When what the user pressed is gone or disabled by what it did (the last clip's
 * Remove, Mark as sent once the draft is empty), focus would fall back to the page's start; it comes
 * here instead, so a keyboard user can undo at once and carry on.
 */
export function UndoButton({ onUndo }: { onUndo: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const focused = document.activeElement;
    // Chromium leaves focus on a button that became disabled, where keys do nothing.
    const lost = !focused || focused === document.body || !focused.isConnected || focused.matches(':disabled');
    if (lost) button.current?.focus();
  }, [onUndo]);
  return (
    <button ref={button} type="button" onClick={onUndo}>
      {t('popupUndo')}
    </button>
  );
}
