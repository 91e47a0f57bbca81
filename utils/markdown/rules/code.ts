/** Code blocks (fenced, with their language, whitespace exact) and code spans. */
import { protectLines } from '../finalize';
import { serializeHtml } from '../html';
import { block } from './layout';
import type { TagRule } from './rule';

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A fenced block whose fence no run inside the code can close early. */
function fencedBlock(code: string, language: string): string {
  // An info string after backticks may not contain a backtick.
  const ch = language.includes('`') ? '~' : '`';
  const fence = ch.repeat(Math.max(3, longestRun(code, ch) + 1));
  const info = language.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  const body = code === '' ? '' : protectLines(code.endsWith('\n') ? code : `${code}\n`);
  return `${fence}${info}\n${body}${fence}`;
}

/** The language the page recorded for a `<pre>`: `lang` (set by cleanup for highlighted blocks) or a class. */
function codeLanguage(pre: Element): string {
  const lang = pre.getAttribute('lang');
  if (lang) return lang.trim().split(/\s+/)[0] ?? '';
  const code = pre.firstElementChild?.nodeName === 'CODE' ? pre.firstElementChild : null;
  const className = `${code?.getAttribute('class') ?? ''} ${pre.getAttribute('class') ?? ''}`;
  return /(?:^|\s)(?:language|lang)-(\S+)/.exec(className)?.[1] ?? '';
}

export const fencedCode: TagRule = {
  tags: ['PRE'],
  replacement: (_content, node) => block(node, fencedBlock(node.textContent ?? '', codeLanguage(node))),
};

/** A code span: enough backticks, and the padding CommonMark strips again. */
function codeSpan(text: string): string {
  const content = text.replace(/\r\n|\r|\n/g, ' ');
  if (content === '') return '';
  const runs = new Set(content.match(/`+/g) ?? []);
  let ticks = '`';
  while (runs.has(ticks)) ticks += '`';
  // Not `/^ [^]*[^ ][^]* $/`, which backtracks through the square of a long span's length.
  const spaced = content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content);
  const pad = content.startsWith('`') || content.endsWith('`') || spaced ? ' ' : '';
  return ticks + pad + content + pad + ticks;
}

export const inlineCode: TagRule = {
  tags: ['CODE'],
  when: (node) => node.parentElement?.closest('pre') == null,
  // A code span cannot hold a link; `<code><a href>` was typed as HTML.
  replacement: (_content, node) => (node.querySelector('a[href]') ? serializeHtml(node) : codeSpan(node.textContent ?? '')),
};
