/**
 * What is probably a mistake in an issue about to go out (Mark as sent, Copy, Download, Open as
 * GitHub issue): the popup lists it, and the user goes on anyway or goes back to fix it. Pure, so
 * the list is the same wherever it is asked for.
 */
import { text, type LocalizedText } from '../errors';
import { DEFAULT_DRAFT_TITLE, type Clip, type Draft, type IssueRef, type SentIssue } from '../model';

export type DraftWarningKind = 'noAnswer' | 'defaultTitle' | 'sameTitle' | 'todo' | 'alreadySent';

export interface DraftWarning {
  kind: DraftWarningKind;
  /** What the list says, in the user's language once said. */
  text: LocalizedText;
}

export interface WarningInput {
  draft: Pick<Draft, 'id' | 'title' | 'publishedAt'>;
  /** The issue's clips, in order. */
  clips: readonly Clip[];
  /** The issue's Markdown, as it goes out. */
  markdown: string;
  /** Sent issues: those sent before `draft` are the earlier ones (all of them, for the current draft). */
  history: readonly SentIssue[];
}

/** A marker people leave to fill in later, and the presets leave where a part of the intro is missing. */
const TODO = /\bTODO\b/;
/** How much of a line with a TODO the list quotes. */
const QUOTED_CHARS = 80;

const nameOf = (clip: Pick<Clip, 'repo' | 'number'>) => `${clip.repo}#${clip.number}`;

/** Sent issues before `draft`, newest first. */
function earlierIssues(draft: WarningInput['draft'], history: readonly SentIssue[]): SentIssue[] {
  return history
    .filter((issue) => issue.id !== draft.id)
    .filter((issue) => draft.publishedAt === undefined || issue.publishedAt < draft.publishedAt)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** The latest sent issue each thread was in, by clip id (history in any order). */
export function latestIssueOfEachThread(history: readonly SentIssue[]): Map<string, IssueRef> {
  const latest = new Map<string, IssueRef & { publishedAt: string }>();
  for (const issue of history) {
    for (const id of issue.clipIds) {
      const kept = latest.get(id);
      if (!kept || kept.publishedAt < issue.publishedAt) latest.set(id, { title: issue.title, date: issue.date, publishedAt: issue.publishedAt });
    }
  }
  return new Map([...latest].map(([id, { title, date }]) => [id, { title, date }]));
}

function quoteLine(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > QUOTED_CHARS ? `${trimmed.slice(0, QUOTED_CHARS - 1)}…` : trimmed;
}

/** Every warning for the issue, in the order the list shows them: its title, its entries, its text. */
export function draftWarnings({ draft, clips, markdown, history }: WarningInput): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  const earlier = earlierIssues(draft, history);

  const previous = earlier[0];
  if (draft.title.trim() === DEFAULT_DRAFT_TITLE) {
    warnings.push({ kind: 'defaultTitle', text: text('warningDefaultTitle', DEFAULT_DRAFT_TITLE) });
  } else if (previous && previous.title.trim() === draft.title.trim()) {
    warnings.push({ kind: 'sameTitle', text: text('warningSameTitle', previous.date, draft.title.trim()) });
  }

  const unanswered = clips.filter((clip) => !clip.answer?.markdown.trim());
  if (unanswered.length) warnings.push({ kind: 'noAnswer', text: text('warningNoAnswer', unanswered.map(nameOf).join(', ')) });

  const sentIn = latestIssueOfEachThread(earlier);
  for (const clip of clips) {
    const issue = sentIn.get(clip.id);
    if (issue) warnings.push({ kind: 'alreadySent', text: text('warningAlreadySent', nameOf(clip), issue.date) });
  }

  markdown.split('\n').forEach((line, index) => {
    if (TODO.test(line)) warnings.push({ kind: 'todo', text: text('warningTodo', String(index + 1), quoteLine(line)) });
  });
  return warnings;
}
