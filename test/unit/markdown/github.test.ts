import { describe, expect, it } from 'vitest';
import { COPY_BUTTON, md } from './helpers';

const OCTICON =
  '<svg class="octicon octicon-link" viewBox="0 0 16 16" version="1.1" width="16" height="16" aria-hidden="true"><path d="m7.775 3.275"></path></svg>';

describe('headings', () => {
  it('drops the anchor link GitHub adds next to a heading', () => {
    const html = `<div class="markdown-heading" dir="auto"><h2 tabindex="-1" class="heading-element" dir="auto">Install</h2><a id="user-content-install" class="anchor" aria-label="Permalink: Install" href="#install">${OCTICON}</a></div>`;
    expect(md(html)).toBe('## Install');
  });

  it('drops the anchor inside the heading in older markup', () => {
    expect(md(`<h3 dir="auto"><a id="user-content-usage" class="anchor" aria-hidden="true" href="#usage">${OCTICON}</a>Usage</h3>`)).toBe('### Usage');
  });

  it('escapes a closing run of # that would vanish from the heading', () => {
    expect(md('<h1>C #</h1>')).toBe('# C \\#');
    expect(md('<h1>C#</h1>')).toBe('# C#');
  });
});

describe('alerts', () => {
  it('writes a GitHub alert as > [!TYPE] with its content', () => {
    const html =
      '<div class="markdown-alert markdown-alert-warning" dir="auto"><p class="markdown-alert-title" dir="auto"><svg class="octicon octicon-alert mr-2" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M6"></path></svg>Warning</p><p dir="auto">Back up first.</p>\n<p dir="auto">Really.</p>\n</div>';
    expect(md(html)).toBe('> [!WARNING]\n> Back up first.\n>\n> Really.');
  });

  it('knows all five alert types', () => {
    for (const type of ['note', 'tip', 'important', 'warning', 'caution']) {
      const html = `<div class="markdown-alert markdown-alert-${type}"><p class="markdown-alert-title">${type}</p><p>x</p></div>`;
      expect(md(html)).toBe(`> [!${type.toUpperCase()}]\n> x`);
    }
  });
});

describe('footnotes', () => {
  const html =
    '<p dir="auto">Claim<sup><a href="#user-content-fn-1-4b1d" id="user-content-fnref-1-4b1d" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup> and more<sup><a href="#user-content-fn-note-4b1d" id="user-content-fnref-note-4b1d" data-footnote-ref="" aria-describedby="footnote-label">2</a></sup>.</p>\n' +
    '<section data-footnotes="" class="footnotes"><h2 id="footnote-label" class="sr-only" dir="auto">Footnotes</h2>\n<ol dir="auto">\n' +
    '<li id="user-content-fn-1-4b1d">\n<p dir="auto">Source one. <a href="#user-content-fnref-1-4b1d" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref"><g-emoji class="g-emoji" alias="leftwards_arrow_with_hook">↩</g-emoji></a></p>\n</li>\n' +
    '<li id="user-content-fn-note-4b1d">\n<p dir="auto">First paragraph.</p>\n<p dir="auto">Second. <a href="#user-content-fnref-note-4b1d" data-footnote-backref="" class="data-footnote-backref">↩</a></p>\n</li>\n' +
    '</ol>\n</section>';

  it('writes references as [^n] and definitions as [^n]: text, without back-references', () => {
    expect(md(html)).toBe('Claim[^1] and more[^2].\n\n[^1]: Source one.\n[^2]: First paragraph.\n\n    Second.');
  });
});

describe('details', () => {
  it('keeps <details> as HTML with the body as Markdown between blank lines', () => {
    const html =
      '<details>\n<summary>Logs <code>npm i</code></summary>\n<div class="snippet-clipboard-content notranslate"><pre class="notranslate"><code>error\n</code></pre></div>\n<p dir="auto">See <strong>above</strong>.</p>\n</details>';
    expect(md(html)).toBe('<details>\n<summary>Logs <code>npm i</code></summary>\n\n```\nerror\n```\n\nSee **above**.\n\n</details>');
  });

  it('keeps an open details box open', () => {
    expect(md('<details open=""><summary>S</summary><p>b</p></details>')).toBe('<details open>\n<summary>S</summary>\n\nb\n\n</details>');
  });
});

