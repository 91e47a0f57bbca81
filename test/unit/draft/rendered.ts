/** Rendering a draft's Markdown the ways its readers do, and comparing what they get. */
import { marked } from 'marked';
import { renderGfm } from '../../../scripts/lib/roundtrip';

/** Raw HTML is kept (cmark-gfm's `unsafe`), so HTML that leaks through the escaping shows up. */
export const RENDERERS: Record<string, (markdown: string) => string> = {
  'cmark-gfm (GitHub)': (markdown) => renderGfm(markdown, true),
  'marked (the popup preview)': (markdown) => marked.parse(markdown, { gfm: true, async: false }),
};

/** An element as its tag, its attributes and its children; text as a string (adjacent texts joined). */
export type Shape = string | { tag: string; attributes: Record<string, string>; children: Shape[] };

export function parseHtml(html: string): HTMLElement {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  body.normalize();
  return body;
}

function shapeOf(node: Node): Shape {
  if (!(node instanceof Element)) return node.textContent ?? '';
  const attributes = Object.fromEntries([...node.attributes].map(({ name, value }) => [name, value]));
  return { tag: node.localName, attributes, children: [...node.childNodes].map(shapeOf) };
}

/** The document's elements and texts, to compare two renderings whole. */
export function shape(html: string): Shape[] {
  return [...parseHtml(html).childNodes].map(shapeOf);
}

/** `shapes` with `placeholder` replaced by `text` in every text and attribute. */
export function substitute(shapes: Shape[], placeholder: string, text: string): Shape[] {
  return shapes.map((each) =>
    typeof each === 'string'
      ? each.replaceAll(placeholder, () => text)
      : {
          tag: each.tag,
          attributes: Object.fromEntries(Object.entries(each.attributes).map(([name, value]) => [name, value.replaceAll(placeholder, () => text)])),
          children: substitute(each.children, placeholder, text),
        },
  );
}

/**
 * Titles that GitHub shows as they are and Markdown or HTML would not: markup, block starts, entities,
 * autolinks, math, CJK, invisible characters.
 */
export const NASTY_TITLES = [
  'Fix clipping when malformed <figure> nests article content',
  '*not emphasis* [link](http://x) <img src=x onerror=alert(1)> # heading',
  '<figure>',
  '<script>alert(1)</script>',
  '<!-- comment --> <https://autolink.example> <b>bold</b>',
  '1. starts like a list',
  '2023) also a list',
  '> looks like a quote',
  '>no space quote',
  '- dash',
  '+ plus',
  '* star',
  '| a | b |',
  '|---|---|',
  '# heading',
  '###### six',
  'Ends with hashes ##',
  '#',
  '---',
  '***',
  '___',
  '- - -',
  '===',
  '-',
  '```js fence',
  '~~~ tilde fence',
  '~~strike~~ and ~one~',
  '`code` and ``double``',
  '__bold__ _em_ snake_case __init__ _leading and trailing_',
  'foo*bar*baz and a_b_c',
  '_',
  '**',
  '\\*escaped\\* C:\\path\\ and a trailing backslash \\',
  '&amp; &lt;b&gt; &#169; &copy AT&T R&D & more',
  '[ ] task [x] done',
  '[^1] footnote',
  '[ref]: http://x',
  '![image](http://x/a.png)',
  'Ref [a][b], [c] (d), [e]: f and a crash (regression)',
  'Visit https://example.com, www.example.com or ftp://x.org',
  'HTTPS://EXAMPLE.COM/UPPER',
  'Price $5 and $x$ math $$y$$',
  '「SOFA」 中文 *强调* 与 <标签>',
  '@octocat mentioned #123',
  'Say "hi" & \'bye\': yes # no',
  'key: value',
  '{flow: map} [1, 2] &anchor *alias !tag %directive `back',
  'tab\tinside and a\u00a0no-break space',
  'line\u2028separator and zero\u200bwidth and 🎉',
  'Why pprof debug server do not support hot upgrade?',
  'SOFARPC 发现了安全漏洞在哪提交呢？',
];
