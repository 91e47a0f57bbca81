/**
 * Markdown as its author typed it (an API's `body`) holds links and images relative to the page it
 * was posted on (`/owner/repo/blob/…`, `./img.png`). Written into a weekly published elsewhere, they
 * would lead nowhere: this makes them absolute against that page, as the converter does for the
 * rendered HTML. Code (fenced, indented by a fence's rules, or inline) is left as typed.
 */
import { resolveUrl } from './urls';

/** A fence opening or closing line: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Absolute already: a scheme (`https:`, `mailto:`), or a fragment of the same post. */
const isAbsolute = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#');

function absolute(href: string, baseUrl: string): string {
  return href === '' || isAbsolute(href) ? href : resolveUrl(href, baseUrl);
}

/** Rewrites the destinations in one stretch of Markdown that holds no code. */
function rewriteText(text: string, baseUrl: string): string {
  return (
    text
      // Inline links and images: `](dest` or `](<dest>`.
      .replace(/(\]\(\s*)(<[^>\n]*>|[^\s)]+)/g, (_whole, open: string, dest: string) =>
        dest.startsWith('<') ? `${open}<${absolute(dest.slice(1, -1), baseUrl)}>` : `${open}${absolute(dest, baseUrl)}`,
      )
      // Link reference definitions: `[label]: dest`.
      .replace(/^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)/gm, (_whole, open: string, dest: string) =>
        dest.startsWith('<') ? `${open}<${absolute(dest.slice(1, -1), baseUrl)}>` : `${open}${absolute(dest, baseUrl)}`,
      )
      // Raw HTML GitHub renders: `<img src>`, `<a href>`, `<source srcset>` (its first URL is what a single image names).
      .replace(
        /(<(?:img|a|source|video)\b[^>]*?\s(?:src|href|srcset|poster)\s*=\s*)(["'])([^"']*)\2/gi,
        (_whole, open: string, quote: string, dest: string) => {
          return `${open}${quote}${absolute(dest, baseUrl)}${quote}`;
        },
      )
  );
}

/** Splits a line into inline code spans (kept) and the text between them (rewritten). */
function rewriteLine(line: string, baseUrl: string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part : rewriteText(part, baseUrl)))
    .join('');
}

export function absoluteLinks(markdown: string, baseUrl: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return rewriteLine(line, baseUrl);
    })
    .join('\n');
}
