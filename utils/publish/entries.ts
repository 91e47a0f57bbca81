/** What a pull request or a created issue says of the entries it publishes. */
import type { Clip, Draft } from '../model';

/** The pull request's title: the issue's title and day. */
export function pullRequestTitle(draft: Pick<Draft, 'title' | 'date'>): string {
  return `${draft.title} ${draft.date}`;
}

/** The pull request's description: one line per entry, linking its thread (GitHub links `owner/repo#n` itself). */
export function pullRequestBody(draft: Pick<Draft, 'title' | 'date'>, clips: readonly Clip[]): string {
  const entries = clips.map((clip) => `- ${clip.repo}#${clip.number}: ${clip.title}${clip.clippedBy ? ` (@${clip.clippedBy})` : ''}`);
  return [
    `${draft.title}, ${draft.date}: ${clips.length} ${clips.length === 1 ? 'entry' : 'entries'}.`,
    '',
    ...entries,
    '',
    'Published with Weekly Clipper.',
    '',
  ].join('\n');
}
