import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface EntrypointSize {
  /** what the manifest names: the background worker, the content script, an extension page */
  entrypoint: string;
  /** scripts and stylesheets the entrypoint loads before it runs: its own, their static imports */
  initial: BundleSize;
  /** what it may load afterwards: dynamic imports, workers */
  later: BundleSize;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sizeOf(outputDir: string, file: string): BundleSize {
  const content = readFileSync(join(outputDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Minified and gzip sizes of every script and stylesheet in a built extension. */
export function bundleSizes(outputDir: string): BundleSize[] {
  return files(outputDir)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => sizeOf(outputDir, relative(outputDir, path)))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Files of the output named in `text`: relative to `from`, or else to the output's root. */
function references(outputDir: string, from: string, text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].flatMap((match) => {
    const name = match[1];
    const candidates = name.startsWith('/') ? [name.slice(1)] : [posix.normalize(posix.join(posix.dirname(from), name)), posix.normalize(name)];
    return candidates.filter((candidate) => existsSync(join(outputDir, candidate))).slice(0, 1);
  });
}

const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g;
const HTML_ASSET = /<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.(?:js|css))"/g;
const ANY_ASSET = /["'`]([\w./-]+\.(?:js|css))["'`]/g;

function closure(outputDir: string, start: string[], pattern: RegExp): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...references(outputDir, file, readFileSync(join(outputDir, file), 'utf8'), pattern));
  }
  return seen;
}

function total(outputDir: string, label: string, names: Iterable<string>): BundleSize {
  return [...names]
    .map((file) => sizeOf(outputDir, file))
    .reduce((sum, size) => ({ file: label, bytes: sum.bytes + size.bytes, gzipBytes: sum.gzipBytes + size.gzipBytes }), {
      file: label,
      bytes: 0,
      gzipBytes: 0,
    });
}

/** Each entrypoint of the manifest with what it loads at once and what it may load later. */
export function entrypointSizes(outputDir: string): EntrypointSize[] {
  const manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8'));
  const entries: [string, string[]][] = [];
  const worker = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (worker) entries.push([`background (${worker})`, [worker]]);
  for (const script of manifest.content_scripts ?? []) entries.push([`content script (${script.js.join(', ')})`, [...script.js, ...(script.css ?? [])]]);
  for (const page of [manifest.action?.default_popup ?? manifest.browser_action?.default_popup, manifest.options_ui?.page].filter(Boolean) as string[]) {
    entries.push([`page ${page}`, references(outputDir, page, readFileSync(join(outputDir, page), 'utf8'), HTML_ASSET)]);
  }
  return entries.map(([entrypoint, start]) => {
    const initial = closure(outputDir, start, STATIC_IMPORT);
    const reachable = closure(outputDir, start, ANY_ASSET);
    const later = [...reachable].filter((file) => !initial.has(file));
    return { entrypoint, initial: total(outputDir, entrypoint, initial), later: total(outputDir, entrypoint, later) };
  });
}
