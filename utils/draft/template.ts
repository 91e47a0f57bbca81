/**
 * Draft templates: Liquid (liquidjs, whose browser build never evaluates code, as extension pages
 * require), rendered synchronously. Pages render through a worker that stops a render running too
 * long (renderer.ts); in-thread, only the engine's own limits below apply.
 */
import { Liquid, type Template } from 'liquidjs';
import { LocalizedError, type LocalizedText } from '../errors';
import { DEFAULT_HOST, SOFASTACK_COMMUNITY, type Clip, type Community, type Draft, type Post, type Project } from '../model';
import { splitIntro } from './intro';
import { expandReferences } from './links';
import { escapeMarkdownText, escapeMarkdownUrl, questionMarkdown, unescapeMarkdownText, yamlString } from './plain-text';
import { answerBlock, projectOf, quote, type RenderOptions } from './render';
import { templateReason } from './template-reasons';

/**
 * One clip as a template sees it: the clip's own fields, with what a template needs added. Text
 * that is plain on GitHub (title, logins, labels, repository, project name) arrives escaped as
 * Markdown inline text, and URLs escaped to serve as link text and as a link's destination. The
 * question's and the answer's Markdown arrive as written, except a default question: that is the
 * title, escaped like it (see `templateData`); and, for a template that expands links, with GitHub's
 * references written out as full links (links.ts).
 */
export interface TemplateClip extends Pick<Clip, 'id' | 'repo' | 'number' | 'kind' | 'url' | 'title' | 'labels' | 'question'> {
  /** 1-based position in the draft. */
  index: number;
  /** The question's author (the thread's), without `@`. */
  author: string;
  /** Null when no answer was chosen or it is blank, so `{% if clip.answer %}` reads naturally. */
  answer: Post | null;
  /** The editor's note on the entry, Markdown as written; empty when there is none. */
  note: string;
  project: Project;
}

/** Everything a template can use. */
export interface TemplateData {
  draft: {
    /** Plain text, escaped as Markdown; `{{ draft.title | yaml }}` writes it into front matter. */
    title: string;
    /** `YYYY-MM-DD` */
    date: string;
    /** The intro's text before its first named part (see intro.ts), Markdown as written. */
    intro: string;
    /** The intro's named parts; a part the intro lacks is simply absent (blank in Liquid). */
    parts: Record<string, string>;
    /** Markdown as written that closes the issue, after the entries; empty when there is none. */
    outro: string;
    /** ISO 8601, or null while the draft is current. */
    publishedAt: string | null;
  };
  /**
   * The community's name and standing paragraphs, as set in the options: `name` and `weekly` are
   * plain text, escaped as Markdown; `link` a URL, escaped like a clip's; the paragraphs as written.
   */
  community: Community;
  clips: TemplateClip[];
  /** How many clips the draft has. */
  count: number;
}

/** A template that failed to parse or render, and why; `line` and `column` point into its source. */
export class TemplateError extends LocalizedError {
  override name = 'TemplateError';
  constructor(
    reason: LocalizedText,
    readonly line?: number,
    readonly column?: number,
    options?: ErrorOptions,
  ) {
    super(line === undefined ? 'templateError' : 'templateErrorAt', line === undefined ? [reason] : [String(line), String(column), reason], options);
  }
}

export interface CompiledTemplate {
  /** The draft's Markdown. Throws a `TemplateError` if the template fails while rendering. */
  render(draft: Draft, clips: readonly Clip[], options?: RenderOptions): string;
}

