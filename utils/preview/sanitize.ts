import DOMPurify, { type Config } from 'dompurify';
import { t } from '@/utils/i18n';
import { isGitHubImage } from './image-sources';

/**
 * What a Markdown preview may hold: the elements GitHub's own Markdown renders. Clip text and
 * templates are untrusted, and the preview shares its page with the popup's and the options' own
 * controls, so anything that styles, submits, embeds or re-bases the page (style, form controls,
 * frames, objects, base, meta, link, SVG) is dropped, keeping the text inside.
 */
const TAGS = [
  'a',
  'abbr',
  'b',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'tt',
  'ul',
  'var',
  'wbr',
];

/**
 * No `style` or `class` (they restyle the page), no `name`, `role`, `tabindex`, `accesskey` or
 * ARIA references (they reach the page's own controls), no `srcset` (it would load what `src`
 * checks keep out). `input` is here for task lists only; `keepTaskListCheckbox` narrows it.
 */
const ATTRIBUTES = [
  'align',
  'alt',
  'checked',
  'colspan',
  'datetime',
  'dir',
  'disabled',
  'height',
  'href',
  'id',
  'lang',
  'open',
  'rowspan',
  'scope',
  'src',
  'start',
  'title',
  'type',
  'valign',
  'width',
];

const CONFIG = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // As GitHub does: an `id` written in a clip gets a prefix, so it never names one of the page's elements.
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
} satisfies Config;

/** Links lead out of the extension: the page's own relative URLs and script URLs lead nowhere useful. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function protocolOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

/**
 * A followed link would replace the popup or the options page (and lose what is being edited):
 * links open in a new tab, and tell the site neither where they came from nor a handle back.
 */
function confineLink(link: HTMLAnchorElement): void {
  const href = link.getAttribute('href');
  if (href === null) return;
  if (!LINK_PROTOCOLS.has(protocolOf(href) ?? '')) {
    link.removeAttribute('href');
    return;
  }
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
}

/**
 * An image from anywhere but GitHub would tell its host who opened the popup, each time it opens
 * (a clip keeps the author's original image URL; a template can put clip text into one). It shows
 * as its alt text and, where it may hold a link, a link that opens the image in a new tab: loading
 * it is then the user's choice.
 */
function holdBackForeignImage(image: HTMLImageElement): void {
  const src = image.getAttribute('src') ?? '';
  if (src.startsWith('data:image/') || isGitHubImage(src)) return;
  const document = image.ownerDocument;
  const placeholder = document.createElement('span');
  placeholder.className = 'preview-image-not-loaded';
  const alt = image.getAttribute('alt')?.trim();
  if (alt) {
    const text = document.createElement('span');
    text.className = 'preview-image-alt';
    text.textContent = alt;
    placeholder.append(text);
  }
  const protocol = protocolOf(src);
  if (protocol === 'http:' || protocol === 'https:') {
    const host = new URL(src).host;
    // A link inside a link is invalid HTML: there the note is text, and the outer link still leads
    // where its author meant.
    const inLink = image.closest('a') !== null;
    const note = document.createElement(inLink ? 'span' : 'a');
    note.className = 'preview-image-note';
    note.textContent = inLink ? t('previewImageNotLoaded', host) : t('previewOpenImage', host);
    if (!inLink) note.setAttribute('href', src);
    placeholder.append(note);
  }
  if (placeholder.hasChildNodes()) image.replaceWith(placeholder);
  else image.remove();
}

/**
 * GitHub renders a task list's items with disabled checkboxes (and these classes, which
 * github-markdown-css styles); any other form control in a preview could submit or be mistaken
 * for one of the page's own.
 */
function keepTaskListCheckbox(input: HTMLInputElement): void {
  if (input.getAttribute('type')?.toLowerCase() !== 'checkbox') {
    input.remove();
    return;
  }
  input.setAttribute('disabled', '');
  input.className = 'task-list-item-checkbox';
  const item = input.closest('li');
  item?.classList.add('task-list-item');
  item?.parentElement?.classList.add('contains-task-list');
}

/**
 * `html` (marked's rendering of untrusted Markdown) made safe to show inside an extension page, as
 * nodes of an inert document: nothing in it loads or runs until it is inserted.
 */
export function sanitizePreview(html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, CONFIG);
  fragment.querySelectorAll('img').forEach(holdBackForeignImage);
  // After the images, so the links that stand for them follow the same rule.
  fragment.querySelectorAll('a').forEach(confineLink);
  fragment.querySelectorAll('input').forEach(keepTaskListCheckbox);
  return fragment;
}
