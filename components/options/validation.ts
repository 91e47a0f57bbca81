import type { MessageKey } from '@/utils/i18n';
import { isRepoName, isWebUrl } from '@/utils/validation/values';

/** Why `value` is not a repository's `owner/name`, or undefined when it is one. */
export function repoProblem(value: string): MessageKey | undefined {
  if (!value) return 'optionsRepoMissing';
  if (/^https?:\/\//i.test(value)) return 'optionsRepoIsUrl';
  return isRepoName(value) ? undefined : 'optionsRepoInvalid';
}

/** Why `value` is not an http(s) link, or undefined when it is one. */
export function linkProblem(value: string): MessageKey | undefined {
  return isWebUrl(value) ? undefined : 'optionsLinkInvalid';
}
