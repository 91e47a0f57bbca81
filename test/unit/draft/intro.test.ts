import { describe, expect, it } from 'vitest';
import { splitIntro } from '@/utils/draft/intro';

describe('splitIntro', () => {
  it('gives an intro without parts as its text', () => {
    expect(splitIntro('\nThis week we answered two questions.\n\nThanks!\n')).toEqual({ text: 'This week we answered two questions.\n\nThanks!', parts: {} });
  });

  it('splits named parts off at comment lines, each running to the next', () => {
    const intro = ['A note.', '<!-- cover -->', 'https://x/cover.png', '', '<!-- reading -->', '', '[One](https://x/1)', '', '[Two](https://x/2)', ''].join(
      '\n',
    );
    expect(splitIntro(intro)).toEqual({ text: 'A note.', parts: { cover: 'https://x/cover.png', reading: '[One](https://x/1)\n\n[Two](https://x/2)' } });
  });

  it('accepts spaces inside and after the comment, and names with digits, dashes and underscores', () => {
    expect(splitIntro('<!--week-2_pic   -->  \npic').parts).toEqual({ 'week-2_pic': 'pic' });
  });

  it('leaves comments that are not alone on their line, or not a plain name, in the text', () => {
    const intro = 'Text <!-- cover --> more\n<!-- a longer remark -->\n<!-- 2cover -->';
    expect(splitIntro(intro)).toEqual({ text: intro, parts: {} });
  });

  it("keeps the first line's indentation, which may open a code block", () => {
    expect(splitIntro('<!-- code -->\n\n    indented code\n').parts.code).toBe('    indented code');
  });

  it('joins two parts of the same name as paragraphs', () => {
    expect(splitIntro('<!-- reading -->\nOne\n<!-- reading -->\nTwo').parts.reading).toBe('One\n\nTwo');
  });
});
