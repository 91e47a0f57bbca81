/** Images: `![alt](src)`, or an `<img>` tag when it carries a size or alignment Markdown cannot. */
import { escapeInline } from '../escape';
import { openTag } from '../html';
import { linkDestination, linkTitle } from '../urls';
import type { TagRule } from './rule';

const HTML_ONLY_ATTRIBUTES = ['width', 'height', 'align'];

export const image: TagRule = {
  tags: ['IMG'],
  replacement: (_content, node) => {
    const src = node.getAttribute('src');
    if (!src) return '';
    // Markdown images always have alt text, if empty: one typed without is a tag.
    if (!node.hasAttribute('alt') || HTML_ONLY_ATTRIBUTES.some((name) => node.hasAttribute(name))) return openTag(node);
    const alt = escapeInline((node.getAttribute('alt') ?? '').replace(/\s+/g, ' '));
    return `![${alt}](${linkDestination(src)}${linkTitle(node.getAttribute('title'))})`;
  },
};
