import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * GitHub's design system from npm (Primer CSS and its theme variables), served by the end-to-end tests
 * in place of github.githubassets.com's stylesheets, so offline pages, and the buttons on them, look
 * and sit as on GitHub.
 */
export const githubCss = [
  '@primer/primitives/dist/css/functional/size/size.css',
  '@primer/primitives/dist/css/functional/size/border.css',
  '@primer/primitives/dist/css/functional/typography/typography.css',
  '@primer/primitives/dist/css/functional/themes/light.css',
  '@primer/primitives/dist/css/functional/themes/dark.css',
  '@primer/primitives/dist/css/functional/themes/dark-dimmed.css',
  '@primer/css/dist/primer.css',
]
  .map((file) => readFileSync(require.resolve(file), 'utf8'))
  .join('\n');
