import { describe, expect, it } from 'vitest';
import { messageOf, type LocalizedText } from '@/utils/errors';
import { compileTemplate, TemplateError } from '@/utils/draft/template';
import { sayText } from '@/utils/i18n';
import type { Draft } from '@/utils/model';

const draft: Draft = { id: 'd1', title: 'Weekly digest', date: '2023-01-06', clipIds: [], intro: '' };

function failure(source: string): TemplateError {
  try {
    compileTemplate(source).render(draft, []);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('a template’s error in our words', () => {
  it.each([
    ['{% endfor %}', 'templateUnknownTag'],
    ['{% if count %}', 'templateTagNotClosed'],
    ['{{ draft.title', 'templateOutputNotClosed'],
    ['{% raw %}{{', 'templateRawNotClosed'],
    ['{{ draft.title | qoute }}', 'templateUnknownFilter'],
    ['{{ draft.title | append }}', 'templateFilterArguments'],
    ['{% for i in (1..100000000) %}{{ i }}{% endfor %}', 'templateMemoryLimit'],
    ['{% %}', 'templateTagNameMissing'],
    ['{% for clip in %}{% endfor %}', 'templateIllegalTag'],
    ['{{ }}', 'templateInvalidValue'],
    ['{{ draft.title | append: 1 2 }}', 'templateUnexpectedCharacter'],
    ['{{ draft.title | | }}', 'templateFilterNameMissing'],
    ['{{ draft.title | append "x" }}', 'templateFilterColonMissing'],
    ['{{ draft.title ] }}', 'templatePipeMissing'],
    ['{% if count %}{% else %}{% elsif count %}{% endif %}', 'templateElsifAfterElse'],
    ['{% if count %}{% else %}{% else %}{% endif %}', 'templateDuplicatedElse'],
    ['{{ (1..count }}', 'templateInvalidRange'],
    ['{% assign %}', 'templateVariableNameMissing'],
    ['{% assign title %}', 'templateEqualsMissing'],
    ['{{ clips[ }}', 'templateBracketNotClosed'],
    ['{% include "other" %}', 'templateTagUnavailable'],
    ['{% cycle %}', 'templateEngineSaid'],
  ])('names %j by %s, whose English is what the engine said', (source, key) => {
    const error = failure(source);
    const reason = error.substitutions.at(-1) as LocalizedText;
    expect(reason.key).toBe(key);
    expect(sayText(reason)).toBe(messageOf(error.cause).replace(/, line:\d+, col:\d+$/, ''));
  });
});
