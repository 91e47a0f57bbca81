import { useId } from 'preact/hooks';
import type { LinkStyle } from '@/utils/model';
import { t } from '@/utils/i18n';

export interface LinkStyleFieldProps {
  value: LinkStyle;
  onChange: (value: LinkStyle) => void;
  /** A preset's choice is shown, never changed. */
  readOnly: boolean;
}

const CHOICES: readonly { value: LinkStyle; label: 'optionsLinksShorthand' | 'optionsLinksExpanded' }[] = [
  { value: 'shorthand', label: 'optionsLinksShorthand' },
  { value: 'expanded', label: 'optionsLinksExpanded' },
];

/** Whether the template keeps GitHub's shorthand references in clips or writes them out as full links. */
export function LinkStyleField({ value, onChange, readOnly }: LinkStyleFieldProps) {
  const name = useId();
  const hintId = useId();
  return (
    <fieldset class="choice" aria-describedby={hintId}>
      <legend class="label">{t('optionsLinks')}</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            disabled={readOnly && value !== choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>{t(choice.label)}</span>
        </label>
      ))}
      <p class="hint" id={hintId}>
        {t('optionsLinksHint')}
      </p>
    </fieldset>
  );
}
