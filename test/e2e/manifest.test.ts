import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionDir } from './support/extension';

describe('the built extension', () => {
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8'));

  it('asks only for the permissions its code uses', () => {
    // sidePanel: the popup's page also opens beside the tab, for a long session.
    expect(manifest.permissions.toSorted()).toEqual(['contextMenus', 'sidePanel', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches)).toEqual([['https://github.com/*']]);
  });
});
