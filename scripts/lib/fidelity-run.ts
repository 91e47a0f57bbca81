/**
 * Round trips as `npm run fidelity` and the bench both judge them, in Chromium: each Markdown
 * source is rendered by cmark-gfm with GitHub's extensions and raw HTML kept, converted back in the
 * page (fidelity-page.ts, which holds both converters), rendered again, and both renderings
 * compared in the page after the same normalisation.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './chromium';
import type { Comparison, ConverterName, FidelityPage } from './fidelity-page';
import { lossReason } from './loss-reason';
import { BASE_URL, renderGfm } from './roundtrip';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

declare global {
  var fidelity: FidelityPage;
}

export interface Source {
  name: string;
  markdown: string;
}

export interface Loss {
  source: Source;
  reason: string;
  markdown: string | null;
  comparison?: Comparison;
}

export interface RoundTrips {
  exact: number;
  losses: Loss[];
}

/** Every distinct Markdown file under node_modules: real documents nobody wrote for this converter. */
export function markdownDocuments(): Source[] {
  const dir = path.join(repoRoot, 'node_modules');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const file of files) {
    const markdown = readFileSync(file, 'utf8');
    if (seen.has(markdown)) continue;
    seen.add(markdown);
    sources.push({ name: path.relative(dir, file), markdown });
  }
  return sources;
}

async function pageBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'scripts/lib/fidelity-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** A page at `url` (on a host the bench browser serves) holding both converters and the comparison. */
export async function openFidelityPage(browser: BenchBrowser, url: string): Promise<Page> {
  browser.servePage(url, '<!doctype html><title>fidelity</title>');
  const page = await browser.newPage();
  await page.goto(url);
  // tsx names functions in the code it hands page.evaluate through a helper: give the page one.
  await page.addScriptTag({ content: `var __name = (target) => target;\n${await pageBundle()}` });
  return page;
}

/** One converter's round trips of `sources`; `detail` keeps both normalised renderings of each loss. */
export async function roundTrips(page: Page, sources: readonly Source[], converter: ConverterName, detail = false): Promise<RoundTrips> {
  const html = sources.map((source) => renderGfm(source.markdown, true));
  const markdown = await page.evaluate(([html, converter, baseUrl]) => globalThis.fidelity.convertAll(html, converter, baseUrl), [
    html,
    converter,
    BASE_URL,
  ] as const);
  const back = markdown.map((text) => (text === null ? '' : renderGfm(text, true)));
  const comparisons = await page.evaluate(
    ([html, back, baseUrl, detail]) => html.map((first, i) => globalThis.fidelity.compare(first, back[i]!, baseUrl, detail)),
    [html, back, BASE_URL, detail] as const,
  );
  const losses: Loss[] = [];
  comparisons.forEach((comparison, i) => {
    const source = sources[i]!;
    if (markdown[i] === null) losses.push({ source, reason: 'converter failed', markdown: null });
    else if (!comparison.equal) losses.push({ source, reason: lossReason(source.markdown, comparison.difference), markdown: markdown[i]!, comparison });
  });
  return { exact: sources.length - losses.length, losses };
}
