import { useState } from 'preact/hooks';
import { errorText } from '@/utils/i18n';

/** What the popup last did or failed to do, in its status line; an action that can be undone offers it. */
export interface Notice {
  message: string;
  failed?: boolean;
  undo?: () => void;
}

/** The popup's status line. A failure is said in the user's language (see `errorText`). */
export function useNotice() {
  const [notice, say] = useState<Notice>();
  const fail = (error: unknown) => say({ message: errorText(error), failed: true });
  return { notice, say, fail };
}

/**
 * Runs a change to the store and says what it did (`done`, from its result) once the view shows it:
 * the view follows the store's change feed, and `whenShown` waits for the read after this change.
 */
export function createAct(whenShown: (then: () => void) => void, { say, fail }: Pick<ReturnType<typeof useNotice>, 'say' | 'fail'>) {
  return async function act<T>(change: () => Promise<T>, done?: (result: T) => Notice | undefined): Promise<void> {
    say(undefined);
    try {
      const result = await change();
      if (done) whenShown(() => say(done(result)));
    } catch (error) {
      fail(error);
    }
  };
}
