import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasSharedPages, readSharedPage, sharedPagesDir } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { readDraft, waitForStatus } from './support/ui';

/** A captured thread page, as `SOURCES.md` beside the captures describes it. */
interface CapturedThread {
  file: string;
  kind: 'issue' | 'pull' | 'discussion';
  repo: string;
  number: number;
  url: string;
}

const kinds = { issue: 'issue', 'pull request': 'pull', discussion: 'discussion' } as const;
const paths = { issue: 'issues', pull: 'pull', discussion: 'discussions' } as const;

/**
 * Every thread page in `SOURCES.md` ("issue kepano/defuddle#56, React issue view …"); pages that are
 * not threads (a rendered Markdown sample) are the converter's tests' to read.
 */
function capturedThreads(): CapturedThread[] {
  if (!hasSharedPages) return [];
  const sources = readFileSync(`${sharedPagesDir}/SOURCES.md`, 'utf8');
  const captures = new Set(readdirSync(sharedPagesDir));
  return sources.split('\n').flatMap((line) => {
    const match = /^\|\s*([\w.-]+\.html)\s*\|\s*(issue|pull request|discussion) ([\w.-]+\/[\w.-]+)#(\d+)\b/.exec(line);
    if (!match || !captures.has(match[1])) return [];
    const [, file, what, repo, number] = match;
    const kind = kinds[what as keyof typeof kinds];
    return [{ file, kind, repo, number: Number(number), url: `https://github.com/${repo}/${paths[kind]}/${number}` }];
  });
}

/**
 * What a person reads on each page we know. A capture added later without a row here is still clipped
 * and checked (success, one button per post, the number and repository), only not against these.
 */
const shown: Record<string, { title: string; author: string; answers: string[] }> = {
  'issue-react-kepano-defuddle-56.html': {
    title: 'Defuddle on Cloudflare Workers',
    author: 'jmorrell',
    answers: ['jmorrell', 'masylum', 'nbbaier', 'nbbaier', 'masylum', 'nbbaier'],
  },
  'issue-classic-octolinker-testrepo-2.html': { title: 'Issue with some code blocks', author: 'stefanbuck', answers: [] },
  'pull-classic-octolinker-testrepo-1.html': {
    title: 'Update popular-cat-names.js',
    author: 'stefanbuck',
    answers: ['stefanbuck', 'stefanbuck', 'stefanbuck'],
  },
  'discussion-vercel-next.js-70178.html': {
    title: 'High Memory Usage by next-server process.',
    author: 'ShivamArora',
    answers: ['raju-sirigineedi', 'ShivamArora', 'raju-sirigineedi', 'ShivamArora', 'teknology', 'pnogier', 'jelling', 'brillaintlcd', 'pnogier'],
  },
  'discussion-closed-vercel-next.js-97925.html': { title: 'Why remove ViewTransition?', author: 'HM-Suiji', answers: ['icyJoseph', 'paramjeetn', 'HM-Suiji'] },
};

/** For each "Clip as answer" button, the id of the post it sits in (the closest element with an id GitHub gives a post). */
function answerButtonPosts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((button) => button.textContent === 'Clip as answer')
      .map(
        (button) =>
          button.closest('[id^="discussioncomment-"], [id^="issuecomment-"], [id^="discussion_r"], [id^="pullrequestreview-"], .react-issue-comment')?.id ??
          '(none)',
      ),
  );
}

const threads = capturedThreads();

describe.skipIf(!hasSharedPages)('clipping every captured GitHub thread in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(() => session?.close());

  it('finds the captured thread pages listed in SOURCES.md', () => {
    expect(threads.map((thread) => thread.file)).toEqual(expect.arrayContaining(Object.keys(shown)));
  });

  // First, while no clip of this thread exists.
  it("does not clip when the page's own script clicks a button or forges a click", async () => {
    const thread = threads.find((each) => each.file === 'discussion-closed-vercel-next.js-97925.html');
    if (!thread) throw new Error('discussion-closed-vercel-next.js-97925.html is not listed in SOURCES.md');
    session.servePage(thread.url, readSharedPage(thread.file));
    const page = await session.context.newPage();
    await page.goto(thread.url);
    await expect.poll(() => page.getByRole('button', { name: 'Clip as answer' }).count()).toBe(3);
    await page.evaluate(() => {
      const [thread, answer] = [...document.querySelectorAll<HTMLButtonElement>('.wc-clip-button')];
      thread.click();
      answer.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    // Clips are saved in click order: had a forged click saved the thread, the user's own click after
    // it would only update that clip, and say so.
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    expect(await waitForStatus(page, /Clipped to Weekly/)).toBe('Clipped to Weekly: vercel/next.js#97925, answer by @icyJoseph');
    await page.close();
  });
  it.each(threads)('clips $repo#$number ($file): the thread, then its last comment as the answer', async (thread) => {
    session.servePage(thread.url, readSharedPage(thread.file));
    const facts = shown[thread.file];
    const page = await session.context.newPage();
    await page.goto(thread.url);
    await expect.poll(() => page.getByRole('button', { name: 'Clip to Weekly' }).count()).toBe(1);

    const posts = await answerButtonPosts(page);
    expect(new Set(posts).size, 'one Clip as answer per comment and reply').toBe(posts.length);
    if (facts) expect(posts).toHaveLength(facts.answers.length);

    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    // An earlier test may have clipped this thread already, with an answer it keeps.
    await waitForStatus(page, new RegExp(`^Clipped to Weekly(?: \\(updated\\))?: ${thread.repo}#${thread.number}(?:, answer by @[\\w-]+)?$`));

    const answers = page.getByRole('button', { name: 'Clip as answer' });
    const last = facts?.answers.at(-1);
    if ((await answers.count()) > 0) {
      await answers.last().click();
      await waitForStatus(page, new RegExp(`^Clipped to Weekly \\(updated\\): ${thread.repo}#${thread.number}, answer by @${last ?? '[\\w-]+'}$`));
    }

    const { markdown, popup } = await readDraft(session);
    if (facts) {
      expect(markdown).toContain(`. @${facts.author} #${thread.number}**\n\n> `);
      await expect.poll(() => popup.getByText(facts.title, { exact: true }).count()).toBeGreaterThan(0);
    }
    await popup.close();
    await page.close();
  });

  it('clips a nested reply of vercel/next.js#70178 as the answer, not the comment it replies to', async () => {
    const thread = threads.find((each) => each.file === 'discussion-vercel-next.js-70178.html');
    if (!thread) throw new Error('discussion-vercel-next.js-70178.html is not listed in SOURCES.md');
    session.servePage(thread.url, readSharedPage(thread.file));
    const page = await session.context.newPage();
    await page.goto(thread.url);
    await page.locator('#discussioncomment-11004713').getByRole('button', { name: 'Clip as answer' }).click();
    await waitForStatus(page, /^Clipped to Weekly(?: \(updated\))?: vercel\/next\.js#70178, answer by @ShivamArora$/);
    const { markdown, popup } = await readDraft(session);
    expect(markdown).toContain('A：Hey @raju-sirigineedi ');
    await popup.close();
    await page.close();
  });
});
