import { questionLine } from '@/utils/draft/question-line';
import { t } from '@/utils/i18n';
import type { Clip, IssueRef } from '@/utils/model';

export type ClipRowAction = 'up' | 'down' | 'edit' | 'toInbox' | 'toDraft' | 'remove';

export interface ClipRowProps {
  clip: Clip;
  /** 1-based number in the draft; absent in the inbox. */
  position?: number;
  isFirst?: boolean;
  isLast?: boolean;
  /** The latest sent issue the thread was in: this clip may repeat it. */
  sentIn?: IssueRef;
  onAction: (action: ClipRowAction, clip: Clip) => void;
}

const icons: Record<ClipRowAction, string> = { up: '↑', down: '↓', edit: '✎', toInbox: '⇲', toDraft: '+', remove: '✕' };

/** One clip: what it is, and the buttons that act on it (each named for screen readers). */
export function ClipRow({ clip, position, isFirst, isLast, sentIn, onAction }: ClipRowProps) {
  const name = `${clip.repo}#${clip.number}`;
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
          {sentIn && (
            <>
              {' · '}
              <span class="already-sent">{t('popupAlreadySent', sentIn.date)}</span>
            </>
          )}
        </span>
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
