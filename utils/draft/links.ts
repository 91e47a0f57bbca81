/**
 * GitHub's shorthand references written out as full links, for a weekly published off GitHub (a
 * website, WeChat), where `#2203`, `owner/repo#12`, `@user` and commit SHAs would link nowhere.
 *
 * References are looked for only in Markdown's text: marked's lexer finds it, so code spans, code
 * blocks, links, autolinks (URLs and e-mail addresses) and HTML are never rewritten. Each piece of
 * text is found again in the source, in order, so the rest of the Markdown stays byte for byte as
 * written; when a block's text cannot be found again exactly (marked rewrote it, as it does with tabs
 * in lists), that block is left as written rather than risk a link in the wrong place.
 */
import { Lexer, type Token, type Tokens } from 'marked';

/** Where a clip's references point: its site (`https://github.com`) and repository (`owner/name`). */
export interface ReferenceContext {
  origin: string;
  repo: string;
}

const LOGIN = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
const REPO = `${LOGIN}/[A-Za-z0-9._-]{1,100}`;
/** A SHA on its own only as the converter writes it (full), so a number or a hex word never becomes a commit. */
const FULL_SHA = '[0-9a-f]{40}';
/** Beside `@` or `...` a SHA is unmistakably one, as GitHub abbreviates it or whole. */
const SHA = '[0-9a-f]{7,40}';

/**
 * The references `utils/github/references.ts` and GitHub write: a comparison and a commit of another
 * repository before an issue of another repository, so the longest form wins.
 */
const REFERENCE = new RegExp(
  [
    `(?<from>${SHA})\\.\\.\\.(?<to>${SHA})(?!\\w|\\.\\w)`,
    `(?<commitRepo>${REPO})@(?<sha>${SHA})(?!\\w|\\.\\w)`,
    `(?<issueRepo>${REPO})?#(?<number>[1-9]\\d{0,9})(?![\\w-])`,
    // `@org/team` is a team, not a user: left as written.
    `@(?<login>${LOGIN})(?![\\w/-]|\\.\\w)`,
    `(?<full>${FULL_SHA})(?!\\w|\\.\\w)`,
  ].join('|'),
  'g',
);

/**
 * What may not come just before a reference: it would be part of a word, a path, an address or an
 * entity. An underscore may: it is emphasis (`_@amy_`) far more often than part of a word.
 */
