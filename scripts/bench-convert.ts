/**
 * The converter against plain turndown + turndown-plugin-gfm (default options), in Chromium: both
 * are bundled into one page and run on the same inputs there, with raw HTML kept as GitHub keeps
 * it (cmark-gfm with `unsafe`, GitHub's extensions).
 *
 * Time: each corpus is parsed once into DOM nodes that both converters get (each clones its input
 * first), so parsing is not part of the comparison. Rounds alternate which converter goes first, a
 * sample repeats the corpus until it lasts a few tens of milliseconds, and the medians are compared.
 * Corpora: the CommonMark spec's examples, the post bodies (`.markdown-body`) of the GitHub pages in
 * test/fixtures and, when present, ../shared/fixtures/github-pages, and a fixed sample (every 16th)
 * of the Markdown documents under node_modules.
 *
 * Fidelity: the round trips of `npm run fidelity` (lib/fidelity-run.ts: render, convert in the
 * page, render again, compare after the page's normalisation), over the whole spec and every 4th
 * of those Markdown documents (`npm run fidelity` takes all of them and lists each loss).
 *
 * `tsx scripts/bench-convert.ts` runs it alone; `benchConvert()` is what `scripts/bench.ts` calls.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchBench, mainThreadMs, median } from './lib/chromium';
import { markdownDocuments, openFidelityPage, roundTrips, type Source } from './lib/fidelity-run';
import { line, ms } from './lib/report';
import { BASE_URL, renderGfm, specExamples } from './lib/roundtrip';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedPagesDir = path.resolve(repoRoot, '../shared/fixtures/github-pages');
const fixturePagesDir = path.resolve(repoRoot, 'test/fixtures/github');

/** Budgets of shared/DESIGN.md: time at most turndown's; round trips exact. */
export const TIME_BUDGET = 1.0;
export const SPEC_BUDGET = 0.97;
export const DOCUMENTS_BUDGET = 0.95;

const SAMPLE_MS = 60;
const WARM_MS = 1500;
/** One document in this many of node_modules' Markdown is timed, and one in FIDELITY_SAMPLE round-tripped. */
const DOCUMENT_SAMPLE = 16;
const FIDELITY_SAMPLE = 4;

export interface TimeRow {
  corpus: string;
  documents: number;
  oursMs: number;
  baselineMs: number;
  ratio: number;
}

export interface FidelityRow {
  corpus: string;
  total: number;
  ours: number;
  baseline: number;
  budget: number;
}

export interface ConvertBench {
  times: TimeRow[];
  fidelity: FidelityRow[];
}

interface Corpus {
  name: string;
  /** HTML documents, or whole pages whose outermost `.markdown-body` elements are the documents */
  html: string[];
  pages?: boolean;
}

function githubPages(): string[] {
  const read = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.html'))
          .sort()
          .map((name) => readFileSync(path.join(dir, name), 'utf8'))
      : [];
  return [...read(fixturePagesDir), ...read(sharedPagesDir)];
}

/**
 * Times both converters on one corpus; returns the samples of each (ms per corpus pass). A sample
 * is the main thread's CPU time (CDP's ThreadTime) around one call into the page: on a busy machine
 * the page's wall-clock time counts the time it waited for a core, which falls on the converters
 * unevenly.
 */
async function timeCorpus(page: Page, cdp: CDPSession, corpus: Corpus, rounds: number): Promise<{ ours: number[]; baseline: number[]; documents: number }> {
  const { runs, documents } = await page.evaluate(
    ([html, pages, baseUrl, sampleMs, warmMs]) => {
      const { ours, baseline } = globalThis.fidelity.converters;
      let inputs: { node: Node; baseUrl: string }[];
      if (pages) {
        inputs = html.flatMap((source) => {
          const doc = new DOMParser().parseFromString(source, 'text/html');
          const url = doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? 'https://github.com/';
          return Array.from(doc.querySelectorAll('.markdown-body'))
            .filter((body) => !body.parentElement?.closest('.markdown-body'))
            .map((node) => ({ node, baseUrl: url }));
        });
      } else {
        inputs = html.map((source) => {
          const template = document.createElement('template');
          template.innerHTML = source;
          return { node: template.content, baseUrl };
        });
      }
      const passes = {
        ours: () => {
          for (const input of inputs) ours(input.node, input.baseUrl);
        },
        baseline: () => {
          for (const input of inputs) baseline(input.node);
        },
      };
      (window as unknown as { benchRun: (name: 'ours' | 'baseline', runs: number) => void }).benchRun = (name, runs) => {
        for (let run = 0; run < runs; run++) passes[name]();
      };
      // Until both run optimised code: the JIT keeps improving a converter for its first second or so.
      const warmUntil = performance.now() + warmMs;
      let single = Infinity;
      while (performance.now() < warmUntil) {
        passes.ours();
        const start = performance.now();
        passes.baseline();
        single = Math.min(single, performance.now() - start);
      }
      return { runs: Math.max(1, Math.ceil(sampleMs / Math.max(single, 0.01))), documents: inputs.length };
    },
    [corpus.html, corpus.pages ?? false, BASE_URL, SAMPLE_MS, WARM_MS] as const,
  );
  const sample = async (name: 'ours' | 'baseline') => {
    const before = await mainThreadMs(cdp);
    await cdp.send('Runtime.evaluate', { expression: `benchRun(${JSON.stringify(name)}, ${runs})` });
    return ((await mainThreadMs(cdp)) - before) / runs;
  };
  const times = { ours: [] as number[], baseline: [] as number[], documents };
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) times[name].push(await sample(name));
  }
  return times;
}

