import { useState } from 'preact/hooks';
import { draftWarnings, type DraftWarning, type WarningInput } from '@/utils/draft/warnings';

/** An action held back until the user has seen its warnings. */
export interface Review {
  /** The button's name, for the list's heading. */
  action: string;
  warnings: DraftWarning[];
  goOn(): void;
  cancel(): void;
}

/**
 * "Warnings before it goes out": `check` runs an action at once when the issue has nothing to warn
 * of, and otherwise holds it as `review` until the user goes on or cancels. Either way focus goes
 * back to the button that asked, so a keyboard user carries on from where they were.
 */
export function useReview(onCancelled: (action: string) => void) {
  const [review, setReview] = useState<Review>();

  const check = (action: string, input: WarningInput, proceed: () => void) => {
    const warnings = draftWarnings(input);
    if (!warnings.length) return proceed();
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const close = () => {
      setReview(undefined);
      if (opener?.isConnected) opener.focus();
    };
    setReview({
      action,
      warnings,
      goOn() {
        close();
        proceed();
      },
      cancel() {
        close();
        onCancelled(action);
      },
    });
  };

  return { review, check };
}
