import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// happy-dom replaces the global URL, so resolve the path with Node's own tools.
const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** Real GitHub pages captured by others (../shared, beside the repository); absent on some machines. */
export const sharedPagesDir = resolve(root, '../shared/fixtures/github-pages');
export const hasSharedPages = existsSync(sharedPagesDir);

export function readFixture(name: string): string {
  return readFileSync(resolve(root, 'test/fixtures/github', name), 'utf8');
}

export function readSharedPage(name: string): string {
  return readFileSync(`${sharedPagesDir}/${name}`, 'utf8');
}

/** Replaces the test document with `html`, served at `url` (happy-dom's global window). */
export function loadPage(html: string, url: string): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.open();
  document.write(html);
  document.close();
  return document;
}