describe('rendered widgets back to their source', () => {
  it('writes emoji as the characters', () => {
    expect(
      md('<p><g-emoji class="g-emoji" alias="+1" fallback-src="https://github.githubassets.com/images/icons/emoji/unicode/1f44d.png">👍</g-emoji> works</p>'),
    ).toBe('👍 works');
  });

  it('writes an emoji shown as a fallback image as its alias', () => {
    expect(md('<p><g-emoji class="g-emoji" alias="tada"><img class="emoji" alt="" src="https://github.githubassets.com/x.png"></g-emoji> done</p>')).toBe(
      ':tada: done',
    );
  });

  it('writes a mermaid diagram back as its fenced source', () => {
    const html =
      '<section class="js-render-needs-enrichment render-needs-enrichment position-relative" data-identity="a1" data-host="https://viewscreen.githubusercontent.com" data-type="mermaid" aria-label="mermaid rendered output container">' +
      '<div class="js-render-enrichment-target" data-json="{}" data-plain="graph TD;\n  A--&gt;B;" dir="auto"><div class="render-plaintext-hidden" dir="auto"><pre lang="mermaid" aria-label="Raw mermaid code">graph TD;\n  A--&gt;B;</pre></div></div>' +
      '<span class="js-render-enrichment-loader d-flex flex-justify-center flex-items-center width-full" role="presentation">loading</span></section>';
    expect(md(html)).toBe('```mermaid\ngraph TD;\n  A-->B;\n```');
  });

  it('writes geojson and other rendered formats back the same way', () => {
    const html = '<section data-type="geojson"><div data-plain="{&quot;type&quot;: &quot;Point&quot;}"></div></section>';
    expect(md(html)).toBe('```geojson\n{"type": "Point"}\n```');
  });

  it('keeps math as $...$ and $$...$$ when its TeX is still the text', () => {
    const inline =
      '<p>Area <math-renderer class="js-inline-math" style="display: inline" data-static-url="https://github.githubassets.com/static">$\\pi r^2$</math-renderer> here</p>';
    expect(md(inline)).toBe('Area $\\pi r^2$ here');
    const display = '<p><math-renderer class="js-display-math" style="display: block" data-static-url="x">$$\n\\sum_{k=1}^n a_k\n$$</math-renderer></p>';
    expect(md(display)).toBe('$$\n\\sum_{k=1}^n a_k\n$$');
  });

  it('writes an embedded code snippet as its permalink on a line of its own', () => {
    const url = 'https://github.com/kepano/defuddle/blob/cb4291db0f24cac0d0674d9e35fc0089338da2da/src/defuddle.ts#L210-L213';
    const html =
      '<p dir="auto">This line:</p><div class="Box Box--condensed my-2">\n<div class="Box-header f6"><p class="mb-0 text-bold">' +
      `<a href="${url}">defuddle/src/defuddle.ts</a></p><p class="mb-0 color-fg-muted">Lines 210 to 213 in <a data-pjax="true" class="commit-tease-sha" href="/kepano/defuddle/commit/cb4291d">cb4291d</a></p></div>` +
      '<div itemprop="text" class="Box-body p-0 blob-wrapper blob-wrapper-embedded data"><table class="highlight tab-size mb-0 js-file-line-container"><tbody><tr class="border-0">' +
      '<td id="L210" class="blob-num border-0 px-3 py-0 color-bg-default" data-line-number="210"></td><td id="LC210" class="blob-code border-0 px-3 py-0 color-bg-default blob-code-inner js-file-line"> <span class="pl-k">const</span> x</td>' +
      '</tr></tbody></table></div></div><p></p>';
    expect(md(html)).toBe(`This line:\n\n${url}`);
  });

  it('writes a suggested change as a suggestion block of the new lines', () => {
    const html =
      '<div class="my-2 border rounded-1 js-suggested-changes-blob diff-view js-check-bidi"><div class="f6 p-2 lh-condensed border-bottom d-flex"><div class="flex-auto">Suggested change</div></div>' +
      '<div itemprop="text" class="blob-wrapper data file"><table class="d-table tab-size mb-0 width-full"><tbody>' +
      '<tr class="border-0"><td class="blob-num blob-num-deletion" data-line-number="3"></td><td class="border-0 px-2 py-1 blob-code-inner blob-code-deletion">Kitt</td></tr>' +
      '<tr class="border-0"><td class="blob-num blob-num-addition" data-line-number="3"></td><td class="border-0 px-2 py-1 blob-code-inner blob-code-addition">  Lucy</td></tr>' +
      '</tbody></table></div><div class="js-apply-changes"></div></div>';
    expect(md(html)).toBe('```suggestion\n  Lucy\n```');
  });

  it('writes an uploaded video as the URL it was typed as', () => {
    const src = 'https://github.com/user-attachments/assets/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const html =
      `<details open="" class="details-reset border rounded-2"><summary class="px-3 py-2">${OCTICON}<span aria-label="Video description demo.mp4" class="m-1">demo.mp4</span><span class="dropdown-caret"></span></summary>` +
      `<video src="${src}" data-canonical-src="${src}" controls="controls" muted="muted" class="d-block rounded-bottom-2 border-top width-fit" style="max-height:640px; min-height: 200px"></video></details>`;
    expect(md(html)).toBe(src);
  });
});

describe('page furniture', () => {
  it('drops copy buttons, screen-reader text and octicons', () => {
    const html = `<h2 class="sr-only">octocat commented</h2><p>Text ${OCTICON}</p><div class="snippet-clipboard-content"><pre><code>x\n</code></pre>${COPY_BUTTON}</div>`;
    expect(md(html)).toBe('Text\n\n```\nx\n```');
  });

  it('unwraps the <font> wrappers of a page saved through a translator', () => {
    const html =
      '<p dir="auto"><font style="vertical-align: inherit;"><font style="vertical-align: inherit;">Hello </font></font><strong><font style="vertical-align: inherit;">world</font></strong></p>';
    expect(md(html)).toBe('Hello **world**');
  });

  it('ignores dir and notranslate noise', () => {
    expect(md('<p dir="auto"><code class="notranslate">x</code> <span dir="auto">y</span></p>')).toBe('`x` y');
  });

  it("drops GitHub's placeholder for an empty post", () => {
    expect(md('<p class="color-fg-muted">\n<em>No description provided.</em>\n</p>')).toBe('');
  });
});
