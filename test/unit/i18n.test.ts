import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseBackup } from '@/utils/backup/parse';
import { compileTemplate } from '@/utils/draft/template';
import { newIssueUrl } from '@/utils/draft/export';
import { ClipperError, LocalizedError, text, type Substitution } from '@/utils/errors';
import { errorText, reasonText } from '@/utils/i18n';
import { setSettings } from '@/utils/settings';
import { createStore } from '@/utils/store';
import { storageError } from '@/utils/store/transaction';
import english from '../../public/_locales/en/messages.json';
import chinese from '../../public/_locales/zh_CN/messages.json';
import { getMessageFrom, type Catalogue } from '../support/catalogue';
import { freshDatabase, seedCapture } from '../support/clips';

// happy-dom replaces the global URL, so resolve paths with Node's own tools.
const root = resolve(fileURLToPath(import.meta.url), '../../..');
const en: Catalogue = english;
const zh: Catalogue = chinese;

/** Our own source files, by path from the repository's root. */
function sources(...folders: string[]): { path: string; code: string }[] {
  return folders.flatMap((folder) =>
    readdirSync(resolve(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => ({ path: `${folder}/${name}`, code: readFileSync(resolve(root, folder, name), 'utf8') })),
  );
}

describe('errors in the user’s language', () => {
  it('words a LocalizedError’s message as the user reads it, nested texts included', () => {
    const error = new LocalizedError('errorCouldNotClip', [text('errorEmptyPost', 'dengqian')]);
    expect(error.message).toBe('Could not clip this thread: The post by @dengqian has nothing to clip');
    expect(errorText(error)).toBe(error.message);
  });

  it('says a failure nobody foresaw in a sentence of ours around the browser’s words', () => {
    expect(errorText(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe('Something went wrong: Quota exceeded');
    expect(errorText(new ClipperError('Worded for the user already'))).toBe('Worded for the user already');
  });

  it('gives a sentence of ours that frames a reason our errors said, and anything else in its own words', () => {
    expect(reasonText(new LocalizedError('draftNothingToPublish'))).toBe('There is nothing to publish yet: the current draft has no clips.');
    expect(reasonText(new RangeError('Maximum call stack size exceeded'))).toBe('Maximum call stack size exceeded');
  });
});

describe('the catalogues', () => {
  const placeholders = (message = '') => [...new Set(message.match(/\$\d/g))].sort();

  it('hold the same keys in English and Simplified Chinese, with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect([key, placeholders(zh[key]?.message)]).toEqual([key, placeholders(en[key]?.message)]);
  });

  it('hold every key the code names', () => {
    const named = sources('utils', 'components', 'entrypoints').flatMap(({ path, code }) =>
      [...code.matchAll(/\b(?:new \w+Error|text|t)\(\s*'([a-z]\w*)'/g)].map((match) => `${path}: ${match[1]}`),
    );
    expect(named.length).toBeGreaterThan(50);
    const missing = named.filter((use) => {
      const key = use.slice(use.lastIndexOf(' ') + 1);
      return !(key in en && key in zh);
    });
    expect(missing).toEqual([]);
  });
});

describe('errors of ours', () => {
  it('are never English strings written in the code: each names its UI string', () => {
    const english = sources('utils').flatMap(({ path, code }) => [...code.matchAll(/new ClipperError\(\s*[`'"]/g)].map(() => path));
    expect(english).toEqual([]);
  });
});

describe('errors said in Simplified Chinese', () => {
  afterEach(() => {
    fakeBrowser.i18n.getMessage = getMessageFrom(en);
  });

  /** Names and terms Chinese text keeps as they are (see the UI contract in README), and the backup file's own JSON field. */
  const KEPT = new Set(['Weekly', 'Clipper', 'Markdown', 'YYYY', 'mosn', 'format']);

  /** What `error` says in Chinese, with what it quotes (ids, dates, a template's own text, the browser's words) left out. */
  function chineseWords(error: unknown): string[] {
    expect(error).toBeInstanceOf(LocalizedError);
    const { substitutions } = error as LocalizedError;
    const quoted = (substitution: Substitution): string[] => (typeof substitution === 'string' ? [substitution] : substitution.substitutions.flatMap(quoted));
    fakeBrowser.i18n.getMessage = getMessageFrom(zh);
    const said = substitutions.flatMap(quoted).reduce((rest, fragment) => rest.replaceAll(fragment, ''), errorText(error));
    return said.match(/[A-Za-z]{3,}/g)?.filter((word) => !KEPT.has(word)) ?? [];
  }

  const emptyBackup = { format: 'weekly-clipper-backup', version: 1, exportedAt: '2023-01-06T07:00:00.000Z', clips: [], drafts: [], sent: {}, settings: {} };

  const failure = async (action: () => unknown) => {
    try {
      await action();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };

  it.each<[string, () => unknown]>([
    ['publishing a draft with no clips', () => createStore(freshDatabase()).drafts.publish()],
    ['a draft date that is no date', () => createStore(freshDatabase()).drafts.update({ date: '2023/01/06' })],
    ['editing a clip that is gone', () => createStore(freshDatabase()).clips.edit('mosn/mosn#404', { question: 'x' })],
    [
      'an answer nested too deep',
      () => createStore(freshDatabase()).clips.save(seedCapture({ answer: { author: 'a', url: 'u', markdown: '> '.repeat(500) } })),
    ],
    [
      'moving a sent issue’s clip',
      async () => {
        const store = createStore(freshDatabase());
        await store.clips.save(seedCapture(), { addToCurrentDraft: true });
        await store.drafts.publish();
        return store.drafts.unplace('mosn/mosn#2203');
      },
    ],
    ['a storage failure', () => Promise.reject(storageError(new DOMException('Something broke.', 'UnknownError')))],
    ['a full disk', () => Promise.reject(storageError(new DOMException('Quota exceeded', 'QuotaExceededError')))],
    ['a bad target repository', () => newIssueUrl('sofastack', 'title', 'body')],
    ['a tag left open', () => compileTemplate('# {{ draft.title }}\n{% for clip in clips %}')],
    ['a misspelt filter', () => compileTemplate('{{ draft.title | qoute }}')],
    [
      'a filter without its argument',
      () => compileTemplate('{{ draft.title | append }}').render({ id: 'd', title: 't', date: '2023-01-06', clipIds: [], intro: '' }, []),
    ],
    ['a tag that is not available', () => compileTemplate('{% include "other" %}')],
    ['a file that is no backup', () => parseBackup('{"format": "something-else"}')],
    ['a backup with a bad clip', () => parseBackup(JSON.stringify({ ...emptyBackup, clips: [{ id: 'mosn/mosn#1', repo: 'mosn/mosn', number: 'one' }] }))],
    ['a setting that is no repository', () => setSettings({ targetRepo: 'sofastack' })],
  ])('has no English sentence of ours for %s', async (_what, action) => {
    expect(chineseWords(await failure(action))).toEqual([]);
  });
});
