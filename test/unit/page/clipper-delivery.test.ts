import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { registerClipHandlers } from '@/utils/background';
import { LocalizedError } from '@/utils/errors';
import { githubSite } from '@/utils/github/site';
import { sendMessage } from '@/utils/messaging';
import { startClipper } from '@/utils/page/clipper';
import { createClipStore, type ClipStore } from '@/utils/store/clips';
import { freshDatabase } from '../../support/clips';
import { loadPage, readFixture } from '../../support/pages';
import { loadCapture } from '../../support/capture';
import { userClick } from '../../support/user';

const url = 'https://github.com/mosn/mosn/issues/2203';

/** What Chrome (through webextension-polyfill) reports when a message fails on its way. */
const NOT_RECEIVED = 'Could not establish connection. Receiving end does not exist.';
const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const ORPHANED = 'Extension context invalidated.';

type RuntimeSend = typeof fakeBrowser.runtime.sendMessage;

/** The polyfill resolves "The message port closed before a response was received." with no reply at all. */
const portClosed: RuntimeSend = async () => undefined;
const channelClosed: RuntimeSend = () => Promise.reject(new Error(CHANNEL_CLOSED));

describe('clipping when the background worker stops or cannot be reached', () => {
  let store: ClipStore;
  let unregister: () => void;
  let controller: AbortController;
  let deliverToBackground: RuntimeSend;
  let send: MockInstance<RuntimeSend>;

  beforeEach(() => {
    fakeBrowser.reset();
    store = createClipStore(freshDatabase());
    unregister = registerClipHandlers(store, async () => true);
    deliverToBackground = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    controller = new AbortController();
    startClipper(loadPage(readFixture('react-issue.html'), url), githubSite, (capture) => sendMessage('saveClip', capture), controller.signal, loadCapture);
  });

  afterEach(() => {
    controller.abort();
    unregister();
    vi.restoreAllMocks();
  });

  const status = () => document.querySelector('[role="status"]')?.textContent ?? '';
  const clip = async () => {
    userClick([...document.querySelectorAll('button')].find((button) => button.textContent === 'Clip to Weekly')!);
    await vi.waitFor(() => expect(status()).not.toMatch(/^(Clipping…)?$/), { timeout: 5000 }); // the first clip loads the converter
    return status();
  };
  /** The worker saved, then stopped before it answered. */
  const savedThenStopped: RuntimeSend = async (...args: Parameters<RuntimeSend>) => {
    await deliverToBackground(...args);
    return undefined;
  };

  it('sends again when the worker was not listening yet, and clips', async () => {
    send.mockRejectedValueOnce(new Error(NOT_RECEIVED));
    expect(await clip()).toBe('Clipped to Weekly: mosn/mosn#2203');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('sends again when the worker stopped mid-save; the save merges into the one clip', async () => {
    send.mockImplementationOnce(savedThenStopped);
    expect(await clip()).toBe('Clipped to Weekly (updated): mosn/mosn#2203');
    expect((await store.list()).map((saved) => saved.id)).toEqual(['mosn/mosn#2203']);
  });

  it.each([
    ['its port closed', portClosed],
    ['its channel closed', channelClosed],
  ])('says the clip may have been saved when the worker stopped twice (%s), never that nothing was', async (_, stopped) => {
    send.mockImplementationOnce(savedThenStopped).mockImplementationOnce(stopped);
    const said = await clip();
    expect(said).toBe(
      'Weekly Clipper stopped before it confirmed the clip (the browser may have restarted it). The clip may have been saved: check the popup.',
    );
    expect(await store.get('mosn/mosn#2203')).toBeDefined();
  });

  it('says the clip may have been saved when a lost reply is followed by a worker that does not listen', async () => {
    send.mockImplementationOnce(savedThenStopped).mockRejectedValueOnce(new Error(NOT_RECEIVED));
    expect(await clip()).toMatch(/The clip may have been saved: check the popup\.$/);
  });

  it('says that nothing was clipped only when the message never arrived', async () => {
    send.mockRejectedValueOnce(new Error(NOT_RECEIVED)).mockRejectedValueOnce(new Error(NOT_RECEIVED));
    expect(await clip()).toBe(
      'Weekly Clipper did not answer (its background did not start): try again in a moment, or reload this page if it keeps failing. Nothing was clipped.',
    );
    expect(await store.list()).toEqual([]);
  });

  it('asks for a reload, without sending again, when the extension was updated under the page', async () => {
    send.mockRejectedValue(new Error(ORPHANED));
    expect(await clip()).toBe('Weekly Clipper was updated or reloaded after this page opened: reload the page to clip. Nothing was clipped.');
    expect(send).toHaveBeenCalledOnce();
  });

  it("passes the background's own failure on as it is, without sending again", async () => {
    unregister();
    unregister = registerClipHandlers({ ...store, save: () => Promise.reject(new LocalizedError('errorEmptyPost', ['dengqian'])) });
    expect(await clip()).toBe('The post by @dengqian has nothing to clip. Nothing was clipped.');
    expect(send).toHaveBeenCalledOnce();
  });
});
