export interface DraftMarkdownProps {
  markdown: string;
  /** The field's name (the current draft's is "Draft Markdown", the UI contract's). */
  label: string;
  rows?: number;
  /** What the field is, in the user's language, where its label is the UI contract's English name. */
  title?: string;
}

/** Assembled Markdown, read-only: it is derived from the clips and the draft, never edited as a whole. */
export function DraftMarkdown({ markdown, label, rows = 12, title }: DraftMarkdownProps) {
  return (
    <label class="field">
      <span class="label">{label}</span>
      <textarea class="markdown" title={title} readOnly rows={rows} value={markdown} spellcheck={false} />
    </label>
  );
}
