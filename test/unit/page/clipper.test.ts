import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { githubSite } from '@/utils/github/site';
import { digestOf, type ClipCapture } from '@/utils/model';
import { startClipper, type LoadCapture, type SaveClip } from '@/utils/page/clipper';
import { clipFrom } from '../../support/clips';
import { hasSharedPages, loadPage, readFixture, readSharedPage } from '../../support/pages';
import { loadCapture } from '../../support/capture';
import { userClick } from '../../support/user';

const reactUrl = 'https://github.com/mosn/mosn/issues/2203';
const classicUrl = 'https://github.com/sofastack/sofa-rpc/issues/1290';
const discussionUrl = 'https://github.com/vercel/next.js/discussions/70178';

const buttons = (name: string) => [...document.querySelectorAll('button')].filter((button) => button.textContent === name);
const status = () => document.querySelector('[role="status"]')?.textContent ?? '';
/** Lets the MutationObserver and pending promises run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** How long to wait for a clip: the first one imports the converter, which takes a busy machine over a second. */
const patiently = { timeout: 10_000 };
/** Waits for a clip to finish (the converter loads on the first one). */
const clipDone = () => vi.waitFor(() => expect(status()).toMatch(/Clipped to Weekly|Nothing was clipped/), patiently);

/** A comment as "Load more" brings it: fresh from the server, without our button. */
function lateComment(): Element {
  const page = new DOMParser().parseFromString(readFixture('react-issue.html'), 'text/html');
  return document.adoptNode(page.querySelector('[data-timeline-event-id="IC_2"]')!);
}

/** Swaps the page's content and URL the way Turbo and React do on a soft navigation. */
function softNavigate(url: string, html: string) {
  history.pushState({}, '', url);
  const next = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...next.body.childNodes);
}

