import { useLayoutEffect, useRef } from 'preact/hooks';
import type { DraftWarning } from '@/utils/draft/warnings';
import { sayText, t } from '@/utils/i18n';

export interface WarningsProps {
  /** The name of the button that asked: the contract's English name (`Mark as sent`, `Copy Markdown`, …). */
  action: string;
  warnings: readonly DraftWarning[];
  onGoOn: () => void;
  onCancel: () => void;
}

/**
 * What is probably a mistake in the issue about to go out, in the popup's footer beside the button
 * that asked: the user goes on anyway or cancels. Focus moves to Go on, so Enter goes on and Esc
 * cancels; the list is the dialog's description, read out with it.
 */
export function Warnings({ action, warnings, onGoOn, onCancel }: WarningsProps) {
  const goOn = useRef<HTMLButtonElement>(null);
  // Before the browser paints the list: an Enter pressed as soon as it shows reaches Go on, not the button that asked.
  useLayoutEffect(() => goOn.current?.focus(), []);
  return (
    <section
      class="warnings"
      role="alertdialog"
      aria-labelledby="warnings-title"
      aria-describedby="warnings-list"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="warnings-title">{t('popupWarningsTitle', action)}</h2>
      <ul id="warnings-list">
        {warnings.map((warning, index) => (
          <li key={index} class={`warning ${warning.kind}`}>
            {sayText(warning.text)}
          </li>
        ))}
      </ul>
      <div class="row">
        <button ref={goOn} type="button" class="primary" onClick={onGoOn}>
          {t('popupWarningsGoOn')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popupWarningsCancel')}
        </button>
        <span class="muted small">{t('popupWarningsHint')}</span>
      </div>
    </section>
  );
}
