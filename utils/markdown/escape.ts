/**
 * Context-aware escaping of text. Turndown escapes every text node on its own and has to assume the
 * worst (`snake\_case`, `1\.5`); here each text node is escaped knowing where it sits: at the start
 * of a line or not, between which characters, and whether its block could pair an emphasis
 * delimiter at all. Only what would change the meaning gets a backslash.
 */
import { canClose, canOpen, isAsciiPunctuation, isWhitespace } from './chars';
import { charAfter, closingChar, EMPTY_TAG_MARK, isInlineHtml, kindOf, linkForm, openingChar } from './classify';
import { HEADING_TAGS, isElement, isText, TURNDOWN_BLOCK_TAGS, VOID_TAGS } from './dom';

/** What a block's text could pair with; a delimiter with no possible partner stays literal. */
interface PairStats {
  star: boolean;
  underscore: boolean;
  tilde: boolean;
  /** `[...]` could become a link, a reference definition or a footnote */
  bracket: boolean;
  /** `$...$` could become math on GitHub */
  dollar: boolean;
}

/** Where a text node sits. Methods are asked only when a character needs them. */
interface TextContext {
  /** The text starts a line (block constructs such as `- ` or `# ` would be recognised). */
  readonly lineStart: boolean;
  /** Output character before the text; '' at a line edge. */
  readonly before: string;
  readonly inHeading: boolean;
  readonly inLink: boolean;
  /** Output character after the text; '' at a line edge. */
  after(): string;
  stats(): PairStats;
}

const ALL_PAIRS: PairStats = { star: true, underscore: true, tilde: true, bracket: true, dollar: true };

/** Surroundings unknown: escape as if anything could follow (alt text, link text of our own). */
const UNKNOWN_CONTEXT: TextContext = {
  lineStart: false,
  before: '',
  inHeading: false,
  inLink: true,
  after: () => '',
  stats: () => ALL_PAIRS,
};

export function escapeInline(text: string): string {
  return escapeText(text, UNKNOWN_CONTEXT);
}

