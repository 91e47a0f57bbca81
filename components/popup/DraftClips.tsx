import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Clip } from '@/utils/model';
import type { ClipEdit } from '@/utils/store/clips';
import { ClipEditor } from './ClipEditor';
import { ClipRow, type ClipRowAction } from './ClipRow';
import type { SourceChanges } from './useSourceChanges';

/**
 * The most clips listed. An issue holds a few dozen; a draft that somehow holds thousands must not
 * freeze the popup building a row for each (30,000 rows took half a minute), and the first ones can
 * still be moved or removed.
 */
export const DRAFT_ROWS_SHOWN = 200;

export interface DraftClipsProps {
  clips: readonly Clip[];
  onAction: (action: ClipRowAction, clip: Clip, index: number) => void;
  /** Drag and drop: put the clip at `index`. */
  onMove: (clip: Clip, index: number) => void;
  onEdit: (clip: Clip, changes: ClipEdit) => void;
  /** The clips whose posts changed on GitHub since they were clipped. */
  sourceChanges?: SourceChanges;
  onTakeNewText?: (clip: Clip, overwriteEdit: boolean) => void;
}

/** The draft's clips in order: drag to reorder, or use the buttons (keyboard); edit one in place. */
export function DraftClips({ clips, onAction, onMove, onEdit, sourceChanges, onTakeNewText }: DraftClipsProps) {
  const [editing, setEditing] = useState<string>();
  const [dragged, setDragged] = useState<string>();
  const [over, setOver] = useState<number>();

  if (!clips.length) return <p class="empty">{t('popupDraftEmpty')}</p>;
  const unlisted = clips.length - DRAFT_ROWS_SHOWN;
  return (
    <>
      <ol class="clips" aria-describedby="drag-hint">
        {clips.slice(0, DRAFT_ROWS_SHOWN).map((clip, index) => (
          <li
            key={clip.id}
            class={`${over === index ? 'drop-target' : ''} ${dragged === clip.id ? 'dragging' : ''}`}
            draggable={editing !== clip.id}
            onDragStart={(event) => {
              event.dataTransfer?.setData('text/plain', clip.id);
              setDragged(clip.id);
            }}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(index);
            }}
            onDragLeave={() => setOver(undefined)}
            onDrop={(event) => {
              event.preventDefault();
              const moved = clips.find((each) => each.id === event.dataTransfer?.getData('text/plain'));
              setOver(undefined);
              setDragged(undefined);
              if (moved && moved.id !== clip.id) onMove(moved, index);
            }}
            onDragEnd={() => {
              setDragged(undefined);
              setOver(undefined);
            }}
          >
            <ClipRow
              clip={clip}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === clips.length - 1}
              sourceChange={sourceChanges?.get(clip.id)}
              onTakeNewText={onTakeNewText}
              onAction={(action) => (action === 'edit' ? setEditing(editing === clip.id ? undefined : clip.id) : onAction(action, clip, index))}
            />
            {editing === clip.id && (
              <ClipEditor
                clip={clip}
                onCancel={() => setEditing(undefined)}
                onSave={(changes) => {
                  setEditing(undefined);
                  onEdit(clip, changes);
                }}
              />
            )}
          </li>
        ))}
      </ol>
      {unlisted > 0 && <p class="muted small">{t('popupDraftMore', String(unlisted))}</p>}
    </>
  );
}
