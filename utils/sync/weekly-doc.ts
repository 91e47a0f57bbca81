/**
 * The shared weekly as a Yjs document: what several maintainers' browsers merge. Yjs does the
 * merging; this module only decides the document's shape and turns a local change (the view before
 * and after) into the smallest edits of that shape, so that concurrent edits of different clips,
 * fields or even parts of one text all survive.
 *
 * Shape: `draft` holds the issue's fields (prose as `Y.Text`, the rest last-writer-wins); `clips`
 * holds one `Y.Map` per clip id. A clip is never deleted from the document: leaving the draft sets
 * `inDraft` to false, so an edit made meanwhile elsewhere is not lost with it and the clip comes back
 * whole if someone puts it back. Order is a number per clip (`position`), so a concurrent move of two
 * clips moves both, and no clip is ever duplicated or dropped as a list's concurrent moves would.
 */
import * as Y from 'yjs';
import type { Clip, Post } from '../model';

/** The shared weekly: the issue's own fields (title, date, intro…) and its clips in order. */
export interface SharedWeekly {
  draft: Readonly<Record<string, string>>;
  clips: Clip[];
}

/** Draft fields merged as text, character by character; the others are replaced whole. */
const DRAFT_PROSE = new Set(['intro', 'outro']);
/** Clip fields that are posts: chosen whole (a different permalink replaces the post), their Markdown merged as text. */
const POST_FIELDS = new Set(['question', 'answer']);
/** Clip fields merged as text. */
const CLIP_PROSE = new Set(['note']);
/** A clip's bookkeeping in the document, beside its fields (which are stored under `field:` keys). */
const POSITION = 'position';
const IN_DRAFT = 'inDraft';
const FIELD = 'field:';

export type LocalOrigin = 'local';
/** The transaction origin of edits made from this browser's store. */
export const LOCAL: LocalOrigin = 'local';

function draftMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('draft');
}

function clipsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('clips');
}

/** Replaces the text's content with `next` by the one edit that keeps their common start and end. */
function editText(text: Y.Text, next: string): void {
  const previous = text.toString();
  if (previous === next) return;
  let start = 0;
  const shorter = Math.min(previous.length, next.length);
  while (start < shorter && previous[start] === next[start]) start += 1;
  let end = 0;
  while (end < shorter - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end += 1;
  text.delete(start, previous.length - start - end);
  text.insert(start, next.slice(start, next.length - end));
}

/** Writes `next` into the text at `key`, creating it when absent. */
function setProse(map: Y.Map<unknown>, key: string, next: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) {
    editText(current, next);
  } else {
    map.set(key, new Y.Text(next));
  }
}

function readProse(map: Y.Map<unknown>, key: string): string | undefined {
  const value = map.get(key);
  return value instanceof Y.Text ? value.toString() : undefined;
}

function samePlain(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function postMap(post: Post): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('author', post.author);
  map.set('url', post.url);
  map.set('markdown', new Y.Text(post.markdown));
  return map;
}

function setPost(clip: Y.Map<unknown>, key: string, next: Post | undefined): void {
  const current = clip.get(key);
  if (next === undefined) {
    if (current !== undefined) clip.delete(key);
    return;
  }
  // Another comment (or selection elsewhere) is another choice, not an edit of the one before.
  if (!(current instanceof Y.Map) || current.get('url') !== next.url) {
    clip.set(key, postMap(next));
    return;
  }
  if (current.get('author') !== next.author) current.set('author', next.author);
  setProse(current, 'markdown', next.markdown);
}

function readPost(clip: Y.Map<unknown>, key: string): Post | undefined {
  const map = clip.get(key);
  if (!(map instanceof Y.Map)) return undefined;
  return { author: String(map.get('author') ?? ''), url: String(map.get('url') ?? ''), markdown: readProse(map, 'markdown') ?? '' };
}

/** Writes the clip's fields that differ from `before` (all of them for a clip new to the document). */
function writeClipFields(map: Y.Map<unknown>, clip: Clip, before: Clip | undefined): void {
  const fields = clip as unknown as Record<string, unknown>;
  const old = before as unknown as Record<string, unknown> | undefined;
  const keys = new Set([...Object.keys(fields), ...Object.keys(old ?? {})]);
  for (const key of keys) {
    const value = fields[key];
    if (old && samePlain(old[key], value)) continue;
    if (POST_FIELDS.has(key)) {
      setPost(map, key, value as Post | undefined);
    } else if (CLIP_PROSE.has(key)) {
      if (typeof value === 'string') setProse(map, key, value);
      else map.delete(key);
    } else if (value === undefined) {
      map.delete(FIELD + key);
    } else {
      map.set(FIELD + key, value);
    }
  }
}

function readClip(map: Y.Map<unknown>): Clip {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    if (key.startsWith(FIELD)) fields[key.slice(FIELD.length)] = value;
    else if (POST_FIELDS.has(key)) fields[key] = readPost(map, key);
    else if (CLIP_PROSE.has(key)) fields[key] = readProse(map, key);
  }
  return fields as unknown as Clip;
}

/**
 * Indices of `order` that did not move: the longest run of clips still in the order they had
 * (`ranks`, their places before; patience sorting). Clips without a rank are new.
 */
