import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClipperError } from '@/utils/errors';
import { MAX_MARKDOWN_CHARS, MAX_MARKDOWN_NESTING, MAX_NESTING } from '@/utils/markdown/limits';
import { createClipStore, type ClipStore } from '@/utils/store/clips';
import { freshDatabase, seedCapture } from '../../support/clips';

const answer = (markdown: string) => ({ author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown });
const quotedDeep = (levels: number) => `${'> '.repeat(levels)}deep`;

describe('the store and Markdown the popup cannot show', () => {
  let store: ClipStore;

  beforeEach(() => {
    store = createClipStore(freshDatabase());
  });

  it('refuses a clip whose answer nests 5,000 quotes deep, and saves nothing', async () => {
    await expect(store.save(seedCapture({ answer: answer(quotedDeep(5000)) }))).rejects.toThrowError(
      new ClipperError(`The answer's Markdown nests deeper than ${MAX_MARKDOWN_NESTING} levels, more than the popup can show`),
    );
    expect(await store.list()).toEqual([]);
  });

  it('refuses a question longer than a clip may hold', async () => {
    const question = { ...seedCapture().question, markdown: 'x'.repeat(MAX_MARKDOWN_CHARS + 1) };
    await expect(store.save(seedCapture({ question, questionIsDefault: false }))).rejects.toThrowError(
      "The question's Markdown is longer than 1,000,000 characters, more than the popup can show",
    );
  });

  it('keeps what the converter writes at its deepest', async () => {
    const { clip } = await store.save(seedCapture({ answer: answer(quotedDeep(MAX_NESTING)) }));
    expect(clip.answer?.markdown).toBe(quotedDeep(MAX_NESTING));
  });

  it('refuses an edit that nests too deep and keeps the clip as it was', async () => {
    await store.save(seedCapture({ answer: answer('Debug server init here') }));
    await expect(store.edit('mosn/mosn#2203', { answer: quotedDeep(5000) })).rejects.toThrowError(ClipperError);
    expect((await store.get('mosn/mosn#2203'))?.answer?.markdown).toBe('Debug server init here');
  });
});
