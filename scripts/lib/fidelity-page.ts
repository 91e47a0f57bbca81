/**
 * What `npm run fidelity` runs inside Chromium (bundled by esbuild, see fidelity-browser.ts): our
 * converter and the baseline, and the one normalisation both renderings of every round trip go
 * through, done by the page's own DOM.
 *
 * Normalisation, the same for both sides and both converters:
 * - `href` and `src` are resolved against the page (the converter makes links absolute by design:
 *   a clip leaves the page it came from), so `/uri` and `https://github.com/uri` are one link;
 * - attributes are sorted (their order means nothing);
 * - outside `<pre>` and code spans, whitespace is folded as HTML shows it: runs become one space,
 *   and spaces at the start or end of a line (block edges, `<br>`) go. Inside `<pre>` and code
 *   spans every character counts.
 * Everything else (elements, attributes, text, comments) must be identical.
 */
import { githubMarkdown } from '../../utils/github/rendered-markdown';
import { htmlToMarkdown } from '../../utils/markdown';
import { baselineService } from './baseline';

/** Elements whose edges HTML whitespace does not show at. */
const BLOCKS = new Set(
  (
    'address article aside blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);
const HTML_SPACE = /[ \t\n\r\f]+/g;

function resolve(value: string, baseUrl: string): string {
  try {
    return new URL(value, baseUrl).href;
  } catch {
    return value;
  }
}

/** Elements whose text is shown exactly: GitHub sets code spans to `white-space: break-spaces`. */
const EXACT = new Set(['pre', 'code', 'textarea', 'script', 'style']);

/** Where a walk through one line box stands: the last text, and whether a space there would show. */
interface Line {
  last: Text | null;
  /** At the start of a line, or right after a space: a space here does not show. */
  spaceHidden: boolean;
}

/** A line ends: a space at its end does not show. */
function endLine(line: Line): void {
  const { last } = line;
  if (last?.data.endsWith(' ')) {
    last.data = last.data.slice(0, -1);
    if (last.data === '') last.remove();
  }
  line.last = null;
  line.spaceHidden = true;
}

/**
 * HTML's whitespace rules, as the reader sees the text: runs fold to one space, and spaces at the
 * start and end of a line (a block's edges, around `<br>`) and after another space do not show.
 */
function foldWhitespace(parent: Node, line: Line): void {
  for (let child = parent.firstChild; child;) {
    const next = child.nextSibling;
    if (child.nodeType === Node.TEXT_NODE) {
      const text = child as Text;
      let data = text.data.replace(HTML_SPACE, ' ');
      if (line.spaceHidden && data.startsWith(' ')) data = data.slice(1);
      if (data === '') {
        text.remove();
      } else {
        if (data !== text.data) text.data = data;
        line.last = text;
        line.spaceHidden = data.endsWith(' ');
      }
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const name = (child as Element).localName;
      if (BLOCKS.has(name)) {
        endLine(line);
        if (!EXACT.has(name)) foldWhitespace(child, line);
        endLine(line);
      } else if (name === 'br') {
        endLine(line);
      } else if (EXACT.has(name) || !child.hasChildNodes()) {
        // Shown as it is (code, an image): spaces around it show.
        line.last = null;
        line.spaceHidden = false;
      } else {
        foldWhitespace(child, line);
      }
    }
    child = next;
  }
}

function normalizeAttributes(parent: Node, baseUrl: string): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    const attributes = Array.from(el.attributes, ({ name, value }) => [name, value] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name] of attributes) el.removeAttribute(name);
    for (const [name, value] of attributes) el.setAttribute(name, name === 'href' || name === 'src' ? resolve(value, baseUrl) : value);
    normalizeAttributes(el.localName === 'template' ? (el as HTMLTemplateElement).content : el, baseUrl);
  }
}

function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** `html` as the comparison sees it. */
export function normalize(html: string, baseUrl: string): DocumentFragment {
  const fragment = parse(html);
  fragment.normalize();
  normalizeAttributes(fragment, baseUrl);
  const line: Line = { last: null, spaceHidden: true };
  foldWhitespace(fragment, line);
  endLine(line);
  return fragment;
}

function serialize(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}

