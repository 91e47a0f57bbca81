/**
 * YAML front matter: a block at the very start of a document, between a line `---` and a line `---`
 * (or `...`), as Jekyll, Hugo and GitHub read it. A site reads it as the page's settings and GitHub
 * shows it as a table in a Markdown file; in an issue or a comment, GitHub renders it as Markdown,
 * where its closing `---` turns the lines above into one huge heading.
 */
const FRONT_MATTER = /^---[ \t]*\r?\n([^]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export interface FrontMatterSplit {
  /** The YAML between the delimiters (without them), or undefined when the document has none. */
  yaml?: string;
  /** The rest of the document. */
  body: string;
}

export function splitFrontMatter(markdown: string): FrontMatterSplit {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { body: markdown };
  return { yaml: match[1] ?? '', body: markdown.slice(match[0].length) };
}

/** The document without its front matter, nor the blank lines after it, for where nothing reads it (a GitHub issue). */
export function withoutFrontMatter(markdown: string): string {
  const { yaml, body } = splitFrontMatter(markdown);
  return yaml === undefined ? markdown : body.replace(/^(?:[ \t]*\r?\n)+/, '');
}
