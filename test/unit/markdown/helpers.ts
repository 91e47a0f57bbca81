import { htmlToMarkdown } from '../../../utils/markdown';
import { githubMarkdown } from '../../../utils/github/rendered-markdown';

export const PAGE = 'https://github.com/octo/repo/issues/7';

/** Converts HTML as it appears on PAGE. */
export function md(html: string, baseUrl = PAGE): string {
  return htmlToMarkdown(html, { baseUrl, dialect: githubMarkdown });
}

/** GitHub's copy button, as it sits after every rendered code block. */
export const COPY_BUTTON =
  '<div class="zeroclipboard-container position-absolute right-0 top-0">\n' +
  '  <clipboard-copy aria-label="Copy" class="ClipboardButton btn js-clipboard-copy m-2 p-0" data-copy-feedback="Copied!" value="x" tabindex="0" role="button">\n' +
  '    <svg aria-hidden="true" height="16" viewBox="0 0 16 16" version="1.1" width="16" class="octicon octicon-copy js-clipboard-copy-icon"><path d="M0 6.75C0"></path></svg>\n' +
  '  </clipboard-copy>\n</div>';

/** The first text node under `root` holding `text`, in document order. */
export function textNode(root: Node, text: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(text)) return node as Text;
  }
  throw new Error(`no text node with ${text}`);
}

/** A range under `root` from `from` (inclusive) to the end of `to`, both located by their text. */
export function textRange(root: Node, from: string, to: string): Range {
  const start = textNode(root, from);
  const end = textNode(root, to);
  const range = document.createRange();
  range.setStart(start, start.data.indexOf(from));
  range.setEnd(end, end.data.indexOf(to) + to.length);
  return range;
}
