/** GitHub's REST and GraphQL API: the one host the extension's pages and worker may connect to (wxt.config.ts). */
export const GITHUB_API_URL = 'https://api.github.com';
