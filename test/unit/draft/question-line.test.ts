import { describe, expect, it } from 'vitest';
import { questionLine } from '@/utils/draft/question-line';

const title = 'Why pprof debug server do not support hot upgrade?';
const clipAsking = (markdown: string) => ({ title, question: { author: 'dengqian', url: 'https://github.com/mosn/mosn/issues/2203', markdown } });

describe('the question as the list shows it', () => {
  it('is the title when the question is the title', () => {
    expect(questionLine(clipAsking(title))).toBe(title);
  });

  it.each([
    ['an edited question', 'How do I hot upgrade the debug server?', 'How do I hot upgrade the debug server?'],
    ['only its first line', 'First line\nsecond line', 'First line'],
    ['past blank lines and block markers', '\n\n> ## 1. Why *not* `pprof`?', 'Why not pprof?'],
    ['a list item', '- [the docs](https://mosn.io) say **so**', 'the docs say so'],
    ['a code block', '```go\nfunc main() {}\n```', 'func main() {}'],
    ['escapes undone', '1\\. not a list \\*star\\* &lt;tag>', '1. not a list *star* <tag>'],
  ])('shows %s as plain text', (_what, markdown, shown) => {
    expect(questionLine(clipAsking(markdown))).toBe(shown);
  });

  it('falls back to the title when the question has no words', () => {
    expect(questionLine(clipAsking('\n> \n'))).toBe(title);
  });
});
