import type { Community, LinkStyle, Project } from '../model';

export interface RenderOptions {
  /** Display names and links by `owner/name`; a repository without one is named after itself. */
  projects?: Record<string, Project>;
  /** Whether references in the clips' Markdown stay GitHub's shorthand (the default) or become full links. */
  links?: LinkStyle;
  /** The community's name and standing paragraphs (SOFAStack's when absent). */
  community?: Readonly<Community>;
}

/** The project a repository belongs to; GitHub's names ignore case, so `MOSN/mosn` finds `mosn/mosn`. */
export function projectOf(repo: string, projects: Record<string, Project> = {}): Project {
  const key = repo in projects ? repo : Object.keys(projects).find((name) => name.toLowerCase() === repo.toLowerCase());
  return (key && projects[key]) || { name: repo.split('/')[1] ?? repo, link: `https://github.com/${repo}/` };
}

/** Quotes Markdown as a blockquote, line by line, so multi-paragraph questions stay one quote. */
export function quote(markdown: string): string {
  return markdown
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

// A line that opens a block (fence, list, heading, quote, table, HTML) cannot follow
// "A：" on the same line without changing what it renders as.
const OPENS_BLOCK = /^(?:```|~~~|[-+*] |\d+[.)] |#{1,6}(?: |$)|>|\||<)/;

/** The answer, introduced by `prefix` ("A：" as in the seed); a block-level start gets its own paragraph. */
export function answerBlock(markdown: string, prefix = 'A：'): string {
  const answer = markdown.trim();
  return OPENS_BLOCK.test(answer) ? `${prefix}\n\n${answer}` : `${prefix}${answer}`;
}
