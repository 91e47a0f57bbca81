import type { LinkStyle, Project, TemplateDefinition } from '@/utils/model';
import { checkUserTemplate } from '@/utils/draft/templates';
import { DEFAULT_SETTINGS, getSettings, setProject, setSettings, watchSetting, type Settings } from '@/utils/settings';
import { removeUserTemplate, saveUserTemplate } from '@/utils/settings/templates';
import type { BackupStore } from '@/utils/backup';
import type { SyncApi } from '../popup/useSyncStatus';
import { getGitHubToken, maskToken, removeGitHubToken, setGitHubToken, watchGitHubToken } from '@/utils/connection/token';
import type { TokenCheck } from '@/utils/github/api';
import type { ConnectionApi } from './ConnectionSection';

/**
 * Everything the options page reads and writes, passed in so that tests can hand it fakes or the
 * real settings over WXT's fake browser, and no component below `Options` touches storage itself.
 */
export interface OptionsApi {
  getSettings(): Promise<Settings>;
  /** Calls `onChange` whenever a setting changes, here or in another page; returns the unwatch function. */
  watchSettings(onChange: () => void): () => void;
  setSettings(changes: Partial<Settings>): Promise<void>;
  /** Adds or replaces a user template; rejects a template that does not work, keeping the saved one. */
  saveUserTemplate(template: { id?: string; name: string; source: string; links?: LinkStyle }): Promise<TemplateDefinition>;
  removeUserTemplate(id: string): Promise<void>;
  /** Names `repo` in the newsletter, or forgets its name when `project` is undefined. */
  setProject(repo: string, project: Project | undefined): Promise<void>;
  backup: BackupStore;
  /** Hands `text` to the browser as a file download named `fileName`. */
  download(fileName: string, text: string): void;
  /** The shared weekly's sync (kept by the background). */
  sync: SyncApi;
  /** The GitHub token; absent, the page has no GitHub connection section. */
  connection?: ConnectionApi;
}

function watchSettings(onChange: () => void): () => void {
  // The popup changes the template in use too: the page must follow it, whichever setting moved.
  const unwatchers = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).map((key) => watchSetting(key, () => onChange()));
  return () => unwatchers.forEach((unwatch) => unwatch());
}

/** The settings half of `OptionsApi`, over `browser.storage`; the caller adds the backup store and the download. */
export const settingsApi: Omit<OptionsApi, 'backup' | 'download' | 'sync'> = {
  getSettings,
  watchSettings,
  setSettings,
  // Settings keep a template that the draft layer, which renders templates, lets through.
  saveUserTemplate: async (template) => {
    checkUserTemplate(template);
    return saveUserTemplate(template);
  },
  removeUserTemplate,
  setProject,
};

/** The token half of `ConnectionApi`, over `browser.storage.local`; the caller adds the check, which asks GitHub through the background. */
export function connectionApi(checkToken: () => Promise<TokenCheck>, checkAccess?: ConnectionApi['checkAccess']): ConnectionApi {
  return {
    maskedToken: async () => {
      const token = await getGitHubToken();
      return token && maskToken(token);
    },
    watchToken: (onChange) => watchGitHubToken(() => onChange()),
    setToken: setGitHubToken,
    removeToken: removeGitHubToken,
    checkToken,
    checkAccess,
  };
}
