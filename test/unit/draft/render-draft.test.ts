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

  describe('references in the clips', () => {
    const [first] = clips;
    const referring = [{ ...first!, answer: { ...first!.answer!, markdown: 'See #2204 and `#2204`.' } }];
    const answerOf = (settings: DraftSettings) => renderDraft(draft, referring, settings).markdown;
    const answers = '{% for clip in clips %}{{ clip.answer.markdown }}{% endfor %}';

    it('stay shorthand in a template that keeps them, and in one saved before there was a choice', () => {
      expect(answerOf(using(answers))).toBe('See #2204 and `#2204`.');
      expect(answerOf({ ...using(answers), userTemplates: [{ id: 'user-mine', name: 'Mine', source: answers, links: 'shorthand' }] })).toBe(
        'See #2204 and `#2204`.',
      );
      expect(answerOf({ ...using(''), templateId: DEFAULT_TEMPLATE_ID })).toContain('A：See #2204 and `#2204`.');
    });

    it('become full links in a template that expands them, leaving the stored clip as it was', () => {
      const expanding = { ...using(answers), userTemplates: [{ id: 'user-mine', name: 'Mine', source: answers, links: 'expanded' as const }] };
      expect(answerOf(expanding)).toBe('See [#2204](https://github.com/mosn/mosn/issues/2204) and `#2204`.');
      expect(referring[0]!.answer.markdown).toBe('See #2204 and `#2204`.');
    });
  });

  it('follows a template edited between renders', () => {
    expect(renderDraft(draft, clips, using('{{ count }}')).markdown).toBe('2');
    expect(renderDraft(draft, clips, using('{{ count }} clips')).markdown).toBe('2 clips');
    expect(renderDraft(draft, clips, using('{{ count }}')).markdown).toBe('2');
  });
});
