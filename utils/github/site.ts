import type { SiteAdapter } from '../page/site';
import { threadLocation } from './location';
import { githubMarkdown } from './rendered-markdown';
import { commentSelectors, headerActionsSelectors, postActionsSelectors, titleHeadingSelector, titleSelectors } from './selectors';
import { postSourceOf } from './source';
import { findPost, readPost, readThread } from './thread';

/**
 * GitHub for the clipper: issues, pull request conversations and discussions on github.com. A GitHub
 * Enterprise server shows the same pages on a host of its own, which would join `hosts`.
 */
export const githubSite: SiteAdapter = {
  hosts: ['github.com'],
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
