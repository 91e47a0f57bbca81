import type { ComponentChildren } from 'preact';
import './Feedback.css';

export interface FeedbackProps {
  /** What went wrong, as an alert: it interrupts, so only for what the user must hear now. */
  failure?: ComponentChildren;
  /** The alert's id, for the field it is about (`aria-describedby`). */
  failureId?: string;
  /**
   * The last outcome, in a polite live region. Left out where there is none to tell; otherwise
   * given even while empty, so the region is in the page before it speaks.
   */
  status?: ComponentChildren;
  /** The status tells of something that did not work (it is still said politely). */
  statusFailed?: boolean;
  /** Offered beside the status, such as the popup's Undo. */
  action?: ComponentChildren;
}

/** Every alert and status line of the popup and the options page. */
export function Feedback({ failure, failureId, status, statusFailed, action }: FeedbackProps) {
  return (
    <>
      {failure && (
        <div class="flash flash-error" role="alert" id={failureId}>
          {failure}
        </div>
      )}
      {status !== undefined && (
        <div class={statusFailed ? 'status failed' : 'status'} role="status">
          {status}
        </div>
      )}
      {action}
    </>
  );
}
