import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_ID } from '@/utils/model';
import { SAMPLE_CLIPS, SAMPLE_DRAFT, SAMPLE_PROJECTS } from '@/utils/draft/sample';
import { TemplateError } from '@/utils/draft/template';
import { findTemplate, listTemplates } from '@/utils/draft/presets';
import { validateTemplate } from '@/utils/draft/templates';
import { getSetting, setSettings } from '@/utils/settings';
import { settingsApi } from '@/components/options/api';

// Saving goes through the options page's API, which checks a template (draft) before settings keep it.
const { saveUserTemplate, removeUserTemplate } = settingsApi;

const mine = { id: 'user-mine', name: 'Mine', source: '{{ count }} clips' };

describe('templates', () => {
  beforeEach(() => fakeBrowser.reset());

  it('offer the presets first, SOFA Weekly among them, then the user’s own', () => {
    expect(listTemplates([mine]).map((template) => template.name)).toEqual(['Weekly digest', 'SOFA Weekly', 'Mine']);
  });

  it('find the template in use, or the default preset when it is gone', () => {
    expect(findTemplate('sofa-weekly', []).name).toBe('SOFA Weekly');
    expect(findTemplate('user-mine', [mine])).toBe(mine);
    expect(findTemplate('user-deleted', [mine]).id).toBe(DEFAULT_TEMPLATE_ID);
  });

  it('every preset renders the sample draft without error', () => {
    for (const template of listTemplates([])) {
      expect(validateTemplate(template.source).render(SAMPLE_DRAFT, SAMPLE_CLIPS, { projects: SAMPLE_PROJECTS })).toContain('**1. @dengqian #2203**');
    }
  });

  it('are checked by rendering the sample, which catches errors that only show while rendering', () => {
    expect(() => validateTemplate('{% for clip in clips %}{{ clip.title | append }}{% endfor %}')).toThrow(TemplateError);
  });

  it("saves a user's template with a new id, and replaces it by id", async () => {
    const saved = await saveUserTemplate({ name: ' Short ', source: '{{ count }}' });
    expect(saved).toEqual({ id: expect.stringMatching(/^user-/), name: 'Short', source: '{{ count }}' });
    await saveUserTemplate({ ...saved, source: '{{ count }} clips' });
    expect(await getSetting('userTemplates')).toEqual([{ ...saved, source: '{{ count }} clips' }]);
  });

  it('keeps the last good version when an edit does not work, and says where it breaks', async () => {
    await saveUserTemplate(mine);
    await expect(saveUserTemplate({ ...mine, source: 'ok\n{% if count %}' })).rejects.toThrow(
      'Template error on line 2, column 1: tag {% if count %} not closed',
    );
    expect(await getSetting('userTemplates')).toEqual([mine]);
  });

  it('refuses to overwrite a preset or to save without a name', async () => {
    await expect(saveUserTemplate({ id: 'sofa-weekly', name: 'SOFA Weekly', source: '' })).rejects.toThrow('A preset cannot be changed');
    await expect(saveUserTemplate({ name: '  ', source: '' })).rejects.toThrow('Give the template a name.');
    expect(await getSetting('userTemplates')).toEqual([]);
  });

  it('go back to the default preset when the template in use is deleted', async () => {
    await saveUserTemplate(mine);
    await setSettings({ templateId: mine.id });
    await removeUserTemplate(mine.id);
    expect([await getSetting('userTemplates'), await getSetting('templateId')]).toEqual([[], DEFAULT_TEMPLATE_ID]);
  });

  it('keep the selection when another template is deleted', async () => {
    await saveUserTemplate(mine);
    await setSettings({ templateId: 'sofa-weekly' });
    await removeUserTemplate(mine.id);
    expect(await getSetting('templateId')).toBe('sofa-weekly');
  });
});
