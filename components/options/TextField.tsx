import { useId } from 'preact/hooks';

export interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Why the value cannot be saved; shown under the field and read with it. */
  error?: string;
  /** A short explanation under the field. */
  hint?: string;
  placeholder?: string;
  readOnly?: boolean;
  type?: 'text' | 'url' | 'password';
}

/** A labelled one-line input whose hint and error a screen reader reads along with it. */
export function TextField({ label, value, onInput, error, hint, placeholder, readOnly, type = 'text' }: TextFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label class="label" for={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        type={type}
        value={value}
        placeholder={placeholder}
        readOnly={readOnly}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
