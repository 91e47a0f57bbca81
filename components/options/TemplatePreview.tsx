import { t } from '@/utils/i18n';
import { MarkdownPreview } from '../MarkdownPreview';

export interface TemplatePreviewProps {
  markdown: string;
}

/** A template's output for the sample draft: as GitHub shows it, and as Markdown. */
export function TemplatePreview({ markdown }: TemplatePreviewProps) {
  return (
    <div class="preview">
      <p class="hint">{t('optionsPreviewHint')}</p>
      <MarkdownPreview markdown={markdown} label={t('optionsPreviewRendered')} className="preview-rendered" />
      <label class="field">
        <span class="label">{t('optionsPreviewMarkdown')}</span>
        <textarea class="code" readOnly rows={12} value={markdown} spellcheck={false} />
      </label>
    </div>
  );
}
