/**
 * Where a published issue goes in the site's repository: a Liquid template of the path, such as
 * `content/zh/blog/sofa-weekly-{{ draft.date | date: "%Y%m%d" }}/index.md`. It sees the issue's
 * title and date as they are (not escaped as Markdown: a path is no Markdown).
 */
import { Liquid } from 'liquidjs';
import { LocalizedError } from '../errors';
import type { Draft } from '../model';

let engine: Liquid | undefined;
function liquid(): Liquid {
  // A date-only `draft.date` is midnight UTC: printed in UTC it stays the day it names wherever the user is.
  return (engine ??= new Liquid({ strictFilters: true, strictVariables: true, ownPropertyOnly: true, templates: {}, timezoneOffset: 0, renderLimit: 100 }));
}

/** The repository path for `draft`, or a `LocalizedError` saying why the template gives none. */
export function publishPath(template: string, draft: Pick<Draft, 'title' | 'date'>): string {
  let path: string;
  try {
    path = String(liquid().parseAndRenderSync(template, { draft: { title: draft.title, date: draft.date } })).trim();
  } catch (error) {
    throw new LocalizedError('publishPathTemplateFails', [template, error instanceof Error ? error.message : String(error)], { cause: error });
  }
  const parts = path.split('/');
  if (!path || path.startsWith('/') || path.endsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new LocalizedError('publishPathInvalid', [path]);
  }
  return path;
}