export interface Difference {
  /** Tag names from the root to where the renderings part (`ul>li>p`), in the first rendering. */
  path: string;
  /** The first node that differs, as HTML (shortened), in each rendering; '' when absent. */
  expected: string;
  actual: string;
  /** The element that differs, when both sides have one but its name or attributes differ. */
  attribute?: string;
}

function describeNode(node: Node | null): string {
  if (!node) return '';
  if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).outerHTML.slice(0, 160);
  if (node.nodeType === Node.COMMENT_NODE) return `<!--${(node as Comment).data.slice(0, 150)}-->`;
  return JSON.stringify((node as Text).data.slice(0, 150));
}

function pathOf(node: Node): string {
  const names: string[] = [];
  for (let at: Node | null = node; at && at.nodeType === Node.ELEMENT_NODE; at = at.parentNode) names.unshift((at as Element).localName);
  return names.join('>');
}

/** The first place two normalised trees part, or undefined when they are the same. */
function firstDifference(a: Node, b: Node): Difference | undefined {
  let x = a.firstChild;
  let y = b.firstChild;
  for (; x || y; x = x?.nextSibling ?? null, y = y?.nextSibling ?? null) {
    const at = x ?? a;
    if (!x || !y || x.nodeType !== y.nodeType) return { path: pathOf(x ? at.parentNode! : a), expected: describeNode(x), actual: describeNode(y) };
    if (x.nodeType === Node.ELEMENT_NODE) {
      const ex = x as Element;
      const ey = y as Element;
      if (ex.localName !== ey.localName) return { path: pathOf(a), expected: describeNode(x), actual: describeNode(y) };
      const names = new Set([...ex.getAttributeNames(), ...ey.getAttributeNames()]);
      for (const name of names) {
        if (ex.getAttribute(name) !== ey.getAttribute(name)) return { path: pathOf(ex), expected: describeNode(x), actual: describeNode(y), attribute: name };
      }
      const inner = firstDifference(
        ex.localName === 'template' ? (ex as HTMLTemplateElement).content : ex,
        ey.localName === 'template' ? (ey as HTMLTemplateElement).content : ey,
      );
      if (inner) return inner;
    } else if ((x as CharacterData).data !== (y as CharacterData).data) {
      return { path: pathOf(a), expected: describeNode(x), actual: describeNode(y) };
    }
  }
  return undefined;
}

export interface Comparison {
  equal: boolean;
  difference?: Difference;
  /** Both renderings normalised, for `--verbose`. */
  expected?: string;
  actual?: string;
}

export function compare(first: string, second: string, baseUrl: string, detail: boolean): Comparison {
  const a = normalize(first, baseUrl);
  const b = normalize(second, baseUrl);
  if (a.isEqualNode(b)) return { equal: true };
  const difference = firstDifference(a, b);
  return detail ? { equal: false, difference, expected: serialize(a), actual: serialize(b) } : { equal: false, difference };
}

const baseline = baselineService();

export const converters = {
  ours: (input: string | Node, baseUrl: string): string => htmlToMarkdown(input, { baseUrl, dialect: githubMarkdown }),
  baseline: (input: string | Node): string => baseline.turndown(input as string | HTMLElement),
};

export type ConverterName = keyof typeof converters;

/** Each converter's Markdown for each HTML string; a converter that throws gives `null`. */
export function convertAll(html: readonly string[], name: ConverterName, baseUrl: string): (string | null)[] {
  const convert = converters[name];
  return html.map((source) => {
    try {
      return convert(source, baseUrl);
    } catch {
      return null;
    }
  });
}

let timed: { inputs: DocumentFragment[]; baseUrl: string } | undefined;

/** Parses the inputs to time once: both converters get the same nodes (each copies its input first). */
export function prepareTiming(html: readonly string[], baseUrl: string): void {
  timed = { inputs: html.map((source) => parse(source)), baseUrl };
}

/** Converts every prepared input `passes` times with one converter: what one timed sample runs. */
export function runPasses(name: ConverterName, passes: number): void {
  const { inputs, baseUrl } = timed!;
  const convert = converters[name];
  for (let pass = 0; pass < passes; pass++) for (const input of inputs) convert(input, baseUrl);
}

const api = { compare, converters, convertAll, prepareTiming, runPasses };
export type FidelityPage = typeof api;

(globalThis as unknown as { fidelity: FidelityPage }).fidelity = api;
