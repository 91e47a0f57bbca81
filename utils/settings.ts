/**
 * The user's settings, in `browser.storage.local` through WXT's typed, versioned items: one item per
 * setting, so two pages changing different settings never overwrite each other's change.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { ClipperError, messageOf } from './errors';
import { DEFAULT_TEMPLATE_ID, type Project, type TemplateDefinition } from './model';
import { arrayOf, boolean, fail, nonEmptyString, object, recordOf, repoName, string, webUrl, type Guard } from './store/validate';

export interface Settings {
  /** The template in use: a preset's id or one of `userTemplates`. */
  templateId: string;
  /** Templates the user wrote, in the order they were added. */
  userTemplates: readonly TemplateDefinition[];
  /** How each repository is named in the newsletter, by `owner/name`. */
  projects: Readonly<Record<string, Project>>;
  /** `owner/name` of the repository "Open as GitHub issue" opens a new issue in; empty until set. */
  targetRepo: string;
  /** Whether a newly clipped thread goes to the end of the current draft (else to the inbox). */
  addNewClipsToCurrentDraft: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  templateId: DEFAULT_TEMPLATE_ID,
  userTemplates: Object.freeze([]),
  projects: Object.freeze({}),
  targetRepo: '',
  addNewClipsToCurrentDraft: true,
});

const templateDefinition = object({ id: nonEmptyString, name: nonEmptyString, source: string });
const project = object({ name: nonEmptyString, link: webUrl });

/** Checks each setting; shared by `setSettings` and backups. */
export const settingGuards: { [K in keyof Settings]: Guard<Settings[K]> } = {
  templateId: nonEmptyString,
  userTemplates: (value, path) => {
    const templates = arrayOf(templateDefinition)(value, path);
    const seen = new Set<string>();
    templates.forEach(({ id }, index) => {
      if (seen.has(id)) fail(`${path}[${index}].id`, `must be unique, but ${JSON.stringify(id)} is used twice`);
      seen.add(id);
    });
    return templates;
  },
  projects: recordOf(repoName, project),
  targetRepo: (value, path) => (value === '' ? '' : repoName(value, path)),
  addNewClipsToCurrentDraft: boolean,
};

/** Checks a whole settings object (as in a backup); unknown settings are dropped. */
export const settingsGuard: Guard<Settings> = object(settingGuards);

type Items = { [K in keyof Settings]: WxtStorageItem<Settings[K], Record<string, never>> };

// Version 1 of every item: a later change of shape adds `migrations` here, run by WXT on update.
const items: Items = {
  templateId: storage.defineItem('local:templateId', { fallback: DEFAULT_SETTINGS.templateId, version: 1 }),
  userTemplates: storage.defineItem('local:userTemplates', { fallback: DEFAULT_SETTINGS.userTemplates, version: 1 }),
  projects: storage.defineItem('local:projects', { fallback: DEFAULT_SETTINGS.projects, version: 1 }),
  targetRepo: storage.defineItem('local:targetRepo', { fallback: DEFAULT_SETTINGS.targetRepo, version: 1 }),
  addNewClipsToCurrentDraft: storage.defineItem('local:addNewClipsToCurrentDraft', { fallback: DEFAULT_SETTINGS.addNewClipsToCurrentDraft, version: 1 }),
};

const KEYS = Object.keys(items) as (keyof Settings)[];

export function getSetting<K extends keyof Settings>(key: K): Promise<Settings[K]> {
  return items[key].getValue();
}

/** All settings, read together. */
export async function getSettings(): Promise<Settings> {
  const values = await storage.getItems(KEYS.map((key) => items[key]));
  return Object.fromEntries(KEYS.map((key, index) => [key, values[index]?.value])) as unknown as Settings; // getItems keeps the order asked for, and applies each item's fallback
}

/**
 * Changes some settings in one write. Each value is checked first and the promise rejects with a
 * readable error (`targetRepo must be a repository as owner/name, like mosn/mosn`) changing nothing.
 */
export async function setSettings(changes: Partial<Settings>): Promise<void> {
  const checked = (Object.keys(changes) as (keyof Settings)[])
    .filter((key) => key in items && changes[key] !== undefined)
    .map((key) => ({ item: items[key], value: settingGuards[key](changes[key], key) }));
  try {
    await storage.setItems(checked);
  } catch (error) {
    // browser.storage.local has its own quota (about 10 MB), which long templates could reach.
    throw new ClipperError(`The settings could not be saved: ${messageOf(error)}`, { cause: error });
  }
}

/** Calls `callback` with the setting's new value whenever it changes (in any page). Returns the unwatch function. */
export function watchSetting<K extends keyof Settings>(key: K, callback: (value: Settings[K]) => void): () => void {
  return items[key].watch((value) => callback(value));
}

/** Names `repo` in the newsletter, or forgets its name when `project` is undefined. */
export async function setProject(repo: string, project: Project | undefined): Promise<void> {
  const { [repo]: _previous, ...others } = await getSetting('projects');
  await setSettings({ projects: project ? { ...others, [repo]: project } : others });
}
