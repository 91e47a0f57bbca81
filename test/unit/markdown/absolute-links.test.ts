import { describe, expect, it } from 'vitest';
import { absoluteLinks } from '@/utils/markdown';

const page = 'https://github.com/mosn/mosn/issues/2203#issuecomment-1';

describe("the author's Markdown, written for another site", () => {
  it('makes relative links, images and reference definitions absolute against the page', () => {
    expect(absoluteLinks('See the [README](/mosn/mosn/blob/master/README.md) and ![shot](./img.png).', page)).toBe(
      'See the [README](https://github.com/mosn/mosn/blob/master/README.md) and ![shot](https://github.com/mosn/mosn/issues/img.png).',
    );
    expect(absoluteLinks('[docs]: /mosn/mosn/wiki "Wiki"', page)).toBe('[docs]: https://github.com/mosn/mosn/wiki "Wiki"');
    expect(absoluteLinks('<img width="200" src="/mosn/mosn/raw/master/logo.png">', page)).toBe(
      '<img width="200" src="https://github.com/mosn/mosn/raw/master/logo.png">',
    );
  });

  it('leaves absolute addresses, same-post fragments and code as typed', () => {
    const typed = ['[site](https://mosn.io) [top](#readme) <mailto:a@b.c>', '', '```md', '[x](/in/a/fence)', '```', '', 'Inline `[y](/in/code)` stays.'].join(
      '\n',
    );
    expect(absoluteLinks(typed, page)).toBe(typed);
  });
});
