/**
 * What one site's rendered Markdown looks like: the elements, classes, attributes and URL patterns
 * the converter reads to write back the Markdown the author typed. The converter itself knows only
 * HTML and Markdown; the site adapter hands it a dialect (GitHub's is utils/github/rendered-markdown.ts).
 *
 * Tags are node names as HTML gives them (upper case); classes are single class names, matched as
 * whole words; `lineTable`, `addedLine`, `lineNumber` and `line` are CSS selectors. Only the passes
 * that meet the page's markup read a dialect (the working copy, cleanup, selections and the widgets
 * they widen to): cleanup turns what it recognises into the converter's own markers (classify.ts),
 * so the rules never meet the site's markup.
 */
export interface MarkdownDialect {
  /** Class of the element holding one post's rendered Markdown: a selection's context is rebuilt up to it. */
  readonly bodyClass: string;
  /** The site's own elements inside a body that the author did not write (copy buttons, tooltips): dropped. */
  readonly furnitureTags: ReadonlySet<string>;
  /** Classes of elements the author did not write (icons, screen-reader text, copy buttons): dropped. */
  readonly furnitureClasses: readonly string[];
  /** Class of the paragraph that stands for an empty post: dropped. */
  readonly emptyPostClass: string;
  /** The prefix the site gives the ids and names an author wrote; written without it. */
  readonly authoredIdPrefix: string;
  /** Ancestor of every table the site draws lines of code in (suggestions, embeds): not an author's table. */
  readonly lineTable: string;

  readonly headings: {
    /** Class of the wrapper around a heading and its anchor: replaced by its content, and no context for a selection. */
    readonly wrapperClass: string;
    /** Class of the link the site puts beside or in a heading: dropped. */
    readonly anchorClass: string;
  };

  readonly code: {
    /** Class of the wrapper around a highlighted code block (`div > pre`): the block's language is on it. */
    readonly highlightClass: string;
    /** The fence language a highlighted block's class list names, or '' when it names none. */
    language(className: string): string;
    /** Class of the wrapper around a code block without highlighting: replaced by its content. */
    readonly plainClass: string;
  };

  /** A suggested change: a table of removed and added lines, written back as a `suggestion` block of the added ones. */
  readonly suggestion: {
    readonly class: string;
    /** The cell of an added line. */
    readonly addedLine: string;
  };

  /** The snippet the site embeds for a code permalink on a line of its own, written back as the permalink. */
  readonly codeEmbed: {
    /** Classes of the embed's box (any one of them). */
    readonly boxClasses: readonly string[];
    /** A line-number cell: a box holding one is an embed. */
    readonly lineNumber: string;
    /** The cell holding a line's code. */
    readonly line: string;
    /** The permalink among the embed's links (its header links to it). */
    readonly permalink: RegExp;
  };

  /** An alert (`> [!NOTE]`). */
  readonly alert: {
    readonly class: string;
    /** Matches the class list of an alert; group 1 is its type, in lower case. */
    readonly type: RegExp;
    /** Class of the title paragraph the site adds: dropped. */
    readonly titleClass: string;
  };

  /** A rendered diagram (mermaid, geojson...): its type in an attribute, its source in another one below it. */
  readonly diagram: {
    readonly typeAttribute: string;
    readonly sourceAttribute: string;
  };

  readonly footnotes: {
    /** Attribute or class of the section holding the definitions. */
    readonly sectionAttribute: string;
    readonly sectionClass: string;
    /** Attribute of a reference's link, or class of its `<sup>`. */
    readonly referenceAttribute: string;
    readonly referenceClass: string;
    /** Attribute of the link back from a definition to its reference: dropped. */
    readonly backReferenceAttribute: string;
  };

  /** A formula, whose element holds the TeX (or MathML with a TeX annotation). */
  readonly math: {
    readonly tag: string;
    /** Class of a display formula (`$$`); other formulas are inline. */
    readonly displayClass: string;
  };

  readonly emoji: {
    /** The element around an emoji character, with the shortcode's alias in an attribute. */
    readonly tag: string;
    readonly aliasAttribute: string;
    /** Class of an emoji drawn as an image, whose alt text is its shortcode. */
    readonly imageClass: string;
    readonly shortcode: RegExp;
  };

  readonly images: {
    /** Attribute holding an image's original address when `src` is a proxy's. */
    readonly originalAttribute: string;
    /** The `target` of the link the site puts around an image, to itself: the author wrote just the image. */
    readonly linkTarget: string;
    /** The image a link to `href` stands for, when not `href` itself (a file page for the raw file). */
    linkedImage(href: string): string;
    /** An address that keeps working for an image whose address expires. */
    stableUrl(src: string): string;
  };

  /** Class of the details box the site shows an uploaded video in, written back as the video's URL. */
  readonly videoBoxClass: string;

  /**
   * Links the site made from a reference the author typed: written back as that reference when
   * their text is one (the site links it again), as their URL otherwise.
   */
  readonly references: {
    /** Classes of a mention's link, whose text is a mention (`@login`, `@org/team`) when it matches `mention`. */
    readonly mentionClasses: readonly string[];
    readonly mention: RegExp;
    /** Class of an issue or pull request link, whose text is a reference (`#7`, `owner/repo#7`) when it matches `issue`. */
    readonly issueClass: string;
    readonly issue: RegExp;
    /** Class of a commit link. */
    readonly commitClass: string;
    /** The reference an author types for a commit link showing `text` and pointing at `href`, or undefined to keep the URL. */
    commit(text: string, href: string, baseUrl: string): string | undefined;
  };
}
