import { describe, expect, it } from 'vitest';
import { md } from './helpers';

const table = (head: string, body: string) =>
  `<markdown-accessiblity-table><table role="table">\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table></markdown-accessiblity-table>`;

describe('tables', () => {
  it('writes a GitHub table (in its accessibility wrapper) as a GFM table', () => {
    const html = table('<tr>\n<th>Name</th>\n<th>Role</th>\n</tr>', '<tr>\n<td>Ada</td>\n<td>Engineer</td>\n</tr>');
    expect(md(html)).toBe('| Name | Role |\n| --- | --- |\n| Ada | Engineer |');
  });

  it('keeps column alignment from `align` and from `text-align`', () => {
    const html = table(
      '<tr>\n<th align="left">l</th>\n<th align="center">c</th>\n<th style="text-align: right">r</th>\n</tr>',
      '<tr>\n<td align="left">1</td>\n<td align="center">2</td>\n<td style="text-align: right">3</td>\n</tr>',
    );
    expect(md(html)).toBe('| l | c | r |\n| :--- | :---: | ---: |\n| 1 | 2 | 3 |');
  });

  it('keeps a table with attributes GFM cannot write as HTML', () => {
    const html =
      '<table width="100%">\n<thead align="left"><tr><th width="150">name</th><th>type</th></tr></thead>\n<tbody><tr><td>a</td><td>b</td></tr></tbody></table>';
    expect(md(html)).toBe(
      '<table width="100%">\n<thead align="left">\n<tr>\n<th width="150">name</th>\n<th>type</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('keeps a table whose rows are not as wide as its header, or whose cells align unlike their column, as HTML', () => {
    expect(md('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>')).toMatch(/^<table>/);
    expect(md('<table><thead><tr><th>a</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody></table>')).toMatch(/^<table>/);
  });

  it('escapes every pipe in a cell', () => {
    const html = table('<tr><th>a|b</th></tr>', '<tr><td>x || y</td></tr>');
    expect(md(html)).toBe('| a\\|b |\n| --- |\n| x \\|\\| y |');
  });

  it('writes line breaks inside a cell as <br>', () => {
    const html = table('<tr><th>h</th><th>i</th></tr>', '<tr><td>one<br>two</td><td>x</td></tr>');
    expect(md(html)).toBe('| h | i |\n| --- | --- |\n| one<br>two | x |');
  });

  it('keeps inline Markdown in cells', () => {
    const html = table('<tr><th>h</th><th>i</th></tr>', '<tr><td><strong>b</strong></td><td><a href="/x">x</a></td></tr>');
    expect(md(html)).toBe('| h | i |\n| --- | --- |\n| **b** | [x](https://github.com/x) |');
  });

  it('writes a one-column table', () => {
    expect(md(table('<tr><th align="center">only</th></tr>', ''))).toBe('| only |\n| :---: |');
  });

  it('keeps a table GFM cannot express as HTML, with Markdown in cells that hold blocks', () => {
    const html = '<table><tbody><tr><td><ul><li>a</li></ul></td><td>plain <b>bold</b></td></tr></tbody></table>';
    expect(md(html)).toBe('<table>\n<tbody>\n<tr>\n<td>\n\n- a\n\n</td>\n<td>plain <b>bold</b></td>\n</tr>\n</tbody>\n</table>');
  });
});
