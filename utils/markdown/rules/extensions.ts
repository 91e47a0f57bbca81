/** Markdown extensions GitHub renders: alerts, footnotes, math (cleanup finds them in the site's markup and marks them). */
import { ALERT_ATTRIBUTE, FOOTNOTE_ATTRIBUTE, FOOTNOTE_REF_TAG, isDisplayMath, MATH_ATTRIBUTE } from '../classify';
import { escapeInline } from '../escape';
import { protectLines } from '../finalize';
import { block, indentRest, prefixLines, trimBlank } from './layout';
import type { TagRule } from './rule';

export const alert: TagRule = {
  tags: ['DIV'],
  when: (node) => node.hasAttribute(ALERT_ATTRIBUTE),
  replacement: (content, node) => {
    const type = node.getAttribute(ALERT_ATTRIBUTE) ?? 'NOTE';
    const body = trimBlank(content);
    return block(node, prefixLines(body === '' ? `[!${type}]` : `[!${type}]\n${body}`, '> '));
  },
};

export const footnoteReference: TagRule = {
  tags: [FOOTNOTE_REF_TAG],
  replacement: (_content, node) => node.textContent ?? '',
};

export const footnoteDefinition: TagRule = {
  tags: ['DIV'],
  when: (node) => node.hasAttribute(FOOTNOTE_ATTRIBUTE),
  replacement: (content, node) => {
    const body = indentRest(trimBlank(content), '    ');
    const label = `[^${node.getAttribute(FOOTNOTE_ATTRIBUTE) ?? ''}]:`;
    // One definition per line, as written; the block before still gets its blank line.
    return `\n${body === '' ? label : `${label} ${body}`}\n`;
  },
};

/** The TeX of a rendered formula, when the page still has it as text (before MathJax ran). */
function tex(node: Element): string | null {
  if (node.firstElementChild === null) return (node.textContent ?? '').trim();
  const annotation = node.querySelector('annotation[encoding="application/x-tex"]');
  return annotation ? (annotation.textContent ?? '').trim() : null;
}

export const math: TagRule = {
  // The site names its formula element: any tag.
  tags: ['*'],
  when: (node) => node.hasAttribute(MATH_ATTRIBUTE),
  replacement: (_content, node) => {
    const source = tex(node);
    const display = isDisplayMath(node);
    if (source === null) {
      const text = escapeInline((node.textContent ?? '').trim());
      return display ? block(node, text) : text;
    }
    if (!display) return /^\$[^]*\$$/.test(source) ? source : `$${source}$`;
    const formula = /^\$\$[^]*\$\$$/.test(source) ? source.slice(2, -2).trim() : source;
    return block(node, `$$\n${protectLines(`${formula}\n`)}$$`);
  },
};
