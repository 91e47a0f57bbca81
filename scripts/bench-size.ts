import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Minified and gzip sizes of every script and stylesheet in a built extension. */
export function bundleSizes(outputDir: string): BundleSize[] {
  return files(outputDir)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const content = readFileSync(path);
      return { file: relative(outputDir, path), bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}