const MAYBE_SPECIAL = /[\\`*_~[\]<&$!\u00a0]|:\/\/|www\./i;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const TAG_START = /[A-Za-z/!?]/;
const SPACE = /[ \t\r\n]/;
const AUTOLINK_SCHEME = /(?:https?|ftp):\/\//gi;
const AUTOLINK_WWW = /(^|[^A-Za-z0-9])www\./gi;
const HEADING_CLOSE = /(^|[ \t\r\n])(#+)[ \t\r\n]*$/;
const THEMATIC_BREAK = /^(?:[-*_][ \t\r\n]*){3,}$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)$/;
const TABLE_DELIMITER_ROW = /^(?=[^|]*\|)(?=[^-]*-)[|: \t-]+$/;

function escapeText(text: string, ctx: TextContext): string {
  if (!ctx.lineStart && !MAYBE_SPECIAL.test(text) && !(ctx.inHeading && text.includes('#'))) return text;
  return new TextScan(text, ctx).escaped();
}

const NBSP_MARK = 2;

/** One text's escaping: which characters get a backslash (or become `&nbsp;`). */
class TextScan {
  private readonly marks: Uint8Array;
  private afterChar: string | undefined;
  private pairStats: PairStats | undefined;

  constructor(
    private readonly text: string,
    private readonly ctx: TextContext,
  ) {
    this.marks = new Uint8Array(text.length);
  }

  private after(): string {
    this.afterChar ??= this.ctx.after();
    return this.afterChar;
  }

  private pairs(): PairStats {
    this.pairStats ??= this.ctx.stats();
    return this.pairStats;
  }

  private charAt(i: number): string {
    if (i < 0) return this.ctx.before;
    return i >= this.text.length ? this.after() : this.text.charAt(i);
  }

  /** Whitespace or a line edge follows position `i`. */
  private spaceAt(i: number): boolean {
    return i >= this.text.length ? isWhitespace(this.after()) : SPACE.test(this.text.charAt(i));
  }

  escaped(): string {
    const { text, ctx, marks } = this;
    if (ctx.lineStart) this.markLineStart();
    this.markInline();
    if (!ctx.inLink) {
      // GFM would turn these into links by itself; an escaped `:` or `.` keeps them text.
      for (const match of text.matchAll(AUTOLINK_SCHEME)) marks[match.index + match[0].indexOf(':')] = 1;
      for (const match of text.matchAll(AUTOLINK_WWW)) marks[match.index + (match[1]?.length ?? 0) + 3] = 1;
    }
    if (ctx.inHeading && this.after() === '') {
      // A closing run of `#` would be dropped from the heading.
      const match = HEADING_CLOSE.exec(text);
      if (match && (match[1] !== '' || isWhitespace(ctx.before))) marks[match.index + (match[1]?.length ?? 0)] = 1;
    }
    if (text.includes('\u00a0')) this.markInvisibleSpaces();

    let out = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      if (marks[i] === NBSP_MARK) {
        out += `${text.slice(from, i)}&nbsp;`;
        from = i + 1;
      } else if (marks[i]) {
        out += `${text.slice(from, i)}\\`;
        from = i;
      }
    }
    return out === '' ? text : out + text.slice(from);
  }

  private markInline(): void {
    const { text, ctx, marks } = this;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charAt(i);
      switch (c) {
        case '\\': {
          const next = this.charAt(i + 1);
          if (next === '' || isAsciiPunctuation(next)) marks[i] = 1;
          break;
        }
        case '`':
          marks[i] = 1;
          break;
        case '*':
        case '_':
        case '~': {
          let j = i + 1;
          while (j < n && text.charAt(j) === c) j++;
          const pairs = this.pairs();
          const paired = c === '*' ? pairs.star : c === '_' ? pairs.underscore : j - i <= 2 && pairs.tilde;
          if (paired) {
            const before = this.charAt(i - 1);
            const next = this.charAt(j);
            if (canOpen(c, before, next) || canClose(c, before, next)) marks.fill(1, i, j);
          }
          i = j - 1;
          break;
        }
        case '[':
        case ']':
          if (ctx.inLink || this.pairs().bracket) marks[i] = 1;
          break;
        case '<':
          if (TAG_START.test(this.charAt(i + 1))) marks[i] = 1;
          break;
        case '&':
          ENTITY.lastIndex = i;
          if (ENTITY.test(text)) marks[i] = 1;
          break;
        case '$':
          if (this.pairs().dollar) marks[i] = 1;
          break;
        case '!':
          // `!` right before a link would make it an image.
          if (this.charAt(i + 1) === '[') marks[i] = 1;
          break;
      }
    }
  }

  /** Marks what would start a block if it began a line: list markers, `#`, `>`, fences, rules. */
  private markLineStart(): void {
    const { text, marks } = this;
    let p = 0;
    while (p < text.length && SPACE.test(text.charAt(p))) p++;
    if (p === text.length) return;
    const rest = text.slice(p);
    const c = rest.charAt(0);
    let match: RegExpExecArray | null;
    if (c === '#') {
      const run = /^#{1,6}/.exec(rest)?.[0].length ?? 0;
      if (run > 0 && this.spaceAt(p + run)) marks[p] = 1;
    } else if (c === '>') {
      marks[p] = 1;
    } else if (c === '-' || c === '+' || c === '*') {
      if (this.spaceAt(p + 1)) marks[p] = 1;
    } else if ((match = /^\d{1,9}[.)]/.exec(rest))) {
      if (this.spaceAt(p + match[0].length)) marks[p + match[0].length - 1] = 1;
    } else if (c === '[') {
      // `[ ]` / `[x]` at the start of a list item would become a task checkbox.
      if (/^\[[ xX]\]/.test(rest) && this.spaceAt(p + 3)) marks[p] = 1;
    }
    if (rest.startsWith('~~~')) marks[p] = 1;
    if (this.after() === '') {
      // Not `/[ \t\r\n]+$/`, which takes the square of every run of blanks inside the text.
      let end = rest.length;
      while (end > 0 && SPACE.test(rest.charAt(end - 1))) end--;
      const line = rest.slice(0, end);
      if (THEMATIC_BREAK.test(line) || SETEXT_UNDERLINE.test(line) || (line.includes('|') && TABLE_DELIMITER_ROW.test(line))) {
        marks[p] = 1;
      }
    }
  }

  /**
   * Non-breaking spaces at the edges of a line hold space there (`&nbsp;` as a spacer paragraph or
   * indent); written as the entity, as authors do, since the character is invisible in the source.
   */
  private markInvisibleSpaces(): void {
    const { text, marks } = this;
    if (this.ctx.lineStart) {
      for (let i = 0; i < text.length && /\s/.test(text.charAt(i)); i++) if (text.charAt(i) === '\u00a0') marks[i] = NBSP_MARK;
    }
    if (this.after() === '') {
      for (let i = text.length - 1; i >= 0 && /\s/.test(text.charAt(i)); i--) if (text.charAt(i) === '\u00a0') marks[i] = NBSP_MARK;
    }
  }
}

const MATH_SPAN = /\$(?=[^\s$])(?:[^$]*?[^\s$])?\$/;

/**
 * Whether some run of `ch` in `text` could open and a later one close (flanking as if the text
 * were one string: markup boundaries only make it more cautious).
 */
