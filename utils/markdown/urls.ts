/** URL handling: resolution against the page, and writing URLs so Markdown reads them back intact. */

/** A URL with a scheme and no whitespace: what `resolveUrl` keeps exactly as written. */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\S*$/i;
/**
 * A fragment or a path from the root that the URL parser takes exactly as written: characters it
 * does not percent-encode, no backslash, no `.` or `..` segment.
 */
const PLAIN_FRAGMENT = /^#[\w\-.~!$&()*+,;=:@/?%#']*$/;
const PLAIN_PATH = /^\/(?![/\\])[\w\-.~!$&()*+,;=:@/%]*(?:[?#][\w\-.~!$&()*+,;=:@/?%#]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/** The page's address without its fragment, and its origin: what a fragment or a path is put after. */
let base: { url: string; document: string; origin: string } | undefined;

function baseOf(baseUrl: string): { document: string; origin: string } | undefined {
  if (base?.url !== baseUrl) {
    try {
      const parsed = new URL(baseUrl);
      const special = /^(?:https?|wss?|ftp):$/.test(parsed.protocol);
      parsed.hash = '';
      base = { url: baseUrl, document: parsed.href, origin: special ? parsed.origin : '' };
    } catch {
      return undefined;
    }
  }
  return base;
}

/**
 * Absolute form of `href` as the page would follow it. An address that is absolute already stays
 * as written (`https://x.dev`, not `https://x.dev/`); unparseable values too. A post holds many
 * links: the usual forms are put together without the URL parser, as it would put them together.
 */
export function resolveUrl(href: string, baseUrl: string): string {
  if (ABSOLUTE.test(href)) return href;
  const page = baseOf(baseUrl);
  if (page && PLAIN_FRAGMENT.test(href)) return page.document + href;
  if (page?.origin && PLAIN_PATH.test(href) && !DOT_SEGMENT.test(href)) return page.origin + href;
  const trimmed = href.trim();
  try {
    const url = new URL(trimmed, baseUrl);
    return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/\s/.test(trimmed) ? trimmed : url.href;
  } catch {
    return href;
  }
}

/** `text` names the same address as the resolved `href` (so `[text](href)` can be an autolink). */
function sameUrl(text: string, href: string): boolean {
  if (text === href) return true;
  if (!/^[a-z][a-z0-9+.-]{1,31}:/i.test(text)) return false;
  try {
    return new URL(text).href === href;
  } catch {
    return false;
  }
}

/** True when parentheses in `url` pair up (Markdown and GFM autolinks both care). */
function balancedParens(url: string): boolean {
  let depth = 0;
  for (const ch of url) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A link destination: `<...>` when it holds spaces, backslash-escapes where needed otherwise. */
export function linkDestination(url: string): string {
  if (url === '') return '<>';
  if (/[\s<>]/.test(url)) {
    return /[\r\n]/.test(url) ? encodeURI(url) : `<${url.replace(/([<>\\])/g, '\\$1')}>`;
  }
  let out = url.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  if (!balancedParens(out)) out = out.replace(/[()]/g, '\\$&');
  return out;
}

/** A link title in double quotes. */
export function linkTitle(title: string | null): string {
  if (!title) return '';
  const escaped = title
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    // A blank line would end the paragraph the title sits in.
    .replace(/\n\s*\n/g, '\n');
  return ` "${escaped}"`;
}

const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const ANGLE_AUTOLINK = /^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*$/;
// What GFM's extended autolinks pick up by themselves and give back unchanged: a scheme (or
// `www.`), then a domain of letters, digits, `_` and `-` in dot-separated parts.
const BARE_URL = /^(?:(?:https?|ftp):\/\/|www\.)([^\s<]*)$/i;
const DOMAIN = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?(?=[/?#:]|$)/i;

function bareDomainOk(rest: string): boolean {
  const domain = DOMAIN.exec(rest)?.[0];
  if (!domain) return false;
  // cmark-gfm refuses underscores in the last two parts of the domain.
  return !domain
    .split('.')
    .slice(-2)
    .some((part) => part.includes('_'));
}
const BARE_EMAIL = /^[a-zA-Z0-9.+_-]+@[a-zA-Z0-9_-]+(?:\.[a-zA-Z0-9_-]+)+$/;

export type AutolinkStyle = 'bare' | 'angle' | 'none';

/**
 * How the visible `text` of a link to `href` can be written as an autolink, ignoring what surrounds
 * it: bare (GFM picks it up by itself), in angle brackets, or not at all.
 */
export function autolinkStyle(text: string, href: string): AutolinkStyle {
  if (href === `mailto:${text}`) {
    if (!EMAIL.test(text)) return 'none';
    return BARE_EMAIL.test(text) && !/[-_.]$/.test(text) ? 'bare' : 'angle';
  }
  if (/^www\./i.test(text)) {
    if (!sameUrl(`http://${text}`, href)) return 'none';
  } else if (!sameUrl(text, href)) {
    return 'none';
  }
  const bareMatch = BARE_URL.exec(text);
  const bare =
    bareMatch !== null &&
    bareDomainOk(bareMatch[1] ?? '') &&
    // GFM leaves trailing punctuation, unbalanced `)` and entity-like endings out of the link.
    !/[?!.,:*_~'"]$/.test(text) &&
    !/&[a-z0-9]+;$/i.test(text) &&
    balancedParens(text) &&
    // Inline syntax inside a bare URL would be read before the autolink.
    !/[`\\[\]]/.test(text);
  if (bare) return 'bare';
  if (/^www\./i.test(text)) return 'none';
  return ANGLE_AUTOLINK.test(text) ? 'angle' : 'none';
}
