import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../utils/markdown';
import { md, PAGE } from './helpers';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

describe('output shape', () => {
  const html =
    '<h1>Title</h1>\n\n<p>Para   one\nwrapped.</p>\n<ul><li>a</li><li>b</li></ul><hr><blockquote><p>q</p></blockquote>\n<pre><code>code  \n</code></pre>\n<p><strong>s</strong> <em>e</em></p>\n\n\n';

  it('uses ATX headings, `-` bullets, `---` rules, fenced code, ** and *', () => {
    expect(md(html)).toBe('# Title\n\nPara one wrapped.\n\n- a\n- b\n\n---\n\n> q\n\n```\ncode  \n```\n\n**s** *e*');
  });

  it('has no trailing spaces outside code, one blank line between blocks, none around', () => {
    const out = md(`<p>a </p><p> </p><p>b</p><blockquote><p>x</p><p>y</p></blockquote>`);
    expect(out).toBe('a\n\nb\n\n> x\n>\n> y');
  });

  it('gives the same Markdown for a string and for a node', () => {
    const div = document.createElement('div');
    div.className = 'markdown-body';
    div.innerHTML = html;
    expect(htmlToMarkdown(div, { baseUrl: PAGE, dialect: githubMarkdown })).toBe(md(html));
  });

  it('converts the children of a post body, not the body element', () => {
    const body = document.createElement('td');
    body.className = 'd-block comment-body markdown-body js-comment-body';
    body.innerHTML = '<p>a<br>\nb</p>';
    expect(htmlToMarkdown(body, { baseUrl: PAGE, dialect: githubMarkdown })).toBe('a\\\nb');
  });

  it('never changes the node it converts', () => {
    const body = document.createElement('div');
    body.className = 'markdown-body';
    body.innerHTML =
      '<div class="markdown-heading"><h2 class="heading-element">H</h2><a class="anchor" href="#h">#</a></div>' +
      '<p><a target="_blank" href="https://camo.githubusercontent.com/x"><img src="https://camo.githubusercontent.com/x" data-canonical-src="https://x.dev/a.png"></a> <g-emoji>👍</g-emoji> snake_case <a href="/rel">r</a></p>' +
      '<!-- c --><div class="highlight highlight-source-js"><pre>x</pre><div class="zeroclipboard-container"><clipboard-copy>c</clipboard-copy></div></div>';
    const before = body.outerHTML;
    htmlToMarkdown(body, { baseUrl: PAGE, dialect: githubMarkdown });
    expect(body.outerHTML).toBe(before);
  });

  it('works with the DOM of another window, such as an iframe or a parsed page', () => {
    const other = new Window({ url: 'https://github.com/' });
    const page = new other.DOMParser().parseFromString('<html><body><p>Hi <em>there</em></p></body></html>', 'text/html');
    expect(htmlToMarkdown(page as unknown as Document, { baseUrl: PAGE, dialect: githubMarkdown })).toBe('Hi *there*');
  });

  it('returns an empty string for empty input', () => {
    expect(md('')).toBe('');
    expect(md('<p> </p>')).toBe('');
  });
});
