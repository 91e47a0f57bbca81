import { LocalizedError } from '../errors';
import type { Clip, Draft, SentIssue } from '../model';
import { INBOX, joinDraft, lazyDatabase, toClip, type ClipperDB, type DraftRecord, type StoreTx } from './db';
import { attach, detach, ensureCurrentDraft, findCurrentDraft, localDay, newDraft, nextIssueDay, requireClip, type Placement } from './placement';
import { readDraft, writeDraft } from './records';
import { inTransaction } from './transaction';
import { byInstant, isDay } from '../validation/values';

/** A draft with its clips resolved, in the draft's order. */
export interface DraftView {
  draft: Draft;
  clips: Clip[];
}

/** What the popup shows: the current draft and the clips waiting to be placed. */
export interface CurrentView extends DraftView {
  /** Clips in no draft, newest first, at most `inboxLimit` of them. */
  inbox: Clip[];
  /** How many clips the inbox holds in all (it may be more than `inbox.length`). */
  inboxSize: number;
}

/** What the user may change on the current draft directly; its clips change through `place`/`unplace`. */
export type DraftChanges = Partial<Pick<Draft, 'title' | 'date' | 'intro' | 'outro'>>;

export interface Published {
  published: Draft;
  /** The new current draft: empty, with the same title, dated a week after the published one (or today, if later). */
  next: Draft;
}

export interface DraftStore {
  /** The current draft (created if there is none) with its clips, and the inbox's newest clips (100 unless told). */
  current(options?: { inboxLimit?: number }): Promise<CurrentView>;
  /** Any draft, current or published, with its clips: what an export of a past issue needs. */
  read(draftId: string): Promise<DraftView | undefined>;
  /**
   * Published drafts, newest first, without the copies of what they sent (`read` brings those):
   * what the popup lists, and how it knows which issue sent a thread.
   */
  history(): Promise<SentIssue[]>;
  /**
   * Puts a clip at `index` in the current draft (at the end when omitted; clamped into range). It
   * may come from the inbox or from elsewhere in the current draft: this is also how clips are
   * reordered (move up is `place(id, index - 1)`). A clip in a published draft cannot move.
   */
  place(clipId: string, index?: number): Promise<Draft>;
  /** Moves a clip from the current draft to the inbox. Resolves to its old place (undo: `place(id, placement.index)`), or undefined if it was in the inbox. */
  unplace(clipId: string): Promise<Placement | undefined>;
  /** Changes the current draft's title, date (`YYYY-MM-DD`), intro or outro. */
  update(changes: DraftChanges): Promise<Draft>;
  /** Marks the current draft published (it joins the history, frozen) and starts the next one. The inbox stays as it is. */
  publish(): Promise<Published>;
  /**
   * Makes a sent issue the current draft again, with its clips as it sent them (the undo of
   * `publish`, or a fix before sending it again). It takes the place of the current draft, so it
   * refuses, changing nothing, when that draft has clips or an intro. A thread clipped again since
   * comes back in its newer version if it waits in the inbox; one sent again in a later issue comes
   * back as this issue sent it (the later issue keeps its own copy). Resolves to the reopened draft.
   */
  reopen(draftId: string): Promise<Draft>;
  /** Records the pull request that published a draft (current or sent): it is the draft's, whatever else is frozen. */
  linkPullRequest(draftId: string, url: string): Promise<Draft>;
}

/** Nothing the user made would be lost with it: what `reopen` may replace. */
const isEmptyDraft = (draft: DraftRecord) => !draft.clipIds.length && !draft.intro.trim() && !draft.outro?.trim();

function frozen(draft: DraftRecord): LocalizedError {
  return new LocalizedError('draftPublishedFrozen', [draft.title, draft.publishedAt?.slice(0, 10) ?? '']);
}

async function resolveClips(tx: StoreTx, draft: Pick<Draft, 'clipIds'>): Promise<Clip[]> {
  const records = await Promise.all(draft.clipIds.map((id) => tx.objectStore('clips').get(id)));
  return records.filter((record) => record !== undefined).map(toClip);
}

/** The newest `limit` clips of the inbox and its size, from the `by-draft` index alone. */
async function readInbox(tx: StoreTx, limit: number): Promise<{ inbox: Clip[]; inboxSize: number }> {
  const index = tx.objectStore('clips').index('by-draft');
  // Arrays sort after strings in IndexedDB, so [INBOX, []] is above every [INBOX, clippedAt].
  const range = IDBKeyRange.bound([INBOX], [INBOX, []]);
  const newest = async () => {
    const clips: Clip[] = [];
    let cursor = limit > 0 ? await index.openCursor(range, 'prev') : null;
    while (cursor) {
      clips.push(toClip(cursor.value));
      cursor = clips.length < limit ? await cursor.continue() : null;
    }
    return clips;
  };
  const [inboxSize, inbox] = await Promise.all([index.count(range), newest()]);
  return { inbox, inboxSize };
}

