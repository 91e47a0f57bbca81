import { LocalizedError } from '../errors';
import type { Draft } from '../model';
import { isRepoName } from '../validation/values';

/** A file name for a draft: its date and, when given, its title, safe on every file system. */
export function draftFileName(date: Date, title = 'weekly'): string {
  const day = date.toISOString().slice(0, 10);
  const slug = title
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${day}-${slug || 'weekly'}.md`;
}

/** A draft's file name, from the issue's own day (`Draft.date`) wherever the user is, and its title. */
export function draftFileNameOf(draft: Pick<Draft, 'date' | 'title'>): string {
  return draftFileName(new Date(`${draft.date}T00:00:00Z`), draft.title);
}

/**
 * The longest new-issue URL we hand to GitHub. Its servers refuse request lines of about 8 KiB
 * (HTTP 414), and the count is of encoded characters, where each CJK character costs nine.
 */
export const MAX_ISSUE_URL_LENGTH = 8000;

export interface NewIssueLink {
  url: string;
  /**
   * False when the body would make the URL too long: `url` then carries only the title, and the
   * caller must copy the body to the clipboard and tell the user to paste it.
   */
  bodyIncluded: boolean;
}

/**
 * `text` encoded for a URL. A lone surrogate (half of an emoji, from text cut in the middle of one)
 * would make `encodeURIComponent` throw "URI malformed": it is written as U+FFFD, as the page shows it.
 */
function urlComponent(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

/** A link to GitHub's new-issue page of `targetRepo` (`owner/name`), prefilled with `title` and, when it fits, `body`. */
export function newIssueUrl(targetRepo: string, title: string, body: string): NewIssueLink {
  if (!isRepoName(targetRepo)) throw new LocalizedError('exportTargetRepoInvalid', [targetRepo]);
  const base = `https://github.com/${targetRepo}/issues/new?title=${urlComponent(title)}`;
  const url = `${base}&body=${urlComponent(body)}`;
  return url.length <= MAX_ISSUE_URL_LENGTH ? { url, bodyIncluded: true } : { url: base, bodyIncluded: false };
}

/**
 * What "Open as GitHub issue" does with a draft: with no target repository set, the user must choose
 * one (in the options) first; otherwise it opens the link, the body going by the clipboard when the
 * link cannot carry it (`bodyIncluded`).
 */
export type IssueExport = { kind: 'chooseTargetRepo' } | ({ kind: 'open' } & NewIssueLink);

export function issueExport(targetRepo: string, title: string, body: string): IssueExport {
  return targetRepo ? { kind: 'open', ...newIssueUrl(targetRepo, title, body) } : { kind: 'chooseTargetRepo' };
}
