/**
 * The rules the stored clips and drafts keep, whoever wrote them. A backup is checked against them
 * before it is imported (`checkContents`), and the store's tests check the database against them after
 * every step of random use: so the store never writes what a restore would refuse.
 *
 * - One clip per thread: its `id` is `clipIdOf(clip)` (host, repo and number), unique.
 * - Draft ids are unique, and at most one draft is unpublished: the current draft.
 * - The current draft lists stored clips, each once, and each of them says it is there.
 * - A published draft is the issue as it was sent: `sentClips` holds copies of its clips and
 *   `clipIds` is exactly their ids, in order. Those ids name the copies, not the stored clips: a
 *   thread sent last week may be clipped again, edited, placed or deleted for a later issue.
 * - A stored clip is in the current draft, in the inbox, or (sent, and not clipped again since)
 *   with the published draft that lists it; nowhere else.
 * - Timestamps are written as `Date#toISOString` writes them, so the indexes' text order is their
 *   order in time.
 */
import { text, type Substitution } from '../errors';
import { clipIdOf, type Clip, type Draft } from '../model';
import { fail } from '../validation/check';
import { INBOX, type ClipRecord } from './db';

const quote = (value: string) => JSON.stringify(value);

function checkTimestamp(value: string, path: string): void {
  const time = Date.parse(value);
  if (Number.isNaN(time) || new Date(time).toISOString() !== value) fail(path, 'invalidTimestampForm', quote(value));
}

function checkClip(clip: Clip, path: string): void {
  const expected = clipIdOf(clip);
  if (clip.id !== expected) fail(`${path}.id`, 'invalidClipId', quote(expected));
  checkTimestamp(clip.clippedAt, `${path}.clippedAt`);
  checkTimestamp(clip.updatedAt, `${path}.updatedAt`);
}

/** Throws an `InvalidData` naming the first rule broken, with a path into `clips` or `drafts` (`drafts[1].clipIds[0]`). */
export function checkStoreInvariants(clips: readonly ClipRecord[], drafts: readonly Draft[]): void {
  const draftIndex = new Map<string, number>();
  let current: number | undefined;
  drafts.forEach((draft, index) => {
    const earlier = draftIndex.get(draft.id);
    if (earlier !== undefined) fail(`drafts[${index}].id`, 'invalidNotUnique', quote(draft.id), `drafts[${earlier}]`);
    draftIndex.set(draft.id, index);
    if (draft.publishedAt) return;
    if (current !== undefined) fail(`drafts[${index}]`, 'invalidSecondCurrentDraft', `drafts[${current}]`);
    current = index;
  });

  const clipIndex = new Map<string, number>();
  clips.forEach((clip, index) => {
    checkClip(clip, `clips[${index}]`);
    const earlier = clipIndex.get(clip.id);
    if (earlier !== undefined) fail(`clips[${index}].id`, 'invalidNotUnique', quote(clip.id), `clips[${earlier}]`);
    clipIndex.set(clip.id, index);
  });

  const where = (draftId: string): Substitution =>
    draftId === INBOX ? text('invalidTheInbox') : draftIndex.has(draftId) ? `drafts[${draftIndex.get(draftId)}]` : quote(draftId);
  drafts.forEach((draft, index) => {
    const path = `drafts[${index}]`;
    const seen = new Set<string>();
    draft.clipIds.forEach((id, position) => {
      if (seen.has(id)) fail(`${path}.clipIds[${position}]`, 'invalidListedTwice', quote(id));
      seen.add(id);
    });

    if (draft.publishedAt) {
      checkTimestamp(draft.publishedAt, `${path}.publishedAt`);
      const { sentClips } = draft;
      if (!sentClips) return fail(`${path}.sentClips`, 'invalidSentClipsMissing');
      sentClips.forEach((clip, position) => checkClip(clip, `${path}.sentClips[${position}]`));
      if (draft.clipIds.length !== sentClips.length) {
        fail(`${path}.clipIds`, 'invalidSentClipCount', String(sentClips.length), String(draft.clipIds.length));
      }
      sentClips.forEach((clip, position) => {
        if (draft.clipIds[position] !== clip.id) fail(`${path}.clipIds[${position}]`, 'invalidSentClipId', quote(clip.id), `sentClips[${position}]`);
      });
      return;
    }

    if (draft.sentClips) fail(`${path}.sentClips`, 'invalidSentClipsPresent');
    draft.clipIds.forEach((id, position) => {
      const clip = clipIndex.get(id);
      if (clip === undefined) fail(`${path}.clipIds[${position}]`, 'invalidUnknownClip', quote(id));
      const placed = clips[clip]!.draftId; // clipIndex holds indexes into clips
      if (placed !== draft.id) fail(`${path}.clipIds[${position}]`, 'invalidClipElsewhere', `clips[${clip}]`, where(placed));
    });
  });

  clips.forEach((clip, index) => {
    if (clip.draftId === INBOX) return;
    const holder = draftIndex.get(clip.draftId);
    if (holder === undefined) fail(`clips[${index}]`, 'invalidMissingDraft', quote(clip.draftId));
    const draft = drafts[holder]!; // draftIndex holds indexes into drafts
    if (!draft.clipIds.includes(clip.id)) {
      fail(`clips[${index}]`, draft.publishedAt ? 'invalidNotSentIn' : 'invalidNotListedIn', `drafts[${holder}]`);
    }
  });
}
