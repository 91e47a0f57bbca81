/**
 * `npm run fidelity`: round-trip fidelity and speed of the converter, measured where it runs, in
 * Chromium, beside the baseline (plain turndown with turndown-plugin-gfm, default options).
 *
 * Each Markdown source is rendered by cmark-gfm with GitHub's extensions and raw HTML kept (as
 * GitHub keeps it), converted back in the page by each converter, rendered again, and both
 * renderings compared in the page after the same normalisation (lib/fidelity-page.ts). Corpora:
 * the CommonMark spec's examples, and every Markdown file in node_modules (real documents).
 * Time: both converters in the same page on the same parsed inputs, alternating, after a warm-up;
 * the main thread's CPU time, medians of the rounds.
 *
 * Goals (issue 11): at least 97% of spec examples and 95% of documents exact, and time no more
 * than the baseline's. Flags: `--verbose` prints every loss of ours with its renderings;
 * `--baseline-losses` lists the baseline's losses too; `--spec` or `--documents` measures one
 * corpus, and `--no-time` leaves time out (quicker, while working on the converter).
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchBench, mainThreadMs, median, PLAIN_ORIGIN } from './lib/chromium';
import type { ConverterName } from './lib/fidelity-page';
import { markdownDocuments, openFidelityPage, roundTrips, type Loss, type Source } from './lib/fidelity-run';
import { BASE_URL, renderGfm, specExamples } from './lib/roundtrip';

const args = new Set(process.argv.slice(2));

const GOALS = { spec: 0.97, documents: 0.95, time: 1.0 };
const TIME_ROUNDS = 7;
/** Passes of each converter before timing: the JIT keeps improving a converter for its first few. */
const WARM_PASSES = 3;
/** A timed sample repeats the corpus until it lasts about this long. */
const SAMPLE_MS = 200;

interface Corpus {
  name: string;
  goal: number;
  sources: Source[];
}

/**
 * Both converters' time on a corpus, in the same page on the same parsed inputs: the main thread's
 * CPU time (CDP's ThreadTime) of a sample, so a busy machine's waits for a core do not count.
 * Warm-up passes first; then rounds alternate which converter goes first; medians per pass.
 */
async function timeCorpus(page: Page, cdp: CDPSession, corpus: Corpus): Promise<{ ours: number; baseline: number }> {
  const html = corpus.sources.map((source) => renderGfm(source.markdown, true));
  await page.evaluate(([html, baseUrl]) => globalThis.fidelity.prepareTiming(html, baseUrl), [html, BASE_URL] as const);
  const sample = async (name: ConverterName, passes: number) => {
    const before = await mainThreadMs(cdp);
    await cdp.send('Runtime.evaluate', { expression: `globalThis.fidelity.runPasses(${JSON.stringify(name)}, ${passes})` });
    return ((await mainThreadMs(cdp)) - before) / passes;
  };
  let single = Infinity;
  for (let warm = 0; warm < WARM_PASSES; warm++) {
    await sample('ours', 1);
    single = Math.min(single, await sample('baseline', 1));
  }
  const passes = Math.max(1, Math.ceil(SAMPLE_MS / Math.max(single, 0.01)));
  const times = { ours: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < TIME_ROUNDS; round++) {
    for (const name of round % 2 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) times[name].push(await sample(name, passes));
  }
  return { ours: median(times.ours), baseline: median(times.baseline) };
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

function printLosses(label: string, losses: readonly Loss[], verbose: boolean): void {
  const byReason = new Map<string, Loss[]>();
  for (const loss of losses) byReason.set(loss.reason, [...(byReason.get(loss.reason) ?? []), loss]);
  console.log(`  ${label} losses by reason:`);
  for (const [reason, list] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`    ${String(list.length).padStart(4)}  ${reason}: ${list.map((loss) => loss.source.name).join(', ')}`);
  }
  if (!verbose) return;
  for (const loss of losses) {
    const { comparison } = loss;
    console.log(`\n  ${loss.source.name}: ${loss.reason}`);
    if (comparison?.difference) {
      console.log(`    at ${comparison.difference.path || '(top)'}`);
      console.log(`    expected: ${comparison.difference.expected}`);
      console.log(`    actual:   ${comparison.difference.actual}`);
    }
    if (loss.source.markdown.length < 2000) console.log(`    source:    ${JSON.stringify(loss.source.markdown)}`);
    if (loss.markdown !== null && loss.markdown.length < 2000) console.log(`    converted: ${JSON.stringify(loss.markdown)}`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const corpora: Corpus[] = [
    {
      name: 'CommonMark spec examples',
      goal: GOALS.spec,
      sources: specExamples().map((example) => ({ name: `#${example.number} (${example.section})`, markdown: example.markdown })),
    },
    { name: 'Markdown documents in node_modules', goal: GOALS.documents, sources: markdownDocuments() },
  ];
  const only = args.has('--spec') ? 0 : args.has('--documents') ? 1 : undefined;
  const measured = only === undefined ? corpora : [corpora[only]!];
  const browser = await launchBench({ extension: false });
  try {
    const page = await openFidelityPage(browser, `${PLAIN_ORIGIN}/fidelity`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    let allMet = true;
    for (const corpus of measured) {
      const total = corpus.sources.length;
      const ours = await roundTrips(page, corpus.sources, 'ours', args.has('--verbose'));
      const baseline = await roundTrips(page, corpus.sources, 'baseline');
      const time = args.has('--no-time') ? undefined : await timeCorpus(page, cdp, corpus);
      const ratio = time ? time.ours / time.baseline : undefined;
      const exactMet = ours.exact / total >= corpus.goal;
      const timeMet = ratio === undefined || ratio <= GOALS.time;
      allMet &&= exactMet && timeMet;
      console.log(`${corpus.name} (${total}), cmark-gfm with GitHub's extensions, raw HTML kept`);
      console.log(
        `  exact:    ours ${ours.exact}/${total} = ${percent(ours.exact, total)}  baseline ${baseline.exact}/${total} = ${percent(baseline.exact, total)}  (goal ≥ ${corpus.goal * 100}%) ${exactMet ? 'MET' : 'MISSED'}`,
      );
      console.log(
        time && ratio !== undefined
          ? `  time:     ours ${time.ours.toFixed(1)} ms  baseline ${time.baseline.toFixed(1)} ms  ours/baseline ${ratio.toFixed(2)}  (goal ≤ ${GOALS.time.toFixed(2)}, CPU time per pass, median of ${TIME_ROUNDS} rounds) ${timeMet ? 'MET' : 'MISSED'}`
          : '  time:     not measured (--no-time): the time goal is not judged',
      );
      printLosses('ours', ours.losses, args.has('--verbose'));
      if (args.has('--baseline-losses')) printLosses('baseline', baseline.losses, false);
    }
    console.log(
      `${allMet ? 'All goals met' : 'Some goals missed'}${args.has('--no-time') ? ' (time not measured)' : ''} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    if (!allMet) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
