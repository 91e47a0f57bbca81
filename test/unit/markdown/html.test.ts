import { describe, expect, it } from 'vitest';
import { md } from './helpers';

describe('what Markdown cannot say stays HTML', () => {
  it('keeps <kbd>, <sub>, <sup> and <ins> around Markdown content', () => {
    expect(md('<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <ins><em>new</em></ins></p>')).toBe(
      'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <ins>*new*</ins>',
    );
  });

  it('keeps a centred paragraph as the HTML block it was typed as', () => {
    const html = '<p align="center">\n  <img src="https://x.dev/logo.png" width="120" alt="logo">\n  <br>\n  <b>Tagline</b>\n</p>';
    expect(md(html)).toBe('<p align="center">\n<img src="https://x.dev/logo.png" width="120" alt="logo">\n  <br>\n  <b>Tagline</b>\n</p>');
  });

  it('keeps an aligned div with Markdown inside between blank lines', () => {
    expect(md('<div align="center">\n<h1>Title</h1>\n<p>Some <strong>text</strong></p>\n</div>')).toBe(
      '<div align="center">\n\n# Title\n\nSome **text**\n\n</div>',
    );
  });

  it('keeps an aligned heading as HTML', () => {
    expect(md('<h1 align="center">Project</h1>')).toBe('<h1 align="center">Project</h1>');
  });

  it('writes images and links standing between blocks as the HTML block they were', () => {
    const html =
      '<p>Intro</p>\n<a href="https://x.dev/"><img src="https://x.dev/a.png" alt="a"></a>\n<a href="https://y.dev/"><img src="https://y.dev/b.png" alt="b"></a>\n<p>After</p>';
    expect(md(html)).toBe(
      'Intro\n\n<a href="https://x.dev/">\n<img src="https://x.dev/a.png" alt="a"></a>\n<a href="https://y.dev/"><img src="https://y.dev/b.png" alt="b"></a>\n\nAfter',
    );
  });

  it('keeps a <br> typed inside a line as the tag', () => {
    expect(md('<p>a<br>b</p>')).toBe('a<br>b');
  });

  it('writes a Markdown line break as a backslash at the end of the line', () => {
    expect(md('<p>a<br>\nb</p>')).toBe('a\\\nb');
  });

  it('keeps a line break at the end of a paragraph, where Markdown would drop it', () => {
    expect(md('<p>a<br>\n</p>')).toBe('a<br>');
  });

  it('keeps comments where they were', () => {
    expect(md('<p>a</p>\n<!-- note -->\n<p>b <!-- inline --> c</p>')).toBe('a\n\n<!-- note -->\n\nb <!-- inline --> c');
  });

  it('keeps tags HTML does not know as raw inline HTML', () => {
    expect(md('<p>foo <bab>bar</bab></p>')).toBe('foo <bab>bar</bab>');
  });

  it('unwraps custom elements it does not know', () => {
    expect(md('<p><relative-time datetime="2024-01-01">Jan 1</relative-time></p>')).toBe('Jan 1');
  });

  it('writes a definition list as HTML', () => {
    expect(md('<dl><dt>Term</dt><dd>Meaning</dd></dl>')).toBe('<dl><dt>Term</dt><dd>Meaning</dd></dl>');
  });
});

describe('text that continued an HTML block', () => {
  it('follows the heading it was typed after, both written as HTML', () => {
    expect(md('<h3>Sponsors</h3>\nThanks to everyone who helps.\n<p>Next</p>')).toBe('<h3>Sponsors</h3>\nThanks to everyone who helps.\n\nNext');
  });

  it("follows its cell's opening tag on the next line, so it stays out of a paragraph", () => {
    const html = '<table><tbody><tr><th>Browsers</th><td>\nLoad <code>x</code> from a CDN\n<pre><code>import x\n</code></pre>\n</td></tr></tbody></table>';
    expect(md(html)).toContain('<td>\nLoad <code>x</code> from a CDN\n\n```\nimport x\n```\n\n</td>');
  });

  it('follows the summary of a details box', () => {
    expect(md('<details><summary>More</summary>\nHidden text\n<p>A <em>paragraph</em></p></details>')).toBe(
      '<details>\n<summary>More</summary>\nHidden text\n\nA *paragraph*\n\n</details>',
    );
  });

  it('stays a paragraph after an empty paragraph, which is dropped', () => {
    expect(md('<p></p>Loose text<p></p>')).toBe('Loose text');
  });
});

describe('empty HTML', () => {
  it('keeps an empty div the author typed, and text that continued its HTML block after it', () => {
    expect(md('<div></div>\n``` c\nint x = 33;\n```')).toBe('<div></div>\n``` c\nint x = 33;\n```');
  });

  it('keeps a paragraph of empty inline tags', () => {
    expect(md('<p><bab><c2c></c2c></bab></p>')).toBe('<bab><c2c></c2c></bab>');
  });
});

describe('comments', () => {
  it('keep their blank lines and spacing exactly', () => {
    expect(md('<!-- Foo\n\nbar\n   baz -->\n<p>okay</p>')).toBe('<!-- Foo\n\nbar\n   baz -->\n\nokay');
  });
});

describe('empty tags', () => {
  it('keep the spaces beside them, as the page shows them', () => {
    expect(md('<p>Top <a name="top"></a></p>')).toBe('Top <a name="top"></a>');
    expect(md('<p><kbd></kbd> after</p>')).toBe('<kbd></kbd> after');
  });

  it('keep the space before an empty link', () => {
    expect(md('<p>foo <a href="https://x.dev/"></a></p>')).toBe('foo [](https://x.dev/)');
  });
});
