import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectionToMarkdown } from '../../../utils/markdown';
import { COPY_BUTTON, PAGE } from './helpers';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

const BODY =
  '<p dir="auto">Intro with a <a href="/octo/repo/pull/3">relative link</a> and <strong>bold words</strong>.</p>' +
  '<div class="markdown-heading"><h2 class="heading-element">Setup steps</h2><a class="anchor" href="#setup-steps">#</a></div>' +
  `<div class="highlight highlight-source-python notranslate position-relative overflow-auto" dir="auto"><pre><span class="pl-k">import</span> os\nprint(os.getcwd())</pre>${COPY_BUTTON}</div>` +
  '<ol start="2" dir="auto"><li>second item</li><li>third item</li><li>fourth item</li></ol>' +
  '<blockquote><p dir="auto">quoted wisdom here</p></blockquote>' +
  '<markdown-accessiblity-table><table role="table"><thead><tr><th>Name</th><th align="right">Count</th></tr></thead>' +
  '<tbody><tr><td>apples</td><td align="right">3</td></tr><tr><td>pears</td><td align="right">5</td></tr><tr><td>plums</td><td align="right">7</td></tr></tbody></table></markdown-accessiblity-table>' +
  '<div class="markdown-alert markdown-alert-tip"><p class="markdown-alert-title">Tip</p><p>Read the docs first.</p></div>';

let body: HTMLElement;

beforeEach(() => {
  body = document.createElement('div');
  body.className = 'markdown-body';
  body.innerHTML = BODY;
  document.body.appendChild(body);
});

afterEach(() => {
  body.remove();
});

/** The text node holding `text`, in document order. */
function textNode(text: string): Text {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(text)) return node as Text;
  }
  throw new Error(`no text node with ${text}`);
}

/** A range from `from` (inclusive) to the end of `to`, both located by their text. */
function range(from: string, to: string): Range {
  const start = textNode(from);
  const end = textNode(to);
  const r = document.createRange();
  r.setStart(start, start.data.indexOf(from));
  r.setEnd(end, end.data.indexOf(to) + to.length);
  return r;
}

const convert = (ranges: Range[]) => selectionToMarkdown(ranges, { baseUrl: PAGE, dialect: githubMarkdown });

describe('selections keep the context they sit in', () => {
  it('turns a piece of a code block into a fenced block with its language', () => {
    expect(convert([range('print', 'getcwd')])).toBe('```python\nprint(os.getcwd\n```');
  });

  it('turns a piece of a list item into an item with its real number', () => {
    expect(convert([range('third', 'third')])).toBe('3. third');
    expect(convert([range('item', 'fourth')])).toBe('2. item\n3. third item\n4. fourth');
  });

  it('turns a piece of a quote into a quote', () => {
    expect(convert([range('wisdom', 'wisdom')])).toBe('> wisdom');
  });

  it('turns table rows into a table with its header row', () => {
    expect(convert([range('pears', '7')])).toBe('| Name | Count |\n| --- | ---: |\n| pears | 5 |\n| plums | 7 |');
  });

  it('keeps the text of a selection inside one table cell as text', () => {
    expect(convert([range('pea', 'pea')])).toBe('pea');
  });

  it('keeps inline context: links (made absolute) and emphasis', () => {
    expect(convert([range('relative', 'relative')])).toBe('[relative](https://github.com/octo/repo/pull/3)');
    expect(convert([range('words', 'words')])).toBe('**words**');
  });

  it('leaves heading markers out of a piece of a heading', () => {
    expect(convert([range('steps', 'steps')])).toBe('steps');
  });

  it('keeps an alert around a piece of it', () => {
    expect(convert([range('docs', 'docs')])).toBe('> [!TIP]\n> docs');
  });

  it('converts a selection across blocks block by block', () => {
    expect(convert([range('bold', 'import')])).toBe('**bold words**.\n\n## Setup steps\n\n```python\nimport\n```');
  });

  it('turns a cell range (as Firefox selects cells) into a table of its column, with the header row', () => {
    const row = textNode('pears').parentElement?.parentElement;
    if (!row) throw new Error('no row');
    const cell = document.createRange();
    cell.setStart(row, 0);
    cell.setEnd(row, 1);
    expect(convert([cell])).toBe('| Name |\n| --- |\n| pears |');
  });

  it('keeps several ranges, in page order, separated by blank lines', () => {
    expect(convert([range('wisdom', 'wisdom'), range('Intro', 'Intro')])).toBe('Intro\n\n> wisdom');
  });

  it('reads the ranges of a Selection', () => {
    const selection = document.getSelection();
    if (!selection) throw new Error('no selection support');
    selection.removeAllRanges();
    selection.addRange(range('fourth', 'fourth'));
    expect(selectionToMarkdown(selection, { baseUrl: PAGE, dialect: githubMarkdown })).toBe('4. fourth');
    selection.removeAllRanges();
  });

  it('ignores collapsed ranges and leaves the page untouched', () => {
    const before = body.innerHTML;
    const empty = document.createRange();
    empty.setStart(textNode('Intro'), 0);
    expect(convert([empty])).toBe('');
    convert([range('Intro', 'Count')]);
    expect(body.innerHTML).toBe(before);
  });
});
