/**
 * Runtime checks for data from outside (backup files, settings writes), written as small typed
 * guards because no schema library is installed. Each guard returns a fresh value built from the
 * fields it knows, so unknown extra fields are dropped rather than stored, and throws an
 * `InvalidData` whose message names the path: `clips[3].number must be a number`. The interface is
 * valibot-like (a guard per shape), so swapping in valibot later touches this file and its callers' shapes only.
 */
import { ClipperError } from '../errors';

export class InvalidData extends ClipperError {
  override name = 'InvalidData';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || 'the value'} ${problem}`);
  }
}

/** Checks `value` found at `path` and returns it typed, or throws `InvalidData`. */
export type Guard<T> = (value: unknown, path: string) => T;

type Guarded<G> = G extends Guard<infer T> ? T : never;

/** Throws `InvalidData` for `path`: for checks a guard cannot express, like uniqueness across a list. */
export function fail(path: string, problem: string): never {
  throw new InvalidData(path, problem);
}

export const string: Guard<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'must be a string'));

export const nonEmptyString: Guard<string> = (value, path) => (typeof value === 'string' && value.trim() ? value : fail(path, 'must be a non-empty string'));

export const boolean: Guard<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'must be true or false'));

export const positiveInteger: Guard<number> = (value, path) => {
  if (typeof value !== 'number' || Number.isNaN(value)) return fail(path, 'must be a number');
  return Number.isInteger(value) && value > 0 ? value : fail(path, 'must be a whole number above 0');
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment in ISO 8601, with a time and a zone (`2023-01-06T07:00:00.000Z`, `2023-01-06T16:00+09:00`),
 * returned as `Date#toISOString` writes it: the database's indexes sort timestamps as text, which is
 * the order of the moments only when all are written in that one form. A time without a zone names
 * no moment (each browser would read it in its own time zone).
 */
export const timestamp: Guard<string> = (value, path) => {
  const time = typeof value === 'string' && TIMESTAMP.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? fail(path, 'must be a date and time like 2023-01-06T07:00:00.000Z') : new Date(time).toISOString();
};

/** Orders two timestamps by the moments they name, never as text (`…T12:00:00Z` is before `…T12:00:00.500Z`). */
export function byInstant(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (not 2023-02-30). */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export const day: Guard<string> = (value, path) => (typeof value === 'string' && isDay(value) ? value : fail(path, 'must be a day like 2023-01-06'));

function isWebUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** An absolute http(s) URL. */
export const webUrl: Guard<string> = (value, path) => (typeof value === 'string' && isWebUrl(value) ? value : fail(path, 'must be an http(s) URL'));

export function literal<const T extends string | number>(expected: T): Guard<T> {
  return (value, path) => (value === expected ? expected : fail(path, `must be ${JSON.stringify(expected)}`));
}

export function oneOf<const T extends string>(choices: readonly T[]): Guard<T> {
  return (value, path) =>
    choices.includes(value as T) ? (value as T) : fail(path, `must be one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`);
}

export function arrayOf<T>(item: Guard<T>): Guard<T[]> {
  return (value, path) => (Array.isArray(value) ? value.map((each, index) => item(each, `${path}[${index}]`)) : fail(path, 'must be a list'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose keys are checked by `key` and values by `item`. */
export function recordOf<T>(key: Guard<string>, item: Guard<T>): Guard<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'must be an object');
    const result: Record<string, T> = {};
    for (const [name, each] of Object.entries(value)) {
      const itemPath = `${path}[${JSON.stringify(name)}]`;
      result[key(name, itemPath)] = item(each, itemPath);
    }
    return result;
  };
}

const OPTIONAL = Symbol('optional');
type Optional<T> = Guard<T | undefined> & { [OPTIONAL]: true };

/** A field that may be absent (or undefined); absent fields stay absent in the result. */
export function optional<T>(guard: Guard<T>): Optional<T> {
  return Object.assign((value: unknown, path: string) => (value === undefined ? undefined : guard(value, path)), { [OPTIONAL]: true as const });
}

type Shape = Record<string, Guard<unknown>>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Guarded<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Guarded<S[K]>, undefined> };

/** An object with the fields of `shape`, checked in order; other fields are dropped. */
export function object<S extends Shape>(shape: S): Guard<ObjectOf<S>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'must be an object');
    const result: Record<string, unknown> = {};
    for (const [key, guard] of Object.entries(shape)) {
      const checked = guard(value[key], path ? `${path}.${key}` : key);
      if (checked !== undefined) result[key] = checked;
    }
    return result as ObjectOf<S>; // every key of `shape` was checked by its own guard just above
  };
}

const REPO_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

/** Whether `value` is a GitHub repository's `owner/name` (GitHub's own limits on both parts). */
export function isRepoName(value: string): boolean {
  return REPO_NAME.test(value) && !/\/\.\.?$/.test(value);
}

export const repoName: Guard<string> = (value, path) =>
  typeof value === 'string' && isRepoName(value) ? value : fail(path, 'must be a repository as owner/name, like mosn/mosn');
