/**
 * Where the extension's pages load images from without being asked: GitHub itself, which the user
 * is talking to already, so a load tells no one else who is reading what. Written as Content
 * Security Policy host sources because the manifest's policy (wxt.config.ts) enforces this same
 * list, and the preview (sanitize.ts) keeps to it before the browser has to refuse anything.
 */
export const GITHUB_IMAGE_SOURCES = ['https://github.com', 'https://*.githubusercontent.com'] as const;

/** Whether `url` is an image one of `GITHUB_IMAGE_SOURCES` serves, matched as the policy matches it. */
export function isGitHubImage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return GITHUB_IMAGE_SOURCES.some((source) => {
    const [scheme, host] = source.split('://') as [string, string];
    // A source without a port allows only the scheme's default one, which URL reports as ''.
    if (parsed.protocol !== `${scheme}:` || parsed.port !== '') return false;
    return host.startsWith('*.') ? parsed.hostname.endsWith(host.slice(1)) : parsed.hostname === host;
  });
}
