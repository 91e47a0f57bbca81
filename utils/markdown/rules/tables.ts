/**
 * Tables. The plugin writes GFM tables (header row, alignment from `align` or `text-align`); its
 * cell rule loses pipes (`||` becomes one `\|`), so cells are ours. Tables GFM cannot express keep
 * their HTML structure, with Markdown between blank lines in cells that hold blocks.
 */
import { closestTable, isHtmlTable, isRawCell } from '../classify';
import { closeTag, openTag, serializeHtml } from '../html';
import { afterOpening } from './html';
import { block, trimBlank } from './layout';
import type { TagRule } from './rule';

const TABLE_PARTS = new Set(['TABLE', 'CAPTION', 'COLGROUP', 'COL', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD']);

function inHtmlTable(node: Element): boolean {
  const table = node.nodeName === 'TABLE' ? node : closestTable(node);
  return table !== null && isHtmlTable(table);
}

export const tableCell: TagRule = {
  tags: ['TD', 'TH'],
  when: (node) => !inHtmlTable(node),
  replacement: (content, node) => {
    // cmark-gfm splits rows at every unescaped pipe, in code spans too.
    const text = trimBlank(content).replace(/\n+/g, '<br>').replace(/\|/g, '\\|');
    return `${node.previousElementSibling === null ? '| ' : ' '}${text} |`;
  },
};

const BORDERS: Record<string, string> = { left: ':---', center: ':---:', right: '---:' };

/** The plugin writes a table of one cell as a paragraph; GFM has a form for it. */
export const singleCellTable: TagRule = {
  tags: ['TABLE'],
  when: (node) => !isHtmlTable(node) && node.querySelectorAll('tr').length === 1 && node.querySelectorAll('td,th').length === 1,
  replacement: (content, node) => {
    const cell = node.querySelector('td,th');
    const align = (cell?.getAttribute('align') ?? (cell as HTMLElement | null)?.style.textAlign ?? '').toLowerCase();
    return block(node, `${trimBlank(content)}\n| ${BORDERS[align] ?? '---'} |`);
  },
};

export const htmlTable: TagRule = {
  tags: [...TABLE_PARTS],
  when: (node) => inHtmlTable(node),
  replacement: (content, node) => {
    switch (node.nodeName) {
      case 'TABLE':
        return block(node, `${openTag(node)}\n${trimBlank(content)}\n</table>`);
      case 'TH':
      case 'TD':
        if (isRawCell(node)) return `\n${serializeHtml(node)}\n`;
        return `\n${openTag(node)}${afterOpening(node)}${trimBlank(content)}\n\n${closeTag(node)}\n`;
      case 'CAPTION':
      case 'COLGROUP':
      case 'COL':
        return `\n${serializeHtml(node)}\n`;
    }
    return `\n${openTag(node)}\n${trimBlank(content)}\n${closeTag(node)}\n`;
  },
};
