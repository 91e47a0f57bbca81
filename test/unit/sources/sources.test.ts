import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubApi, forgetRateLimits, type CachedResponse } from '@/utils/github/api';
import { digestOf, editedByUser, type ClipCapture } from '@/utils/model';
import { checkSources, takeNewSource, takeSourceOfSavedClip, type SourceDeps } from '@/utils/sources';
import { createClipStore, type ClipStore } from '@/utils/store/clips';
import { freshDatabase, seedCapture } from '../../support/clips';
import { GitHubStandIn, readApiFixture } from '../../support/github-stand-in';

const COMMENT = '/repos/mosn/mosn/issues/comments/1370000001';
const ID = 'mosn/mosn#2203';
const SOURCE_MARKDOWN = [
  'Debug server init here：',
  '',
  '```go',
  'func DefaultInitStage(c *v2.MOSNConfig) {',
  '  InitDebugServe(c)',
  '}',
  '```',
  '',
  '<!-- the same init runs on a hot upgrade -->',
  'Thanks @dengqian, see #2100 and the [README](https://github.com/mosn/mosn/blob/master/README.md).',
].join('\n');

/** "Clip as answer" on the whole comment: the converter's Markdown, and the comment's source named. */
function wholeCommentCapture(): ClipCapture {
  const markdown =
    'Debug server init here：\n\n```go\nfunc DefaultInitStage(c *v2.MOSNConfig) {\n  InitDebugServe(c)\n}\n```\n\nThanks @dengqian, see #2100 and the [README](https://github.com/mosn/mosn/blob/master/README.md).';
  return seedCapture({
    answer: {
      author: 'nejisama',
      url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1370000001',
      markdown,
      writtenDigest: digestOf(markdown),
      origin: 'converter',
      converterReason: 'pending',
      source: { type: 'issueComment', repo: 'mosn/mosn', id: 1370000001 },
    },
  });
}

describe("the author's own Markdown of a clipped post", () => {
  let github: GitHubStandIn;
  let clips: ClipStore;
  let deps: SourceDeps;

  beforeEach(() => {
    fakeBrowser.reset();
    github = new GitHubStandIn();
    github.put(COMMENT, readApiFixture('issue-comment.json'));
    clips = createClipStore(freshDatabase());
    const kept = new Map<string, CachedResponse>();
    const cache = { get: async (key: string) => kept.get(key), set: async (key: string, response: CachedResponse) => void kept.set(key, response) };
    deps = { clips, api: async () => createGitHubApi({ baseUrl: 'https://api.github.test', cache, fetch: github.fetch }) };
  });

  afterEach(() => forgetRateLimits());

  async function clipWholeComment() {
    const { clip } = await clips.save(wholeCommentCapture());
    await takeSourceOfSavedClip(clip, deps);
    return (await clips.get(ID))!;
  }

  it('replaces the converter’s Markdown of a whole comment with the source, links made absolute, and says so', async () => {
    const clip = await clipWholeComment();
    expect(clip.answer).toMatchObject({ markdown: SOURCE_MARKDOWN, origin: 'source' });
    expect(clip.answer).not.toHaveProperty('converterReason');
    expect(editedByUser(clip.answer!)).toBe(false);
  });

  it('keeps the converter’s Markdown when rate-limited, and records why', async () => {
    github.exhaust();
    const clip = await clipWholeComment();
    expect(clip.answer).toMatchObject({ origin: 'converter', converterReason: 'rateLimited' });
    expect(clip.answer?.markdown).toBe(wholeCommentCapture().answer?.markdown);
  });

  it('never replaces an answer the user edited before the source arrived', async () => {
    const { clip } = await clips.save(wholeCommentCapture());
    await clips.edit(ID, { answer: 'My own summary' });
    await takeSourceOfSavedClip(clip, deps);
    expect((await clips.get(ID))?.answer).toMatchObject({ markdown: 'My own summary', origin: 'converter' });
  });

  it('never replaces a selection of the same comment clipped while the source was on its way', async () => {
    const { clip } = await clips.save(wholeCommentCapture());
    const selection = 'Debug server init here';
    const answer = { ...wholeCommentCapture().answer!, markdown: selection, writtenDigest: digestOf(selection), converterReason: 'selection' as const };
    delete answer.source;
    await clips.save(seedCapture({ answer }));
    await takeSourceOfSavedClip(clip, deps);
    expect((await clips.get(ID))?.answer).toMatchObject({ markdown: selection, origin: 'converter', converterReason: 'selection' });
  });

  it('finds nothing to flag until the author edits the post, then flags it; a deleted post says so', async () => {
    await clipWholeComment();
    expect(await checkSources([ID], deps)).toEqual([]);
    github.edit(COMMENT, 'Use `InitDebugServe` from v1.5 on.');
    expect(await checkSources([ID], deps)).toEqual([{ clipId: ID, change: 'edited' }]);
    github.remove(COMMENT);
    expect(await checkSources([ID], deps)).toEqual([{ clipId: ID, change: 'gone' }]);
  });

  it('takes the new text on request, but asks before replacing the user’s edit', async () => {
    await clipWholeComment();
    github.edit(COMMENT, 'Use `InitDebugServe` from v1.5 on.');
    expect((await takeNewSource(ID, false, deps)).answer?.markdown).toBe('Use `InitDebugServe` from v1.5 on.');
    expect(await checkSources([ID], deps)).toEqual([]);

    github.edit(COMMENT, 'Fixed in v1.6.');
    await clips.edit(ID, { answer: 'My own summary' });
    await expect(takeNewSource(ID, false, deps)).rejects.toThrow('You edited this answer in the popup');
    expect((await clips.get(ID))?.answer?.markdown).toBe('My own summary');
    expect((await takeNewSource(ID, true, deps)).answer?.markdown).toBe('Fixed in v1.6.');
  });

  it('takes the source later for a clip that fell back, when the user has not edited it', async () => {
    github.exhaust();
    await clipWholeComment();
    forgetRateLimits();
    github.resetLimit();
    expect(await checkSources([ID], deps)).toEqual([]);
    expect((await clips.get(ID))?.answer).toMatchObject({ markdown: SOURCE_MARKDOWN, origin: 'source' });
  });
});