function pairable(text: string, ch: string): boolean {
  let opener = false;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i)) {
    let j = i + 1;
    while (text.charAt(j) === ch) j++;
    if (ch !== '~' || j - i <= 2) {
      const before = text.charAt(i - 1);
      const after = text.charAt(j);
      if (opener && canClose(ch, before, after)) return true;
      if (canOpen(ch, before, after)) opener = true;
    }
    i = j;
  }
  return false;
}

function pairStats(container: Node): PairStats {
  const text = container.textContent ?? '';
  const holder = container as ParentNode;
  return {
    star: text.includes('*') && (pairable(text, '*') || holder.querySelector('em,strong') !== null),
    underscore: text.includes('_') && pairable(text, '_'),
    tilde: text.includes('~') && (pairable(text, '~') || holder.querySelector('del') !== null),
    bracket: /\][ \t\r\n]*[([:]|\[\^/.test(text),
    dollar: MATH_SPAN.test(text),
  };
}

/** Elements whose rows and cells turndown-plugin-gfm counts by `childNodes`, blank text included. */
const TABLE_PARTS: ReadonlySet<string> = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR']);

/**
 * Blank text right before one of turndown's blocks (or a `<br>`), which turndown's whitespace
 * collapsing would leave empty: taken out now, turndown never visits it. Most blank text in
 * rendered Markdown is the line break after a block. Not between table rows and cells, which
 * the table plugin counts by position.
 */
function dropsBlank(text: Text): boolean {
  const next = text.nextSibling;
  if (next === null || !(next.nodeName === 'BR' || TURNDOWN_BLOCK_TAGS.has(next.nodeName))) return false;
  const parent = text.parentNode;
  return parent === null || !TABLE_PARTS.has(parent.nodeName);
}

/** Escapes every text node of a cleaned tree in place, in document order, tracking its context. */
export function escapeTree(root: Node): void {
  new EscapePass().children(root, root);
}

/** Walks the tree in document order; it is also the context of the text node it is at. */
class EscapePass implements TextContext {
  /** Last output character so far; '' at a line start. */
  private prev = '';
  private links = 0;
  private headings = 0;
  private readonly pairStats = new Map<Node, PairStats>();
  private node: Node | null = null;
  private container: Node | null = null;

  get lineStart(): boolean {
    return this.prev === '';
  }

  get before(): string {
    return this.prev;
  }

  get inHeading(): boolean {
    return this.headings > 0;
  }

  get inLink(): boolean {
    return this.links > 0;
  }

  after(): string {
    return this.node ? charAfter(this.node) : '';
  }

  stats(): PairStats {
    const container = this.container;
    if (!container) return ALL_PAIRS;
    let stats = this.pairStats.get(container);
    if (!stats) {
      stats = pairStats(container);
      this.pairStats.set(container, stats);
    }
    return stats;
  }

  children(parent: Node, container: Node): void {
    for (let child = parent.firstChild; child;) {
      const next = child.nextSibling;
      this.visit(child, container);
      child = next;
    }
  }

  private visit(node: Node, container: Node): void {
    if (isText(node)) {
      this.text(node, container);
      return;
    }
    if (!isElement(node)) return;
    switch (kindOf(node)) {
      case 'break':
      case 'raw-block':
        this.prev = '';
        return;
      case 'atom':
        this.prev = closingChar(node);
        return;
      case 'transparent':
        this.children(node, container);
        return;
      case 'markup': {
        const isLink = node.nodeName === 'A';
        this.prev = openingChar(node);
        if (isLink) this.links++;
        this.children(node, container);
        if (isLink) this.links--;
        if (node.firstChild === null && !VOID_TAGS.has(node.nodeName) && (isLink ? linkForm(node) === 'link' : isInlineHtml(node))) {
          node.appendChild(node.ownerDocument.createTextNode(EMPTY_TAG_MARK));
        }
        this.prev = closingChar(node);
        return;
      }
      case 'block': {
        const heading = HEADING_TAGS.has(node.nodeName);
        // Heading and cell content follows `# ` or `| ` on the same line: not a line start.
        this.prev = heading || node.nodeName === 'TD' || node.nodeName === 'TH' ? ' ' : '';
        if (heading) this.headings++;
        this.children(node, node);
        if (heading) this.headings--;
        this.prev = '';
      }
    }
  }

  private text(node: Text, container: Node): void {
    const data = node.data;
    if (!/[^ \t\r\n]/.test(data)) {
      if (dropsBlank(node)) node.remove();
      else if (data !== '' && this.prev !== '') this.prev = ' ';
      return;
    }
    this.node = node;
    this.container = container;
    const escaped = escapeText(data, this);
    if (escaped !== data) node.data = escaped;
    const last = data.charAt(data.length - 1);
    this.prev = SPACE.test(last) ? ' ' : last;
  }
}
