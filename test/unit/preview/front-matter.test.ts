import { describe, expect, it } from 'vitest';
import { frontMatterTable } from '@/utils/preview/front-matter';

const rows = (table: Element) => [...table.querySelectorAll(':scope > thead > tr, :scope > tbody > tr')];

describe('front matter in a preview', () => {
  it('is a table of its keys over their values, as GitHub shows it atop a file', () => {
    const table = frontMatterTable(document, 'title: "SOFA Weekly | 第 1 期"\ndate: 2023-01-06T15:00:00+08:00\ncover: ""  # TODO\n');
    expect(table.tagName).toBe('TABLE');
    const [head, body] = rows(table);
    expect([...head!.children].map((th) => [th.tagName, th.textContent])).toEqual([
      ['TH', 'title'],
      ['TH', 'date'],
      ['TH', 'cover'],
    ]);
    expect([...body!.children].map((td) => td.textContent)).toEqual(['SOFA Weekly | 第 1 期', '2023-01-06T15:00:00+08:00', '']);
  });

  it('shows a list as a table of its own inside the cell', () => {
    const table = frontMatterTable(document, 'tags: ["SOFA Weekly", "MOSN"]\n');
    const nested = table.querySelector('td table');
    expect([...(nested?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['SOFA Weekly', 'MOSN']);
  });

  it('keeps markup as text: a value is never HTML', () => {
    const table = frontMatterTable(document, 'title: "<img src=x onerror=alert(1)>"\n');
    expect(table.querySelector('img')).toBeNull();
    expect(table.querySelector('td')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('says why YAML that does not parse is not a table, and shows it as written', () => {
    const box = frontMatterTable(document, 'title: "unclosed\n');
    expect(box.querySelector('table')).toBeNull();
    expect(box.querySelector('p')?.textContent).toMatch(/^Front matter that does not read as YAML: /);
    expect(box.querySelector('pre')?.textContent).toBe('title: "unclosed\n');
  });
});
