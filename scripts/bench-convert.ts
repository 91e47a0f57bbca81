/**
 * Conversion time, ours beside plain turndown + turndown-plugin-gfm (default options), in the same
 * run and on the same input: the whole CommonMark spec corpus and the post bodies of each captured
 * GitHub page. Budget: ours at most 1.5x the baseline.
 *
 * Both converters get the same parsed DOM nodes (each clones its input first), so parsing is not
 * part of the comparison; one row also times HTML strings, where each parses in its own way.
 * Rounds alternate between the two to share garbage-collection pressure; medians are reported.
 *
 * `tsx scripts/bench-convert.ts` runs it alone; `benchConvert()` is what `scripts/bench.ts` calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  corpus: string;
  documents: number;
  /** median time for the whole corpus, milliseconds */
  oursMs: number;
  baselineMs: number;
  /** ours / baseline */
  ratio: number;
  /** the budget: ratio at most 1.5 */
  withinBudget: boolean;
}

export interface BenchOptions {
  /** timed rounds per corpus (after warm-up) */
  rounds?: number;
  warmup?: number;
}

const BUDGET = 1.5;
const SAMPLE_MS = 40;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pagesDir = path.resolve(repoRoot, '../shared/fixtures/github-pages');

/** Captured pages and the URL each was captured at (see SOURCES.md there). */
const PAGES: Record<string, string> = {
  'issue-react-kepano-defuddle-56.html': 'https://github.com/kepano/defuddle/issues/56',
  'issue-classic-octolinker-testrepo-2.html': 'https://github.com/OctoLinker/testrepo/issues/2',
  'pull-classic-octolinker-testrepo-1.html': 'https://github.com/OctoLinker/testrepo/pull/1',
  'markdown-demo-github-markdown-css.html': 'https://github.com/sindresorhus/github-markdown-css',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/** Milliseconds for `runs` calls of `work`. */
function timed(work: () => void, runs: number): number {
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  return performance.now() - start;
}

/**
 * Each sample repeats the corpus until it takes a few tens of milliseconds; the order alternates
 * between rounds.
 */
function compare(corpus: string, documents: number, ours: () => void, baseline: () => void, options: Required<BenchOptions>): BenchRow {
  for (let i = 0; i < options.warmup; i++) {
    ours();
    baseline();
  }
  const single = Math.max(timed(baseline, 1), 0.01);
  const runs = Math.max(1, Math.ceil(SAMPLE_MS / single));
  const oursTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    if (i % 2 === 0) {
      oursTimes.push(timed(ours, runs) / runs);
      baselineTimes.push(timed(baseline, runs) / runs);
    } else {
      baselineTimes.push(timed(baseline, runs) / runs);
      oursTimes.push(timed(ours, runs) / runs);
    }
  }
  const oursMs = median(oursTimes);
  const baselineMs = median(baselineTimes);
  const ratio = oursMs / baselineMs;
  return { corpus, documents, oursMs, baselineMs, ratio, withinBudget: ratio <= BUDGET };
}

export async function benchConvert(options: BenchOptions = {}): Promise<BenchRow[]> {
  const settings: Required<BenchOptions> = { rounds: options.rounds ?? 15, warmup: options.warmup ?? 5 };
  // The DOM must exist before turndown loads (it looks for one once), so the rest loads after it.
  await import('./lib/setup-dom');
  const { htmlToMarkdown } = await import('../utils/markdown');
  const { baselineService } = await import('./lib/baseline');
  const { BASE_URL, renderGfm, specExamples } = await import('./lib/roundtrip');
  const baseline = baselineService();

  const htmls = specExamples().map((example) => renderGfm(example.markdown));
  const fragments = htmls.map((html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  });
  const rows = [
    compare(
      'CommonMark spec, DOM input',
      fragments.length,
      () => fragments.forEach((fragment) => htmlToMarkdown(fragment, { baseUrl: BASE_URL })),
      () => fragments.forEach((fragment) => baseline.turndown(fragment)),
      settings,
    ),
    compare(
      'CommonMark spec, HTML strings (each parses its own way)',
      htmls.length,
      () => htmls.forEach((html) => htmlToMarkdown(html, { baseUrl: BASE_URL })),
      () => htmls.forEach((html) => baseline.turndown(html)),
      settings,
    ),
  ];

  for (const [file, baseUrl] of Object.entries(PAGES)) {
    const pagePath = path.join(pagesDir, file);
    if (!existsSync(pagePath)) continue;
    const page = new DOMParser().parseFromString(readFileSync(pagePath, 'utf8'), 'text/html');
    const bodies = Array.from(page.querySelectorAll('.markdown-body')).filter((body) => !body.parentElement?.closest('.markdown-body'));
    rows.push(
      compare(
        `page ${file}`,
        bodies.length,
        () => bodies.forEach((body) => htmlToMarkdown(body, { baseUrl })),
        () => bodies.forEach((body) => baseline.turndown(body as HTMLElement)),
        settings,
      ),
    );
  }
  return rows;
}

export function report(rows: readonly BenchRow[]): string {
  const lines = rows.map(
    (row) =>
      `${row.corpus.padEnd(58)} ${String(row.documents).padStart(4)} docs  ours ${row.oursMs.toFixed(2).padStart(8)} ms  ` +
      `baseline ${row.baselineMs.toFixed(2).padStart(8)} ms  ratio ${row.ratio.toFixed(2)}${row.withinBudget ? '' : '  OVER BUDGET'}`,
  );
  return [`converter: ours vs turndown + turndown-plugin-gfm (budget ratio <= ${BUDGET})`, ...lines].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(report(await benchConvert()));
}
