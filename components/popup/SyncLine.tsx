import { sayText, t } from '@/utils/i18n';
import type { SyncStatus } from '@/utils/sync/service';

export interface SyncLineProps {
  status: SyncStatus;
  now: Date;
  onSyncNow: () => void;
  syncing: boolean;
}

/** "synced 2 min ago", in the user's language. */
function ago(then: string, now: Date): string {
  const minutes = Math.round((Date.parse(then) - now.getTime()) / 60_000);
  const format = new Intl.RelativeTimeFormat(navigator.language, { numeric: 'auto' });
  return Math.abs(minutes) < 60 ? format.format(minutes, 'minute') : format.format(Math.round(minutes / 60), 'hour');
}

/** The shared weekly's sync, as one line under the header: when it last synced, what waits, what failed. */
export function SyncLine({ status, now, onSyncNow, syncing }: SyncLineProps) {
  if (!status.where) return null;
  const parts = [
    status.state === 'off' ? t('popupSyncNeedsToken') : status.syncedAt ? t('popupSyncedAgo', ago(status.syncedAt, now)) : t('popupSyncNever'),
    ...(status.waiting > 0 ? [t('popupSyncWaiting', String(status.waiting))] : []),
  ];
  return (
    <div class={status.state === 'failed' ? 'sync-line failed' : 'sync-line'} aria-live="polite">
      <span title={status.where}>{parts.join(' · ')}</span>
      {status.state === 'failed' && status.error && <span class="sync-error">{sayText(status.error)}</span>}
      {status.state !== 'off' && (
        <button type="button" class="link" disabled={syncing} onClick={onSyncNow}>
          {syncing ? t('popupSyncing') : t('popupSyncNow')}
        </button>
      )}
    </div>
  );
}
