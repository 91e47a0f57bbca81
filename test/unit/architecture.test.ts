/**
 * The layers' import rules, read from the import statements (type-only ones too) of utils/** and
 * components/**. Data flows one way, page DOM -> thread model -> Markdown -> message -> store ->
 * draft -> export, and each layer leans only on the ones below it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** One import: both ends as module paths from the repository's root, without extension or `/index`. */
interface Import {
  from: string;
  to: string;
}

interface Rule {
  /** Modules under any of these paths... */
  in: string[];
  /** ...import nothing under these. */
  notFrom: string[];
  why: string;
}

const RULES: Rule[] = [
  {
    in: ['utils/page', 'utils/github'],
    notFrom: ['utils/store', 'utils/settings', 'utils/connection', 'utils/sources'],
    why: 'the page side runs in github.com tabs: it knows the model and messages, never the database, settings or the GitHub token',
  },
  {
    in: ['utils/sources'],
    notFrom: ['utils/settings', 'utils/connection', 'utils/draft', 'utils/backup'],
    why: 'reading sources is given its store and GitHub client: it never reaches for the token or settings itself',
  },
  {
    in: ['utils/store'],
    notFrom: ['utils/settings', 'utils/draft', 'utils/backup', 'utils/sync', 'utils/publish'],
    why: 'the store keeps clips and drafts, and knows nothing above it',
  },
  {
    in: ['utils/sync'],
    notFrom: ['utils/draft', 'utils/publish', 'utils/backup'],
    why: 'the shared weekly carries clips and the draft fields, never their rendering',
  },
  { in: ['utils/publish'], notFrom: ['utils/store', 'utils/sync', 'utils/settings'], why: 'publishing sends what it is given' },
  { in: ['utils/settings'], notFrom: ['utils/draft', 'utils/store'], why: 'settings are stored values: the model, validation and storage' },
  { in: ['utils/draft'], notFrom: ['utils/settings', 'utils/store'], why: 'a draft is rendered from what it is given' },
  { in: ['utils'], notFrom: ['components', 'entrypoints'], why: 'logic lies below the pages that wire it' },
];

const within = (module: string, area: string) => module === area || module.startsWith(`${area}/`);

/** The imports that break a rule, as `from -> to (why)`. */
function violations(imports: readonly Import[], rules: readonly Rule[] = RULES): string[] {
  return imports.flatMap(({ from, to }) =>
    rules
      .filter((rule) => rule.in.some((area) => within(from, area)) && rule.notFrom.some((area) => within(to, area)))
      .map((rule) => `${from} -> ${to} (${rule.why})`),
  );
}

const moduleOf = (path: string) => path.replace(/\.(tsx?|jsx?)$/, '').replace(/\/index$/, '');

/** `specifier` as imported by the file at `file`; undefined for a package. */
function resolve(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return moduleOf(specifier.slice(2));
  if (specifier.startsWith('.')) return moduleOf(posix.join(posix.dirname(file), specifier));
  return undefined;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => posix.join(folder, name.split('\\').join('/')));
}

function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    const to = resolve(file, fileName);
    return to ? [{ from: moduleOf(file), to }] : [];
  });
}

const projectImports = ['utils', 'components'].flatMap(sourceFiles).flatMap(importsOf);

describe('architecture', () => {
  it('reads the imports it judges, type-only ones included', () => {
    expect(projectImports).toEqual(
      expect.arrayContaining([
        { from: 'utils/backup', to: 'utils/store/contents' },
        { from: 'utils/page/clipper', to: 'utils/model' },
        { from: 'components/options/api', to: 'utils/settings/templates' },
      ]),
    );
  });

  it('keeps every layer to the ones below it', () => {
    expect(violations(projectImports)).toEqual([]);
  });

  it('catches an import that breaks a rule', () => {
    const madeUp: Import[] = [
      { from: 'utils/page/clipper', to: 'utils/store/clips' },
      { from: 'utils/github/thread', to: 'utils/settings' },
      { from: 'utils/store/db', to: 'utils/settings/templates' },
      { from: 'utils/store/contents', to: 'utils/backup' },
      { from: 'utils/settings', to: 'utils/draft/presets' },
      { from: 'utils/draft/render-draft', to: 'utils/store' },
      { from: 'utils/i18n', to: 'components/options/api' },
      { from: 'utils/background', to: 'entrypoints/background' },
      { from: 'utils/github/thread', to: 'utils/connection/token' },
      { from: 'utils/sources', to: 'utils/connection/token' },
      // Allowed: the backup stands above the store and settings; pages wire everything.
      { from: 'utils/backup', to: 'utils/settings' },
      { from: 'components/options/api', to: 'utils/draft/templates' },
      { from: 'utils/storefront', to: 'utils/settings' },
    ];
    expect(violations(madeUp).map((violation) => violation.split(' (')[0])).toEqual([
      'utils/page/clipper -> utils/store/clips',
      'utils/github/thread -> utils/settings',
      'utils/store/db -> utils/settings/templates',
      'utils/store/contents -> utils/backup',
      'utils/settings -> utils/draft/presets',
      'utils/draft/render-draft -> utils/store',
      'utils/i18n -> components/options/api',
      'utils/background -> entrypoints/background',
      'utils/github/thread -> utils/connection/token',
      'utils/sources -> utils/connection/token',
    ]);
  });

  it('resolves relative and aliased imports to the same module', () => {
    expect(resolve('utils/store/contents.ts', '../settings')).toBe('utils/settings');
    expect(resolve('utils/settings/templates.ts', './index')).toBe('utils/settings');
    expect(resolve('components/options/api.ts', '@/utils/settings/templates')).toBe('utils/settings/templates');
    expect(resolve('utils/store/db.ts', 'idb')).toBeUndefined();
  });
});
