import { describe, expect, it } from 'vitest';
import { resolveUrl } from '../../../utils/markdown/urls';

/** What the URL parser makes of `href` on the page at `base`: what resolveUrl must give, however it gets there. */
function parsed(href: string, base: string): string {
  const trimmed = href.trim();
  try {
    const url = new URL(trimmed, base);
    return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/\s/.test(trimmed) ? trimmed : url.href;
  } catch {
    return href;
  }
}

const BASES = [
  'https://github.com/sofastack/sofa-rpc/issues/1',
  'https://github.com/o/r/discussions/7#discussioncomment-5',
  'https://github.com/',
  'https://github.com/o/r/blob/main/README.md?plain=1#L3',
  'file:///tmp/page.html',
  'about:blank',
];

const HREFS = [
  '#usage',
  '#',
  '#a b',
  '#caf\u00e9',
  '#x"y',
  '#%20done',
  '/o/r/pull/12',
  '/o/r/pull/12?diff=split#r5',
  '/o/r/../x',
  '/o/r/./x',
  '/o/r/.',
  '//evil.example/x',
  '/\\evil',
  '/a b',
  '/a|b',
  '/a`b',
  './img.png',
  '../x',
  'img.png',
  '?q=1',
  '',
  ' https://x.dev ',
  'https://x.dev',
  'HTTPS://X.DEV/A',
  'mailto:a@b.c',
  'javascript:alert(1)',
  'https://[bad',
  'http://a b',
];

describe('resolveUrl', () => {
  it.each(BASES)('resolves every form of link as the URL parser does, on %s', (base) => {
    for (const href of HREFS) expect([href, resolveUrl(href, base)]).toEqual([href, parsed(href, base)]);
  });

  it('keeps an absolute address as written', () => {
    expect(resolveUrl('https://x.dev', BASES[0]!)).toBe('https://x.dev');
  });

  it('puts a fragment after the page, without the page fragment', () => {
    expect(resolveUrl('#usage', BASES[1]!)).toBe('https://github.com/o/r/discussions/7#usage');
  });
});
