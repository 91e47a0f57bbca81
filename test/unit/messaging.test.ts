import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ClipperError, LocalizedError, text } from '@/utils/errors';
import { errorText } from '@/utils/i18n';
import { onMessage, sendMessage, sendToTab } from '@/utils/messaging';
import type { ClipCapture, SavedClip } from '@/utils/model';
import { clipFrom, seedCapture } from '../support/clips';

/** Chrome copies a message and its reply as JSON: only plain data reaches the other side. */
const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

describe('messages between the background and the content script', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    const dispatch = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    // The fake hands a message to every runtime listener, which is where a tab's content script listens too.
    const throughChrome = async (message: unknown) => copy(await dispatch(copy(message)));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(throughChrome);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((_tabId, message) => throughChrome(message));
  });

  afterEach(() => vi.restoreAllMocks());

  it("answers a message to the background with its handler's value, typed by the protocol", async () => {
    const unregister = onMessage('saveClip', async (capture) => ({ clip: clipFrom(capture), created: true }));
    const saved = await sendMessage('saveClip', seedCapture());
    expectTypeOf(sendMessage<'saveClip'>).parameters.toEqualTypeOf<['saveClip', ClipCapture]>();
    expectTypeOf(saved).toEqualTypeOf<SavedClip>();
    expect(saved).toEqual({ clip: clipFrom(seedCapture()), created: true });
    unregister();
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'saveClip', args: [seedCapture()] }, {})).toEqual([]);
  });

  it('asks the content script in the tab and frame given, and resolves when its handler returns nothing', async () => {
    const clipSelection = vi.fn(async () => {});
    onMessage('clipSelection', clipSelection);
    await expect(sendToTab({ tabId: 7, frameId: 3 }, 'clipSelection')).resolves.toBeUndefined();
    expect(clipSelection).toHaveBeenCalledOnce();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'clipSelection', args: [] }, { frameId: 3 });
  });

  it("keeps a failure's UI string, nested substitutions included, and does not send again", async () => {
    onMessage('saveClip', () => Promise.reject(new LocalizedError('errorCouldNotClip', [text('cutTooDeep', '64')])));
    const failure = await sendMessage('saveClip', seedCapture()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LocalizedError);
    expect(failure).toMatchObject({ key: 'errorCouldNotClip', substitutions: [{ key: 'cutTooDeep', substitutions: ['64'] }] });
    expect(errorText(failure)).toBe('Could not clip this thread: it nests deeper than 64 levels');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledOnce();
  });

  it('keeps the words of our other errors, and names any other failure as one to clip', async () => {
    const unregister = onMessage('clipSelection', () => Promise.reject(new ClipperError('Written for the user')));
    const failure = await sendToTab({ tabId: 7 }, 'clipSelection').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClipperError);
    expect(failure).not.toBeInstanceOf(LocalizedError);
    expect(errorText(failure)).toBe('Written for the user');
    unregister();

    onMessage('clipSelection', () => {
      throw new Error('QuotaExceededError: the disk is full');
    });
    const unforeseen = await sendToTab({ tabId: 7 }, 'clipSelection').catch((error: unknown) => error);
    expect(errorText(unforeseen)).toBe('Could not clip this thread: QuotaExceededError: the disk is full');
  });

  it('leaves messages that are not its own to other listeners', async () => {
    const save = vi.fn(async (capture: ClipCapture) => ({ clip: clipFrom(capture), created: true }));
    onMessage('saveClip', save);
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      typeof message === 'object' && message !== null && 'ping' in message ? Promise.resolve('pong') : undefined,
    );
    await expect(fakeBrowser.runtime.sendMessage({ ping: true })).resolves.toBe('pong');
    for (const foreign of ['saveClip', null, { type: 'saveClip' }, { type: 'saveClip', args: 'not a list' }, { type: 'clipSelection', args: [] }]) {
      expect(await fakeBrowser.runtime.onMessage.trigger(foreign, {})).toEqual([undefined, undefined]);
    }
    expect(save).not.toHaveBeenCalled();
  });
});
