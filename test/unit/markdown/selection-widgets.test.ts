import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlToMarkdown, selectionToMarkdown } from '../../../utils/markdown';
import { textNode, textRange } from './helpers';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

const THREAD = 'https://github.com/octo/repo/pull/12';
const PAGE = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/markdown/widgets-review-comment.html'), 'utf8');

let page: HTMLElement;
let body: Element;

beforeEach(() => {
  page = document.createElement('div');
  page.innerHTML = PAGE;
  document.body.appendChild(page);
  body = page.querySelector('.markdown-body') as Element;
});

afterEach(() => {
  page.remove();
});

const convert = (...ranges: Range[]) => selectionToMarkdown(ranges, { baseUrl: THREAD, dialect: githubMarkdown });

function widget(selector: string): Element {
  const el = body.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

/** The range Firefox makes for a table cell it selects: the cell, as a child of its row. */
function cellRange(cell: Element): Range {
  const row = cell.parentElement as Element;
  const index = Array.prototype.indexOf.call(row.childNodes, cell);
  const range = document.createRange();
  range.setStart(row, index);
  range.setEnd(row, index + 1);
  return range;
}

describe('a selection inside a suggested change', () => {
  const suggestion = () => widget('.js-suggested-changes-blob');

  it('turns a selected line of a suggested change into a suggestion fence', () => {
    expect(convert(textRange(suggestion(), 'Lucy', 'Lucy'))).toBe('```suggestion\n  name: Lucy\n```');
  });

  it('takes the whole of every suggested line the selection touches', () => {
    expect(convert(textRange(suggestion(), 'ucy', '4'))).toBe('```suggestion\n  name: Lucy\n  age: 4\n```');
  });

  it('takes one line for a triple click, which ends where the next line starts', () => {
    const cells = suggestion().querySelectorAll('td.blob-code-addition');
    const line = document.createRange();
    line.setStart(cells[0] as Element, 0);
    line.setEnd(cells[1] as Element, 0);
    expect(convert(line)).toBe('```suggestion\n  name: Lucy\n```');
  });

  it('stands for the whole suggestion when only removed lines or its header are selected', () => {
    const whole = '```suggestion\n  name: Lucy\n  age: 4\n```';
    expect(convert(textRange(suggestion(), 'Kitt', '3'))).toBe(whole);
    expect(convert(textRange(suggestion(), 'Suggested', 'change'))).toBe(whole);
  });

  it('keeps the suggested lines of a selection that starts in the text before it', () => {
    expect(convert(textRange(body, 'bump', 'Lucy'))).toBe('bump its age:\n\n```suggestion\n  name: Lucy\n```');
  });

  it('writes the suggestion of a whole comment as a suggestion fence', () => {
    expect(htmlToMarkdown(body, { baseUrl: THREAD, dialect: githubMarkdown })).toContain(
      'Rename the pet and bump its age:\n\n```suggestion\n  name: Lucy\n  age: 4\n```\n\nThe same change as a patch:',
    );
  });
});

describe('a selection inside a diff block', () => {
  const diff = () => widget('.highlight-source-diff');

  it('turns selected lines of a diff into a diff fence of those whole lines', () => {
    expect(convert(textRange(diff(), 'age: 3', 'name: Lucy'))).toBe('```diff\n-  age: 3\n+  name: Lucy\n```');
  });

  it('keeps the marker of a line selected from its middle', () => {
    expect(convert(textRange(diff(), 'Lucy', 'Lucy'))).toBe('```diff\n+  name: Lucy\n```');
  });

  it('leaves out a line the drag only starts at the end of', () => {
    const range = textRange(diff(), 'Kitt', 'age: 3');
    // The newline that ends the "Kitt" line is a text node of its own, between the lines' spans.
    range.setStart(textNode(diff(), 'Kitt').parentNode?.nextSibling as Text, 0);
    expect(convert(range)).toBe('```diff\n-  age: 3\n```');
  });
});

describe('a selection inside an embedded code permalink', () => {
  const embed = () => widget('.Box');

  it('turns selected code into a block in the language of the file, without line numbers', () => {
    expect(convert(textRange(embed(), 'data', 'decode'))).toBe('```go\ndata, err := os.ReadFile(path)\n\treturn decode\n```');
  });

  it('takes whole lines selected across their rows, without the padding GitHub adds', () => {
    const rows = embed().querySelectorAll('tr');
    const range = document.createRange();
    range.setStart(rows[0] as Element, 0);
    range.setEnd(rows[2] as Element, (rows[2] as Element).childNodes.length);
    expect(convert(range)).toBe('```go\nfunc Load(path string) (Pet, error) {\n\tdata, err := os.ReadFile(path)\n\treturn decode(data, err)\n```');
  });

  it('stands for its permalink when only its header is selected', () => {
    expect(convert(textRange(embed(), 'Lines', 'in'))).toBe(
      'https://github.com/octo/repo/blob/4b825dc642cb6eb9a060e54bf8d69288fbee4904/pkg/pets/load.go#L10-L12',
    );
  });

  it('keeps the permalink of a whole comment, for GitHub to embed again', () => {
    expect(htmlToMarkdown(body, { baseUrl: THREAD, dialect: githubMarkdown })).toContain(
      'The loader reads it here:\n\nhttps://github.com/octo/repo/blob/4b825dc642cb6eb9a060e54bf8d69288fbee4904/pkg/pets/load.go#L10-L12\n\n| Pet |',
    );
  });
});

describe('a selection inside a table', () => {
  const table = () => widget('table[role="table"]');
  const header = '| Pet | Age | Kind |\n| --- | ---: | --- |';

  it('turns cells of two rows into those rows under the header row', () => {
    expect(convert(textRange(table(), 'Lucy', 'dog'))).toBe(`${header}\n| Lucy | 4 | cat |\n| Rex | 7 | dog |`);
  });

  it('takes whole rows when the selection starts in the middle of one', () => {
    expect(convert(textRange(table(), '4', 'Rex'))).toBe(`${header}\n| Lucy | 4 | cat |\n| Rex | 7 | dog |`);
  });

  it('turns cells selected one range each (Firefox) into one table of their rows and columns', () => {
    const cells = (row: number) => table().querySelectorAll('tbody tr')[row]?.querySelectorAll('td') ?? [];
    const ranges = [cells(0)[1], cells(0)[2], cells(2)[1], cells(2)[2]].map((cell) => cellRange(cell as Element));
    expect(convert(...ranges)).toBe('| Age | Kind |\n| ---: | --- |\n| 3 | cat |\n| 7 | dog |');
  });
});

describe('a selection inside a task list', () => {
  const list = () => widget('.contains-task-list');

  it('keeps the box of an item selected from its text', () => {
    expect(convert(textRange(list(), 'loader', 'loader'))).toBe('- [ ] loader');
  });

  it('writes the items it spans, checked or not', () => {
    expect(convert(textRange(list(), 'fixture', 'Update'))).toBe('- [x] fixture\n- [ ] Update');
  });
});

describe('a selection inside a highlighted code block', () => {
  it('turns a piece of it into a fence with its language', () => {
    expect(convert(textRange(widget('.highlight-source-rust'), 'println', 'Lucy'))).toBe('```rust\nprintln!("Lucy\n```');
  });
});
