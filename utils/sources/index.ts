/**
 * The author's own Markdown of a clipped post, read in the background: it replaces the converter's
 * once a clip is saved, and tells the popup which clips' posts were edited (or deleted) on GitHub
 * since. The page only names the post's source (`Post.source`); nothing here reads a page.
 */
import { LocalizedError } from '../errors';
import type { GitHubApi } from '../github/api';
import { absoluteLinks } from '../markdown';
import { digestOf, editedByUser, type Clip, type Post } from '../model';
import type { ClipStore } from '../store/clips';

export interface SourceDeps {
  clips: Pick<ClipStore, 'get' | 'updateAnswer'>;
  /** A client with the token in use now (the user may set or remove it at any time). */
  api(): Promise<GitHubApi>;
}

/** A clip whose post changed on GitHub since it was clipped: edited, or gone (deleted, or no longer visible to the user). */
export interface SourceChange {
  clipId: string;
  change: 'edited' | 'gone';
}

/** The API's text as the clip keeps it: GitHub stores what browsers typed, with CRLF line ends. */
const normalise = (body: string) => body.replace(/\r\n?/g, '\n');

/** `answer` with the source's Markdown in place of what it had. */
function withSource(answer: Post, body: string): Post {
  const markdown = absoluteLinks(body, answer.url);
  const { converterReason: _reason, ...rest } = answer;
  return { ...rest, markdown, origin: 'source', sourceDigest: digestOf(body), writtenDigest: digestOf(markdown) };
}

/** The clip's answer, when it still is the post `url` names: a later clip may have chosen another. */
const sameAnswer = (answer: Post, url: string) => answer.url === url;

/**
 * Reads the source of the answer just saved and puts it in place of the converter's Markdown, unless
 * the user edited it or chose another answer meanwhile; when it cannot, the clip records why.
 */
export async function takeSourceOfSavedClip(clip: Clip, deps: SourceDeps): Promise<void> {
  const answer = clip.answer;
  if (!answer?.source || answer.origin === 'source') return;
  const unchanged = (current: Post) => sameAnswer(current, answer.url) && !editedByUser(current);
  const result = await (await deps.api()).readSource(answer.source);
  try {
    await deps.clips.updateAnswer(clip.id, (current) => {
      if (!unchanged(current)) return undefined;
      const body = 'markdown' in result ? normalise(result.markdown) : '';
      if (body.trim()) return withSource(current, body);
      return { ...current, converterReason: 'failed' in result ? result.failed : 'failed' };
    });
  } catch {
    // The store refused the source (beyond what the popup can render): the converter's Markdown,
    // which the bounds cut, stays, and the clip says why.
    await deps.clips.updateAnswer(clip.id, (current) => (unchanged(current) ? { ...current, converterReason: 'failed' } : undefined));
  }
}

/**
 * Asks GitHub, with conditional requests, about the answers of `clipIds` that came from a source:
 * which were edited or are gone since. An answer whose source could not be read before (offline,
 * rate-limited) and that the user has not edited takes it now, without asking.
 */
export async function checkSources(clipIds: readonly string[], deps: SourceDeps): Promise<SourceChange[]> {
  const api = await deps.api();
  const checked = await Promise.all(
    clipIds.map(async (clipId): Promise<SourceChange | undefined> => {
      const clip = await deps.clips.get(clipId);
      const answer = clip?.answer;
      if (!clip || !answer?.source) return undefined;
      const result = await api.readSource(answer.source);
      if ('failed' in result) return result.failed === 'gone' ? { clipId, change: 'gone' } : undefined;
      const body = normalise(result.markdown);
      if (answer.origin !== 'source') {
        if (!editedByUser(answer) && body.trim()) await takeSourceOfSavedClip(clip, { ...deps, api: async () => api });
        return undefined;
      }
      return digestOf(body) === answer.sourceDigest ? undefined : { clipId, change: 'edited' };
    }),
  );
  return checked.filter((change) => change !== undefined);
}

/**
 * Puts the post's current text in place of the clip's answer. Refuses to replace what the user wrote
 * in the popup unless `overwriteEdit` says they agreed to.
 */
export async function takeNewSource(clipId: string, overwriteEdit: boolean, deps: SourceDeps): Promise<Clip> {
  const clip = await deps.clips.get(clipId);
  const source = clip?.answer?.source;
  if (!clip?.answer || !source) throw new LocalizedError('errorNoSource');
  if (editedByUser(clip.answer) && !overwriteEdit) throw new LocalizedError('errorSourceWouldOverwriteEdit');
  const result = await (await deps.api()).readSource(source);
  if ('failed' in result) throw new LocalizedError(`errorSource_${result.failed}`);
  const url = clip.answer.url;
  const updated = await deps.clips.updateAnswer(clipId, (current) => (sameAnswer(current, url) ? withSource(current, normalise(result.markdown)) : undefined));
  if (!updated) throw new LocalizedError('errorNoSource');
  return updated;
}
