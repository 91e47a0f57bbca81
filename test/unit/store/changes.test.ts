import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type Store } from '@/utils/store';
import { createChangeHub, type Channel, type StoreChange } from '@/utils/store/changes';
import { createClipStore } from '@/utils/store/clips';
import { openClipperDB, type ClipRecord } from '@/utils/store/db';
import { inTransaction } from '@/utils/store/transaction';
import { clipFrom, seedCapture, threadCapture } from '../../support/clips';

const EVERY_STORE: StoreChange = { stores: ['clips', 'drafts', 'sentClips'] };

describe("the store's change feed", () => {
  let name: string;
  let store: Store;
  let heard: StoreChange[];
  let stop: () => void;

  beforeEach(async () => {
    name = `test-${crypto.randomUUID()}`;
    store = createStore(() => openClipperDB(name));
    heard = [];
    stop = store.changes.subscribe((change) => heard.push(change));
    // A feed learns which database it follows when its store first opens it.
    await store.clips.list();
  });

  afterEach(() => stop());

  it('announces a committed write before the write resolves', async () => {
    const saving = store.clips.save(seedCapture());
    let heardBySave = -1;
    await saving.then(() => (heardBySave = heard.length));
    expect(heardBySave).toBe(1);
    expect(heard).toEqual([EVERY_STORE]);

    await store.drafts.place('mosn/mosn#2203');
    await store.drafts.update({ title: 'SOFA Weekly' });
    expect(heard).toHaveLength(3);
  });

  it('announces nothing for reads', async () => {
    await store.clips.save(seedCapture());
    await store.drafts.current();
    heard = [];
    await Promise.all([store.clips.list(), store.clips.get('mosn/mosn#2203'), store.drafts.current(), store.drafts.history(), store.contents.read()]);
    expect(heard).toEqual([]);
  });

  it('announces nothing for a rolled-back write', async () => {
    await store.clips.save(seedCapture());
    heard = [];
    // Refused by the store's own checks, inside the transaction.
    await expect(
      store.clips.save(seedCapture({ answer: { author: 'a', url: 'https://github.com/a/b', markdown: `${'> '.repeat(5000)}deep` } })),
    ).rejects.toThrow();
    await expect(store.clips.edit('mosn/mosn#404', { answer: 'gone' })).rejects.toThrow();
    await expect(store.drafts.publish()).rejects.toThrow();
    // Written, then thrown: the write is undone and never announced.
    const written = inTransaction(
      () => openClipperDB(name),
      'readwrite',
      async (tx) => {
        await tx.objectStore('clips').put({ ...clipFrom(threadCapture(7)), draftId: '' } satisfies ClipRecord);
        throw new Error('changed my mind');
      },
    );
    await expect(written).rejects.toThrow('changed my mind');
    expect(await store.clips.get('mosn/mosn#7')).toBeUndefined();
    expect(heard).toEqual([]);
  });

  it("hears another store's writes on the same database, the background's clip store too, and no other database", async () => {
    const background = createClipStore(() => openClipperDB(name));
    await background.save(threadCapture(1));
    await createStore(() => openClipperDB(name)).drafts.place('mosn/mosn#1');
    await createStore(() => openClipperDB(`test-${crypto.randomUUID()}`)).clips.save(threadCapture(2));
    expect(heard).toEqual([EVERY_STORE, EVERY_STORE]);
  });

  it('hears nothing before its store opens the database, and stops when told', async () => {
    const other = createStore(() => openClipperDB(name));
    const listener = vi.fn();
    const unsubscribe = other.changes.subscribe(listener);
    await store.clips.save(threadCapture(1));
    expect(listener).not.toHaveBeenCalled();
    // Its first read opens the database and joins its feed.
    await other.clips.list();
    await store.clips.save(seedCapture());
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    await store.clips.save(threadCapture(2));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(heard).toHaveLength(3);
  });
});

/** Channels of one name reach each other, never themselves, as `BroadcastChannel`s do between contexts. */
function fakeChannels() {
  const open = new Set<Channel & { name: string }>();
  const posted: StoreChange[] = [];
  const openChannel = (name: string) => {
    const channel: Channel & { name: string } = {
      name,
      onmessage: null,
      postMessage(message) {
        posted.push(message);
        for (const other of open) if (other !== channel && other.name === name) other.onmessage?.(new MessageEvent('message', { data: message }));
      },
      close: () => void open.delete(channel),
    };
    open.add(channel);
    return channel;
  };
  return { openChannel, open, posted };
}

describe('change hubs in separate contexts', () => {
  it('carry a change to the other context once, and to their own listeners without an echo', () => {
    const channels = fakeChannels();
    const [popup, background] = [createChangeHub(channels.openChannel), createChangeHub(channels.openChannel)];
    const inPopup = vi.fn();
    popup.subscribe('weekly-clipper', inPopup);

    background.announce('weekly-clipper', { stores: ['clips', 'drafts'] });
    expect(inPopup).toHaveBeenCalledExactlyOnceWith({ stores: ['clips', 'drafts'] });
    // The background listens to nothing, so it kept no channel open.
    expect([...channels.open].map((channel) => channel.name)).toEqual(['weekly-clipper:changes']);

    popup.announce('weekly-clipper', { stores: ['drafts'] });
    expect(inPopup).toHaveBeenCalledTimes(2);
    expect(inPopup).toHaveBeenLastCalledWith({ stores: ['drafts'] });
    background.announce('another-database', { stores: ['clips'] });
    expect(inPopup).toHaveBeenCalledTimes(2);
  });

  it('ignore messages that are not changes', () => {
    const channels = fakeChannels();
    const hub = createChangeHub(channels.openChannel);
    const listener = vi.fn();
    hub.subscribe('weekly-clipper', listener);
    const [channel] = channels.open;
    for (const data of [null, 'clips', { stores: 'clips' }, { stores: ['settings'] }]) channel.onmessage?.(new MessageEvent('message', { data }));
    expect(listener).not.toHaveBeenCalled();
  });

  it('close the channel when the last listener leaves', () => {
    const channels = fakeChannels();
    const hub = createChangeHub(channels.openChannel);
    const [first, second] = [hub.subscribe('weekly-clipper', () => undefined), hub.subscribe('weekly-clipper', () => undefined)];
    expect(channels.open.size).toBe(1);
    first();
    expect(channels.open.size).toBe(1);
    second();
    expect(channels.open.size).toBe(0);
  });

  it('reach another context over a real BroadcastChannel', async () => {
    const open = (name: string) => new BroadcastChannel(name) as unknown as Channel;
    const [popup, background] = [createChangeHub(open), createChangeHub(open)];
    const heard = new Promise<StoreChange>((resolve) => {
      const stop = popup.subscribe('weekly-clipper', (change) => {
        stop();
        resolve(change);
      });
    });
    background.announce('weekly-clipper', { stores: ['clips', 'drafts'] });
    expect(await heard).toEqual({ stores: ['clips', 'drafts'] });
  });

  it('keep changes in their own context where there is no BroadcastChannel', () => {
    const hub = createChangeHub(() => undefined);
    const listener = vi.fn();
    hub.subscribe('weekly-clipper', listener);
    hub.announce('weekly-clipper', { stores: ['clips'] });
    expect(listener).toHaveBeenCalledOnce();
  });
});
