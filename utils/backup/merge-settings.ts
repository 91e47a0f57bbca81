import type { BackupSettings, Settings } from '../settings';

/** Settings from a backup: its choices win, lists and names merge by id and repo, and an unset repository (target, shared weekly, publishing) or a setting it lacks clears nothing. */
export function mergeSettings(local: Settings, incoming: BackupSettings): Settings {
  const templates = new Map(local.userTemplates.map((template) => [template.id, template]));
  incoming.userTemplates.forEach((template) => templates.set(template.id, template));
  return {
    templateId: incoming.templateId,
    userTemplates: [...templates.values()],
    projects: { ...local.projects, ...incoming.projects },
    targetRepo: incoming.targetRepo || local.targetRepo,
    addNewClipsToCurrentDraft: incoming.addNewClipsToCurrentDraft,
    // A backup made before these settings existed keeps ours.
    community: incoming.community ?? local.community,
    issueFrontMatter: { ...local.issueFrontMatter, ...incoming.issueFrontMatter },
    sharedWeekly: incoming.sharedWeekly?.repo ? incoming.sharedWeekly : local.sharedWeekly,
    publishing: incoming.publishing?.repo ? incoming.publishing : local.publishing,
  };
}
