/** The one set of marked options used to lex and render article bodies. */
import type { MarkedOptions } from 'marked';

export const MARKDOWN_OPTIONS: MarkedOptions = { gfm: true, breaks: false, async: false };
