/**
 * The Content Security Policy github.com serves its pages with (its script, style and connect rules),
 * so the end-to-end pages hold the extension to what a real page allows: scripts only from GitHub's
 * asset host, no inline script, no eval. The content script's world has a policy of its own; this
 * shows that importing the converter into it is not the page's to refuse.
 */
export const GITHUB_PAGE_POLICY = [
  "default-src 'none'",
  "base-uri 'self'",
  "connect-src 'self' api.github.com github.githubassets.com collector.github.com",
  'font-src github.githubassets.com',
  "form-action 'self' github.com",
  "frame-ancestors 'none'",
  "img-src 'self' data: blob: github.githubassets.com avatars.githubusercontent.com private-user-images.githubusercontent.com",
  "manifest-src 'self'",
  'script-src github.githubassets.com',
  "style-src 'unsafe-inline' github.githubassets.com",
  'upgrade-insecure-requests',
].join('; ');

/** Whether the page runs a script written into it, as it would with no policy (evaluated in the page). */
export function inlineScriptRuns(): boolean {
  const script = document.createElement('script');
  script.textContent = 'document.documentElement.dataset.inlineScript = "ran"';
  document.head.append(script);
  script.remove();
  return document.documentElement.dataset.inlineScript === 'ran';
}
