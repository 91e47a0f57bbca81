import { describe, expect, it } from 'vitest';
import { md } from './helpers';

describe('images', () => {
  it('uses the original address behind a camo proxy and drops the camo link around it', () => {
    const html =
      '<p dir="auto"><a target="_blank" rel="noopener noreferrer nofollow" href="https://camo.githubusercontent.com/4b9f/68747470733a2f2f"><img src="https://camo.githubusercontent.com/4b9f/68747470733a2f2f" alt="build" data-canonical-src="https://img.shields.io/badge/build-passing-green" style="max-width: 100%;"></a></p>';
    expect(md(html)).toBe('![build](https://img.shields.io/badge/build-passing-green)');
  });

  it('drops the link GitHub puts around an uploaded image', () => {
    const src = 'https://github.com/user-attachments/assets/1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
    const html = `<p><a target="_blank" rel="noopener noreferrer" href="${src}"><img src="${src}" alt="image" style="max-width: 100%;"></a></p>`;
    expect(md(html)).toBe(`![image](${src})`);
  });

  it('keeps a link to somewhere else around an image', () => {
    const html =
      '<p><a href="https://ci.example.com/build/1" rel="nofollow"><img src="https://camo.githubusercontent.com/9a/68" data-canonical-src="https://ci.example.com/badge.svg" alt="CI" style="max-width: 100%;"></a></p>';
    expect(md(html)).toBe('[![CI](https://ci.example.com/badge.svg)](https://ci.example.com/build/1)');
  });

  it('writes an image with a size as the tag, as uploads are typed', () => {
    const src = 'https://github.com/user-attachments/assets/1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
    const html = `<p><a target="_blank" rel="noopener noreferrer" href="${src}"><img width="480" alt="Screenshot" src="${src}" style="max-width: 100%;"></a></p>`;
    expect(md(html)).toBe(`<img width="480" alt="Screenshot" src="${src}">`);
  });

  it('keeps the alignment of an image as HTML', () => {
    expect(md('<p>Logo <img src="/logo.png" align="right" alt="logo"></p>')).toBe('Logo <img src="https://github.com/logo.png" align="right" alt="logo">');
  });

  it('makes image addresses absolute', () => {
    expect(md('<p><img src="docs/shot.png" alt="shot"></p>', 'https://github.com/octo/repo/blob/main/README.md')).toBe(
      '![shot](https://github.com/octo/repo/blob/main/docs/shot.png)',
    );
  });

  it('replaces a short-lived signed attachment URL by its stable address', () => {
    const html =
      '<p><img src="https://private-user-images.githubusercontent.com/123/456789-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d.png?jwt=eyJ0eXAi" alt="x"></p>';
    expect(md(html)).toBe('![x](https://github.com/user-attachments/assets/1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d)');
  });

  it('writes GitHub emoji images as their shortcode', () => {
    const html =
      '<p>Ship it <img class="emoji" title=":shipit:" alt=":shipit:" src="https://github.githubassets.com/images/icons/emoji/shipit.png" height="20" width="20" align="absmiddle"></p>';
    expect(md(html)).toBe('Ship it :shipit:');
  });

  it('escapes alt text that Markdown would read', () => {
    expect(md('<p><img src="https://x.dev/a.png" alt="a [b] *c*"></p>')).toBe('![a \\[b\\] \\*c\\*](https://x.dev/a.png)');
  });

  it('keeps an image title', () => {
    expect(md('<p><img src="https://x.dev/a.png" alt="a" title="Logo"></p>')).toBe('![a](https://x.dev/a.png "Logo")');
  });

  it('keeps an image typed without alt text as the tag (a Markdown image always has one)', () => {
    expect(md('<p><img src="https://x.dev/a.png"> and <img src="https://x.dev/b.png" alt=""></p>')).toBe(
      '<img src="https://x.dev/a.png"> and ![](https://x.dev/b.png)',
    );
  });
});
