/**
 * GitHub-rendered HTML to GitHub-flavoured Markdown, as the author would have typed it.
 * Pure: the input is never changed. Needs a DOM (the page's, or e.g. happy-dom's as globals).
 */
export { htmlToMarkdown, type ConvertOptions } from './convert';
export { selectionToMarkdown } from './selection';
