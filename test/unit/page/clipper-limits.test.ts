import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { githubSite } from '@/utils/github/site';
import { cutNote, markdownOverLimits, MAX_MARKDOWN_CHARS, MAX_MARKDOWN_NESTING, MAX_NESTING } from '@/utils/markdown/limits';
import type { ClipCapture } from '@/utils/model';
import { startClipper, type SaveClip } from '@/utils/page/clipper';
import { clipFrom } from '../../support/clips';
import { loadPage, readFixture } from '../../support/pages';
import { loadCapture } from '../../support/capture';
import { userClick } from '../../support/user';

const issueUrl = 'https://github.com/mosn/mosn/issues/2203';
const discussionUrl = 'https://github.com/sofastack/sofa-rpc/discussions/1401';
const DEPTH_NOTE = cutNote({ reason: 'depth', limit: MAX_NESTING });

const button = (name: string, index = 0) => [...document.querySelectorAll('button')].filter((each) => each.textContent === name)[index]!;
const status = () => document.querySelector('[role="status"]')?.textContent ?? '';
/** Waits for the clip to finish: the first one loads the converter, and happy-dom walks deep trees slowly. */
const clipDone = () => vi.waitFor(() => expect(status()).toMatch(/Clipped to Weekly|Nothing was clipped/), { timeout: 10_000 });

/** Replaces what `body` shows with a list nested `levels` deep (`ol > li > p`, the next list in the item). */
function nestList(body: Element, levels: number): void {
  const top = document.createElement('div');
  let parent: Element = top;
  for (let level = 1; level <= levels; level++) {
    const li = parent.appendChild(document.createElement('ol')).appendChild(document.createElement('li'));
    li.appendChild(document.createElement('p')).textContent = `level ${level}`;
    parent = li;
  }
  body.replaceChildren(...top.childNodes);
}

// Each clip walks a deep tree in happy-dom, which is slow at it: room for a loaded machine.
describe('the clipper on a post beyond the bounds', { timeout: 20_000 }, () => {
  let controller: AbortController;

  beforeEach(() => (controller = new AbortController()));
  afterEach(() => controller.abort());

  it('saves what fit of a comment nested 150 deep and says the answer was cut', async () => {
    const save = vi.fn<SaveClip>(async (capture: ClipCapture) => ({ clip: clipFrom(capture), created: true }));
    const page = loadPage(readFixture('react-issue.html'), issueUrl);
    nestList(page.querySelectorAll('.react-issue-comment .markdown-body .markdown-body')[1]!, 150);
    startClipper(page, githubSite, save, controller.signal, loadCapture);

    userClick(button('Clip as answer', 1));
    await clipDone();

    expect(status()).toBe(`Clipped to Weekly: mosn/mosn#2203, answer by @dengqian. The answer was cut: it nests deeper than ${MAX_NESTING} levels`);
    const answer = save.mock.calls[0]![0].answer!.markdown;
    expect(answer.startsWith('1. level 1\n\n   1. level 2')).toBe(true);
    expect(answer.endsWith(DEPTH_NOTE)).toBe(true);
    expect(markdownOverLimits(answer, { chars: MAX_MARKDOWN_CHARS, nesting: MAX_MARKDOWN_NESTING })).toBeUndefined();
  });

  it('says nothing of a cut marked answer when the clip keeps the answer it had', async () => {
    const kept = { author: 'someone', url: `${discussionUrl}#discussioncomment-7000`, markdown: 'Maybe open an issue?' };
    const save = vi.fn<SaveClip>(async (capture: ClipCapture) => ({ clip: { ...clipFrom(capture), answer: kept }, created: false }));
    const page = loadPage(readFixture('discussion.html'), discussionUrl);
    nestList(page.querySelector('section[aria-label="Marked as Answer"] .js-comment-body')!, 150);
    startClipper(page, githubSite, save, controller.signal, loadCapture);

    userClick(button('Clip to Weekly'));
    await clipDone();

    expect(save.mock.calls[0]![0]).toMatchObject({ answerIsDefault: true, answer: { author: 'khotyn' } });
    expect(save.mock.calls[0]![0].answer!.markdown.endsWith(DEPTH_NOTE)).toBe(true);
    expect(status()).toBe('Clipped to Weekly (updated): sofastack/sofa-rpc#1401, answer by @someone');
  });
});
