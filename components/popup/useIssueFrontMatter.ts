import { useState } from 'preact/hooks';
import { splitFrontMatter, withoutFrontMatter } from '@/utils/draft/front-matter';
import type { Settings } from '@/utils/settings';

/**
 * Whether the draft's front matter goes into a GitHub issue: asked only when the draft has some,
 * left out unless chosen (GitHub renders it in an issue as one large heading), and remembered per
 * template (`Settings.issueFrontMatter`), since front matter is the template's and a weekly sends
 * the same template every week.
 */
export function useIssueFrontMatter(
  settings: Pick<Settings, 'templateId' | 'issueFrontMatter'>,
  markdown: string,
  remember: ((templateId: string, included: boolean) => Promise<void>) | undefined,
  fail: (error: unknown) => void,
) {
  // Chosen in this popup since it opened, ahead of the settings it read then.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const { templateId } = settings;
  const included = chosen[templateId] ?? settings.issueFrontMatter[templateId] ?? false;
  return {
    asked: splitFrontMatter(markdown).yaml !== undefined,
    included,
    choose(next: boolean) {
      setChosen((current) => ({ ...current, [templateId]: next }));
      remember?.(templateId, next).catch(fail);
    },
    /** The Markdown the issue gets. */
    issueMarkdown: included ? markdown : withoutFrontMatter(markdown),
  };
}
