import { useState } from 'preact/hooks';
import { findTemplate, listTemplates, PRESETS } from '@/utils/draft/presets';
import { DEFAULT_TEMPLATE_ID, type Community, type TemplateDefinition } from '@/utils/model';
import { errorText, t } from '@/utils/i18n';
import { TemplateEditor, type EditableTemplate } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { Feedback } from '../Feedback';

export interface TemplatesSectionProps {
  userTemplates: readonly TemplateDefinition[];
  /** `settings.templateId`; may name a deleted template, which means the default preset. */
  templateId: string;
  onUse: (id: string) => Promise<void>;
  /** Saves a user template; resolves, once the settings show it, to the template as saved (with its id). */
  onSave: (template: EditableTemplate) => Promise<TemplateDefinition>;
  onRemove: (id: string) => Promise<void>;
  /** The community's fields, which previews print. */
  community?: Community;
}

/** What the editor shows: a saved template, or a new one (numbered, so each new one gets a fresh editor). */
type Opened = { kind: 'saved'; id: string } | { kind: 'new'; template: EditableTemplate; number: number };

const isPreset = (id: string) => PRESETS.some((preset) => preset.id === id);

/** Choosing the template in use, and writing templates with a live preview. */
export function TemplatesSection({ userTemplates, templateId, onUse, onSave, onRemove, community }: TemplatesSectionProps) {
  const templates = listTemplates(userTemplates);
  const inUse = findTemplate(templateId, userTemplates);
  const [opened, setOpened] = useState<Opened>({ kind: 'saved', id: inUse.id });
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  // A template deleted elsewhere (say, in another tab) leaves the editor on the one in use.
  const saved = opened.kind === 'saved' ? (templates.find(({ id }) => id === opened.id) ?? inUse) : undefined;

  const say = (message: string) => {
    setFailure('');
    setStatus(message);
  };

  const open = (next: Opened) => {
    say('');
    setOpened(next);
  };

  const startNew = (template: EditableTemplate) => open({ kind: 'new', template, number: opened.kind === 'new' ? opened.number + 1 : 0 });

  const use = (id: string) => {
    onUse(id).then(
      () => say(t('optionsTemplateNowInUse', findTemplate(id, userTemplates).name)),
      (error) => setFailure(errorText(error)),
    );
  };

  const save = async (template: EditableTemplate) => {
    const result = await onSave(template);
    setOpened({ kind: 'saved', id: result.id });
    say(t('optionsTemplateSaved', result.name));
  };

  const remove = async (template: TemplateDefinition) => {
    await onRemove(template.id);
    // Deleting the template in use puts the default preset in its place (removeUserTemplate). The
    // list deletes templates that are not open too: the editor then keeps what it shows.
    if (template.id === saved?.id) setOpened({ kind: 'saved', id: template.id === inUse.id ? DEFAULT_TEMPLATE_ID : inUse.id });
    say(t('optionsTemplateDeleted', template.name));
  };

  /** The list has no place of its own to say why a delete failed: the section's feedback says it. */
  const removeFromList = (template: TemplateDefinition) => remove(template).catch((error: unknown) => setFailure(errorText(error)));

  return (
    <section class="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('optionsTemplatesHeading')}</h2>
      <p class="hint">{t('optionsTemplatesHint')}</p>
      <div class="templates">
        <TemplateList
          templates={templates}
          isPreset={isPreset}
          inUse={inUse.id}
          open={saved?.id}
          onUse={use}
          onOpen={(id) => open({ kind: 'saved', id })}
          onNew={() => startNew({ name: t('optionsCopyName', inUse.name), source: inUse.source })}
          onRemove={removeFromList}
        />
        {saved ? (
          <TemplateEditor
            key={saved.id}
            template={saved}
            readOnly={isPreset(saved.id)}
            onSave={save}
            onDuplicate={startNew}
            onRemove={isPreset(saved.id) ? undefined : () => remove(saved)}
            community={community}
          />
        ) : (
          opened.kind === 'new' && (
            <TemplateEditor
              key={`new-${opened.number}`}
              template={opened.template}
              readOnly={false}
              onSave={save}
              onDuplicate={startNew}
              community={community}
            />
          )
        )}
      </div>
      <Feedback failure={failure} status={status} />
    </section>
  );
}
