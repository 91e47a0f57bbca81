/**
 * The content script's parts that travel apart from it. Every github.com page evaluates the content
 * script, so it carries only what tells a thread page from the rest; the clipper (buttons, reading the
 * thread) is imported into its world when the page shows a thread, and the converter (turndown and our
 * rules, most of the code) when a clip button is pressed. WXT builds each as a classic script with no
 * exports (`entrypoints/clipper.ts`, `entrypoints/capture.ts`), so each hands itself over on a key of
 * that world's global object, which the page's own scripts (another world) cannot reach.
 */
import type { captureClip } from '../capture';
import type { Clipper } from './clipper';

/** What each script hands over, by the name of its file. */
export interface Scripts {
  capture: { captureClip: typeof captureClip };
  /** Starts the clipper on the page for as long as `signal` lasts. */
  clipper: { startClipper(signal: AbortSignal): Clipper };
}

export type ScriptName = keyof Scripts;

const key = (name: ScriptName) => Symbol.for(`weekly-clipper.${name}`);

type World = Partial<Record<symbol, unknown>>;

/** Called by a script when it runs. */
export function handOver<Name extends ScriptName>(name: Name, value: Scripts[Name]): void {
  (globalThis as World)[key(name)] = value;
}

/** Imports the script `name` from `url` (once per page) and takes what it handed over. */
export async function importScript<Name extends ScriptName>(name: Name, url: string): Promise<Scripts[Name]> {
  const world = globalThis as World;
  if (!world[key(name)]) await import(/* @vite-ignore */ url);
  const value = world[key(name)];
  if (!value) throw new Error(`The script at ${url} did not start`);
  return value as Scripts[Name];
}

/** One load at a time and one success for good: a failed load is tried again at the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
