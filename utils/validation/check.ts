/**
 * Checking data from outside (backup files, settings writes) against a valibot schema, which also
 * gives the checked data its type. A refusal names the first problem found, as a UI string whose
 * first substitution is where it is: `clips[3].number must be a number`.
 */
import { safeParse, type GenericSchema, type InferOutput, type IssuePathItem } from 'valibot';
import { LocalizedError, text, type Substitution } from '../errors';
import type { MessageKey } from '../i18n';

/** Data that is not what it must be: `key` is the problem's UI string, said of `path` (its `$1`) and `details`. */
export class InvalidData extends LocalizedError {
  constructor(
    readonly path: string,
    key: MessageKey,
    ...details: Substitution[]
  ) {
    super(key, [path || text('validationTheValue'), ...details]);
  }
}

/** Throws `InvalidData` for `path`: for checks a schema cannot express, like uniqueness across lists. */
export function fail(path: string, key: MessageKey, ...details: Substitution[]): never {
  throw new InvalidData(path, key, ...details);
}

/**
 * A schema's message for a problem. valibot carries messages as strings: ours is the problem's UI
 * string and its details after the path (which the issue knows), written as JSON.
 */
export function problem(key: MessageKey, ...details: string[]): string {
  return JSON.stringify([key, ...details]);
}

function readProblem(message: string): [MessageKey, ...string[]] {
  return JSON.parse(message) as [MessageKey, ...string[]]; // every schema here gets its messages from `problem`
}

/** The first problem `schema` finds in `value`, as `problem` wrote it; undefined when there is none. */
export function firstProblem(schema: GenericSchema, value: unknown): string | undefined {
  return safeParse(schema, value, { abortEarly: true }).issues?.[0].message;
}

/**
 * `value`, found at `path`, checked and typed by `schema`: what the schema returns (unknown fields
 * dropped, values normalised). Throws `InvalidData` naming the first problem otherwise.
 */
export function check<S extends GenericSchema>(schema: S, value: unknown, path = ''): InferOutput<S> {
  const result = safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const [issue] = result.issues;
  const [key, ...details] = readProblem(issue.message);
  throw new InvalidData(pathOf(schema, issue.path ?? [], path), key, ...details);
}

/** What the path of a schema's own parts needs to know of a schema; valibot's schemas are plain objects that have these. */
interface SchemaParts {
  type: string;
  pipe?: readonly SchemaParts[];
  wrapped?: SchemaParts;
  entries?: Record<string, SchemaParts>;
  value?: SchemaParts;
  item?: SchemaParts;
}

const CONTAINERS = ['object', 'record', 'array'];

/** The object, record or list schema that `schema` checks with, through pipes and `optional`. */
function container(schema: SchemaParts | undefined): SchemaParts | undefined {
  if (!schema) return undefined;
  if (schema.wrapped) return container(schema.wrapped);
  if (CONTAINERS.includes(schema.type)) return schema;
  return schema.pipe?.map(container).find((found) => found !== undefined);
}

/**
 * The path of an issue as JavaScript would write it: `clips[3].number`, `projects["mosn/mosn"].link`.
 * valibot marks an object's field and a record's key alike, so the schema says which one each step is.
 */
function pathOf(schema: GenericSchema, items: readonly IssuePathItem[], base: string): string {
  let path = base;
  let at: SchemaParts | undefined = schema as unknown as SchemaParts; // see SchemaParts
  for (const { key } of items) {
    const parts = container(at);
    if (parts?.type === 'object') {
      path = path ? `${path}.${String(key)}` : String(key);
      at = parts.entries?.[String(key)];
    } else if (parts?.type === 'record') {
      path = `${path}[${JSON.stringify(key)}]`;
      at = parts.value;
    } else {
      path = `${path}[${String(key)}]`;
      at = parts?.item;
    }
  }
  return path;
}
