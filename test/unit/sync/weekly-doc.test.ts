import { describe, expect, it } from 'vitest';
import type { Clip } from '@/utils/model';
import { decodeWeekly, encodeWeekly, hasEditsBeyond, mergeWeekly, readWeekly, recordLocalChanges, type SharedWeekly } from '@/utils/sync/weekly-doc';
import { answeredClip as clip } from '../../support/clips';

const draft = { title: 'SOFA Weekly', date: '2023-01-06', intro: 'Hello' };

/** Two browsers that synced `start`: each has the document and the weekly it last saw. */
function twoBrowsers(start: SharedWeekly) {
  const origin = decodeWeekly();
  recordLocalChanges(origin, undefined, start);
  const state = encodeWeekly(origin);
  const browser = () => {
    const doc = decodeWeekly(state);
    let seen = readWeekly(doc);
    return {
      doc,
      get seen() {
        return seen;
      },
      change(next: (weekly: SharedWeekly) => SharedWeekly) {
        const after = next(structuredClone(seen));
        recordLocalChanges(doc, seen, after);
        seen = readWeekly(doc);
      },
    };
  };
  const a = browser();
  const b = browser();
  const exchange = () => {
    const fromA = encodeWeekly(a.doc);
    mergeWeekly(a.doc, encodeWeekly(b.doc));
    mergeWeekly(b.doc, fromA);
    return [readWeekly(a.doc), readWeekly(b.doc)];
  };
  return { a, b, exchange };
}

const ids = (weekly: SharedWeekly) => weekly.clips.map((entry) => entry.number);