export async function benchConvert({ rounds = 15 } = {}): Promise<ConvertBench> {
  const specSources: Source[] = specExamples().map((example) => ({ name: `#${example.number}`, markdown: example.markdown }));
  const documentSources = markdownDocuments();
  const spec = specSources.map((source) => renderGfm(source.markdown, true));
  const documents = documentSources.map((source) => renderGfm(source.markdown, true));
  const pages = githubPages();
  const browser = await launchBench({ extension: false });
  try {
    const corpora: Corpus[] = [
      { name: 'CommonMark spec examples', html: spec },
      { name: 'GitHub post bodies', html: pages, pages: true },
      { name: `Markdown documents in node_modules, every ${DOCUMENT_SAMPLE}th`, html: documents.filter((_, index) => index % DOCUMENT_SAMPLE === 0) },
    ];
    const times: TimeRow[] = [];
    if (process.env.BENCH_VERBOSE) console.log(`    inputs ready at ${(performance.now() / 1000).toFixed(1)} s`);
    // A page on a site of its own runs in a process of its own.
    const page = await openFidelityPage(browser, 'https://convert-time.example/bench');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    for (const corpus of corpora) {
      const { ours, baseline, documents: count } = await timeCorpus(page, cdp, corpus, rounds);
      if (process.env.BENCH_VERBOSE)
        console.log(`    ${corpus.name}: ours ${ours.map((t) => t.toFixed(0)).join(' ')} | baseline ${baseline.map((t) => t.toFixed(0)).join(' ')}`);
      const oursMs = median(ours);
      const baselineMs = median(baseline);
      times.push({ corpus: corpus.name, documents: count, oursMs, baselineMs, ratio: oursMs / baselineMs });
    }
    await page.close();

    // Round trips are not timed: they are judged as `npm run fidelity` judges them, in a page of their own.
    const fidelityPage = await openFidelityPage(browser, 'https://fidelity.example/bench');
    const fidelity: FidelityRow[] = [];
    for (const [corpus, sources, budget] of [
      ['CommonMark spec examples', specSources, SPEC_BUDGET],
      [`Markdown documents in node_modules, every ${FIDELITY_SAMPLE}th`, documentSources.filter((_, index) => index % FIDELITY_SAMPLE === 0), DOCUMENTS_BUDGET],
    ] as const) {
      const ours = await roundTrips(fidelityPage, sources, 'ours');
      const baseline = await roundTrips(fidelityPage, sources, 'baseline');
      fidelity.push({ corpus, total: sources.length, ours: ours.exact, baseline: baseline.exact, budget });
      if (process.env.BENCH_VERBOSE) console.log(`    round trips of ${corpus} done at ${(performance.now() / 1000).toFixed(1)} s`);
    }
    return { times, fidelity };
  } finally {
    await browser.close();
  }
}

export function report({ times, fidelity }: ConvertBench): string[] {
  const lines = times.map((row) =>
    line({
      name: `converter time, ${row.corpus} (${row.documents})`,
      ratio: row.ratio,
      budget: TIME_BUDGET,
      ours: ms(row.oursMs),
      reference: ms(row.baselineMs),
      referenceName: 'turndown + gfm',
    }),
  );
  for (const row of fidelity) {
    lines.push(
      line({
        name: `converter round trips, ${row.corpus}`,
        ratio: row.ours / row.total,
        unit: ' exact',
        budget: row.budget,
        direction: 'min',
        ours: `${row.ours}/${row.total}`,
        reference: `${row.baseline}/${row.total} = ${(row.baseline / row.total).toFixed(3)}`,
        referenceName: 'turndown + gfm',
      }),
    );
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(report(await benchConvert()).join('\n'));
}
