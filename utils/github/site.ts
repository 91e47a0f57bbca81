import type { SiteAdapter } from '../page/site';
import { threadLocation } from './location';
import { GITHUB_HOSTS } from './hosts';
import { githubMarkdown } from './rendered-markdown';
import { commentSelectors, headerActionsSelectors, postActionsSelectors, titleHeadingSelector, titleSelectors } from './selectors';
import { postSourceOf } from './source';
import { findPost, readPost, readThread } from './thread';

/** GitHub for the clipper: issues, pull request conversations and discussions. */
export const githubSite: SiteAdapter = {
  hosts: GITHUB_HOSTS,
  threadLocation,
  readThread,
  findPost,
  readPost,
  postSource: postSourceOf,
  buttons: {
    headerActions: headerActionsSelectors,
    postActions: postActionsSelectors,
    comment: commentSelectors,
    title: titleSelectors,
    titleHeading: titleHeadingSelector,
    // Primer's small button, styled on every github.com page, classic or React, in every theme.
    look: 'btn btn-sm',
  },
  markdown: githubMarkdown,
};
