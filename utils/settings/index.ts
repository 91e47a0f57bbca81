/**
 * The user's settings, in `browser.storage.local` through WXT's typed, versioned items: one item per
 * setting, so two pages changing different settings never overwrite each other's change.
 */
import * as v from 'valibot';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { LocalizedError, messageOf } from '../errors';
import { DEFAULT_TEMPLATE_ID, SOFASTACK_COMMUNITY, type Project } from '../model';
import { communitySchema, projectSchema, templateDefinitionSchema } from '../model/schemas';
import { check, problem } from '../validation/check';
import { boolean, isRepoName, list, nonEmptyString, object, record, repoName } from '../validation/values';

/** Template ids are unique: the user's templates are found, replaced and deleted by id. */
const userTemplatesSchema = v.pipe(
  list(templateDefinitionSchema),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((template, index) => {
      if (seen.has(template.id)) {
        addIssue({
          message: problem('invalidUsedTwice', JSON.stringify(template.id)),
          path: [
            { type: 'array', origin: 'value', input: dataset.value, key: index, value: template },
            { type: 'object', origin: 'value', input: template, key: 'id', value: template.id },
          ],
        });
      }
      seen.add(template.id);
    });
  }),
  v.readonly(),
);

/** A repository's `owner/name`, or empty for none. */
const repoNameOrNone = v.pipe(
  v.string(problem('invalidRepoName')),
  v.check((value) => value === '' || isRepoName(value), problem('invalidRepoName')),
);

/** Where a team's shared weekly lives: a file on a branch of a repository the team chooses. No repository, no sharing. */
const sharedWeeklySchema = object({ repo: repoNameOrNone, branch: nonEmptyString, path: nonEmptyString });

/** Where "Publish as pull request" puts an issue: a repository and a Liquid template of the file's path. */
const publishingSchema = object({ repo: repoNameOrNone, path: nonEmptyString });

/** SOFA Weekly's own layout: the seed is such a page. */
export const DEFAULT_PUBLISH_PATH = 'content/zh/blog/sofa-weekly-{{ draft.date | date: "%Y%m%d" }}/index.md';

const DEFAULT_SHARED_WEEKLY = Object.freeze({ repo: '', branch: 'weekly-clipper', path: 'weekly-clipper/shared-weekly.json' });
const DEFAULT_PUBLISHING = Object.freeze({ repo: '', path: DEFAULT_PUBLISH_PATH });

/** Each setting's schema: `setSettings` checks the ones it changes, a backup all of them (`settingsSchema`). */
const settingSchemas = {
  /** The template in use: a preset's id or one of `userTemplates`. */
  templateId: nonEmptyString,
  /** Templates the user wrote, in the order they were added. */
  userTemplates: userTemplatesSchema,
  /** How each repository is named in the newsletter, by `owner/name`. */
  projects: v.pipe(record(repoName, projectSchema), v.readonly()),
  /** `owner/name` of the repository "Open as GitHub issue" opens a new issue in; empty until set. */
  targetRepo: repoNameOrNone,
  /** Whether a newly clipped thread goes to the end of the current draft (else to the inbox). */
  addNewClipsToCurrentDraft: boolean,
  /** The community's name and standing paragraphs that templates print (`community.*`). */
  community: communitySchema,
  /**
   * Whether "Open as GitHub issue" keeps a template's front matter, by template id; left out unless
   * chosen. Remembered per template because front matter is the template's: a weekly sends the same
   * template each week, and a template without front matter never asks.
   */
  issueFrontMatter: v.pipe(record(nonEmptyString, boolean), v.readonly()),
  /** The team's shared weekly (sync/): no repository, no sharing. */
  sharedWeekly: sharedWeeklySchema,
  /** Where "Publish as pull request" puts an issue. */
  publishing: publishingSchema,
};

export type Settings = { [K in keyof typeof settingSchemas]: v.InferOutput<(typeof settingSchemas)[K]> };

/**
 * A whole settings object as in a backup; unknown settings are dropped, and settings added after
 * the backup format began may be missing (a backup made before them still loads).
 */
export const settingsSchema = object({
  ...settingSchemas,
  community: v.optional(settingSchemas.community),
  issueFrontMatter: v.optional(settingSchemas.issueFrontMatter),
  sharedWeekly: v.optional(settingSchemas.sharedWeekly),
  publishing: v.optional(settingSchemas.publishing),
});

export type BackupSettings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  templateId: DEFAULT_TEMPLATE_ID,
  userTemplates: Object.freeze([]),
  projects: Object.freeze({}),
  targetRepo: '',
  addNewClipsToCurrentDraft: true,
  community: SOFASTACK_COMMUNITY,
  issueFrontMatter: Object.freeze({}),
  sharedWeekly: DEFAULT_SHARED_WEEKLY,
  publishing: DEFAULT_PUBLISHING,
});

type Items = { [K in keyof Settings]: WxtStorageItem<Settings[K], Record<string, never>> };

// Version 1 of every item: a later change of shape adds `migrations` here, run by WXT on update.
const items: Items = {
  templateId: storage.defineItem('local:templateId', { fallback: DEFAULT_SETTINGS.templateId, version: 1 }),
  userTemplates: storage.defineItem('local:userTemplates', { fallback: DEFAULT_SETTINGS.userTemplates, version: 1 }),
  projects: storage.defineItem('local:projects', { fallback: DEFAULT_SETTINGS.projects, version: 1 }),
  targetRepo: storage.defineItem('local:targetRepo', { fallback: DEFAULT_SETTINGS.targetRepo, version: 1 }),
  addNewClipsToCurrentDraft: storage.defineItem('local:addNewClipsToCurrentDraft', { fallback: DEFAULT_SETTINGS.addNewClipsToCurrentDraft, version: 1 }),
  community: storage.defineItem('local:community', { fallback: DEFAULT_SETTINGS.community, version: 1 }),
  issueFrontMatter: storage.defineItem('local:issueFrontMatter', { fallback: DEFAULT_SETTINGS.issueFrontMatter, version: 1 }),
  sharedWeekly: storage.defineItem('local:sharedWeekly', { fallback: DEFAULT_SETTINGS.sharedWeekly, version: 1 }),
  publishing: storage.defineItem('local:publishing', { fallback: DEFAULT_SETTINGS.publishing, version: 1 }),
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
    .map((key) => ({ item: items[key], value: check(settingSchemas[key], changes[key], key) }));
  try {
    await storage.setItems(checked);
  } catch (error) {
    // browser.storage.local has its own quota (about 10 MB), which long templates could reach.
    throw new LocalizedError('errorSettingsNotSaved', [messageOf(error)], { cause: error });
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

/** Remembers whether "Open as GitHub issue" keeps the front matter of the template `templateId`. */
export async function setIssueFrontMatter(templateId: string, included: boolean): Promise<void> {
  const { [templateId]: _previous, ...others } = await getSetting('issueFrontMatter');
  await setSettings({ issueFrontMatter: included ? { ...others, [templateId]: true } : others });
}
