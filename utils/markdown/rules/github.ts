/** GitHub's own Markdown extensions: alerts, footnotes, math. */
import { FOOTNOTE_ATTRIBUTE, FOOTNOTE_REF_TAG, isDisplayMath } from '../classify';
import { hasClass } from '../dom';
import { escapeInline } from '../escape';
import { protectLines } from '../finalize';
import { block, indentRest, prefixLines, trimBlank } from './layout';
import type { TagRule } from './rule';

const ALERT_CLASS = /(?:^|\s)markdown-alert-(note|tip|important|warning|caution)(?:\s|$)/;

export const alert: TagRule = {
  tags: ['DIV'],
  when: (node) => hasClass(node, 'markdown-alert') && ALERT_CLASS.test(node.className),
  replacement: (content, node) => {
    const type = (ALERT_CLASS.exec(node.className)?.[1] ?? 'note').toUpperCase();
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
  tags: ['MATH-RENDERER'],
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
