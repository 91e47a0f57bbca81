import { describe, expect, it } from 'vitest';
import { md } from './helpers';

describe('lists', () => {
  it('writes bullets with `-` and a tight list without blank lines', () => {
    expect(md('<ul dir="auto">\n<li>one</li>\n<li>two</li>\n</ul>')).toBe('- one\n- two');
  });

  it('keeps the numbers of an ordered list, from its start', () => {
    expect(md('<ol start="4">\n<li>four</li>\n<li>five</li>\n</ol>')).toBe('4. four\n5. five');
  });

  it('separates the items of a loose list with blank lines', () => {
    expect(md('<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two</p>\n<p>more</p>\n</li>\n</ul>')).toBe('- one\n\n- two\n\n  more');
  });

  it('indents nested lists to the content of the item', () => {
    const html = '<ol>\n<li>a\n<ul>\n<li>b\n<ol start="10">\n<li>c</li>\n</ol>\n</li>\n</ul>\n</li>\n</ol>';
    expect(md(html)).toBe('1. a\n   - b\n     10. c');
  });

  it('writes GitHub task lists as [ ] and [x]', () => {
    const html =
      '<ul class="contains-task-list">\n' +
      '<li class="task-list-item"><input type="checkbox" id="" disabled="" class="task-list-item-checkbox" checked=""> done</li>\n' +
      '<li class="task-list-item"><input type="checkbox" id="" disabled="" class="task-list-item-checkbox"> todo</li>\n</ul>';
    expect(md(html)).toBe('- [x] done\n- [ ] todo');
  });

  it('writes the checkboxes of a loose task list', () => {
    const html =
      '<ol class="contains-task-list"><li class="task-list-item"><p><input type="checkbox" class="task-list-item-checkbox" disabled=""> first</p></li>' +
      '<li class="task-list-item"><p><input type="checkbox" class="task-list-item-checkbox" checked="" disabled=""> second</p></li></ol>';
    expect(md(html)).toBe('1. [ ] first\n\n2. [x] second');
  });

  it('writes an empty item as a bare marker', () => {
    expect(md('<ul><li>a</li><li></li><li>c</li></ul>')).toBe('- a\n-\n- c');
  });

  it('changes the marker of a list right after another, which Markdown would merge', () => {
    expect(md('<ul><li>a</li></ul><ul><li>b</li></ul>')).toBe('- a\n\n* b');
    expect(md('<ol><li>a</li></ol><ol start="2"><li>b</li></ol>')).toBe('1. a\n\n2) b');
  });

  it('keeps blocks of a tight item together', () => {
    expect(md('<ul><li>text<blockquote><p>quote</p></blockquote></li></ul>')).toBe('- text\n  > quote');
  });

  it('writes a rule inside an item so it cannot read as a rule of its own', () => {
    expect(md('<ul><li><hr></li></ul>')).toBe('- ***');
  });
});
