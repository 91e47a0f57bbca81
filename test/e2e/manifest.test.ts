import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionDir } from './support/extension';

describe('the built extension', () => {
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8'));

  it('asks only for the permissions its code uses', () => {
    // sidePanel: the popup's page also opens beside the tab, for a long session.
    // alarms: the shared weekly syncs every minute with the popup closed.
    expect(manifest.permissions.toSorted()).toEqual(['alarms', 'contextMenus', 'sidePanel', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches)).toEqual([['https://github.com/*']]);
  });

  it('carries the clipper and the converter apart from the content script, exposed to github.com pages alone', () => {
    // Every github.com page evaluates the content script; a thread page imports the clipper, a clip the converter.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['clipper.js', 'capture.js'], matches: ['https://github.com/*'] }]);
    const read = (file: string) => readFileSync(`${extensionDir}/${file}`, 'utf8');
    const [turndownRoot, clipButton] = ['x-turndown', 'wc-clip-button'];
    expect(read('capture.js')).toContain(turndownRoot);
    expect(read('clipper.js')).toContain(clipButton);
    for (const apart of [turndownRoot, clipButton]) expect(read('content-scripts/github.js')).not.toContain(apart);
    expect(read('clipper.js')).not.toContain(turndownRoot);
  });

  it('connects to GitHub’s API and nowhere else, by its policy rather than a host permission', () => {
    // api.github.com answers CORS with `*`: the worker and pages need no host permission to read it,
    // only the Content Security Policy's leave to connect (the author's own Markdown of a clip).
    const directives = manifest.content_security_policy.extension_pages.split('; ');
    expect(directives.filter((directive: string) => directive.startsWith('connect-src'))).toEqual(['connect-src https://api.github.com']);
    expect(directives).toContain("default-src 'none'");
  });

  it('has its own icon at every size, on the toolbar button too', () => {
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
    expect(Object.keys(manifest.action.default_icon)).toEqual(['16', '32', '48']);
    for (const path of [...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)])
      expect(existsSync(`${extensionDir}/${path}`)).toBe(true);
  });
});
