import type TurndownService from 'turndown';

/**
 * A rule for the elements named in `tags` (node names; `*` for any element), narrowed by `when`.
 * Rules are indexed by tag (see service.ts): an element is checked against its own few rules
 * instead of every rule's filter in turn.
 */
export interface TagRule {
  readonly tags: readonly string[];
  readonly when?: (node: HTMLElement) => boolean;
  readonly replacement: TurndownService.ReplacementFunction;
}
