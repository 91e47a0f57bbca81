import { describe, expect, it } from 'vitest';
import { PRESETS } from '@/utils/draft/presets';
import { unknownVariables } from '@/utils/draft/template-variables';

describe('unknownVariables', () => {
  it('names a misspelt field with its line and column', () => {
    expect(unknownVariables('# {{ draft.title }}\n\n{{ draft.titel }}')).toEqual([{ name: 'draft.titel', line: 3, column: 4 }]);
  });

  it('names a variable no template gets, and a misspelt field of a clip inside the loop over the clips', () => {
    expect(unknownVariables('{{ drafts.title }}\n{% for entry in clips %}{{ entry.titel }} {{ entry.question.markdwn }}{% endfor %}')).toEqual([
      { name: 'drafts', line: 1, column: 4 },
      { name: 'entry.titel', line: 2, column: 28 },
      { name: 'entry.question.markdwn', line: 2, column: 46 },
    ]);
  });

  it('knows every field the presets use, any named part of the intro, list sizes, assigned names and the loop', () => {
    for (const preset of PRESETS) expect(unknownVariables(preset.source)).toEqual([]);
    const source = [
      '{{ draft.parts.anything }} {{ clips.size }} {{ clips.first.title }} {{ clips[0].labels.size }} {{ draft.title.size }}',
      '{% assign heading = draft.title %}{{ heading }} {% capture words %}x{% endcapture %}{{ words }}',
      '{% for clip in clips %}{{ forloop.index }} {{ clip.project.name }} {{ clip.note }} {{ clip.answer.author }}{% endfor %}',
      '{{ community.name }} {{ draft.outro }} {{ count }}',
    ].join('\n');
    expect(unknownVariables(source)).toEqual([]);
  });

  it('leaves a template that does not parse to its own error', () => {
    expect(unknownVariables('{{ draft.titel')).toEqual([]);
  });
});
