/**
 * `npm run bench`: the budgets of shared/DESIGN.md, measured on the built extension in Chromium.
 *
 * Absolute times do not carry from one machine to another, so every figure is a ratio of two times
 * measured in this run: ours against a reference measured beside it, in interleaved rounds, so
 * that whatever else the machine is doing falls on both. Each line reads
 * `name: ratio x (budget ≤ B x) — ours A ms vs reference R ms  PASS|OVER`. Two budgets are human
 * limits rather than ratios (buttons within 100 ms of a soft navigation, a click acknowledged within
 * one frame); those lines give the ratio to that limit and, below them, to a same-run reference.
 *
 * Figures for a report, never assertions: nothing here fails on a slow machine.
 * `BENCH_ROUNDS=n` scales the number of rounds (default 1; 0.5 halves them, 2 doubles them).
 */
import { cpus, loadavg } from 'node:os';
import { benchConvert, report as convertReport } from './bench-convert';
import { benchPage } from './bench-page';
import { benchPopup } from './bench-popup';
import { bundleSizes, entrypointSizes, type BundleSize } from './bench-size';
import { line, ms } from './lib/report';

const OUTPUT = '.output/chrome-mv3';
const scale = Number(process.env.BENCH_ROUNDS ?? 1) || 1;
const rounds = (n: number) => Math.max(3, Math.round(n * scale)) | 1;

const LOAD_BUDGET = 0.05;
const NO_THREAD_BUDGET = 0.01;
const SOFT_NAVIGATION_MS = 100;
const FRAME_MS = 16;
const POPUP_BUDGETS: Record<number, number> = { 1_000: 1.05, 10_000: 1.2 };
const ONE_CLIP_BUDGET = 1.5;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const sizes = ({ bytes, gzipBytes }: BundleSize) => `${kb(bytes).padStart(9)} / ${kb(gzipBytes).padStart(8)}`;
const started = performance.now();

console.log(`Weekly Clipper bench: each figure is ours / a reference measured in this run (medians of interleaved rounds).`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadavg()[0].toFixed(2)} at the start.`);

console.log(`\nBundles (${OUTPUT}, minified / gzip; reported, no budget)`);
for (const { entrypoint, initial, later } of entrypointSizes(OUTPUT)) {
  console.log(`  ${entrypoint.padEnd(44)} at start ${sizes(initial)}${later.bytes ? `   later (dynamic imports, workers) ${sizes(later)}` : ''}`);
}
for (const size of bundleSizes(OUTPUT)) console.log(`    ${size.file.padEnd(42)} ${sizes(size)}`);

const loadRounds = rounds(7);
const pageRounds = rounds(11);
console.log(
  `\nContent script (Chromium. Loads: main-thread CPU time from a trace of each load, ${loadRounds} rounds of 2 interleaved loads, ` +
    `each ratio the median of the loads' own ratios. Soft navigations and clicks: ${pageRounds} interleaved rounds, ratios of medians)`,
);
const page = await benchPage({ loadRounds, rounds: pageRounds });
const { load } = page;
const pageWork = `the page's own load work`;
console.log(
  line({
    name: 'content script while a 300-comment thread loads',
    ratio: load.scriptShare,
    budget: LOAD_BUDGET,
    ours: ms(load.threadScriptMs),
    reference: ms(load.threadPageMs),
    referenceName: pageWork,
  }),
);
console.log(
  line({
    name: '  the same with the style and layout its buttons cause',
    ratio: load.totalShare,
    budget: LOAD_BUDGET,
    ours: ms(load.threadScriptMs + load.threadInducedMs),
    reference: ms(load.threadPageMs),
    referenceName: pageWork,
    note: `from the ${load.threadInducedLoads} of ${load.rounds} loads where the page was laid out before the content script ran`,
  }),
);
// No work: no buttons, no observer callback or timer of its own; what is left is loading the script.
const noWork = load.noThreadButtons === 0 && load.noThreadCallbacks === 0;
console.log(
  line({
    name: 'content script on a github.com page with no thread',
    ratio: load.noThreadShare,
    budget: NO_THREAD_BUDGET,
    ours: ms(load.noThreadScriptMs),
    reference: ms(load.noThreadPageMs),
    referenceName: pageWork,
    note: `the same HTML at a repository's URL; ${load.noThreadButtons} buttons, ${load.noThreadCallbacks} callbacks, ${ms(load.noThreadInducedMs)} of rendering after it (the page's next frames): ${noWork ? 'it only loads' : 'it does work'}`,
    pass: noWork && load.noThreadShare <= NO_THREAD_BUDGET,
  }),
);
console.log(
  line({
    name: 'soft navigation to buttons on the new thread',
    ratio: page.softNavigationMs / SOFT_NAVIGATION_MS,
    budget: 1,
    ours: ms(page.softNavigationMs),
    reference: ms(SOFT_NAVIGATION_MS),
    referenceName: 'the limit',
    note: `the swap alone, without the extension, takes ${ms(page.bareSwapMs)}`,
  }),
);
console.log(
  line({
    name: "  the soft navigation's main-thread CPU time, to the new thread laid out, with the extension",
    ratio: page.softNavigationRatio,
    ours: ms(page.softNavigationCpuMs),
    reference: ms(page.bareSoftNavigationCpuMs),
    referenceName: 'the same soft navigation without it',
  }),
);
console.log(
  line({
    name: 'click on "Clip as answer" to "Clipped to Weekly"',
    ratio: page.clipAcknowledgedMs / FRAME_MS,
    budget: 1,
    ours: ms(page.clipAcknowledgedMs),
    reference: ms(FRAME_MS),
    referenceName: 'one frame',
  }),
);
console.log(
  line({
    name: '  the same against an empty message to the background and back',
    ratio: page.clipRatio,
    ours: ms(page.clipAcknowledgedMs),
    reference: ms(page.emptyRoundTripMs),
    referenceName: 'the round trip',
  }),
);

const popupRounds = rounds(15);
console.log(`\nPopup (Chromium; wall-clock time to the first render, ${popupRounds} rounds of 4 interleaved variants, ratios of medians)`);
const popup = await benchPopup([1_000, 10_000], popupRounds);
const one = popup.find((variant) => variant.clips === 1)!;
const bare = popup.find((variant) => variant.clips === 0)!;
for (const variant of popup.filter((variant) => variant.clips > 1)) {
  console.log(
    line({
      name: `popup with ${variant.clips.toLocaleString('en')} clips`,
      ratio: variant.ratio,
      budget: POPUP_BUDGETS[variant.clips],
      ours: ms(variant.firstRenderMs),
      reference: ms(one.firstRenderMs),
      referenceName: 'the popup with one clip',
    }),
  );
}
console.log(
  line({
    name: 'popup with one clip',
    ratio: one.ratio,
    budget: ONE_CLIP_BUDGET,
    ours: ms(one.firstRenderMs),
    reference: ms(bare.firstRenderMs),
    referenceName: 'a bare extension page',
  }),
);

const convertRounds = rounds(9);
console.log(`\nConverter (Chromium, raw HTML kept; main-thread CPU time, ${convertRounds} rounds alternating the two converters, ratios of medians)`);
for (const text of convertReport(await benchConvert({ rounds: convertRounds }))) console.log(text);

console.log(`\nBench took ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()[0].toFixed(2)} at the end.`);
