/**
 * Round-trip fidelity, the converter's main measure: Markdown rendered by GitHub's parser
 * (cmark-gfm with GitHub's extensions), converted back, rendered again; both renderings must match.
 *
 * Comparison: whitespace is folded (runs become one space, none between tags), and every `href`
 * and `src` is resolved against the page URL on both sides. The converter makes links absolute by
 * design (a clip leaves the page it came from), so `/uri` and `https://github.com/uri` count as the
 * same link when the page is on github.com; everything else must be identical.
 *
 * The unit tests use it in their happy-dom window; `npm run fidelity` measures in Chromium with a
 * normalisation of its own (fidelity-page.ts).
 */
import cmark from 'cmark-gfm';
import { tests } from 'commonmark-spec';

export const BASE_URL = 'https://github.com/o/r/issues/1';

/** GitHub's extensions; raw HTML stays cmark-gfm's default (omitted) unless asked for. */
export function renderGfm(markdown: string, unsafe = false): string {
  return cmark.renderHtmlSync(markdown, {
    unsafe,
    extensions: { table: true, strikethrough: true, autolink: true, tasklist: true },
  });
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function resolve(value: string, baseUrl: string): string {
  try {
    return new URL(value, baseUrl).href;
  } catch {
    return value;
  }
}

export function normalizeHtml(html: string, baseUrl = BASE_URL): string {
  return html
    .replace(/\b(href|src)="([^"]*)"/g, (_match, name: string, value: string) => {
      const url = resolve(decodeAttribute(value), baseUrl);
      return `${name}="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    })
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><')
    .trim();
}

export type Converter = (html: string) => string;

export interface RoundTrip {
  /** first rendering */
  html: string;
  /** the converter's Markdown */
  markdown: string;
  /** second rendering */
  back: string;
  equal: boolean;
}

export function roundTrip(source: string, convert: Converter, unsafe = false): RoundTrip {
  const html = renderGfm(source, unsafe);
  const markdown = convert(html);
  const back = renderGfm(markdown, unsafe);
  return { html, markdown, back, equal: normalizeHtml(html) === normalizeHtml(back) };
}

export interface Example {
  number: number;
  section: string;
  markdown: string;
}

/** The CommonMark spec's examples; the spec writes tabs as `→`. */
export function specExamples(): Example[] {
  return tests.map(({ number, section, markdown }) => ({ number, section, markdown: markdown.replace(/→/g, '\t') }));
}

export interface Score {
  total: number;
  passed: number;
  rate: number;
  failed: Example[];
}

export function score(examples: readonly Example[], convert: Converter, unsafe = false): Score {
  const failed = examples.filter((example) => {
    try {
      return !roundTrip(example.markdown, convert, unsafe).equal;
    } catch {
      return true;
    }
  });
  const passed = examples.length - failed.length;
  return { total: examples.length, passed, rate: passed / examples.length, failed };
}
