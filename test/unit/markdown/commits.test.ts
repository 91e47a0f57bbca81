import { describe, expect, it } from 'vitest';
import { selectionToMarkdown } from '../../../utils/markdown';
import { md, PAGE, textRange } from './helpers';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const OTHER_SHA = '89abcdef0123456789abcdef0123456789abcdef';

/** A commit link as GitHub renders the SHA an author typed: `shown` is the link's inner HTML. */
const commitLink = (href: string, shown: string) =>
  `<a class="commit-link" data-hovercard-type="commit" data-hovercard-url="${href}/hovercard" href="${href}">${shown}</a>`;

describe('commit references (the thread is octo/repo)', () => {
  it("writes a commit of the thread's repository as its full SHA, which GitHub links again", () => {
    const html = `<p dir="auto">Fixed in ${commitLink(`https://github.com/octo/repo/commit/${SHA}`, '<tt>0123456</tt>')}.</p>`;
    expect(md(html)).toBe(`Fixed in ${SHA}.`);
  });

  it('writes a commit of another repository as owner/repo@sha', () => {
    const html = `<p>Same as ${commitLink(`https://github.com/other/lib/commit/${SHA}`, 'other/lib@<tt>0123456</tt>')}</p>`;
    expect(md(html)).toBe(`Same as other/lib@${SHA}`);
  });

  it("writes a fork's commit, shown as user@sha, as owner/repo@sha", () => {
    const html = `<p>See ${commitLink(`https://github.com/fork/repo/commit/${SHA}`, 'fork@<tt>0123456</tt>')}</p>`;
    expect(md(html)).toBe(`See fork/repo@${SHA}`);
  });

  it("writes a commit linked to a pull request's view of it as its SHA", () => {
    const html = `<p>Since ${commitLink(`https://github.com/octo/repo/pull/12/commits/${SHA}`, '<tt>0123456</tt>')}</p>`;
    expect(md(html)).toBe(`Since ${SHA}`);
  });

  it('writes a comparison as sha...sha', () => {
    const html = `<p>Changes: ${commitLink(`https://github.com/octo/repo/compare/${SHA}...${OTHER_SHA}`, '<tt>0123456...89abcde</tt>')}</p>`;
    expect(md(html)).toBe(`Changes: ${SHA}...${OTHER_SHA}`);
  });

  it('never writes a code span, which GitHub would not link', () => {
    const html = `<ul><li>${commitLink(`https://github.com/octo/repo/commit/${SHA}`, '<tt>0123456</tt>')} drop the cache</li></ul>`;
    expect(md(html)).toBe(`- ${SHA} drop the cache`);
  });

  it('keeps the URL of a commit link that is not a plain reference', () => {
    const anchored = `https://github.com/octo/repo/commit/${SHA}#diff-2f3a`;
    expect(md(`<p>${commitLink(anchored, '<tt>0123456</tt> (diff)')}</p>`)).toBe(anchored);
    const crossCompare = `https://github.com/other/lib/compare/${SHA}...${OTHER_SHA}`;
    expect(md(`<p>${commitLink(crossCompare, '<tt>0123456...89abcde</tt>')}</p>`)).toBe(crossCompare);
  });

  it('keeps a selected commit reference', () => {
    const body = document.createElement('div');
    body.className = 'markdown-body';
    body.innerHTML = `<p>Fixed in ${commitLink(`https://github.com/octo/repo/commit/${SHA}`, '<tt>0123456</tt>')}, thanks</p>`;
    document.body.appendChild(body);
    expect(selectionToMarkdown([textRange(body, 'Fixed', 'thanks')], { baseUrl: PAGE, dialect: githubMarkdown })).toBe(`Fixed in ${SHA}, thanks`);
    body.remove();
  });
});
