/**
 * GitHub's rendered Markdown, as the converter meets it (shared/GITHUB-DOM.md, "Rendered Markdown
 * details"): every hook the converter needs to write back what the author typed. GitHub renders
 * every post body with the same pipeline, so unless a comment names a page kind, a hook matches in
 * post bodies on all of them: issues (React and classic), pull request conversations and review
 * comments, discussions. Examples are from the captured pages in shared/fixtures/github-pages
 * (SOURCES.md lists their URLs).
 */
import type { MarkdownDialect } from '../markdown/dialect';
import { highlightLanguage } from './highlight';
import { commitReference } from './references';

// An attachment's signed address; the stable address carries the same id.
const PRIVATE_USER_IMAGE =
  /^https:\/\/private-user-images\.githubusercontent\.com\/\d+\/\d+-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.\w+(?:\?|$)/;

export const githubMarkdown: MarkdownDialect = {
  // `.markdown-body`: the body of every post (`td.comment-body.markdown-body` on classic pages,
  // `[data-testid="markdown-body"] .markdown-body` in the React issue view).
  bodyClass: 'markdown-body',
  furnitureTags: new Set([
    // The copy button of every code block (`div.zeroclipboard-container > clipboard-copy`).
    'CLIPBOARD-COPY',
    // Tooltips of buttons, React issue view (kepano/defuddle#56).
    'TOOL-TIP',
    // A placeholder for content GitHub loads later: nothing of the author's.
    'INCLUDE-FRAGMENT',
  ]),
  furnitureClasses: [
    // The copy button's container after each code block.
    'zeroclipboard-container',
    // Text for screen readers (`h2.sr-only` "Footnotes"), and icons (`svg.octicon`).
    'sr-only',
    'octicon',
    // A diagram's loading spinner (`section[data-type="mermaid"] span.js-render-enrichment-loader`).
    'js-render-enrichment-loader',
    // The caret in an uploaded video's summary (see videoBoxClass).
    'dropdown-caret',
    // The ↩ link at the end of each footnote (`a.data-footnote-backref`; older markup `a.footnote-backref`).
    'footnote-backref',
    'data-footnote-backref',
  ],
  // "No description provided.": `p.color-fg-muted`, the body of an opening post left empty (issues,
  // pull requests, discussions).
  emptyPostClass: 'color-fg-muted',
  // GitHub's sanitizer prefixes the ids and names authors give (`<a name="x">` becomes `name="user-content-x"`).
  authoredIdPrefix: 'user-content-',
  // `div.blob-wrapper`, around the line tables of code permalinks and suggested changes.
  lineTable: '.blob-wrapper',
  headings: {
    // `div.markdown-heading > h2.heading-element + a.anchor` (since 2023; older markup puts `a.anchor` inside the h2).
    wrapperClass: 'markdown-heading',
    anchorClass: 'anchor',
  },
  code: {
    // `div.highlight.highlight-source-LANG > pre`, no `<code>`: the class names the grammar's scope.
    highlightClass: 'highlight',
    language: highlightLanguage,
    // `div.snippet-clipboard-content > pre > code`: a fence without a language.
    plainClass: 'snippet-clipboard-content',
  },
  suggestion: {
    // A ```suggestion block, pull request review comments only (OctoLinker/testrepo#1):
    // `div.js-suggested-changes-blob` holding a table of `td.blob-code-deletion` and `td.blob-code-addition` lines.
    class: 'js-suggested-changes-blob',
    addedLine: 'td.blob-code-addition',
  },
  codeEmbed: {
    // A code permalink alone on a line, in any post (kepano/defuddle#56, OctoLinker/testrepo#1): a
    // `div.Box` (older `div.border`) whose header links to the permalink, over a `div.blob-wrapper`
    // table of `td.blob-num[data-line-number]` and `td.blob-code-inner` cells.
    boxClasses: ['Box', 'border'],
    lineNumber: 'td.blob-num, td[data-line-number]',
    line: 'td.blob-code-inner',
    // `/OWNER/REPO/blob/REF/PATH#L1-L5`.
    permalink: /\/blob\/[^#]+#L\d+/,
  },
  alert: {
    // `div.markdown-alert.markdown-alert-warning > p.markdown-alert-title + p…` (since 2023).
    class: 'markdown-alert',
    type: /(?:^|\s)markdown-alert-(note|tip|important|warning|caution)(?:\s|$)/,
    titleClass: 'markdown-alert-title',
  },
  diagram: {
    // `section[data-type="mermaid"]` (also geojson, topojson, stl) with the source in `[data-plain]` below it.
    typeAttribute: 'data-type',
    sourceAttribute: 'data-plain',
  },
  footnotes: {
    // `sup > a[data-footnote-ref]` (older `sup.footnote-ref > a`) and `section[data-footnotes].footnotes > ol > li`.
    sectionAttribute: 'data-footnotes',
    sectionClass: 'footnotes',
    referenceAttribute: 'data-footnote-ref',
    referenceClass: 'footnote-ref',
    backReferenceAttribute: 'data-footnote-backref',
  },
  math: {
    // `<math-renderer class="js-inline-math">` / `class="js-display-math"`, the TeX as text until MathJax runs.
    tag: 'MATH-RENDERER',
    displayClass: 'js-display-math',
  },
  emoji: {
    // `<g-emoji alias="+1">👍</g-emoji>` (OctoLinker/testrepo#1, vercel/next.js discussions); custom emoji
    // (`:octocat:`) are `img.emoji` with the shortcode as alt text.
    tag: 'G-EMOJI',
    aliasAttribute: 'alias',
    imageClass: 'emoji',
    shortcode: /^:[\w+-]+:$/,
  },
  images: {
    // Every image is linked to itself: `<a target="_blank" href="camo…"><img src="camo…"
    // data-canonical-src="ORIGINAL"></a>`, an external image through GitHub's camo proxy. Attachments
    // (`private-user-images.githubusercontent.com`) have signed addresses that expire within minutes.
    originalAttribute: 'data-canonical-src',
    linkTarget: '_blank',
    // An image in the repository links to its file page (`/blob/`) and shows the raw file (`/raw/`).
    linkedImage: (href) => href.replace('/blob/', '/raw/'),
    stableUrl: (src) => {
      const match = PRIVATE_USER_IMAGE.exec(src);
      return match ? `https://github.com/user-attachments/assets/${match[1]}` : src;
    },
  },
  // An uploaded video: `details.details-reset` around a `<video>`, rendered from a bare URL.
  videoBoxClass: 'details-reset',
  references: {
    // `a.user-mention` (text `@login`; vercel/next.js#70178, kepano/defuddle#56) and `a.team-mention` (`@org/team`).
    mentionClasses: ['user-mention', 'team-mention'],
    mention: /^@[\w-]+(?:\/[\w.-]+)?$/,
    // `a.issue-link` (text `#7` or `owner/repo#7`, or a title or `#7 (comment)` GitHub chose).
    issueClass: 'issue-link',
    issue: /^(?:[\w.-]+\/[\w.-]+)?#\d+$/,
    // `a.commit-link` around `<tt>abc1234</tt>` (references.ts).
    commitClass: 'commit-link',
    commit: commitReference,
  },
};
