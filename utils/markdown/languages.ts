/** The fence language for a code block known only by its file (an embedded code permalink). */

/**
 * File extensions whose usual fence name differs from the extension: the name a highlighted block of
 * the same grammar gets (utils/github/highlight.ts), so a permalink and a code block in one language
 * read alike.
 */
const EXTENSIONS: Record<string, string> = {
  bash: 'shell',
  cc: 'cpp',
  cjs: 'js',
  cts: 'ts',
  cxx: 'cpp',
  ex: 'elixir',
  exs: 'elixir',
  h: 'c',
  hh: 'cpp',
  hpp: 'cpp',
  hs: 'haskell',
  htm: 'html',
  kt: 'kotlin',
  kts: 'kotlin',
  markdown: 'markdown',
  md: 'markdown',
  mjs: 'js',
  mts: 'ts',
  patch: 'diff',
  pl: 'perl',
  ps1: 'powershell',
  py: 'python',
  pyi: 'python',
  rb: 'ruby',
  rs: 'rust',
  sh: 'shell',
  txt: 'text',
  yml: 'yaml',
  zsh: 'shell',
};

/** Files known by their whole name. */
const FILE_NAMES: Record<string, string> = { dockerfile: 'dockerfile', gemfile: 'ruby', makefile: 'makefile', rakefile: 'ruby' };

/**
 * The fence language for a file, from its name or extension; '' when it tells none. An unlisted
 * extension is kept as it is: most are a language's name too (`go`, `java`, `json`, `toml`), and
 * the others still say what the code is.
 */
export function fileLanguage(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const known = FILE_NAMES[name];
  if (known) return known;
  const dot = name.lastIndexOf('.');
  // `.bashrc` and friends: a dot at the start names no extension.
  if (dot <= 0) return '';
  const extension = name.slice(dot + 1);
  return EXTENSIONS[extension] ?? (/^[a-z][a-z0-9+-]*$/.test(extension) ? extension : '');
}
