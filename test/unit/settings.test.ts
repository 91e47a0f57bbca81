import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SOFASTACK_COMMUNITY } from '@/utils/model';
import { DEFAULT_SETTINGS, getSetting, getSettings, setIssueFrontMatter, setProject, setSettings, watchSetting } from '@/utils/settings';

const mosn = { name: 'MOSN', link: 'https://github.com/mosn/mosn/' };

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it("start from the defaults: the neutral preset, no templates or names, no target repo, new clips into the draft, SOFAStack's community, front matter left out of issues, no shared weekly", async () => {
    expect(await getSettings()).toEqual({
      templateId: 'weekly-digest',
      userTemplates: [],
      projects: {},
      targetRepo: '',
      addNewClipsToCurrentDraft: true,
      community: SOFASTACK_COMMUNITY,
      issueFrontMatter: {},
      sharedWeekly: { repo: '', branch: 'weekly-clipper', path: 'weekly-clipper/shared-weekly.json' },
      publishing: { repo: '', path: 'content/zh/blog/sofa-weekly-{{ draft.date | date: "%Y%m%d" }}/index.md' },
    });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keep what is set, together, and leave the rest alone', async () => {
    await setSettings({ templateId: 'sofa-weekly', targetRepo: 'sofastack/sofa-weekly', addNewClipsToCurrentDraft: false });
    expect(await getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      templateId: 'sofa-weekly',
      targetRepo: 'sofastack/sofa-weekly',
      addNewClipsToCurrentDraft: false,
    });
    expect(await getSetting('targetRepo')).toBe('sofastack/sofa-weekly');
  });

  it('live in browser.storage.local, one key per setting', async () => {
    await setSettings({ targetRepo: 'mosn/mosn' });
    expect(await fakeBrowser.storage.local.get('targetRepo')).toEqual({ targetRepo: 'mosn/mosn' });
  });

  it.each([
    [{ targetRepo: 'not a repo' }, 'targetRepo must be a repository as owner/name, like mosn/mosn'],
    [{ targetRepo: 'https://github.com/mosn/mosn' }, 'targetRepo must be a repository as owner/name'],
    [{ templateId: '' }, 'templateId must be a non-empty string'],
    [{ addNewClipsToCurrentDraft: 'yes' }, 'addNewClipsToCurrentDraft must be true or false'],
    [{ projects: { mosn: mosn } }, 'projects["mosn"] must be a repository as owner/name'],
    [{ projects: { 'mosn/mosn': { name: 'MOSN', link: 'javascript:alert(1)' } } }, 'projects["mosn/mosn"].link must be an http(s) URL'],
    [
      {
        userTemplates: [
          { id: 'a', name: 'A', source: '' },
          { id: 'a', name: 'B', source: '' },
        ],
      },
      'userTemplates[1].id must be unique',
    ],
    [{ userTemplates: [{ id: 'a', name: 'A', source: '', links: 'full' }] }, 'userTemplates[0].links must be one of "shorthand", "expanded"'],
  ])('refuse %j with a message that says why, changing nothing', async (changes, message) => {
    await setSettings({ targetRepo: 'mosn/mosn' });
    await expect(setSettings({ templateId: 'sofa-weekly', ...(changes as object) })).rejects.toThrow(message);
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, targetRepo: 'mosn/mosn' });
  });

  it("keep a template's choice of links, and templates saved before there was one", async () => {
    const templates = [
      { id: 'user-old', name: 'Old', source: '' },
      { id: 'user-site', name: 'Site', source: '', links: 'expanded' as const },
    ];
    await setSettings({ userTemplates: templates });
    expect(await getSetting('userTemplates')).toEqual(templates);
  });

  it('accept clearing the target repo', async () => {
    await setSettings({ targetRepo: 'mosn/mosn' });
    await setSettings({ targetRepo: '' });
    expect(await getSetting('targetRepo')).toBe('');
  });

  it('name a project and forget its name again', async () => {
    await setProject('mosn/mosn', mosn);
    await setProject('sofastack/sofa-rpc', { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' });
    await setProject('mosn/mosn', undefined);
    expect(await getSetting('projects')).toEqual({ 'sofastack/sofa-rpc': { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' } });
  });

  it('tell a watcher about a change', async () => {
    const seen = vi.fn();
    const unwatch = watchSetting('addNewClipsToCurrentDraft', seen);
    await setSettings({ addNewClipsToCurrentDraft: false });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith(false));
    unwatch();
    // A watcher still subscribed hears the same change: once it has, the first one would have too.
    const still = vi.fn();
    const unwatchStill = watchSetting('addNewClipsToCurrentDraft', still);
    await setSettings({ addNewClipsToCurrentDraft: true });
    await vi.waitFor(() => expect(still).toHaveBeenCalledWith(true));
    unwatchStill();
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('say why when the browser refuses to store them', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(setSettings({ targetRepo: 'mosn/mosn' })).rejects.toThrow('The settings could not be saved: QUOTA_BYTES quota exceeded');
  });

  it('return the default as a value no caller can corrupt', async () => {
    expect(Object.isFrozen(await getSetting('projects'))).toBe(true);
    expect(Object.isFrozen(await getSetting('userTemplates'))).toBe(true);
  });

  it('remember per template whether a GitHub issue keeps the front matter, forgetting a choice to leave it out', async () => {
    await setIssueFrontMatter('sofa-weekly', true);
    await setIssueFrontMatter('user-mine', true);
    expect(await getSetting('issueFrontMatter')).toEqual({ 'sofa-weekly': true, 'user-mine': true });
    await setIssueFrontMatter('sofa-weekly', false);
    expect(await getSetting('issueFrontMatter')).toEqual({ 'user-mine': true });
  });

  it('refuse community fields that are not text, changing nothing', async () => {
    await expect(setSettings({ community: { name: 1 } as never })).rejects.toThrow(/community/); // what the types refuse, as another page's bug could write
    expect(await getSetting('community')).toEqual(SOFASTACK_COMMUNITY);
  });
});
