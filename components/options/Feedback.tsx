export interface FeedbackProps {
  failure?: string;
  status?: string;
}

/** A section's last outcome: a failure as an alert, anything else in its polite status line. */
export function Feedback({ failure, status }: FeedbackProps) {
  return (
    <>
      {failure && (
        <div class="flash flash-error" role="alert">
          {failure}
        </div>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </>
  );
}
