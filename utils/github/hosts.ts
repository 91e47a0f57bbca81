/**
 * Where the clipper runs: github.com. A GitHub Enterprise server shows the same pages on a host of
 * its own, which would join this list. Apart from the site adapter so the manifest can read it.
 */
export const GITHUB_HOSTS: readonly string[] = ['github.com'];
