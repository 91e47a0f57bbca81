import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerClipHandlers } from '@/utils/background';
import { sendMessage } from '@/utils/messaging';
import { setSettings } from '@/utils/settings';
import { createStore, type Store } from '@/utils/store';
import { freshDatabase, seedCapture, threadCapture } from '../../support/clips';

describe('a clip sent by a content script', () => {
  let store: Store;
  let unregister: () => void;

  beforeEach(() => {
    fakeBrowser.reset();
    store = createStore(freshDatabase());
    unregister = registerClipHandlers(store.clips);
  });

  afterEach(() => unregister());

  it('goes to the end of the current draft by default', async () => {
    await sendMessage('saveClip', threadCapture(1));
    await sendMessage('saveClip', seedCapture());
    const view = await store.drafts.current();
    expect(view.clips.map((clip) => clip.id)).toEqual(['mosn/mosn#1', 'mosn/mosn#2203']);
    expect(view.inbox).toEqual([]);
  });

  it('waits in the inbox when the setting is off, which applies without a restart', async () => {
    await sendMessage('saveClip', threadCapture(1));
    await setSettings({ addNewClipsToCurrentDraft: false });
    await sendMessage('saveClip', seedCapture());
    const view = await store.drafts.current();
    expect(view.clips.map((clip) => clip.id)).toEqual(['mosn/mosn#1']);
    expect(view.inbox.map((clip) => clip.id)).toEqual(['mosn/mosn#2203']);
  });

  it('keeps its place when the thread is clipped again', async () => {
    await setSettings({ addNewClipsToCurrentDraft: false });
    await sendMessage('saveClip', seedCapture());
    await setSettings({ addNewClipsToCurrentDraft: true });
    const again = await sendMessage('saveClip', seedCapture({ title: 'Again' }));
    expect(again.created).toBe(false);
    const view = await store.drafts.current();
    expect([view.clips, view.inbox.map((clip) => clip.title)]).toEqual([[], ['Again']]);
  });
});
