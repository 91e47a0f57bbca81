/**
 * Variables a template names that `TemplateData` does not have. Liquid prints an unknown variable
 * as nothing, so a misspelt `draft.titel` would silently leave a hole in the weekly; the options
 * page says where instead. The template is analysed, not rendered: every branch is checked, whatever
 * the sample draft holds. Rendering itself stays lenient, since a draft's intro may lack a part
 * (`draft.parts.cover`) that a template rightly tests for.
 */
import type { Template } from 'liquidjs';
import { liquid } from './template';

/** The shape of what a template can reach from a name: its fields, or any key (`parts`), or items. */
type Shape = 'value' | { fields: Record<string, Shape> } | { anyKey: Shape } | { items: Shape };

const text: Shape = 'value';
const post: Shape = { fields: { author: text, url: text, markdown: text } };
const CLIP: Shape = {
  fields: {
    index: text,
    id: text,
    repo: text,
    number: text,
    kind: text,
    url: text,
    title: text,
    labels: { items: text },
    author: text,
    question: post,
    answer: post,
    note: text,
    project: { fields: { name: text, link: text } },
  },
};

/** `TemplateData`, as names: keep in step with it (template.ts). */
const DATA: Record<string, Shape> = {
  draft: { fields: { title: text, date: text, intro: text, parts: { anyKey: text }, outro: text, publishedAt: text } },
  community: { fields: { name: text, weekly: text, link: text, intro: text, issues: text, closing: text } },
  clips: { items: CLIP },
  count: text,
};

export interface UnknownVariable {
  /** As written, up to the first part that is not known (`draft.titel`). */
  name: string;
  line: number;
  column: number;
}

type Segment = string | number | Segment[];

/** How many of `segments` lead somewhere in `shape`; all of them when the path is known. */
function knownLength(shape: Shape, segments: readonly Segment[]): number {
  let current = shape;
  for (const [index, segment] of segments.entries()) {
    // An index computed while rendering (`draft.parts[name]`) cannot be checked here.
    if (Array.isArray(segment)) return segments.length;
    if (current === 'value') {
      if (segment === 'size') continue;
      return index;
    }
    if ('fields' in current) {
      const next = typeof segment === 'string' && Object.hasOwn(current.fields, segment) ? current.fields[segment] : undefined;
      if (!next) return index;
      current = next;
    } else if ('anyKey' in current) {
      current = current.anyKey;
    } else if (segment === 'size') {
      current = 'value';
    } else if (typeof segment === 'number' || segment === 'first' || segment === 'last') {
      current = current.items;
    } else {
      return index;
    }
  }
  return segments.length;
}

function nameOf(segments: readonly Segment[], length: number): string {
  return segments
    .slice(0, length)
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? String(segment) : `.${String(segment)}`))
    .join('');
}

// `{% for clip in clips %}` names each clip: what the loop's name reaches is checked as a clip.
const CLIPS_LOOP = /\{%-?\s*for\s+(\w+)\s+in\s+clips\b/g;

/**
 * The variables `source` names that a template never gets, in the order they appear; empty when
 * every name is known, and when the template does not parse (its error says why).
 */
export function unknownVariables(source: string): UnknownVariable[] {
  let analysis;
  try {
    const parsed: Template[] = liquid().parse(source);
    analysis = liquid().analyzeSync(parsed, { partials: false });
  } catch {
    return [];
  }
  const unknown: UnknownVariable[] = [];
  const check = (shape: Shape | undefined, segments: Segment[], line: number, column: number) => {
    const length = shape ? 1 + knownLength(shape, segments.slice(1)) : 0;
    if (length < segments.length) unknown.push({ name: nameOf(segments, Math.max(length + 1, 1)), line, column });
  };
  for (const [name, variables] of Object.entries(analysis.globals)) {
    for (const variable of variables)
      check(Object.hasOwn(DATA, name) ? DATA[name] : undefined, variable.toArray(), variable.location.row, variable.location.col);
  }
  const loopNames = new Set([...source.matchAll(CLIPS_LOOP)].map((match) => match[1] as string)); // the pattern has one group
  for (const name of loopNames) {
    // Outside a loop the name is a global, checked (and refused) above.
    const at = ({ location }: { location: { row: number; col: number } }) => `${location.row}:${location.col}`;
    const outside = new Set((analysis.globals[name] ?? []).map(at));
    for (const variable of analysis.variables[name] ?? []) {
      if (!outside.has(at(variable))) check(CLIP, variable.toArray(), variable.location.row, variable.location.col);
    }
  }
  return unknown.sort((a, b) => a.line - b.line || a.column - b.column);
}
