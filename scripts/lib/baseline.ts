/** The comparison baseline: plain turndown with turndown-plugin-gfm, default options. */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

export function baselineService(): TurndownService {
  return new TurndownService().use(gfm);
}
