import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { captureClip } from '@/utils/capture';
import { githubSite } from '@/utils/github/site';
import type { ClipCapture } from '@/utils/model';
import { createClipStore } from '@/utils/store/clips';
import { freshDatabase, seedCapture } from '../../support/clips';
import { loadPage, readFixture } from '../../support/pages';
import { expectConsistent } from './contents';

/** A GitHub Enterprise server: the same pages as github.com, on a host of its own. */
const ENTERPRISE = 'github.example.com';

/** `capture` as the same thread's page on `host` would send it: every URL on that host. */
function onHost(capture: ClipCapture, host: string): ClipCapture {
  const moved = (url: string) => Object.assign(new URL(url), { host }).href;
  return { ...capture, url: moved(capture.url), question: { ...capture.question, url: moved(capture.question.url) } };
}

/** What the clipper sends for Clip to Weekly on the React issue page mosn/mosn#2203 served at `origin`. */
function clipPage(origin: string): ClipCapture {
  const url = `${origin}/mosn/mosn/issues/2203`;
  const thread = githubSite.readThread(loadPage(readFixture('react-issue.html'), url), new URL(url));
  return captureClip(githubSite, thread, { target: 'thread' });
}

describe('threads of two hosts', () => {
  it('are two clips when they share their repository and number', async () => {
    const open = freshDatabase();
    const store = createClipStore(open);
    const onGithub = await store.save(seedCapture());
    const onEnterprise = await store.save(onHost(seedCapture(), ENTERPRISE));
    expect(onGithub).toMatchObject({ created: true, clip: { id: 'mosn/mosn#2203', url: 'https://github.com/mosn/mosn/issues/2203' } });
    expect(onEnterprise).toMatchObject({
      created: true,
      clip: { id: 'github.example.com/mosn/mosn#2203', repo: 'mosn/mosn', number: 2203, url: 'https://github.example.com/mosn/mosn/issues/2203' },
    });

    const again = await store.save(onHost(seedCapture({ title: 'Renamed on the enterprise server' }), ENTERPRISE));
    expect(again).toMatchObject({ created: false, clip: { id: 'github.example.com/mosn/mosn#2203', title: 'Renamed on the enterprise server' } });
    expect(await store.get('mosn/mosn#2203')).toEqual(onGithub.clip);
    expect((await store.list()).map((clip) => clip.id).sort()).toEqual(['github.example.com/mosn/mosn#2203', 'mosn/mosn#2203']);
    await expectConsistent(open);
  });

  it('keep the host of the page they were clipped on, from the page to the store', async () => {
    const fromGithub = clipPage('https://github.com');
    const fromEnterprise = clipPage(`https://${ENTERPRISE}`);
    expect(fromGithub.url).toBe('https://github.com/mosn/mosn/issues/2203');
    expect(fromEnterprise.url).toBe('https://github.example.com/mosn/mosn/issues/2203');

    const store = createClipStore(freshDatabase());
    const ids = [(await store.save(fromGithub)).clip.id, (await store.save(fromEnterprise)).clip.id];
    expect(ids).toEqual(['mosn/mosn#2203', 'github.example.com/mosn/mosn#2203']);
    expect(await store.list()).toHaveLength(2);
  });
});
