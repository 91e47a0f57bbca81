/**
 * `npm run fidelity`: round-trip fidelity of the converter against GitHub's parser.
 *
 * Every CommonMark spec example is rendered by cmark-gfm with GitHub's extensions (table,
 * strikethrough, autolink, tasklist), converted back to Markdown, rendered again, and the two
 * renderings compared (see lib/roundtrip.ts for the normalisation). Ours and the baseline (plain
 * turndown with turndown-plugin-gfm, default options) run on the same examples.
 *
 * Flags: `--unsafe` also measures with raw HTML rendered (cmark-gfm's `unsafe`); `--readmes` adds
 * the Markdown files under node_modules as a corpus of real-world documents; `--verbose` prints
 * every failing example.
 */
import './lib/setup-dom';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToMarkdown } from '../utils/markdown';
import { baselineService } from './lib/baseline';
import { KNOWN_LOSSES } from './lib/known-losses';
import { BASE_URL, type Converter, type Example, normalizeHtml, roundTrip, score, specExamples } from './lib/roundtrip';
import { githubMarkdown } from '../utils/github/rendered-markdown';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

const ours: Converter = (html) => htmlToMarkdown(html, { baseUrl: BASE_URL, dialect: githubMarkdown });
const baselineTurndown = baselineService();
const baseline: Converter = (html) => baselineTurndown.turndown(html);

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

function describe(example: Example, unsafe: boolean): string {
  const trip = roundTrip(example.markdown, ours, unsafe);
  return [
    `#${example.number} (${example.section})`,
    `  source:    ${JSON.stringify(example.markdown)}`,
    `  rendered:  ${JSON.stringify(normalizeHtml(trip.html))}`,
    `  converted: ${JSON.stringify(trip.markdown)}`,
    `  again:     ${JSON.stringify(normalizeHtml(trip.back))}`,
  ].join('\n');
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function main(): Promise<void> {
  const examples = specExamples();
  const modes = args.has('--unsafe') ? [false, true] : [false];
  for (const unsafe of modes) {
    const label = unsafe ? 'raw HTML rendered (unsafe)' : 'default options';
    const mine = score(examples, ours, unsafe);
    const theirs = score(examples, baseline, unsafe);
    console.log(`CommonMark spec ${examples.length} examples, cmark-gfm ${label}`);
    console.log(`  ours:     ${mine.passed}/${mine.total} exact = ${percent(mine.rate)}`);
    console.log(`  baseline: ${theirs.passed}/${theirs.total} exact = ${percent(theirs.rate)} (turndown + turndown-plugin-gfm)`);
    if (unsafe) continue;
    const unexpected = mine.failed.filter((example) => !(example.number in KNOWN_LOSSES));
    const recovered = Object.keys(KNOWN_LOSSES)
      .map(Number)
      .filter((n) => !mine.failed.some((example) => example.number === n));
    console.log(`  known losses: ${Object.keys(KNOWN_LOSSES).length} (listed in scripts/lib/known-losses.ts)`);
    for (const [number, reason] of Object.entries(KNOWN_LOSSES)) console.log(`    #${number}: ${reason}`);
    if (recovered.length > 0) console.log(`  now passing, remove from the list: ${recovered.join(', ')}`);
    if (unexpected.length > 0) {
      console.log(`  unexpected failures: ${unexpected.length}`);
      for (const example of unexpected) console.log(describe(example, unsafe));
      process.exitCode = 1;
    }
    if (args.has('--verbose')) for (const example of mine.failed) console.log(describe(example, unsafe));
  }

  if (args.has('--readmes')) {
    const files = await markdownFiles(path.join(repoRoot, 'node_modules'));
    const documents = [...new Set(files.map((file) => readFileSync(file, 'utf8')))];
    const corpus: Example[] = documents.map((markdown, i) => ({ number: i, section: 'node_modules', markdown }));
    for (const unsafe of modes) {
      const mine = score(corpus, ours, unsafe);
      const theirs = score(corpus, baseline, unsafe);
      console.log(`Markdown files in node_modules, ${corpus.length} documents, ${unsafe ? 'unsafe' : 'default options'}`);
      console.log(`  ours:     ${mine.passed}/${mine.total} exact = ${percent(mine.rate)}`);
      console.log(`  baseline: ${theirs.passed}/${theirs.total} exact = ${percent(theirs.rate)}`);
    }
  }
}

await main();
