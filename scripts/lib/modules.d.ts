/** Packages used only by the measuring scripts, which ship no types. */
declare module 'commonmark-spec' {
  export interface SpecTest {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: SpecTest[];
}

declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  export const gfm: TurndownService.Plugin;
}
