import { clipIdOf, type Clip, type ClipCapture, type Post, type SavedClip } from '../model';
import { INBOX, lazyDatabase, toClip, type ClipperDB, type ClipRecord } from './db';
import { attach, detach, ensureCurrentDraft, requireClip, type Placement } from './placement';
import { requireRenderable } from './renderable';
import { inTransaction } from './transaction';
import { byInstant } from '../validation/values';

export interface SaveOptions {
  /** Put a new clip at the end of the current draft instead of the inbox. A clip that exists never moves. */
  addToCurrentDraft?: boolean;
}

/** What `remove` took away: hand it to `restore` to undo. */
export interface RemovedClip {
  clip: Clip;
  /** Where it was, when it was in a draft. */
  placement?: Placement;
}

/** The user's own wording of a clip's question or answer, in Markdown. */
export interface ClipEdit {
  question?: string;
  answer?: string;
}

export interface ClipStore {
  /** Creates the thread's clip or merges the capture into the one it has. */
  save(capture: ClipCapture, options?: SaveOptions): Promise<SavedClip>;
  get(id: string): Promise<Clip | undefined>;
  /** Every clip, newest first. Reads them all: the popup should use `DraftStore.current` instead. */
  list(): Promise<Clip[]>;
  /**
   * Deletes the clip, taking it out of the current draft (a sent issue keeps its copy). Resolves to
   * what `restore` needs, or undefined if there was no such clip.
   */
  remove(id: string): Promise<RemovedClip | undefined>;
  /** Undoes `remove`: the clip comes back where it was (the inbox, if its draft was sent meanwhile). */
  restore(removed: RemovedClip): Promise<Clip>;
  /** Rewrites the question's or the answer's Markdown. A later capture of the thread keeps it (see `mergeCapture`). */
  edit(id: string, changes: ClipEdit): Promise<Clip>;
  /**
   * Replaces the clip's answer by what `update` makes of it, in one transaction (so nothing written
   * meanwhile is lost); `update` returns undefined to leave it as it is. Resolves to the clip as it is
   * then, or undefined when there is no such clip or it has no answer.
   */
  updateAnswer(id: string, update: (answer: Post) => Post | undefined): Promise<Clip | undefined>;
}

/**
 * Merges a capture into the thread's existing clip, keeping what the user chose before: a default
 * question (the title) never replaces the one the clip has, and a capture without an answer, or with
 * only a default one (a discussion's marked answer), keeps the answer. What the user typed in the popup is stored in those same fields, so it is kept by the
 * same rules; a new selection on the page is a newer choice and replaces it.
 */
export function mergeCapture(existing: Clip | undefined, capture: ClipCapture, now: string): Clip {
  const { questionIsDefault, answerIsDefault, ...fields } = capture;
  return {
    ...fields,
    id: clipIdOf(capture),
    // A question that is still the old title was never chosen: a renamed thread gets its new title.
    question: existing && questionIsDefault && existing.question.markdown !== existing.title ? existing.question : capture.question,
    answer: (answerIsDefault && existing?.answer) || capture.answer || existing?.answer,
    clippedAt: existing?.clippedAt ?? now,
    updatedAt: now,
  };
}

/** The clip store over the extension's database, which opens on first use. */
export function createClipStore(openDatabase: () => Promise<ClipperDB>, clock: () => Date = () => new Date()): ClipStore {
  const database = lazyDatabase(openDatabase);

  return {
    save(capture, { addToCurrentDraft = false } = {}) {
      return inTransaction(database, 'readwrite', async (tx) => {
        requireRenderable(capture.question.markdown, 'question');
        requireRenderable(capture.answer?.markdown, 'answer');
        const now = clock();
        const existing = await tx.objectStore('clips').get(clipIdOf(capture));
        const clip = mergeCapture(existing, capture, now.toISOString());
        // A thread already sent in an issue comes up again: the sent issue keeps its copy
        // (Draft.sentClips) and the clip starts over, like a new one, for a later issue.
        const sentBefore = existing && existing.draftId !== INBOX && (await tx.objectStore('drafts').get(existing.draftId))?.publishedAt;
        const record: ClipRecord = { ...clip, draftId: existing && !sentBefore ? existing.draftId : INBOX };
        if ((!existing || sentBefore) && addToCurrentDraft) await attach(tx, record, await ensureCurrentDraft(tx, now));
        else await tx.objectStore('clips').put(record);
        return { clip, created: !existing };
      });
    },

    get(id) {
      return inTransaction(database, 'readonly', async (tx) => {
        const record = await tx.objectStore('clips').get(id);
        return record && toClip(record);
      });
    },

    list() {
      return inTransaction(database, 'readonly', async (tx) => {
        const records = await tx.objectStore('clips').index('by-clippedAt').getAll();
        return records.reverse().map(toClip);
      });
    },

    remove(id) {
      return inTransaction(database, 'readwrite', async (tx) => {
        const record = await tx.objectStore('clips').get(id);
        if (!record) return undefined;
        const placement = await detach(tx, record);
        await tx.objectStore('clips').delete(id);
        return placement ? { clip: toClip(record), placement } : { clip: toClip(record) };
      });
    },

    restore({ clip, placement }) {
      return inTransaction(database, 'readwrite', async (tx) => {
        // The thread may have been clipped again since: the newer content wins, and a clip that is
        // already in a draft stays there.
        const current = await tx.objectStore('clips').get(clip.id);
        const content = current && byInstant(current.updatedAt, clip.updatedAt) > 0 ? toClip(current) : clip;
        const draft = placement && (await tx.objectStore('drafts').get(placement.draftId));
        if (current && current.draftId !== INBOX) {
          await tx.objectStore('clips').put({ ...content, draftId: current.draftId });
        } else if (draft && placement && !draft.publishedAt) {
          await attach(tx, { ...content, draftId: INBOX }, draft, placement.index);
        } else {
          // Back with the issue that sent it; but a clip whose draft was sent after it left (an undo
          // after "Mark as sent"), or whose thread was clipped again meanwhile, waits in the inbox.
          const sent = !current && draft?.clipIds.includes(clip.id);
          await tx.objectStore('clips').put({ ...content, draftId: sent && draft ? draft.id : INBOX });
        }
        return content;
      });
    },

    edit(id, { question, answer }) {
      return inTransaction(database, 'readwrite', async (tx) => {
        requireRenderable(question, 'question');
        requireRenderable(answer, 'answer');
        const record = await requireClip(tx, id);
        const edited: ClipRecord = { ...record, updatedAt: clock().toISOString() };
        if (question !== undefined) edited.question = { ...record.question, markdown: question };
        // An answer the user writes without choosing a comment is theirs: no author, the thread's URL.
        if (answer !== undefined && (record.answer || answer.trim()))
          edited.answer = { ...(record.answer ?? { author: '', url: record.url }), markdown: answer };
        await tx.objectStore('clips').put(edited);
        return toClip(edited);
      });
    },

    updateAnswer(id, update) {
      return inTransaction(database, 'readwrite', async (tx) => {
        const record = await tx.objectStore('clips').get(id);
        const answer = record?.answer && update(record.answer);
        if (!record?.answer || !answer) return record?.answer && toClip(record);
        requireRenderable(answer.markdown, 'answer');
        const updated: ClipRecord = { ...record, answer, updatedAt: clock().toISOString() };
        await tx.objectStore('clips').put(updated);
        return toClip(updated);
      });
    },
  };
}
