/** The text to show for a failure: our errors' messages are written for the user. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
