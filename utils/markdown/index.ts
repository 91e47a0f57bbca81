/**
 * Rendered HTML to GitHub-flavoured Markdown, as the author would have typed it. What is particular
 * to the site that rendered it comes in as a dialect (dialect.ts), from the site adapter.
 * Pure: the input is never changed. Needs a DOM (the page's, or e.g. happy-dom's as globals).
 */
export { htmlToMarkdown, type ConvertOptions } from './convert';
export type { MarkdownDialect } from './dialect';
export { absoluteLinks } from './absolute-links';
export { selectionToMarkdown } from './selection';
