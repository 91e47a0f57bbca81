import './options/happy-dom-webidl';
import { describe, expect, it } from 'vitest';
import { isGitHubImage } from '@/utils/preview/image-sources';
import { sanitizePreview } from '@/utils/preview/sanitize';

/** The sanitised HTML, as markup, for comparing. */
function sanitized(html: string): string {
  const box = document.createElement('div');
  box.append(sanitizePreview(html));
  return box.innerHTML;
}

describe("the preview's sanitiser", () => {
  it("keeps what GitHub's Markdown renders", () => {
    const html = [
      '<h2>Title</h2>',
      '<p align="center"><strong>b</strong> <em>i</em> <del>d</del> <code>c</code> <kbd>K</kbd> <sup>1</sup> <sub>2</sub> <mark>m</mark> <abbr title="t">a</abbr></p>',
      '<blockquote><p>q</p></blockquote>',
      '<pre><code>x = 1\n</code></pre>',
      '<table><thead><tr><th align="left" scope="col">h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>',
      '<details open=""><summary>more</summary><p>hidden</p></details>',
      '<ol start="3"><li>three</li></ol>',
      '<dl><dt>term</dt><dd>meaning</dd></dl>',
      '<hr>',
    ].join('');
    expect(sanitized(html)).toBe(html);
  });

  it('drops everything that styles the page, and keeps the text it holds', () => {
    expect(sanitized('<p>a</p><style>button{visibility:hidden}</style><p style="position:fixed;inset:0" class="btn visually-hidden">b</p>')).toBe(
      '<p>a</p><p>b</p>',
    );
    expect(
      sanitized('<p>a</p><link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example/">'),
    ).toBe('<p>a</p>');
  });

  it('drops forms and their controls, keeping their words', () => {
    const html =
      '<p>a</p><form action="https://evil.example/" method="post"><input name="q" value="draft"><textarea>t</textarea><select><option>o</option></select><button type="submit">Send</button></form>';
    expect(sanitized(html)).toBe('<p>a</p>toSend');
  });

  // Frames are test/e2e/preview-privacy.test.ts's: happy-dom would try to load one.
  it('drops objects, embeds, SVG, MathML and base', () => {
    const html =
      '<p>a</p><object data="https://evil.example/o"></object><embed src="https://evil.example/e"><svg><image href="https://evil.example/s.png"></image></svg><math><mi>x</mi></math><base href="https://evil.example/">';
    expect(sanitized(html)).toBe('<p>a</p>');
  });

  it("drops attributes that reach the page's own controls, and prefixes ids as GitHub does", () => {
    const html = '<p>a</p><p id="app" name="n" role="alert" tabindex="1" accesskey="s" aria-labelledby="templates-heading" data-x="1" onclick="alert(1)">b</p>';
    expect(sanitized(html)).toBe('<p>a</p><p id="user-content-app">b</p>');
  });

  it('keeps disabled task-list checkboxes, with the classes GitHub gives them, and no other input', () => {
    const html =
      '<p>a</p><ul><li><input checked="" disabled="" type="checkbox"> done</li><li><input type="checkbox" name="x"> open</li></ul><p><input type="text" value="v"><input type="submit"></p>';
    expect(sanitized(html)).toBe(
      '<p>a</p><ul class="contains-task-list"><li class="task-list-item"><input checked="" disabled="" type="checkbox" class="task-list-item-checkbox"> done</li>' +
        '<li class="task-list-item"><input type="checkbox" disabled="" class="task-list-item-checkbox"> open</li></ul><p></p>',
    );
  });

  it('opens links in a new tab, without a referrer or a handle back', () => {
    expect(sanitized('<p>a</p><p><a href="https://github.com/mosn/mosn">web</a> <a href="mailto:a@example.com">mail</a></p>')).toBe(
      '<p>a</p><p><a href="https://github.com/mosn/mosn" target="_blank" rel="noopener noreferrer">web</a> <a href="mailto:a@example.com" target="_blank" rel="noopener noreferrer">mail</a></p>',
    );
  });

  it('keeps the text of a link that leads nowhere outside the extension', () => {
    expect(
      sanitized(
        '<p>a</p><p><a href="javascript:alert(1)">js</a> <a href="popup.html">relative</a> <a href="#top">fragment</a> <a href="data:text/html,x">data</a></p>',
      ),
    ).toBe('<p>a</p><p><a>js</a> <a>relative</a> <a>fragment</a> <a>data</a></p>');
  });

  it("loads images from GitHub's own hosts, and data: images", () => {
    const sources = [
      'https://camo.githubusercontent.com/abc/def',
      'https://user-images.githubusercontent.com/1/2.png',
      'https://private-user-images.githubusercontent.com/1/2.png?jwt=x',
      'https://avatars.githubusercontent.com/u/1?v=4',
      'https://raw.githubusercontent.com/mosn/mosn/master/logo.png',
      'https://github.com/user-attachments/assets/0b2d1f4e-1234',
      'data:image/png;base64,iVBORw0KGgo=',
    ];
    const html = `<p>${sources.map((src) => `<img src="${src}" alt="i">`).join('')}</p>`;
    const box = document.createElement('div');
    box.append(sanitizePreview(html));
    expect([...box.querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual(sources);
  });

  it('shows an image from any other host as its alt text and a link to open it, never as an image', () => {
    expect(sanitized('<p>a</p><p><img src="https://tracker.example/p.gif?who=me" alt="pixel" srcset="https://tracker.example/2x.gif 2x"></p>')).toBe(
      '<p>a</p><p><span class="preview-image-not-loaded"><span class="preview-image-alt">pixel</span><a class="preview-image-note" href="https://tracker.example/p.gif?who=me" target="_blank" rel="noopener noreferrer">' +
        'image from tracker.example, not loaded: open it in a new tab</a></span></p>',
    );
  });

  it('holds back look-alike and insecure GitHub hosts', () => {
    for (const src of [
      'http://avatars.githubusercontent.com/u/1',
      'https://githubusercontent.com.evil.example/x.png',
      'https://evilgithubusercontent.com/x.png',
      'https://github.com.evil.example/x.png',
      'https://github.com:8443/x.png',
    ]) {
      expect([src, sanitized(`<p>a</p><img src="${src}" alt="x">`)]).toEqual([src, expect.stringContaining('preview-image-not-loaded')]);
    }
  });

  it('never puts a link inside a link: a linked image from another host keeps its link and says it was not loaded', () => {
    expect(
      sanitized('<p>a</p><p><a href="https://github.com/mosn/mosn/actions"><img src="https://img.shields.io/badge/ci-passing-green" alt="CI"></a></p>'),
    ).toBe(
      '<p>a</p><p><a href="https://github.com/mosn/mosn/actions" target="_blank" rel="noopener noreferrer"><span class="preview-image-not-loaded"><span class="preview-image-alt">CI</span>' +
        '<span class="preview-image-note">image from img.shields.io, not loaded</span></span></a></p>',
    );
  });

  it('keeps the alt text of an image with no address to open, and drops one with neither', () => {
    expect(sanitized('<p>a</p><p><img src="logo.png" alt="logo"><img src="x"></p>')).toBe(
      '<p>a</p><p><span class="preview-image-not-loaded"><span class="preview-image-alt">logo</span></span></p>',
    );
  });
});

describe('GitHub image sources', () => {
  it('match as the policy matches them: https, the default port, github.com and any githubusercontent.com subdomain', () => {
    expect(isGitHubImage('https://github.com/user-attachments/assets/x')).toBe(true);
    expect(isGitHubImage('https://objects.githubusercontent.com/x')).toBe(true);
    expect(isGitHubImage('https://githubusercontent.com/x')).toBe(false);
    expect(isGitHubImage('https://gist.github.com/x')).toBe(false);
    expect(isGitHubImage('not a url')).toBe(false);
  });
});
