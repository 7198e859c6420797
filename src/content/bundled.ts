/** The store over the articles the build bundled into the Worker. */
import { articles } from '../generated/content.js';
import { createMemoryStore } from './store.ts';

export const bundledStore = createMemoryStore(articles);
