import { t } from '@/utils/i18n';
import type { TemplateDefinition } from '@/utils/model';

export interface TemplateSelectProps {
  templates: readonly TemplateDefinition[];
  selected: string;
  onSelect: (id: string) => void;
}

export function TemplateSelect({ templates, selected, onSelect }: TemplateSelectProps) {
  return (
    <label class="field">
      <span class="label">{t('popupTemplate')}</span>
      <select value={selected} title={t('popupTemplateTitle')} onChange={(event) => onSelect(event.currentTarget.value)}>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </select>
    </label>
  );
}
