/**
 * Front matter as GitHub shows it atop a Markdown file: a table whose header row holds the keys and
 * whose one body row holds their values, a list or a mapping as a table of its own inside the cell.
 * Built from text nodes only: front matter is template output, and may hold clip text.
 */
import { parse } from 'yaml';
import { t } from '@/utils/i18n';

function cell(document: Document, value: unknown): Node {
  if (Array.isArray(value)) {
    const table = document.createElement('table');
    const row = table.createTBody().insertRow();
    for (const item of value) row.insertCell().append(cell(document, item));
    return table;
  }
  if (value !== null && typeof value === 'object') return mappingTable(document, value as Record<string, unknown>); // a YAML mapping parses to a plain object
  const div = document.createElement('div');
  div.textContent = value === null || value === undefined ? '' : String(value);
  return div;
}

function mappingTable(document: Document, mapping: Record<string, unknown>): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  const row = table.createTBody().insertRow();
  for (const [key, value] of Object.entries(mapping)) {
    const th = document.createElement('th');
    th.textContent = key;
    head.append(th);
    row.insertCell().append(cell(document, value));
  }
  return table;
}

/**
 * The front matter's `yaml` as GitHub's table; YAML that does not parse, or is not a mapping, shows
 * as the error GitHub would give and the text as written.
 */
export function frontMatterTable(document: Document, yaml: string): HTMLElement {
  let data: unknown;
  let problem: string | undefined;
  try {
    data = parse(yaml);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem === undefined && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const table = mappingTable(document, data as Record<string, unknown>); // checked just above
    table.className = 'front-matter';
    return table;
  }
  const box = document.createElement('div');
  box.className = 'front-matter front-matter-invalid';
  const note = document.createElement('p');
  note.textContent = t('previewFrontMatterInvalid', problem ?? t('previewFrontMatterNotMapping'));
  const pre = document.createElement('pre');
  pre.textContent = yaml;
  box.append(note, pre);
  return box;
}
