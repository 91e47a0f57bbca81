/**
 * The converter travels apart from the content script. Every github.com page evaluates the content
 * script; only a clip needs the converter, which is most of the code (turndown and our rules). So it
 * is a script of its own (`entrypoints/capture.ts`), imported into the content script's world on the
 * first clip. WXT builds it as a classic script with no exports, so it hands itself over on a key of
 * that world's global object, which the page's own scripts (another world) cannot reach.
 */
import type * as capture from './index';

export type CaptureModule = Pick<typeof capture, 'captureClip'>;

const HANDOFF = Symbol.for('weekly-clipper.capture');

type Handoff = { [HANDOFF]?: CaptureModule };

/** Called by the converter's script when it runs. */
export function publishCapture(module: CaptureModule): void {
  (globalThis as Handoff)[HANDOFF] = module;
}

/** Imports the converter's script from `url` (once per page) and takes what it published. */
export async function importCapture(url: string): Promise<CaptureModule> {
  const published = (globalThis as Handoff)[HANDOFF];
  if (published) return published;
  await import(/* @vite-ignore */ url);
  const module = (globalThis as Handoff)[HANDOFF];
  if (!module) throw new Error(`The converter at ${url} did not start.`);
  return module;
}
