import { describe, expect, it } from 'vitest';
import { draftWarnings, latestIssueOfEachThread, type WarningInput } from '@/utils/draft/warnings';
import type { Clip, SentIssue } from '@/utils/model';
import { clipFrom, threadCapture } from '../../support/clips';

const answered = (number: number): Clip => ({
  ...clipFrom(threadCapture(number)),
  id: `mosn/mosn#${number}`,
  answer: { author: 'nejisama', url: `https://github.com/mosn/mosn/issues/${number}#issuecomment-1`, markdown: 'Because.' },
});
const unanswered = (number: number): Clip => clipFrom(threadCapture(number));

/** A sent issue as the history lists it: without its copies. */
const sent = (id: string, date: string, clipIds: string[], title = 'SOFA Weekly | 1 月 6 日'): SentIssue => ({
  id,
  title,
  date,
  intro: '',
  clipIds,
  publishedAt: `${date}T07:00:00.000Z`,
});

const current = { id: 'current', title: 'SOFA Weekly | 1 月 13 日' };
const input = (overrides: Partial<WarningInput>): WarningInput => ({ draft: current, clips: [answered(1)], markdown: '# Fine', history: [], ...overrides });

describe('warnings before an issue goes out', () => {
  it('has none for a titled issue whose entries all have answers and whose text has no TODO', () => {
    expect(draftWarnings(input({}))).toEqual([]);
  });

  it('names the entries with no answer, and says the count line still counts them', () => {
    const warnings = draftWarnings(
      input({ clips: [unanswered(1), answered(2), { ...answered(3), answer: { author: 'a', url: 'https://github.com/x', markdown: '  \n' } }] }),
    );
    expect(warnings).toEqual([
      { kind: 'noAnswer', text: 'No answer: mosn/mosn#1, mosn/mosn#3. They print without an answer, and the count line still counts them.' },
    ]);
  });

  it('says the title is still the default', () => {
    expect(draftWarnings(input({ draft: { ...current, title: 'Weekly digest' } }))).toEqual([
      { kind: 'defaultTitle', text: 'The title is still the default, “Weekly digest”.' },
    ]);
  });

  it('says the title is the one the last issue had, which a new draft starts with', () => {
    const history = [sent('old', '2022-12-30', [], 'Older'), sent('last', '2023-01-06', [], current.title)];
    expect(draftWarnings(input({ history }))).toEqual([{ kind: 'sameTitle', text: `The title is the same as the issue of 2023-01-06: “${current.title}”.` }]);
  });

  it('quotes each line with a TODO left in, by its number', () => {
    const markdown = [
      '---',
      'cover: ""  # TODO：在草稿引言中加一行 <!-- cover -->',
      '---',
      '',
      'TODOS and todo are words; a TODO is not',
      '**TODO：本周贡献图。**',
    ].join('\n');
    expect(draftWarnings(input({ markdown })).map((warning) => warning.text)).toEqual([
      'A TODO is left on line 2: cover: ""  # TODO：在草稿引言中加一行 <!-- cover -->',
      'A TODO is left on line 5: TODOS and todo are words; a TODO is not',
      'A TODO is left on line 6: **TODO：本周贡献图。**',
    ]);
  });

  it('quotes a long line only in part', () => {
    const [warning] = draftWarnings(input({ markdown: `TODO ${'x'.repeat(200)}` }));
    expect(warning!.text).toEqual(`A TODO is left on line 1: TODO ${'x'.repeat(74)}…`);
  });

  it('names each thread already published in an earlier issue, with the latest such issue', () => {
    const history = [sent('first', '2022-12-30', ['mosn/mosn#1', 'mosn/mosn#2']), sent('second', '2023-01-06', ['mosn/mosn#2'])];
    const warnings = draftWarnings(input({ clips: [answered(1), answered(2), answered(3)], history }));
    expect(warnings).toEqual([
      { kind: 'alreadySent', text: 'mosn/mosn#1 is already in the issue of 2022-12-30.' },
      { kind: 'alreadySent', text: 'mosn/mosn#2 is already in the issue of 2023-01-06.' },
    ]);
  });

  it('judges a sent issue against the issues sent before it only, never itself or later ones', () => {
    const first = sent('first', '2022-12-30', ['mosn/mosn#1'], 'First');
    const second = sent('second', '2023-01-06', ['mosn/mosn#1'], 'Second');
    const firstClips = [answered(1)];
    expect(draftWarnings({ draft: first, clips: firstClips, markdown: '', history: [second, first] })).toEqual([]);
    expect(draftWarnings({ draft: second, clips: firstClips, markdown: '', history: [second, first] }).map((warning) => warning.kind)).toEqual(['alreadySent']);
  });

  it('lists title, entries, then the text’s TODOs', () => {
    const history = [sent('last', '2023-01-06', ['mosn/mosn#2'])];
    const kinds = draftWarnings(input({ draft: { ...current, title: 'Weekly digest' }, clips: [unanswered(1), answered(2)], markdown: 'TODO', history }));
    expect(kinds.map((warning) => warning.kind)).toEqual(['defaultTitle', 'noAnswer', 'alreadySent', 'todo']);
  });
});

describe('the latest sent issue of each thread', () => {
  it('is found whatever order the history comes in', () => {
    const history = [sent('second', '2023-01-06', ['mosn/mosn#2'], 'Second'), sent('first', '2022-12-30', ['mosn/mosn#1', 'mosn/mosn#2'], 'First')];
    expect(latestIssueOfEachThread(history)).toEqual(
      new Map([
        ['mosn/mosn#2', { title: 'Second', date: '2023-01-06' }],
        ['mosn/mosn#1', { title: 'First', date: '2022-12-30' }],
      ]),
    );
  });
});
