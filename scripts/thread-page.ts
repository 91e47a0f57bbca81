import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A React-view issue page with `comments` comments, built from the hand-written fixture's shapes, for
 * measuring the content script on a long thread.
 */
export function generatedThreadPage(comments: number): string {
  const page = readFileSync(resolve('test/fixtures/github/react-issue.html'), 'utf8');
  const start = page.indexOf('<div data-timeline-event-id="IC_1"');
  const end = page.indexOf('<div data-timeline-event-id="IC_2"');
  const comment = page.slice(start, end);
  const many = Array.from({ length: comments }, (_, index) =>
    comment
      .replaceAll('1370000001', String(1380000000 + index))
      .replace('IC_1', `IC_${index + 1}`)
      .replace('nejisama', index % 2 ? 'nejisama' : 'dengqian'),
  ).join('\n');
  return page.slice(0, start) + many + page.slice(end);
}
