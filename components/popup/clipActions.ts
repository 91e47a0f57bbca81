import { t } from '@/utils/i18n';
import type { Clip } from '@/utils/model';
import type { Store } from '@/utils/store';
import type { ClipEdit } from '@/utils/store/clips';
import type { ClipRowAction } from './ClipRow';
import type { createAct } from './useNotice';

/** What the clip rows' buttons, drag and drop and the editor do to the store, and what the popup says after. */
export function clipActions({ clips, drafts }: Pick<Store, 'clips' | 'drafts'>, act: ReturnType<typeof createAct>) {
  const nameOf = (clip: Clip) => `${clip.repo}#${clip.number}`;
  const place = (clip: Clip, index?: number) => act(() => drafts.place(clip.id, index));

  return {
    onAction(action: ClipRowAction, clip: Clip, index = 0) {
      const name = nameOf(clip);
      if (action === 'up' || action === 'down') return place(clip, action === 'up' ? index - 1 : index + 1);
      if (action === 'toDraft') return place(clip);
      if (action === 'toInbox') {
        return act(
          () => drafts.unplace(clip.id),
          (placement) => ({ message: t('popupMovedToInbox', name), undo: () => void place(clip, placement?.index) }),
        );
      }
      if (action === 'remove') {
        return act(
          () => clips.remove(clip.id),
          (removed) =>
            removed && {
              message: t('popupRemoved', name),
              undo: () =>
                void act(
                  () => clips.restore(removed),
                  () => ({ message: t('popupRestored', name) }),
                ),
            },
        );
      }
    },
    onMove: (clip: Clip, index: number) => place(clip, index),
    onEdit: (clip: Clip, changes: ClipEdit) =>
      act(
        () => clips.edit(clip.id, changes),
        () => ({ message: t('popupSaved', nameOf(clip)) }),
      ),
  };
}