describe('the shared weekly document', () => {
  it('reads back the weekly it was given, clips in order', () => {
    const doc = decodeWeekly();
    const weekly = { draft, clips: [clip(1, 'One'), clip(2), clip(3, 'Three')] };
    recordLocalChanges(doc, undefined, weekly);
    expect(readWeekly(decodeWeekly(encodeWeekly(doc)))).toEqual(weekly);
  });

  it("keeps both maintainers' clips when both clip at once", () => {
    const { a, b, exchange } = twoBrowsers({ draft, clips: [clip(1)] });
    a.change((weekly) => ({ ...weekly, clips: [...weekly.clips, clip(2)] }));
    b.change((weekly) => ({ ...weekly, clips: [...weekly.clips, clip(3)] }));
    const [atA, atB] = exchange();
    expect(atA).toEqual(atB);
    expect(ids(atA).sort()).toEqual([1, 2, 3]);
  });

  it('keeps an edit made while another maintainer reorders', () => {
    const { a, b, exchange } = twoBrowsers({ draft, clips: [clip(1, 'One'), clip(2, 'Two'), clip(3, 'Three')] });
    a.change((weekly) => ({ ...weekly, clips: [weekly.clips[2], weekly.clips[0], weekly.clips[1]] }));
    b.change((weekly) => {
      weekly.clips[1].answer = { ...(weekly.clips[1].answer as Clip['answer'] & object), markdown: 'Two, explained better' };
      return weekly;
    });
    const [atA, atB] = exchange();
    expect(atA).toEqual(atB);
    expect(ids(atA)).toEqual([3, 1, 2]);
    expect(atA.clips[2].answer?.markdown).toBe('Two, explained better');
  });

  it('merges two edits of one answer word by word', () => {
    const { a, b, exchange } = twoBrowsers({ draft, clips: [clip(1, 'Restart the server.')] });
    a.change((weekly) => {
      weekly.clips[0].answer!.markdown = 'Please restart the server.';
      return weekly;
    });
    b.change((weekly) => {
      weekly.clips[0].answer!.markdown = 'Restart the debug server.';
      return weekly;
    });
    const [atA, atB] = exchange();
    expect(atA).toEqual(atB);
    expect(atA.clips[0].answer?.markdown).toBe('Please restart the debug server.');
  });

  it('moves both clips when two maintainers move different clips', () => {
    const { a, b, exchange } = twoBrowsers({ draft, clips: [clip(1), clip(2), clip(3), clip(4)] });
    a.change((weekly) => ({ ...weekly, clips: [weekly.clips[1], weekly.clips[0], weekly.clips[2], weekly.clips[3]] }));
    b.change((weekly) => ({ ...weekly, clips: [weekly.clips[0], weekly.clips[1], weekly.clips[3], weekly.clips[2]] }));
    const [atA, atB] = exchange();
    expect(atA).toEqual(atB);
    expect(ids(atA)).toEqual([2, 1, 4, 3]);
  });

  it('never duplicates or drops a clip that both maintainers moved', () => {
    const { a, b, exchange } = twoBrowsers({ draft, clips: [clip(1), clip(2), clip(3)] });
    a.change((weekly) => ({ ...weekly, clips: [weekly.clips[2], weekly.clips[0], weekly.clips[1]] }));
    b.change((weekly) => ({ ...weekly, clips: [weekly.clips[0], weekly.clips[2], weekly.clips[1]] }));
    const [atA, atB] = exchange();
    expect(atA).toEqual(atB);
    expect(ids(atA).sort()).toEqual([1, 2, 3]);
  });

  it('keeps the edit of a clip another maintainer removed, and brings it back whole when put back', () => {
    const { a, b, exchange } = twoBrowsers({ draft, clips: [clip(1, 'One'), clip(2, 'Two')] });
    a.change((weekly) => ({ ...weekly, clips: [weekly.clips[0]] }));
    b.change((weekly) => {
      weekly.clips[1].answer!.markdown = 'Two, edited';
      return weekly;
    });
    const [atA] = exchange();
    expect(ids(atA)).toEqual([1]);
    const removed = clip(2, 'Two');
    a.change((weekly) => ({ ...weekly, clips: [...weekly.clips, removed] }));
    expect(readWeekly(a.doc).clips[1].answer?.markdown).toBe('Two, edited');
  });

  it('takes a newly chosen answer whole instead of mixing it with the old one', () => {
    const { a, b, exchange } = twoBrowsers({ draft, clips: [clip(1, 'Old answer')] });
    a.change((weekly) => {
      weekly.clips[0].answer = { author: 'other', url: 'https://github.com/mosn/mosn/issues/1#issuecomment-99', markdown: 'A better answer' };
      return weekly;
    });
    b.change((weekly) => weekly);
    const [atA, atB] = exchange();
    expect(atA).toEqual(atB);
    expect(atA.clips[0].answer).toEqual({ author: 'other', url: 'https://github.com/mosn/mosn/issues/1#issuecomment-99', markdown: 'A better answer' });
  });

  it('merges edits of the intro from both maintainers', () => {
    const { a, b, exchange } = twoBrowsers({ draft: { ...draft, intro: 'This week.' }, clips: [] });
    a.change((weekly) => ({ ...weekly, draft: { ...weekly.draft, intro: 'Hello! This week.' } }));
    b.change((weekly) => ({ ...weekly, draft: { ...weekly.draft, intro: 'This week. Enjoy.' } }));
    const [atA, atB] = exchange();
    expect(atA).toEqual(atB);
    expect(atA.draft.intro).toBe('Hello! This week. Enjoy.');
  });

  it('tells whether a copy lacks some of its edits, deletions included', () => {
    const doc = decodeWeekly();
    recordLocalChanges(doc, undefined, { draft, clips: [clip(1, 'One')] });
    const state = encodeWeekly(doc);
    expect(hasEditsBeyond(decodeWeekly(state), state)).toBe(false);
    const seen = readWeekly(doc);
    recordLocalChanges(doc, seen, { ...seen, draft: { ...seen.draft, intro: 'Hell' } });
    expect(hasEditsBeyond(doc, state)).toBe(true);
  });
});
