// Types for the module scripts/build-content.ts writes (content.js, git-ignored): the published articles.
import type { Article } from '../content/types.ts';

export declare const articles: Article[];
