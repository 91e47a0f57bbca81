/**
 * The fence language behind GitHub's highlighting classes (`div.highlight.highlight-source-js > pre`,
 * in every post body: issues, pull request conversations and review comments, discussions). GitHub
 * names the grammar scope (`highlight-source-js`, `highlight-text-html-basic`), not what the author
 * wrote after the fence; this picks the usual name for the scope, which GitHub maps back to the same
 * grammar.
 */

const SCOPES: Record<string, string> = {
  'source-c++': 'cpp',
  'source-css-less': 'less',
  'source-css-scss': 'scss',
  'source-js-jsx': 'jsx',
  'source-gfm': 'markdown',
  'text-html-basic': 'html',
  'text-shell-session': 'console',
};

/** The language for a `div.highlight` class list, or '' when it names none. */
export function highlightLanguage(className: string): string {
  const scope = /(?:^|\s)highlight-(?!source$|text$)([^\s]+)/.exec(className)?.[1];
  if (!scope) return '';
  const known = SCOPES[scope];
  if (known) return known;
  if (scope.startsWith('source-')) return scope.slice('source-'.length);
  if (scope.startsWith('text-')) return scope.slice(scope.lastIndexOf('-') + 1);
  return scope;
}
