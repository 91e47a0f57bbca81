import { t } from '@/utils/i18n';

export interface IssueFrontMatterProps {
  /** Whether "Open as GitHub issue" keeps the draft's front matter. */
  included: boolean;
  onChange: (included: boolean) => void;
}

/** Beside "Open as GitHub issue", for a template that writes front matter: keep it in the issue or not. */
export function IssueFrontMatter({ included, onChange }: IssueFrontMatterProps) {
  return (
    <label class="inline-check" title={t('popupIssueFrontMatterTitle')}>
      <input type="checkbox" checked={included} onChange={(event) => onChange(event.currentTarget.checked)} />
      {t('popupIssueFrontMatter')}
    </label>
  );
}
