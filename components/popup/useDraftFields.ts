import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Draft } from '@/utils/model';
import type { DraftChanges, DraftStore } from '@/utils/store/drafts';

/** Debounce for saving the draft's fields while the user types. */
const SAVE_AFTER_MS = 400;

/**
 * The draft's title, date and intro as typed: the Markdown follows them at once, the database a
 * moment later, or when a field is left, or when the popup closes. Typed fields belong to one
 * draft: after "Mark as sent" the next one starts with its own.
 */
export function useDraftFields(saved: Draft | undefined, drafts: Pick<DraftStore, 'update'>, fail: (error: unknown) => void) {
  const [edits, setEdits] = useState<{ draftId?: string; changes: DraftChanges }>({ changes: {} });
  const unsaved = useRef<DraftChanges>({});
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();

  const save = useCallback(() => {
    clearTimeout(saveTimer.current);
    const changes = unsaved.current;
    unsaved.current = {};
    if (Object.keys(changes).length) drafts.update(changes).catch(fail);
  }, [drafts]);

  const edit = (changes: DraftChanges) => {
    setEdits((current) => ({ draftId: saved?.id, changes: { ...(current.draftId === saved?.id ? current.changes : {}), ...changes } }));
    unsaved.current = { ...unsaved.current, ...changes };
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(save, SAVE_AFTER_MS);
  };

  // Closing the popup must not lose what was typed last.
  useEffect(() => {
    addEventListener('pagehide', save);
    return () => removeEventListener('pagehide', save);
  }, [save]);

  const draft = useMemo(() => saved && { ...saved, ...(edits.draftId === saved.id ? edits.changes : {}) }, [saved, edits]);
  return { draft, edit, save };
}
