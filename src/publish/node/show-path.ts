/** Node-only: how publish messages name a path: relative to the project when inside it (short, and what the user typed). */
import { isAbsolute, relative } from 'node:path';

export function showPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