function makeEngine(): Liquid {
  const engine = new Liquid({
    // A misspelt filter is an error at once, not silently ignored output.
    strictFilters: true,
    ownPropertyOnly: true,
    // No file system in an extension page: templates are single, self-contained sources.
    templates: {},
    // A runaway loop stops after a second, or at ten million allocated items (a newsletter is a few
    // thousand characters), with the line it ran on. Both are checked between tags and in some
    // filters only: one filter call over a huge value runs on, which is why pages render in a worker.
    renderLimit: 1000,
    memoryLimit: 1e7,
  });
  for (const tag of ['include', 'render', 'layout']) {
    engine.registerTag(tag, {
      parse() {
        throw new LocalizedError('templateTagUnavailable', [tag]);
      },
      render() {
        return '';
      },
    });
  }
  engine.registerFilter('quote', (markdown: unknown) => quote(String(markdown ?? '')));
  engine.registerFilter('answer', (markdown: unknown, prefix?: unknown) =>
    answerBlock(String(markdown ?? ''), prefix === undefined ? undefined : String(prefix)),
  );
  // For what is not Markdown: `text` gives the text a field stands for (before `url_encode`, say),
  // `yaml` writes it as a front matter value (a list of labels as a list).
  engine.registerFilter('text', (value: unknown) => unescapeMarkdownText(String(value ?? '')));
  // Plain fields arrive escaped, with references such as `&amp;` that Liquid's own `upcase` would
  // turn into `&AMP;`, which no renderer reads: this one leaves them as they are.
  engine.registerFilter('upcase', (value: unknown) =>
    String(value ?? '').replace(/&#?\w+;|[^&]+|&/g, (part) => (part.length > 1 && part.startsWith('&') ? part : part.toUpperCase())),
  );
  engine.registerFilter('yaml', (value: unknown) => (Array.isArray(value) ? `[${value.map(yamlValue).join(', ')}]` : yamlValue(value)));
  return engine;
}

function yamlValue(value: unknown): string {
  return yamlString(unescapeMarkdownText(String(value ?? '')));
}

let engine: Liquid | undefined;
/** One engine for the page's lifetime, built on first use so a page that never renders never pays for it. */
export function liquid(): Liquid {
  return (engine ??= makeEngine());
}

/** What liquidjs threw, in our words, at the line and column its token gives. */
function templateError(error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const position = typeof error === 'object' && error !== null && 'token' in error ? positionOf(error.token) : undefined;
  return new TemplateError(templateReason(error), position?.[0], position?.[1], { cause: error });
}

function positionOf(token: unknown): [number, number] | undefined {
  if (typeof token !== 'object' || token === null || !('getPosition' in token) || typeof token.getPosition !== 'function') return undefined;
  const position: unknown = token.getPosition();
  return Array.isArray(position) && typeof position[0] === 'number' && typeof position[1] === 'number' ? [position[0], position[1]] : undefined;
}

/**
 * The expanded Markdown of the last draft rendered, by site, repository and Markdown: a draft renders
 * again on every keystroke, and lexing thousands of clips each time would take seconds. Only the
 * latest draft's are kept.
 */
let lastExpansions = new Map<string, string>();

/**
 * What a template sees for a draft and its clips (in order).
 *
 * Plain-text fields are escaped here, once, rather than by liquidjs's `outputEscape`: that would
 * escape every `{{ }}` unless it ends in `| raw`, so every template written so far would print the
 * question's and answer's Markdown, the intro and what `quote` and `answer` return as literal
 * text. Escaped data keeps those templates right as they are, and `{{ clip.title }}` turns safe
 * wherever it sits in Markdown. Contexts that are not Markdown use the `yaml` and `text` filters.
 */
export function templateData(
  draft: Draft,
  clips: readonly Clip[],
  { projects, links = 'shorthand', community = SOFASTACK_COMMUNITY }: RenderOptions = {},
): TemplateData {
  const intro = splitIntro(draft.intro);
  const plain = escapeMarkdownText;
  const post = ({ author, url, markdown }: Post): Post => ({ author: plain(author), url: escapeMarkdownUrl(url), markdown });
  // A clip's references point into its own repository on its own site; the stored clip keeps them as written.
  const expansions = new Map<string, string>();
  const linked = (clip: Clip, markdown: string) => {
    if (links !== 'expanded') return markdown;
    const origin = originOf(clip.url);
    const key = `${origin} ${clip.repo}\n${markdown}`;
    const expanded = expansions.get(key) ?? lastExpansions.get(key) ?? expandReferences(markdown, { origin, repo: clip.repo });
    expansions.set(key, expanded);
    return expanded;
  };
  const data: TemplateData = {
    draft: {
      title: plain(draft.title),
      date: plain(draft.date),
      intro: intro.text,
      parts: intro.parts,
      outro: draft.outro ?? '',
      publishedAt: draft.publishedAt === undefined ? null : plain(draft.publishedAt),
    },
    community: {
      ...community,
      name: plain(community.name),
      weekly: plain(community.weekly),
      link: community.link && escapeMarkdownUrl(community.link),
    },
    clips: clips.map((clip, position) => {
      const project = projectOf(clip.repo, projects);
      return {
        index: position + 1,
        id: plain(clip.id),
        repo: plain(clip.repo),
        number: clip.number,
        kind: clip.kind,
        url: escapeMarkdownUrl(clip.url),
        title: plain(clip.title),
        labels: clip.labels.map(plain),
        author: plain(clip.question.author),
        question: { ...post(clip.question), markdown: linked(clip, questionMarkdown(clip)) },
        answer: clip.answer?.markdown.trim() ? { ...post(clip.answer), markdown: linked(clip, clip.answer.markdown) } : null,
        note: clip.note ?? '',
        project: { name: plain(project.name), link: escapeMarkdownUrl(project.link) },
      };
    }),
    count: clips.length,
  };
  lastExpansions = expansions;
  return data;
}

/** The site a clip's references point into: its thread's, or github.com for a record without a valid URL. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return `https://${DEFAULT_HOST}`;
  }
}

/** Parses a template once; throws a `TemplateError` with the line when it does not parse. */
export function compileTemplate(source: string): CompiledTemplate {
  let parsed: Template[];
  try {
    parsed = liquid().parse(source);
  } catch (error) {
    throw templateError(error);
  }
  return {
    render(draft, clips, options) {
      try {
        return String(liquid().renderSync(parsed, templateData(draft, clips, options)));
      } catch (error) {
        throw templateError(error);
      }
    },
  };
}
