import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { githubSite } from '@/utils/github/site';
import type { ClipCapture } from '@/utils/model';
import { startClipper, type SaveClip } from '@/utils/page/clipper';
import english from '../../../public/_locales/en/messages.json';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import { getMessageFrom } from '../../support/catalogue';
import { clipFrom } from '../../support/clips';
import { loadPage, readFixture } from '../../support/pages';
import { loadCapture } from '../../support/capture';
import { userClick } from '../../support/user';

/** The Chinese UI, word for word as a Chinese browser shows it. */
beforeEach(() => {
  fakeBrowser.i18n.getMessage = getMessageFrom(chinese);
});

afterEach(() => {
  fakeBrowser.i18n.getMessage = getMessageFrom(english);
});

describe('GitHub pages in Chinese', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  const button = (name: string) => [...document.querySelectorAll('button')].find((each) => each.textContent === name)!;

  it('keep the buttons’ English names and explain them in Chinese tooltips', () => {
    startClipper(
      loadPage(readFixture('react-issue.html'), 'https://github.com/mosn/mosn/issues/2203'),
      githubSite,
      vi.fn<SaveClip>(),
      controller.signal,
      loadCapture,
    );
    expect(button('Clip to Weekly').title).toBe(chinese.clipToWeeklyTitle.message);
    expect(button('Clip as answer').title).toBe(chinese.clipAsAnswerTitle.message);
    expect(button('Clip as answer').title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('say a clip was updated once, not in both languages', async () => {
    const save = vi.fn<SaveClip>(async (capture: ClipCapture) => ({ clip: clipFrom(capture), created: false }));
    startClipper(loadPage(readFixture('react-issue.html'), 'https://github.com/mosn/mosn/issues/2203'), githubSite, save, controller.signal, loadCapture);
    userClick(button('Clip to Weekly'));
    const status = () => document.querySelector('[role="status"]')?.textContent ?? '';
    await vi.waitFor(() => expect(status()).toContain('mosn/mosn#2203'), { timeout: 10_000 });
    expect(status()).toBe('Clipped to Weekly（已更新）：mosn/mosn#2203');
  });

  it('say in Chinese that the thread was in a sent issue already', async () => {
    const save = vi.fn<SaveClip>(async (capture: ClipCapture) => ({
      clip: clipFrom(capture),
      created: true,
      sentIn: { title: 'SOFA Weekly', date: '2023-01-06' },
    }));
    startClipper(loadPage(readFixture('react-issue.html'), 'https://github.com/mosn/mosn/issues/2203'), githubSite, save, controller.signal, loadCapture);
    userClick(button('Clip to Weekly'));
    const status = () => document.querySelector('[role="status"]')?.textContent ?? '';
    await vi.waitFor(() => expect(status()).toContain('mosn/mosn#2203'), { timeout: 10_000 });
    expect(status()).toBe('Clipped to Weekly（已剪藏）：mosn/mosn#2203，已在 2023-01-06 那一期发过');
  });
});
