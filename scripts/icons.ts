/**
 * Renders assets/icon.svg to the PNG sizes the browsers ask for (public/icon/SIZE.png), in
 * Chromium, so the icons can be drawn again whenever the SVG changes: `npx tsx scripts/icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../test/e2e/support/extension';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('assets/icon.svg', 'utf8');

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
