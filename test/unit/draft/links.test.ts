import { describe, expect, it } from 'vitest';
import { expandReferences } from '@/utils/draft/links';

const MOSN = { origin: 'https://github.com', repo: 'mosn/mosn' };
const expand = (markdown: string) => expandReferences(markdown, MOSN);

const SHA = '0123456789abcdef0123456789abcdef01234567';
const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98';

describe('expandReferences', () => {
  it("links an issue number into the clip's repository and a login to its profile", () => {
    expect(expand('@nejisama fixed it in #2204, see #2203.')).toBe(
      '[@nejisama](https://github.com/nejisama) fixed it in [#2204](https://github.com/mosn/mosn/issues/2204), see [#2203](https://github.com/mosn/mosn/issues/2203).',
    );
  });

  it('links a reference into another repository there', () => {
    expect(expand('Same as sofastack/sofa-rpc#1290 (and mosn/layotto#7)')).toBe(
      'Same as [sofastack/sofa-rpc#1290](https://github.com/sofastack/sofa-rpc/issues/1290) (and [mosn/layotto#7](https://github.com/mosn/layotto/issues/7))',
    );
  });

  it("uses the clip's own site, for GitHub Enterprise", () => {
    expect(expandReferences('#5 by @amy', { origin: 'https://git.example.com', repo: 'team/app' })).toBe(
      '[#5](https://git.example.com/team/app/issues/5) by [@amy](https://git.example.com/amy)',
    );
  });

  it('links commits in the forms the converter writes them, showing the short SHA as GitHub does', () => {
    expect(expand(`Fixed by ${SHA}.`)).toBe(`Fixed by [\`0123456\`](https://github.com/mosn/mosn/commit/${SHA}).`);
    expect(expand(`Ported in mosn/layotto@${SHA}`)).toBe(`Ported in [mosn/layotto@\`0123456\`](https://github.com/mosn/layotto/commit/${SHA})`);
    expect(expand(`Changes: ${SHA}...${OTHER_SHA}`)).toBe(`Changes: [\`0123456...fedcba9\`](https://github.com/mosn/mosn/compare/${SHA}...${OTHER_SHA})`);
  });

  it('leaves numbers and hex words that only might be commits alone', () => {
    const text = 'Build 1234567, hash deadbeefcafe, digest ' + SHA + SHA.slice(0, 24) + ' and port #8080abc';
    expect(expand(text)).toBe(text);
  });

  it('leaves code spans and code blocks, fenced and indented, as written', () => {
    const markdown = ['Run `git show #12 @bob` first.', '', '```sh', 'echo #12 @bob', '```', '', '    @bob #12', '', '~~~', SHA, '~~~'].join('\n');
    expect(expand(markdown)).toBe(markdown);
  });

  it('leaves a code span alone even when the same words follow it', () => {
    expect(expand('`x #12` #12')).toBe('`x #12` [#12](https://github.com/mosn/mosn/issues/12)');
  });

  it('leaves links, autolinks, URLs and e-mail addresses as written', () => {
    const markdown = [
      'See [#12](https://github.com/mosn/mosn/pull/12), [@bob][bob], <https://example.com/#12>,',
      'https://github.com/mosn/mosn/issues/12#issuecomment-1 and www.example.com/@bob.',
      'Mail khotyn.huangt@antgroup.com or [us](mailto:team@mosn.io); ask bob@home.',
      '',
      '[bob]: https://github.com/bob',
    ].join('\n');
    expect(expand(markdown)).toBe(markdown);
  });

  it('leaves HTML as written, and the text of links and code written in HTML', () => {
    const markdown = '<a href="https://example.com">#12 @bob</a> <code>#12</code> <!-- #12 -->\n\n<div>\n@bob #12\n</div>';
    expect(expand(markdown)).toBe(markdown);
  });

  it('leaves escaped references, entities, paths and teams as written', () => {
    const markdown = String.raw`\#12 and \@bob, &#12; in docs/#12 or page#12; ask @mosn/maintainers`;
    expect(expand(markdown)).toBe(markdown);
  });

  it('expands inside quotes, lists, tables and emphasis without touching their markup', () => {
    const markdown = [
      '> Asked by @bob in #12',
      '> and **#13**',
      '',
      '- [ ] #14',
      '  - _@amy_',
      '',
      '| issue | `#1` |',
      '|---|---|',
      '| #15 \\| x | @bob |',
    ].join('\n');
    expect(expand(markdown)).toBe(
      [
        '> Asked by [@bob](https://github.com/bob) in [#12](https://github.com/mosn/mosn/issues/12)',
        '> and **[#13](https://github.com/mosn/mosn/issues/13)**',
        '',
        '- [ ] [#14](https://github.com/mosn/mosn/issues/14)',
        '  - _[@amy](https://github.com/amy)_',
        '',
        '| issue | `#1` |',
        '|---|---|',
        '| [#15](https://github.com/mosn/mosn/issues/15) \\| x | [@bob](https://github.com/bob) |',
      ].join('\n'),
    );
  });

  it('keeps Markdown without references exactly as written', () => {
    const markdown =
      'A：Debug server init here：\n\n```go\nInitDebugServe(c)\n```\n\n可以邮件给：[khotyn.huangt@antgroup.com](khotyn.huangt@antgroup.com)。\r\n';
    expect(expand(markdown)).toBe(markdown);
  });
});
