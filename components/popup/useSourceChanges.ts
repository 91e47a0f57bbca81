import { useEffect, useState } from 'preact/hooks';
import type { Clip } from '@/utils/model';
import type { SourceChange } from '@/utils/sources';

/** What the popup asks the background, which talks to GitHub. */
export interface SourceApi {
  /** Which of these clips' posts were edited or are gone on GitHub since they were clipped. */
  check(clipIds: string[]): Promise<SourceChange[]>;
  /** The clip's answer takes its post's current text; `overwriteEdit` when the user agreed to lose theirs. */
  take(clipId: string, overwriteEdit: boolean): Promise<Clip>;
}

export type SourceChanges = ReadonlyMap<string, SourceChange['change']>;

const NONE: SourceChanges = new Map();

/**
 * The clips whose posts changed on GitHub, checked when the popup shows them (a new clip among them
 * too) and again whenever `check` is called (before an export). Checking is a courtesy: a failure
 * (offline, the background asleep) leaves the marks as they were.
 */
export function useSourceChanges(sources: SourceApi | undefined, clipIds: readonly string[] | undefined) {
  const [changes, setChanges] = useState<SourceChanges>(NONE);
  const key = clipIds && [...clipIds].sort().join('\n');

  const check = async () => {
    if (!sources || !clipIds?.length) return;
    try {
      const found = await sources.check([...clipIds]);
      setChanges(new Map(found.map(({ clipId, change }) => [clipId, change])));
    } catch {
      // Left as they were: the next check tries again.
    }
  };

  useEffect(() => void check(), [sources, key]);

  return {
    changes,
    check,
    /** Forgets the mark of a clip that took its new text. */
    taken(clipId: string) {
      setChanges((current) => new Map([...current].filter(([id]) => id !== clipId)));
    },
  };
}
