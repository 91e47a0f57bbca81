import { describe, expect, it } from 'vitest';
import { findTemplate } from '@/utils/draft/presets';
import { renderDraft } from '@/utils/draft/render-draft';
import { compileTemplate } from '@/utils/draft/template';
import { DEFAULT_TEMPLATE_ID, type Draft, type DraftSettings } from '@/utils/model';
import { SEED_PROJECTS, seedClips } from '../../support/clips';

const draft: Draft = { id: 'd', title: 'Weekly digest', date: '2023-01-06', clipIds: [], intro: '' };
const clips = seedClips();
const digest = compileTemplate(findTemplate(DEFAULT_TEMPLATE_ID, []).source).render(draft, clips, { projects: SEED_PROJECTS });
const using = (source: string): DraftSettings => ({
  templateId: 'user-mine',
  userTemplates: [{ id: 'user-mine', name: 'Mine', source }],
  projects: SEED_PROJECTS,
});

describe('renderDraft', () => {
  it('renders the draft with the template in use and the project names', () => {
    expect(renderDraft(draft, clips, using('{% for clip in clips %}{{ clip.project.name }} #{{ clip.number }}\n{% endfor %}'))).toEqual({
      markdown: 'MOSN #2203\nSOFARPC #1290\n',
    });
  });

  it('renders with the default template when the one in use no longer exists', () => {
    expect(renderDraft(draft, clips, { ...using(''), templateId: 'user-deleted' })).toEqual({ markdown: digest });
  });

  it('shows a template that does not compile in the default template, saying why', () => {
    expect(renderDraft(draft, clips, using('{% if count %}'))).toEqual({
      markdown: digest,
      problem: { kind: 'error', template: 'Mine', message: 'Template error on line 1, column 1: tag {% if count %} not closed' },
    });
  });

  it('shows a template that fails on this draft in the default template, saying why', () => {
    expect(renderDraft(draft, clips, using('{% for i in (1..100000000) %}{{ i }}{% endfor %}'))).toEqual({
      markdown: digest,
      problem: { kind: 'error', template: 'Mine', message: 'Template error on line 1, column 1: memory alloc limit exceeded' },
    });
  });

  it('follows a template edited between renders', () => {
    expect(renderDraft(draft, clips, using('{{ count }}')).markdown).toBe('2');
    expect(renderDraft(draft, clips, using('{{ count }} clips')).markdown).toBe('2 clips');
    expect(renderDraft(draft, clips, using('{{ count }}')).markdown).toBe('2');
  });
});
