/**
 * `npm run bench`: measures the budgets of shared/DESIGN.md on the built extension and prints them.
 * Figures for a report, never assertions: nothing here fails on a slow machine.
 */
import { benchPage } from './bench-page';
import { benchPopup } from './bench-popup';
import { bundleSizes } from './bench-size';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

console.log('\nBundles (.output/chrome-mv3, minified / gzip)');
for (const { file, bytes, gzipBytes } of bundleSizes('.output/chrome-mv3')) {
  console.log(`  ${file.padEnd(44)} ${kb(bytes).padStart(9)} / ${kb(gzipBytes).padStart(8)}`);
}

console.log('\nContent script in Chromium (median)');
const page = await benchPage();
console.log(`  main-thread script time while a 300-comment thread loads   ${page.loadScriptMs.toFixed(1)} ms   (budget 10 ms)`);
console.log(`  soft navigation to buttons present                          ${page.softNavigationMs.toFixed(1)} ms   (budget 100 ms)`);
console.log(`  click to "Clipped to Weekly"                                ${page.clipAcknowledgedMs.toFixed(1)} ms   (budget 50 ms)`);

console.log('\nPopup in Chromium: first render of the draft (median)');
for (const { clips, firstRenderMs } of await benchPopup([1_000, 10_000])) {
  console.log(`  ${String(clips).padStart(6)} clips stored   ${firstRenderMs.toFixed(1)} ms   (budget ${clips > 1_000 ? 200 : 100} ms)`);
}

// Last: it installs happy-dom's window as the global DOM, which the converter needs in Node.
const convert = await import('./bench-convert');
console.log(`\n${convert.report(await convert.benchConvert())}`);
