/**
 * Draft templates: Liquid (liquidjs, whose browser build never evaluates code, as extension pages
 * require), rendered synchronously so the popup can derive the Markdown on every keystroke.
 */
import { Liquid, type Template } from 'liquidjs';
import { ClipperError, messageOf } from '../errors';
import type { Clip, Draft, Post } from '../model';
import { splitIntro } from './intro';
import { answerBlock, projectOf, quote, type Project, type RenderOptions } from './render';

/** One clip as a template sees it: the clip's own fields, with what a template needs added. */
export interface TemplateClip extends Pick<Clip, 'id' | 'repo' | 'number' | 'kind' | 'url' | 'title' | 'labels' | 'question'> {
  /** 1-based position in the draft. */
  index: number;
  /** The question's author (the thread's), without `@`. */
  author: string;
  /** Null when no answer was chosen or it is blank, so `{% if clip.answer %}` reads naturally. */
  answer: Post | null;
  project: Project;
}

/** Everything a template can use. */
export interface TemplateData {
  draft: {
    title: string;
    /** `YYYY-MM-DD` */
    date: string;
    /** The intro's text before its first named part (see intro.ts). */
    intro: string;
    /** The intro's named parts; a part the intro lacks is simply absent (blank in Liquid). */
    parts: Record<string, string>;
    /** ISO 8601, or null while the draft is current. */
    publishedAt: string | null;
  };
  clips: TemplateClip[];
  /** How many clips the draft has. */
  count: number;
}

/** A template that failed to parse or render; `line` and `column` point into its source. */
export class TemplateError extends ClipperError {
  override name = 'TemplateError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
    options?: ErrorOptions,
  ) {
    super(line === undefined ? `Template error: ${message}` : `Template error on line ${line}, column ${column}: ${message}`, options);
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
    // A runaway loop must not freeze the popup, which renders on every edit: stop after a second,
    // or at ten million allocated items (a newsletter is a few thousand characters).
    renderLimit: 1000,
    memoryLimit: 1e7,
  });
  for (const tag of ['include', 'render', 'layout']) {
    engine.registerTag(tag, {
      parse() {
        throw new Error(`{% ${tag} %} is not available: a template is one self-contained text`);
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
  return engine;
}

let engine: Liquid | undefined;
/** One engine for the page's lifetime, built on first use so a page that never renders never pays for it. */
function liquid(): Liquid {
  return (engine ??= makeEngine());
}

/** liquidjs appends the position to its messages; the position goes into our own wording instead. */
function templateError(error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const message = messageOf(error).replace(/, line:\d+, col:\d+$/, '');
  const position = typeof error === 'object' && error !== null && 'token' in error ? positionOf(error.token) : undefined;
  return new TemplateError(message, position?.[0], position?.[1], { cause: error });
}

function positionOf(token: unknown): [number, number] | undefined {
  if (typeof token !== 'object' || token === null || !('getPosition' in token) || typeof token.getPosition !== 'function') return undefined;
  const position: unknown = token.getPosition();
  return Array.isArray(position) && typeof position[0] === 'number' && typeof position[1] === 'number' ? [position[0], position[1]] : undefined;
}

/** What a template sees for a draft and its clips (in order). */
export function templateData(draft: Draft, clips: readonly Clip[], { projects }: RenderOptions = {}): TemplateData {
  const intro = splitIntro(draft.intro);
  return {
    draft: { title: draft.title, date: draft.date, intro: intro.text, parts: intro.parts, publishedAt: draft.publishedAt ?? null },
    clips: clips.map((clip, position) => ({
      index: position + 1,
      id: clip.id,
      repo: clip.repo,
      number: clip.number,
      kind: clip.kind,
      url: clip.url,
      title: clip.title,
      labels: clip.labels,
      author: clip.question.author,
      question: clip.question,
      answer: clip.answer?.markdown.trim() ? clip.answer : null,
      project: projectOf(clip.repo, projects),
    })),
    count: clips.length,
  };
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
