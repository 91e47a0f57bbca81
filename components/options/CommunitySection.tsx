import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/utils/i18n';
import { SOFASTACK_COMMUNITY, type Community } from '@/utils/model';
import type { MessageKey } from '@/utils/i18n';
import { Feedback } from '../Feedback';
import { TextField } from './TextField';

export interface CommunitySectionProps {
  /** The fields as saved. */
  saved: Community;
  onSave: (community: Community) => Promise<void>;
}

const NAMES: readonly (readonly [keyof Community, MessageKey])[] = [
  ['name', 'optionsCommunityName'],
  ['weekly', 'optionsCommunityWeekly'],
  ['link', 'optionsCommunityLink'],
];

const PARAGRAPHS: readonly (readonly [keyof Community, MessageKey, number])[] = [
  ['intro', 'optionsCommunityIntro', 8],
  ['issues', 'optionsCommunityIssues', 4],
  ['closing', 'optionsCommunityClosing', 4],
];

const same = (a: Community, b: Community) => (Object.keys(SOFASTACK_COMMUNITY) as (keyof Community)[]).every((key) => a[key] === b[key]);

/**
 * The community's name and standing paragraphs, which the SOFA Weekly preset (and any template)
 * prints every issue: another weekly sets its own here instead of forking the preset.
 */
export function CommunitySection({ saved, onSave }: CommunitySectionProps) {
  const [fields, setFields] = useState<Community>(saved);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  // A change saved elsewhere (another tab, a backup) replaces what the fields show.
  const shownSaved = useRef(saved);
  useEffect(() => {
    if (same(shownSaved.current, saved)) return;
    shownSaved.current = saved;
    setFields(saved);
  }, [saved]);

  const set = (key: keyof Community, value: string) => {
    setStatus('');
    setFields((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    setFailure('');
    try {
      await onSave(fields);
      setStatus(t('optionsCommunitySaved'));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section class="panel" aria-labelledby="community-heading">
      <h2 id="community-heading">{t('optionsCommunityHeading')}</h2>
      <p class="hint">{t('optionsCommunityHint')}</p>
      <form class="community" onSubmit={submit}>
        {NAMES.map(([key, label]) => (
          <TextField key={key} label={t(label)} value={fields[key]} type={key === 'link' ? 'url' : 'text'} onInput={(value) => set(key, value)} />
        ))}
        {PARAGRAPHS.map(([key, label, rows]) => (
          <label key={key} class="field">
            <span class="label">{t(label)}</span>
            <textarea class="code" rows={rows} value={fields[key]} spellcheck={false} onInput={(event) => set(key, event.currentTarget.value)} />
          </label>
        ))}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={same(fields, saved)}>
            {t('optionsSaveCommunity')}
          </button>
          <button type="button" class="btn" disabled={same(fields, SOFASTACK_COMMUNITY)} onClick={() => setFields({ ...SOFASTACK_COMMUNITY })}>
            {t('optionsResetCommunity')}
          </button>
        </div>
        <Feedback failure={failure} status={status} />
      </form>
    </section>
  );
}
