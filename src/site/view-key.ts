/**
 * One key per cached view: its name and a hash of everything it shows, computed from the very data the view is
 * rendered from (articles name themselves by version). Adding an input to a view adds it to the key: a view
 * cannot show what its key does not name.
 */
import { hash64 } from '../lib/hash.ts';

export const viewKey = (view: string, shown: unknown): string => `${view}|${hash64(JSON.stringify(shown))}`;
