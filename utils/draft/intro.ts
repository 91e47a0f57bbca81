/**
 * A draft's intro is free Markdown, plus optional named parts for what a template places elsewhere
 * each week (a cover image, a contributions picture, reading links). A part starts at a line that
 * holds only an HTML comment naming it and runs to the next such line:
 *
 * ```markdown
 * A note that opens this issue.
 * <!-- cover -->
 * https://example.com/cover.png
 * <!-- reading -->
 * [An article](https://example.com/article)
 * ```
 *
 * Comments were chosen because they are Markdown's own way of saying "not content", so an intro
 * reads the same with or without parts, and no new syntax has to be learned.
 */
export interface Intro {
  /** What comes before the first part. */
  text: string;
  /** Parts by name, each without the blank lines around it. */
  parts: Record<string, string>;
}

const PART = /^<!--\s*([A-Za-z][\w-]*)\s*-->\s*$/;

/** Drops blank lines at both ends, keeping the first line's indentation (it may open a code block). */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

export function splitIntro(intro: string): Intro {
  const parts: Record<string, string> = {};
  let name: string | undefined;
  let lines: string[] = [];
  let text = '';
  const flush = () => {
    const body = trimBlankLines(lines.join('\n'));
    if (name === undefined) text = body;
    else parts[name] = parts[name] ? `${parts[name]}\n\n${body}` : body;
  };
  for (const line of intro.split('\n')) {
    const marker = PART.exec(line);
    if (!marker) {
      lines.push(line);
      continue;
    }
    flush();
    name = marker[1];
    lines = [];
  }
  flush();
  return { text, parts };
}