function unmoved(order: readonly string[], ranks: ReadonlyMap<string, number>): Set<number> {
  const known = order.map((id) => ranks.get(id));
  const tails: number[] = [];
  const previous = new Array<number>(order.length).fill(-1);
  known.forEach((rank, index) => {
    if (rank === undefined) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((known[tails[middle]] as number) < rank) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]) kept.add(index);
  return kept;
}

/**
 * Positions for `order`: clips this browser did not move keep their document positions (which may
 * hold another browser's moves), moved and new ones get positions between their new neighbours'.
 */
function positionsFor(order: readonly string[], ranks: ReadonlyMap<string, number>, positions: ReadonlyMap<string, number>): number[] {
  const kept = unmoved(order, ranks);
  const result = order.map((id, index) => (kept.has(index) ? positions.get(id) : undefined));
  let index = 0;
  while (index < order.length) {
    if (result[index] !== undefined) {
      index += 1;
      continue;
    }
    let next = index;
    while (next < order.length && result[next] === undefined) next += 1;
    const low = index > 0 ? result[index - 1] : undefined;
    const high = next < order.length ? result[next] : undefined;
    const count = next - index;
    for (let step = 1; step <= count; step += 1) {
      result[index + step - 1] =
        low === undefined && high === undefined
          ? step
          : low === undefined
            ? (high as number) - (count + 1 - step)
            : high === undefined || high <= low
              ? low + step
              : low + ((high - low) * step) / (count + 1);
    }
    index = next;
  }
  return result as number[];
}

/** The shared weekly as the document says it now. */
export function readWeekly(doc: Y.Doc): SharedWeekly {
  const fields: Record<string, string> = {};
  for (const [key, value] of draftMap(doc).entries()) fields[key] = value instanceof Y.Text ? value.toString() : String(value);
  const placed = [...clipsMap(doc).values()]
    .filter((clip) => clip.get(IN_DRAFT) === true)
    .map((clip) => ({ clip: readClip(clip), position: Number(clip.get(POSITION) ?? 0) }))
    .sort((a, b) => a.position - b.position || (a.clip.id < b.clip.id ? -1 : a.clip.id > b.clip.id ? 1 : 0));
  return { draft: fields, clips: placed.map(({ clip }) => clip) };
}

/**
 * Records in the document what changed in this browser between `before` (the weekly as last
 * synced, absent before the first sync) and `after` (the weekly as the store holds it now).
 */
export function recordLocalChanges(doc: Y.Doc, before: SharedWeekly | undefined, after: SharedWeekly): void {
  doc.transact(() => {
    const draft = draftMap(doc);
    for (const [key, value] of Object.entries(after.draft)) {
      if (before?.draft[key] === value) continue;
      if (DRAFT_PROSE.has(key)) setProse(draft, key, value);
      else draft.set(key, value);
    }

    const clips = clipsMap(doc);
    const beforeById = new Map((before?.clips ?? []).map((clip) => [clip.id, clip]));
    for (const clip of after.clips) {
      const existing = clips.get(clip.id);
      const previous = beforeById.get(clip.id);
      if (existing && previous) {
        writeClipFields(existing, clip, previous);
        if (existing.get(IN_DRAFT) !== true) existing.set(IN_DRAFT, true);
      } else if (existing) {
        // Back in the draft: the team's copy may hold edits made while it was out, which this copy
        // lacks; this copy wins only where it changed since (clipped again, or edited here).
        const shared = readClip(existing);
        if (clip.updatedAt > shared.updatedAt) writeClipFields(existing, clip, shared);
        existing.set(IN_DRAFT, true);
      } else {
        const map = new Y.Map<unknown>();
        clips.set(clip.id, map);
        writeClipFields(map, clip, undefined);
        map.set(IN_DRAFT, true);
      }
    }
    const kept = new Set(after.clips.map((clip) => clip.id));
    for (const clip of before?.clips ?? []) {
      if (!kept.has(clip.id)) clips.get(clip.id)?.set(IN_DRAFT, false);
    }

    // Only this browser's own moves move clips: one it left in place keeps the position it has in
    // the document, where another browser may have moved it meanwhile.
    const ranks = new Map((before?.clips ?? []).map((clip, index) => [clip.id, index]));
    const positions = new Map<string, number>();
    for (const clip of after.clips) {
      const position = clips.get(clip.id)?.get(POSITION);
      if (typeof position === 'number' && ranks.has(clip.id)) positions.set(clip.id, position);
    }
    const order = after.clips.map((clip) => clip.id);
    positionsFor(order, ranks, positions).forEach((position, index) => {
      const map = clips.get(order[index]);
      if (map && map.get(POSITION) !== position) map.set(POSITION, position);
    });
  }, LOCAL);
}

/** The document's whole state, to store or send. */
export function encodeWeekly(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/** A document holding `state` (merged with whatever else is applied to it later). */
export function decodeWeekly(state?: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  if (state && state.length > 0) Y.applyUpdate(doc, state);
  return doc;
}

/** Merges another copy's state into `doc`: the union of both copies' edits. */
export function mergeWeekly(doc: Y.Doc, state: Uint8Array): void {
  Y.applyUpdate(doc, state);
}

/** True when `doc` holds edits (insertions or deletions) that a copy with `state` lacks. */
export function hasEditsBeyond(doc: Y.Doc, state: Uint8Array): boolean {
  return !Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(decodeWeekly(state)));
}
