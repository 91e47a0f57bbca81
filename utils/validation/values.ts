/**
 * The schemas data from outside is built of, each refusing with its own UI string
 * (`invalidNumber`: "… must be a number"). Objects and records accept plain objects only (never a
 * list), and drop the fields they do not know.
 */
import * as v from 'valibot';
import { firstProblem, problem } from './check';

export const string = v.string(problem('invalidString'));

export const nonEmptyString = v.pipe(
  v.string(problem('invalidNonEmptyString')),
  v.check((value) => value.trim() !== '', problem('invalidNonEmptyString')),
);

export const boolean = v.boolean(problem('invalidBoolean'));

export const positiveInteger = v.pipe(
  v.number(problem('invalidNumber')),
  v.integer(problem('invalidPositiveInteger')),
  v.minValue(1, problem('invalidPositiveInteger')),
);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment in ISO 8601, with a time and a zone (`2023-01-06T07:00:00.000Z`, `2023-01-06T16:00+09:00`),
 * returned as `Date#toISOString` writes it: the database's indexes sort timestamps as text, which is
 * the order of the moments only when all are written in that one form. A time without a zone names
 * no moment (each browser would read it in its own time zone).
 */
export const timestamp = v.pipe(
  v.string(problem('invalidTimestamp')),
  v.check((value) => TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)), problem('invalidTimestamp')),
  v.transform((value) => new Date(Date.parse(value)).toISOString()),
);

/** Orders two timestamps by the moments they name, never as text (`…T12:00:00Z` is before `…T12:00:00.500Z`). */
export function byInstant(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (not 2023-02-30). */
export function isDay(value: string): boolean {
  // Date.parse gives NaN for a month or day out of range (2023-13-45), and rolls 2023-02-30 over to March.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

export const day = v.pipe(v.string(problem('invalidDay')), v.check(isDay, problem('invalidDay')));

/** Whether `value` is an absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const webUrl = v.pipe(v.string(problem('invalidWebUrl')), v.check(isWebUrl, problem('invalidWebUrl')));

const REPO_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

/** Whether `value` is a GitHub repository's `owner/name` (GitHub's own limits on both parts). */
export function isRepoName(value: string): boolean {
  return REPO_NAME.test(value) && !/\/\.\.?$/.test(value);
}

export const repoName = v.pipe(v.string(problem('invalidRepoName')), v.check(isRepoName, problem('invalidRepoName')));

export function literal<const T extends string | number>(expected: T) {
  return v.literal(expected, problem('invalidLiteral', JSON.stringify(expected)));
}

export function oneOf<const T extends readonly [string, ...string[]]>(choices: T) {
  return v.picklist(choices, problem('invalidOneOf', choices.map((choice) => JSON.stringify(choice)).join(', ')));
}

export function list<const S extends v.GenericSchema>(item: S) {
  return v.array(item, problem('invalidList'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const plainObject = v.custom<Record<string, unknown>>(isPlainObject, problem('invalidObject'));

/**
 * An object with the fields of `entries`, checked in order; other fields are dropped, and a field
 * wrapped in `v.optional` may be absent. A missing field is refused as its own schema refuses
 * nothing (`clips[3].number must be a number`), not as a missing key.
 */
export function object<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    plainObject,
    v.object(entries, (issue) => {
      const field = issue.path?.[0]?.key;
      const schema = typeof field === 'string' ? entries[field] : undefined;
      return (schema && firstProblem(schema, undefined)) ?? problem('invalidObject');
    }),
  );
}

/** An object whose keys are checked by `key` and values by `value`. */
export function record<const K extends v.GenericSchema<string, string>, const V extends v.GenericSchema>(key: K, value: V) {
  return v.pipe(plainObject, v.record(key, value, problem('invalidObject')));
}
