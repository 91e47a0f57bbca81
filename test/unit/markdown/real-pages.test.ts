import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../utils/markdown';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const pagesDir = path.resolve(repoRoot, '../shared/fixtures/github-pages');
const expectedDir = path.resolve(repoRoot, 'test/fixtures/markdown/real');

/** Captured pages (see SOURCES.md next to them) and the URL each was captured at. */
const PAGES: Record<string, string> = {
  'issue-react-kepano-defuddle-56': 'https://github.com/kepano/defuddle/issues/56',
  'issue-classic-octolinker-testrepo-2': 'https://github.com/OctoLinker/testrepo/issues/2',
  'pull-classic-octolinker-testrepo-1': 'https://github.com/OctoLinker/testrepo/pull/1',
  'markdown-demo-github-markdown-css': 'https://github.com/sindresorhus/github-markdown-css',
};

/** The post bodies of a page: outermost `.markdown-body`s (React nests one inside another). */
function postBodies(stem: string): Element[] {
  const page = new DOMParser().parseFromString(readFileSync(path.join(pagesDir, `${stem}.html`), 'utf8'), 'text/html');
  return Array.from(page.querySelectorAll('.markdown-body')).filter((body) => !body.parentElement?.closest('.markdown-body'));
}

function converted(stem: string): string[] {
  const baseUrl = PAGES[stem] ?? '';
  return postBodies(stem).map((body) => htmlToMarkdown(body, { baseUrl, dialect: githubMarkdown }));
}

function expected(stem: string): string[] {
  return readdirSync(expectedDir)
    .filter((file) => file.startsWith(`${stem}.`))
    .sort((a, b) => Number(a.split('.').at(-2)) - Number(b.split('.').at(-2)))
    .map((file) => readFileSync(path.join(expectedDir, file), 'utf8').replace(/\n$/, ''));
}

describe.skipIf(!existsSync(pagesDir))('captured GitHub pages', () => {
  for (const stem of Object.keys(PAGES)) {
    it(`converts every post of ${stem} to the reviewed Markdown`, () => {
      expect(converted(stem)).toEqual(expected(stem));
    });
  }

  it("finds the React page's opening post and six comments, with its one TypeScript block", () => {
    const posts = converted('issue-react-kepano-defuddle-56');
    expect(posts).toHaveLength(7);
    expect(
      posts
        .join('\n')
        .match(/^```\w*$/gm)
        ?.filter((fence) => fence !== '```'),
    ).toEqual(['```ts']);
  });

  it('keeps every code block of the classic issue, each with its language', () => {
    const [body] = postBodies('issue-classic-octolinker-testrepo-2');
    const blocks = body?.querySelectorAll('div.highlight').length ?? 0;
    const [post = ''] = converted('issue-classic-octolinker-testrepo-2');
    const languages = post.match(/^```\w+$/gm) ?? [];
    // SOURCES.md says 18; the page holds 20 highlighted blocks, all of them kept.
    expect(blocks).toBeGreaterThanOrEqual(18);
    expect(languages).toHaveLength(blocks);
    expect(languages).toContain('```dockerfile');
  });

  it("writes the pull request's emoji as the character", () => {
    expect(converted('pull-classic-octolinker-testrepo-1')).toContain('👍');
  });
});
