import { describe, expect, it } from 'vitest';
import { splitFrontMatter, withoutFrontMatter } from '@/utils/draft/front-matter';

describe('front matter', () => {
  it('is the YAML between a first line --- and the next line --- or ...', () => {
    expect(splitFrontMatter('---\ntitle: "A"\ntags: ["B"]\n---\n\n## Body\n')).toEqual({ yaml: 'title: "A"\ntags: ["B"]\n', body: '\n## Body\n' });
    expect(splitFrontMatter('---\ntitle: A\n...\nBody')).toEqual({ yaml: 'title: A\n', body: 'Body' });
    expect(splitFrontMatter('---\n---\nBody')).toEqual({ yaml: '', body: 'Body' });
  });

  it('is only ever at the very start of the document', () => {
    expect(splitFrontMatter('# Title\n\n---\na: 1\n---\n').yaml).toBeUndefined();
    expect(splitFrontMatter('---\nno closing line').yaml).toBeUndefined();
  });

  it('is left out of a GitHub issue with the blank lines after it, and nothing else', () => {
    expect(withoutFrontMatter('---\ntitle: "A"\n---\n\n## SOFA WEEKLY\n\ntext\n')).toBe('## SOFA WEEKLY\n\ntext\n');
    expect(withoutFrontMatter('# Weekly digest\n\n---\n')).toBe('# Weekly digest\n\n---\n');
  });
});
