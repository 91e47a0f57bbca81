export interface DraftMarkdownProps {
  markdown: string;
  /** The field's name (the current draft's is "Draft Markdown", the UI contract's). */
  label: string;
  rows?: number;
}

/** Assembled Markdown, read-only: it is derived from the clips and the draft, never edited as a whole. */
export function DraftMarkdown({ markdown, label, rows = 12 }: DraftMarkdownProps) {
  return (
    <label class="field">
      <span class="label">{label}</span>
      <textarea class="markdown" readOnly rows={rows} value={markdown} spellcheck={false} />
    </label>
  );
}
