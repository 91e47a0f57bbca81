import { useState } from 'preact/hooks';
import { questionLine } from '@/utils/draft/question-line';
import { t } from '@/utils/i18n';
import { editedByUser, type Clip, type Post } from '@/utils/model';
import type { SourceChange } from '@/utils/sources';

export type ClipRowAction = 'up' | 'down' | 'edit' | 'toInbox' | 'toDraft' | 'remove';

export interface ClipRowProps {
  clip: Clip;
  /** 1-based number in the draft; absent in the inbox. */
  position?: number;
  isFirst?: boolean;
  isLast?: boolean;
  onAction: (action: ClipRowAction, clip: Clip) => void;
  /** How the answer's post changed on GitHub since it was clipped, if it did. */
  sourceChange?: SourceChange['change'];
  /** Takes the answer's new text from GitHub; `overwriteEdit` once the user agreed to lose their edit. */
  onTakeNewText?: (clip: Clip, overwriteEdit: boolean) => void;
}

/** Which path made the answer's Markdown, and why the converter did when the source was wanted. */
function originNote(answer: Post | undefined): string | undefined {
  if (!answer?.origin) return undefined;
  if (answer.origin === 'source') return t('originSource');
  const reason = answer.converterReason;
  if (reason === 'selection') return t('originConverter_selection');
  if (reason === 'pending') return t('originConverter_pending');
  return reason && t('originConverter_fallback', t(`errorSource_${reason}`));
}

/** The mark of an answer whose post changed on GitHub, with "Take new text", which asks before replacing the user's edit. */
function SourceChangeNote({ clip, change, onTake }: { clip: Clip; change: SourceChange['change']; onTake?: (clip: Clip, overwriteEdit: boolean) => void }) {
  const [confirming, setConfirming] = useState(false);
  if (change === 'gone') return <span class="source-change">{t('sourceGone')}</span>;
  const name = `${clip.repo}#${clip.number}`;
  return (
    <span class="source-change" role="group" aria-label={t('sourceEdited')}>
      {confirming ? t('sourceConfirmOverwrite') : t('sourceEdited')}{' '}
      {confirming ? (
        <>
          <button type="button" class="link" onClick={() => (setConfirming(false), onTake?.(clip, true))}>
            {t('sourceReplaceEdit')}
          </button>{' '}
          <button type="button" class="link" onClick={() => setConfirming(false)}>
            {t('sourceKeepEdit')}
          </button>
        </>
      ) : (
        <button
          type="button"
          class="link"
          aria-label={t('sourceTakeNewLabel', name)}
          onClick={() => (clip.answer && editedByUser(clip.answer) ? setConfirming(true) : onTake?.(clip, false))}
        >
          {t('sourceTakeNew')}
        </button>
      )}
    </span>
  );
}

const icons: Record<ClipRowAction, string> = { up: '↑', down: '↓', edit: '✎', toInbox: '⇲', toDraft: '+', remove: '✕' };

/** One clip: what it is, and the buttons that act on it (each named for screen readers). */
export function ClipRow({ clip, position, isFirst, isLast, onAction, sourceChange, onTakeNewText }: ClipRowProps) {
  const name = `${clip.repo}#${clip.number}`;
  const origin = originNote(clip.answer);
  const actions: [ClipRowAction, string, boolean?][] =
    position === undefined
      ? [
          ['toDraft', t('popupToDraft', name)],
          ['remove', t('popupRemove', name)],
        ]
      : [
          ['up', t('popupMoveUp', name), isFirst],
          ['down', t('popupMoveDown', name), isLast],
          ['edit', t('popupEdit', name)],
          ['toInbox', t('popupToInbox', name)],
          ['remove', t('popupRemove', name)],
        ];
  return (
    <div class="clip">
      {position !== undefined && <span class="position">{position}.</span>}
      <div class="clip-main">
        {/* The question as the draft prints it (edited, or a selection), with the thread's title on hover. */}
        <a class="clip-title" href={clip.url} target="_blank" rel="noreferrer" title={clip.title}>
          {questionLine(clip)}
        </a>
        <span class="clip-meta">
          {name} · {clip.answer ? t('popupAnswerBy', clip.answer.author || '?') : t('popupNoAnswer')}
        </span>
        {origin && <span class="clip-origin">{origin}</span>}
        {sourceChange && <SourceChangeNote clip={clip} change={sourceChange} onTake={onTakeNewText} />}
      </div>
      <div class="clip-actions">
        {actions.map(([action, label, disabled]) => (
          <button
            key={action}
            type="button"
            class={`icon ${action}`}
            aria-label={label}
            title={label}
            disabled={disabled}
            onClick={() => onAction(action, clip)}
          >
            {icons[action]}
          </button>
        ))}
      </div>
    </div>
  );
}
