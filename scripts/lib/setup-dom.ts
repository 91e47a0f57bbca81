/**
 * Imported first by the scripts: turndown decides at load time whether a DOM exists, and the
 * baseline should parse with the same DOM as our converter.
 */
import { installDom } from './dom';

installDom();
