import type { Clip } from '../model';

/** How a repository is named in the newsletter (`mosn/mosn` -> `MOSN`). */
export interface Project {
  name: string;
  link: string;
}

export interface RenderOptions {
  /** Display names and links by `owner/name`; a repository without one is named after itself. */
  projects?: Record<string, Project>;
}

export function projectOf(repo: string, projects: Record<string, Project> = {}): Project {
  return projects[repo] ?? { name: repo.split('/')[1] ?? repo, link: `https://github.com/${repo}/` };
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

/** One numbered entry in the seed's layout (DESIGN.md, "The draft's Markdown"). */
export function renderClip(clip: Clip, position: number, options: RenderOptions = {}): string {
  const project = projectOf(clip.repo, options.projects);
  const blocks = [`**${position}. @${clip.question.author} #${clip.number}**`, quote(clip.question.markdown)];
  if (clip.answer?.markdown.trim()) blocks.push(answerBlock(clip.answer.markdown));
  blocks.push(`**「${project.name}」**：*[${project.link}](${project.link})*`);
  return blocks.join('\n\n');
}

/** The draft's Markdown: its clips numbered in order. */
export function renderDraft(clips: readonly Clip[], options: RenderOptions = {}): string {
  return clips.map((clip, index) => renderClip(clip, index + 1, options)).join('\n\n') + (clips.length ? '\n' : '');
}
