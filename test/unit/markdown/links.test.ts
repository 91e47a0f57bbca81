import { describe, expect, it } from 'vitest';
import { md } from './helpers';

const mention = (login: string) =>
  `<a class="user-mention notranslate" data-hovercard-type="user" data-hovercard-url="/users/${login}/hovercard" data-octo-click="hovercard-link-click" href="https://github.com/${login}">@${login}</a>`;
const issue = (href: string, text: string) =>
  `<a class="issue-link js-issue-link" data-error-text="Failed to load title" data-id="1" data-permission-text="Title is private" data-url="${href}" data-hovercard-type="issue" href="${href}">${text}</a>`;

describe('GitHub references', () => {
  it('writes mentions as @user, not links', () => {
    expect(md(`<p dir="auto">Thanks ${mention('octocat')}!</p>`)).toBe('Thanks @octocat!');
  });

  it('writes team mentions as @org/team', () => {
    const team =
      '<a class="team-mention js-team-mention notranslate" data-id="123" data-url="/orgs/github/teams/docs/members" data-hovercard-type="team" href="https://github.com/orgs/github/teams/docs">@github/docs</a>';
    expect(md(`<p>cc ${team}</p>`)).toBe('cc @github/docs');
  });

  it('writes issue and pull request references as #123 and owner/repo#123', () => {
    expect(md(`<p>See ${issue('https://github.com/octo/repo/issues/12', '#12')}.</p>`)).toBe('See #12.');
    expect(md(`<p>See ${issue('https://github.com/other/lib/pull/34', 'other/lib#34')}.</p>`)).toBe('See other/lib#34.');
  });

  it('writes a reference to a comment as its URL, which GitHub shortens again', () => {
    const href = 'https://github.com/octo/repo/issues/12#issuecomment-99';
    expect(md(`<p>As in ${issue(href, '#12 (comment)')}</p>`)).toBe(`As in ${href}`);
  });
});

describe('links', () => {
  it('makes relative links absolute against the page URL', () => {
    expect(md('<p><a href="/octo/repo/blob/main/README.md">readme</a></p>')).toBe('[readme](https://github.com/octo/repo/blob/main/README.md)');
    expect(md('<p><a href="../pull/3">pr</a></p>')).toBe('[pr](https://github.com/octo/repo/pull/3)');
    expect(md('<p><a href="#install">install</a></p>')).toBe('[install](https://github.com/octo/repo/issues/7#install)');
  });

  it('resolves with URL semantics, not string joins', () => {
    expect(md('<p><a href="docs/a b.md">doc</a></p>', 'https://github.com/octo/repo/blob/main/README.md')).toBe(
      '[doc](https://github.com/octo/repo/blob/main/docs/a%20b.md)',
    );
  });

  it('keeps a link title, escaping its quotes', () => {
    expect(md('<p><a href="https://x.dev/" title="The &quot;X&quot; site">x</a></p>')).toBe('[x](https://x.dev/ "The \\"X\\" site")');
  });

  it('writes a link whose text is its URL as a bare URL, as typed', () => {
    expect(md('<p>Repo: <a href="https://github.com/a/b" rel="nofollow">https://github.com/a/b</a></p>')).toBe('Repo: https://github.com/a/b');
    expect(md('<p>(<a href="https://x.dev/a">https://x.dev/a</a>).</p>')).toBe('(https://x.dev/a).');
  });

  it('puts a URL in angle brackets where a bare one would swallow what follows', () => {
    expect(md('<p><a href="https://x.dev/a">https://x.dev/a</a>b</p>')).toBe('<https://x.dev/a>b');
    expect(md('<p><a href="https://x.dev/a.">https://x.dev/a.</a></p>')).toBe('<https://x.dev/a.>');
  });

  it('keeps emails as typed', () => {
    expect(md('<p>Mail <a href="mailto:me@x.dev">me@x.dev</a> now</p>')).toBe('Mail me@x.dev now');
  });

  it('escapes parentheses that would end the destination early', () => {
    expect(md('<p><a href="https://x.dev/a(b">x</a></p>')).toBe('[x](https://x.dev/a\\(b)');
    expect(md('<p><a href="https://en.wikipedia.org/wiki/Foo_(bar)">w</a></p>')).toBe('[w](https://en.wikipedia.org/wiki/Foo_(bar))');
  });

  it('escapes brackets inside link text', () => {
    expect(md('<p><a href="https://x.dev/">[draft] notes</a></p>')).toBe('[\\[draft\\] notes](https://x.dev/)');
  });

  it('keeps a link without a target as the tag GitHub renders', () => {
    expect(md('<p><a>plain</a> text</p>')).toBe('<a>plain</a> text');
  });

  it('keeps an anchor as the tag the author typed', () => {
    expect(md('<p><a name="user-content-top"></a>Top</p>')).toBe('<a name="top"></a>Top');
  });
});
