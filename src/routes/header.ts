/** Old name of ./temperature.ts, kept until routes/pages.tsx imports from there (then delete this file). */
export { filledPage } from './temperature.ts';
