import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerClipHandlers } from '@/utils/background';
import { sendMessage } from '@/utils/messaging';
import { createClipStore, type ClipStore } from '@/utils/store/clips';
import { openClipperDB } from '@/utils/store/db';
import { seedCapture } from '../support/clips';

describe('background message handling', () => {
  let store: ClipStore;
  let unregister: () => void;

  beforeEach(() => {
    fakeBrowser.reset();
    store = createClipStore(() => openClipperDB(`test-${crypto.randomUUID()}`));
    unregister = registerClipHandlers(store);
  });

  afterEach(() => unregister());

  it('stores the clip a content script sends and answers with it', async () => {
    const saved = await sendMessage('saveClip', seedCapture());
    expect(saved.created).toBe(true);
    expect(saved.clip.id).toBe('mosn/mosn#2203');
    expect(await store.get('mosn/mosn#2203')).toEqual(saved.clip);
  });

  it('answers created: false when the thread was clipped before', async () => {
    await sendMessage('saveClip', seedCapture());
    const again = await sendMessage('saveClip', seedCapture({ title: 'New title' }));
    expect(again.created).toBe(false);
    expect((await store.list()).map((clip) => clip.title)).toEqual(['New title']);
  });

  it('passes a failed write back to the sender instead of reporting success', async () => {
    const failing: ClipStore = { ...store, save: () => Promise.reject(new Error('QuotaExceededError: the disk is full')) };
    unregister();
    unregister = registerClipHandlers(failing);
    await expect(sendMessage('saveClip', seedCapture())).rejects.toThrow(/disk is full/);
  });
});