/** The draft store over the extension's database, which opens on first use. */
export function createDraftStore(openDatabase: () => Promise<ClipperDB>, clock: () => Date = () => new Date()): DraftStore {
  const database = lazyDatabase(openDatabase);

  const readCurrent = (inboxLimit: number) =>
    inTransaction(database, 'readonly', async (tx) => {
      const draft = await findCurrentDraft(tx);
      if (!draft) return undefined;
      const [clips, inbox] = await Promise.all([resolveClips(tx, draft), readInbox(tx, inboxLimit)]);
      return { draft, clips, ...inbox };
    });

  return {
    async current({ inboxLimit = 100 } = {}) {
      // Reading needs no write lock; only the first read after a publish (or ever) creates the draft.
      const view = await readCurrent(inboxLimit);
      if (view) return view;
      await inTransaction(database, 'readwrite', (tx) => ensureCurrentDraft(tx, clock()));
      const created = await readCurrent(inboxLimit);
      if (!created) throw new LocalizedError('draftNotCreated');
      return created;
    },

    read(draftId) {
      return inTransaction(database, 'readonly', async (tx) => {
        const draft = await readDraft(tx, draftId);
        return draft && { draft, clips: draft.sentClips ?? (await resolveClips(tx, draft)) };
      });
    },

    history() {
      return inTransaction(database, 'readonly', async (tx) => {
        // Only sent issues are in the index, and their records hold no copies (see `DraftRecord`).
        const issues = await tx.objectStore('drafts').index('by-publishedAt').getAll();
        return issues.filter((issue): issue is DraftRecord & SentIssue => issue.publishedAt !== undefined).reverse();
      });
    },

    place(clipId, index) {
      return inTransaction(database, 'readwrite', async (tx) => {
        const record = await requireClip(tx, clipId);
        const current = await ensureCurrentDraft(tx, clock());
        if (record.draftId !== INBOX && record.draftId !== current.id) {
          const holder = await tx.objectStore('drafts').get(record.draftId);
          if (holder?.publishedAt) throw frozen(holder);
          await detach(tx, record);
        }
        return attach(tx, record, current, index);
      });
    },

    unplace(clipId) {
      return inTransaction(database, 'readwrite', async (tx) => {
        const record = await requireClip(tx, clipId);
        if (record.draftId === INBOX) return undefined;
        const holder = await tx.objectStore('drafts').get(record.draftId);
        if (holder?.publishedAt) throw frozen(holder);
        const placement = await detach(tx, record);
        await tx.objectStore('clips').put({ ...record, draftId: INBOX });
        return placement;
      });
    },

    update({ title, date, intro, outro }) {
      if (date !== undefined && !isDay(date)) {
        return Promise.reject(new LocalizedError('draftDateInvalid', [date]));
      }
      return inTransaction(database, 'readwrite', async (tx) => {
        const draft = await ensureCurrentDraft(tx, clock());
        const updated: DraftRecord = {
          ...draft,
          ...(title !== undefined && { title }),
          ...(date !== undefined && { date }),
          ...(intro !== undefined && { intro }),
          ...(outro !== undefined && { outro }),
        };
        await tx.objectStore('drafts').put(updated);
        return updated;
      });
    },

    publish() {
      return inTransaction(database, 'readwrite', async (tx) => {
        const now = clock();
        const draft = await ensureCurrentDraft(tx, now);
        if (!draft.clipIds.length) throw new LocalizedError('draftNothingToPublish');
        const sentClips = await resolveClips(tx, draft);
        // The issue lists exactly what it keeps copies of (see invariants.ts).
        const published: Draft = { ...draft, clipIds: sentClips.map((clip) => clip.id), publishedAt: now.toISOString(), sentClips };
        const next = newDraft(nextIssueDay(draft.date, localDay(now)), published);
        await Promise.all([writeDraft(tx, published), tx.objectStore('drafts').put(next)]);
        return { published, next };
      });
    },

    reopen(draftId) {
      return inTransaction(database, 'readwrite', async (tx) => {
        const drafts = tx.objectStore('drafts');
        const clips = tx.objectStore('clips');
        const issue = await readDraft(tx, draftId);
        if (!issue) throw new LocalizedError('draftGone');
        if (!issue.publishedAt) return issue;
        const current = await findCurrentDraft(tx);
        if (current && !isEmptyDraft(current)) throw new LocalizedError('draftReopenNotEmpty', [issue.date, current.title]);
        for (const copy of issue.sentClips ?? []) {
          const stored = await clips.get(copy.id);
          const newerInInbox = stored?.draftId === INBOX && byInstant(stored.updatedAt, copy.updatedAt) > 0;
          const content = stored && (stored.draftId === issue.id || newerInInbox) ? toClip(stored) : copy;
          await clips.put({ ...content, draftId: issue.id });
        }
        if (current) await drafts.delete(current.id);
        const { publishedAt: _sent, sentClips: _copies, ...reopened } = issue;
        await writeDraft(tx, reopened);
        return reopened;
      });
    },

    linkPullRequest(draftId, url) {
      return inTransaction(database, 'readwrite', async (tx) => {
        const [draft, copies] = await Promise.all([tx.objectStore('drafts').get(draftId), tx.objectStore('sentClips').get(draftId)]);
        if (!draft) throw new LocalizedError('draftGone');
        const linked = { ...draft, pullRequest: url };
        await tx.objectStore('drafts').put(linked);
        return joinDraft(linked, copies);
      });
    },
  };
}