const NOT_BEFORE = /[A-Za-z0-9/.@&#-]/;

/** Containers whose text GitHub never links: a link's own text, and code written as HTML. */
const OPENS_UNLINKED = /^<(?:a|code)(?=[\s>])/i;
const CLOSES_UNLINKED = /^<\/(?:a|code)\s*>/i;

/** Whether `markdown` could hold a reference at all: most text has none, and is not worth lexing. */
const MAY_REFER = /[#@]|[0-9a-f]{40}/;

/** `markdown` with every GitHub reference in its text written as a Markdown link into `context`. */
export function expandReferences(markdown: string, context: ReferenceContext): string {
  if (!MAY_REFER.test(markdown)) return markdown;
  const source = markdown.replace(/\r\n?/g, '\n');
  const blocks = new Lexer({ gfm: true }).lex(source);
  // marked reads every character once at the top level; if not, its positions cannot be trusted.
  if (blocks.map((block) => block.raw).join('') !== source) return markdown;
  let out = '';
  let start = 0;
  for (const block of blocks) {
    const end = start + block.raw.length;
    out += expandBlock(source, start, end, block, context);
    start = end;
  }
  // Line endings stay as written unless a reference was expanded.
  return out === source ? markdown : out;
}

interface Replacement {
  at: number;
  length: number;
  link: string;
}

/** The block at `start`..`end` of `source`, its references expanded; as written if its text is not found again. */
function expandBlock(source: string, start: number, end: number, block: Token, context: ReferenceContext): string {
  const walk = new TextWalk(source, start, end);
  if (!walk.visit([block])) return source.slice(start, end);
  const replacements = walk.texts.flatMap(({ at, text }) => referencesIn(source, at, text, context));
  let out = '';
  let position = start;
  for (const { at, length, link } of replacements) {
    out += source.slice(position, at) + link;
    position = at + length;
  }
  return out + source.slice(position, end);
}

/**
 * Finds, in order, where each of a block's tokens sits in the source, and collects the text where
 * references may be expanded. Nested tokens' raw text lacks what their containers add at the start
 * of lines (`> `, a list item's indent) and a table's escaped `\|`, so it is found line by line and
 * cell by cell.
 */
class TextWalk {
  readonly texts: { at: number; text: string }[] = [];
  private cursor: number;
  /** How deep in `<a>` or `<code>` written as HTML the walk is. */
  private unlinkedDepth = 0;

  constructor(
    private readonly source: string,
    start: number,
    private readonly end: number,
  ) {
    this.cursor = start;
  }

  /** False when a token's text was not found where it should be. */
  visit(tokens: readonly Token[]): boolean {
    for (const token of tokens) {
      if (!this.visitToken(token)) return false;
    }
    return true;
  }

  private visitToken(token: Token): boolean {
    switch (token.type) {
      case 'list':
        return (token as Tokens.List).items.every((item) => this.visit(item.tokens));
      case 'table': {
        const table = token as Tokens.Table;
        return [table.header, ...table.rows].every((row) => row.every((cell) => this.visit(cell.tokens)));
      }
      case 'link':
      case 'image':
        return this.skip(token.raw);
      case 'html':
        if (OPENS_UNLINKED.test(token.raw)) this.unlinkedDepth += 1;
        else if (CLOSES_UNLINKED.test(token.raw) && this.unlinkedDepth > 0) this.unlinkedDepth -= 1;
        return this.skip(token.raw);
      case 'text':
        if ('tokens' in token && token.tokens?.length) return this.visit(token.tokens);
        return this.unlinkedDepth > 0 ? this.skip(token.raw) : this.take(token.raw);
      default:
        if ('tokens' in token && token.tokens?.length) return this.visit(token.tokens);
        return this.skip(token.raw);
    }
  }

  /** Finds `raw` at the cursor, piece by piece, without collecting it. */
  private skip(raw: string): boolean {
    return this.find(raw, () => undefined);
  }

  /** Finds `raw` at the cursor and collects its pieces as text to expand. */
  private take(raw: string): boolean {
    return this.find(raw, (at, text) => this.texts.push({ at, text }));
  }

  private find(raw: string, found: (at: number, piece: string) => void): boolean {
    for (const piece of raw.split(/[\n|]/)) {
      if (!piece) continue;
      const at = this.source.indexOf(piece, this.cursor);
      if (at < 0 || at + piece.length > this.end || !this.onlyMarkupBetween(this.cursor, at)) return false;
      found(at, piece);
      this.cursor = at + piece.length;
    }
    return true;
  }

  /**
   * Between two pieces lies only what containers and delimiters add: quote markers, list markers,
   * indentation, emphasis, table pipes, escapes. Anything else means the piece was found too far on.
   */
  private onlyMarkupBetween(from: number, to: number): boolean {
    return /^[\s>|*_~`\\[\]!#=+\-.)\d:]*$/.test(this.source.slice(from, to));
  }
}

/** The references in `text`, which sits at `at` in `source` (whose character before it decides a boundary). */
function referencesIn(source: string, at: number, text: string, context: ReferenceContext): Replacement[] {
  const found: Replacement[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const position = at + match.index;
    if (position > 0 && NOT_BEFORE.test(source[position - 1] ?? '')) continue;
    const link = linkOf(match.groups ?? {}, context);
    if (link) found.push({ at: position, length: match[0].length, link });
  }
  return found;
}

const short = (sha: string) => sha.slice(0, 7);

/** The Markdown link a reference stands for, its text shown as GitHub shows it. */
function linkOf(groups: Record<string, string | undefined>, { origin, repo }: ReferenceContext): string | undefined {
  const { from, to, commitRepo, sha, issueRepo, number, login, full } = groups;
  if (from && to) return `[\`${short(from)}...${short(to)}\`](${origin}/${repo}/compare/${from}...${to})`;
  if (commitRepo && sha) return `[${commitRepo}@\`${short(sha)}\`](${origin}/${commitRepo}/commit/${sha})`;
  if (number) return `[${issueRepo ? `${issueRepo}#` : '#'}${number}](${origin}/${issueRepo ?? repo}/issues/${number})`;
  if (login) return `[@${login}](${origin}/${login})`;
  if (full) return `[\`${short(full)}\`](${origin}/${repo}/commit/${full})`;
  return undefined;
}