describe('the clipper on a GitHub page', () => {
  let controller: AbortController;
  let save: ReturnType<typeof vi.fn<SaveClip>>;

  beforeEach(() => {
    controller = new AbortController();
    save = vi.fn<SaveClip>(async (capture: ClipCapture) => ({ clip: clipFrom(capture), created: true }));
  });

  afterEach(() => controller.abort());

  it('puts one Clip to Weekly button in the header and one Clip as answer per comment', async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    expect(buttons('Clip as answer')).toHaveLength(2);
    expect(buttons('Clip to Weekly')[0].closest('[data-component="PH_Actions"]')).not.toBeNull();
  });

  it('clips the thread with its title as the question and confirms in a status message', async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0][0]).toMatchObject({
      repo: 'mosn/mosn',
      number: 2203,
      question: { author: 'dengqian', markdown: 'Why pprof debug server do not support hot upgrade?' },
      questionIsDefault: true,
      answer: undefined,
    });
    expect(status()).toBe('Clipped to Weekly: mosn/mosn#2203');
  });

  it('loads the converter when a clip button is first pressed, once, and never for a page alone', async () => {
    const load = vi.fn<LoadCapture>(loadCapture);
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, load);
    await settle();
    expect(load).not.toHaveBeenCalled();
    buttons('Clip as answer')[0].dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    expect(load).toHaveBeenCalledOnce();
    userClick(buttons('Clip as answer')[0]);
    await clipDone();
    userClick(buttons('Clip to Weekly')[0]);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2), patiently);
    expect(load).toHaveBeenCalledOnce();
    expect(status()).toBe('Clipped to Weekly: mosn/mosn#2203');
  });

  it('says nothing was clipped when the converter does not load, and tries it again at the next clip', async () => {
    const load = vi
      .fn<LoadCapture>()
      .mockRejectedValueOnce(new Error('The converter at chrome-extension://id/capture.js did not start'))
      .mockImplementation(loadCapture);
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, load);
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(status()).toBe('Could not clip this thread: The converter at chrome-extension://id/capture.js did not start. Nothing was clipped.');
    expect(save).not.toHaveBeenCalled();
    userClick(buttons('Clip to Weekly')[0]);
    await vi.waitFor(() => expect(status()).toBe('Clipped to Weekly: mosn/mosn#2203'), patiently);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says so when the thread was in a sent issue already, instead of calling it an update', async () => {
    save.mockImplementationOnce(async (capture) => ({ clip: clipFrom(capture), created: true, sentIn: { title: 'SOFA Weekly', date: '2023-01-06' } }));
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(status()).toBe('Clipped to Weekly: mosn/mosn#2203 — already in the issue of 2023-01-06');
  });

  it("ignores clicks a page script makes or forges, so only the user's own input clips", async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    buttons('Clip to Weekly')[0].click();
    buttons('Clip as answer')[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(status()).toBe('');
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(save).toHaveBeenCalledOnce();
  });

  it('clips the selected comment as the answer', async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    userClick(buttons('Clip as answer')[1]);
    await clipDone();
    // The whole comment: the converter's Markdown now, and its source named for the background to read.
    expect(save.mock.calls[0][0].answer).toEqual({
      author: 'dengqian',
      url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1370000002',
      markdown: 'Got it, thanks!',
      origin: 'converter',
      converterReason: 'pending',
      source: { type: 'issueComment', repo: 'mosn/mosn', id: 1370000002 },
      writtenDigest: digestOf('Got it, thanks!'),
    });
    expect(status()).toBe('Clipped to Weekly: mosn/mosn#2203, answer by @dengqian');
  });

  it('clips with the current selection when the shortcut or the context menu asks', async () => {
    const clipper = startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    const reply = document.querySelectorAll('.react-issue-comment .markdown-body p')[2];
    const range = document.createRange();
    range.selectNodeContents(reply);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    await clipper.clipSelection();
    expect(save.mock.calls[0][0]).toMatchObject({
      questionIsDefault: true,
      answer: { author: 'dengqian', markdown: 'Got it, thanks!' },
    });
  });

  it('says so on the page when the shortcut is used off a thread', async () => {
    const clipper = startClipper(loadPage(readFixture('react-issue.html'), 'https://github.com/mosn/mosn'), githubSite, save, controller.signal, loadCapture);
    await clipper.clipSelection();
    expect(save).not.toHaveBeenCalled();
    expect(status()).toBe('This page is not a GitHub issue, pull request or discussion. Nothing was clipped.');
  });

  it('reports a failed save and does not claim success', async () => {
    save.mockRejectedValueOnce(new Error('QuotaExceededError'));
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(status()).toBe('Could not clip this thread: QuotaExceededError. Nothing was clipped.');
  });

  it('gives comments that load late their own button', async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    document.querySelector('[data-testid="issue-timeline-container"]')!.append(lateComment());
    await settle();
    expect(buttons('Clip as answer')).toHaveLength(3);
    expect(buttons('Clip to Weekly')).toHaveLength(1);
  });

  it('keeps exactly one set of buttons, acting on the thread on screen, across soft navigations', async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    softNavigate(classicUrl, readFixture('classic-issue.html'));
    await settle();
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    expect(buttons('Clip as answer')).toHaveLength(1);
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(save.mock.calls[0][0]).toMatchObject({ repo: 'sofastack/sofa-rpc', number: 1290 });

    softNavigate(reactUrl, readFixture('react-issue.html'));
    await settle();
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    expect(buttons('Clip as answer')).toHaveLength(2);
  });

  it('removes its buttons when a soft navigation leaves the thread but keeps the header', async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    history.pushState({}, '', 'https://github.com/mosn/mosn/issues');
    document.body.append(document.createElement('div'));
    await settle();
    expect(buttons('Clip to Weekly')).toHaveLength(0);
    expect(buttons('Clip as answer')).toHaveLength(0);
  });

  it('takes its buttons away once its content script is invalidated, and stops watching', async () => {
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    controller.abort();
    document.querySelector('[data-testid="issue-timeline-container"]')!.append(lateComment());
    await settle();
    expect(buttons('Clip as answer')).toHaveLength(0);
    expect(buttons('Clip to Weekly')).toHaveLength(0);
  });

  it('replaces a button an older copy of the script left behind with one that works', async () => {
    loadPage(readFixture('react-issue.html'), reactUrl);
    const stale = document.createElement('button');
    stale.className = 'wc-clip-button btn btn-sm';
    stale.textContent = 'Clip to Weekly';
    document.querySelector('[data-component="PH_Actions"]')!.prepend(stale);
    startClipper(document, githubSite, save, controller.signal, loadCapture);
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(save).toHaveBeenCalledOnce();
  });

  it('saves every click, even one made while the previous clip is still on its way', async () => {
    let release!: () => void;
    save.mockImplementationOnce((capture) => new Promise((resolve) => (release = () => resolve({ clip: clipFrom(capture), created: true }))));
    startClipper(loadPage(readFixture('react-issue.html'), reactUrl), githubSite, save, controller.signal, loadCapture);
    userClick(buttons('Clip to Weekly')[0]);
    userClick(buttons('Clip as answer')[0]);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1), patiently);
    release();
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2), patiently);
    expect(save.mock.calls[1][0].answer?.author).toBe('nejisama');
  });

  it("puts Clip to Weekly beside the title when the header's actions are not recognised, and says what is wrong on click", async () => {
    const html = readFixture('discussion.html')
      .replace(/class="gh-header-actions[^"]*"/, 'class="header-actions-2027"')
      .replace(/\bjs-comment(?=[\s"])/g, 'comment-2027');
    startClipper(loadPage(html, 'https://github.com/sofastack/sofa-rpc/discussions/1401'), githubSite, save, controller.signal, loadCapture);
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    expect(buttons('Clip to Weekly')[0].parentElement?.previousElementSibling?.tagName).toBe('H1');
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(save).not.toHaveBeenCalled();
    expect(status()).toBe("This page's layout was not recognised: no opening post found. Nothing was clipped.");
  });

  it('does not add a second Clip to Weekly beside the title when the header has its own', () => {
    startClipper(loadPage(readFixture('classic-issue.html'), classicUrl), githubSite, save, controller.signal, loadCapture);
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    expect(buttons('Clip to Weekly')[0].closest('.gh-header-actions')).not.toBeNull();
  });

  it("moves Clip to Weekly into the header's actions when they render after the title", async () => {
    const page = loadPage(readFixture('react-issue.html'), reactUrl);
    const actions = page.querySelector('[data-component="PH_Actions"]')!;
    actions.remove();
    startClipper(page, githubSite, save, controller.signal, loadCapture);
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    page.querySelector('[data-component="TitleArea"]')!.after(actions);
    await settle();
    expect(buttons('Clip to Weekly')).toHaveLength(1);
    expect(buttons('Clip to Weekly')[0].closest('[data-component="PH_Actions"]')).not.toBeNull();
  });

  it.skipIf(!hasSharedPages)('puts exactly one Clip as answer on every comment and nested reply of a real 2026 discussion, none on the question', () => {
    startClipper(loadPage(readSharedPage('discussion-vercel-next.js-70178.html'), discussionUrl), githubSite, save, controller.signal, loadCapture);
    const posts = buttons('Clip as answer').map((button) => button.closest('[id^="discussioncomment-"]')?.id);
    expect(posts).toHaveLength(9);
    expect(new Set(posts).size).toBe(9);
    expect(posts).toContain('discussioncomment-11004713');
    expect(document.querySelector('#discussion-7197489 .wc-clip-button')).toBeNull();
    expect(buttons('Clip to Weekly')).toHaveLength(1);
  });

  it.skipIf(!hasSharedPages)('clips a nested reply of a real discussion as the answer, not the comment it replies to, and says it was clipped', async () => {
    startClipper(loadPage(readSharedPage('discussion-vercel-next.js-70178.html'), discussionUrl), githubSite, save, controller.signal, loadCapture);
    const reply = document.getElementById('discussioncomment-11004713')!;
    userClick(buttons('Clip as answer').find((button) => button.closest('[id^="discussioncomment-"]') === reply)!);
    await clipDone();
    expect(save.mock.calls[0][0]).toMatchObject({
      repo: 'vercel/next.js',
      number: 70178,
      kind: 'discussion',
      title: 'High Memory Usage by next-server process.',
      question: { author: 'ShivamArora', url: `${discussionUrl}#discussion-7197489` },
      answer: { author: 'ShivamArora', url: `${discussionUrl}#discussioncomment-11004713` },
    });
    expect(save.mock.calls[0][0].answer?.markdown).toMatch(/^Hey @raju-sirigineedi /);
    expect(status()).toBe('Clipped to Weekly: vercel/next.js#70178, answer by @ShivamArora');
  });

  it.skipIf(!hasSharedPages)('clips the closed, locked vercel/next.js#97925 with its title as the question', async () => {
    const closedUrl = 'https://github.com/vercel/next.js/discussions/97925';
    startClipper(loadPage(readSharedPage('discussion-closed-vercel-next.js-97925.html'), closedUrl), githubSite, save, controller.signal, loadCapture);
    expect(buttons('Clip as answer')).toHaveLength(3);
    userClick(buttons('Clip to Weekly')[0]);
    await clipDone();
    expect(save.mock.calls[0][0]).toMatchObject({ number: 97925, question: { author: 'HM-Suiji', markdown: 'Why remove ViewTransition?' } });
    expect(status()).toBe('Clipped to Weekly: vercel/next.js#97925');
  });
});
