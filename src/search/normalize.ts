/** The one Arabic/Latin text normalizer and tokenizer, shared by indexing (publish) and querying (Worker). */

/**
 * Letters folded to one spelling. Alef forms meet bare alef (readers type أحمد and احمد alike); hamza on waw and
 * on yeh meet bare hamza, so the Levantine and Egyptian spellings of the same word match (مسؤول / مسئول,
 * شؤون / شئون); folding them to و / ي instead would keep those apart. Final forms: ة → ه, ى → ي. Persian keheh
 * and yeh (typed on Persian keyboards) meet Arabic kaf and yeh.
 */
const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'ء',
  ئ: 'ء',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
};
const FOLD_RE = /[أإآٱؤئةىیک]/g;
// Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits.
const DIGIT_RE = /[\u0660-\u0669\u06f0-\u06f9]/g;
// Every combining mark (Arabic harakat U+064B–U+065F, superscript alef U+0670, Quranic marks, Latin accents after
// NFD) and tatweel U+0640: none of them changes which word it is.
const MARK_RE = /[\p{M}\u0640]/gu;
// What a word is made of in the original text: letters, digits and marks (a diacritic never splits a word).
const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
// What a normalized term is made of: SQLite's unicode61 tokenizer keeps exactly letters and numbers.
const TERM_RE = /[\p{L}\p{N}]+/gu;

/**
 * Normalizes one piece of text to search terms joined by single spaces: NFKC (presentation forms such as ﻻ become
 * لا), letter folding (see FOLD), marks and tatweel removed, digits to ASCII, lowercase, and everything that is
 * not a letter or digit (punctuation, symbols, emoji, control characters) becomes a space.
 */
export function normalize(text: string): string {
  return terms(text).join(' ');
}

/** The normalized terms of a piece of text, in order (see `normalize`). */
export function terms(text: string): string[] {
  return foldText(text).match(TERM_RE) ?? [];
}

function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(MARK_RE, '')
    .replace(DIGIT_RE, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .toLowerCase()
    .normalize('NFC');
}

/** A word of the original text, with where it is and the search term(s) it normalizes to. */
export interface Word {
  /** The word as written (with its hamzas and diacritics). */
  text: string;
  /** UTF-16 offsets into the original text: `original.slice(start, end) === text`. */
  start: number;
  end: number;
  /** Its normalized terms: usually one; none for a word made only of marks; several when NFKC splits it (½). */
  terms: string[];
}

/** Splits original text into words with their offsets, each with its normalized terms (for snippets). */
export function words(text: string): Word[] {
  return [...eachWord(text)];
}

/** The same as `words`, one at a time, so a caller can stop early. */
export function* eachWord(text: string): Generator<Word> {
  for (const match of text.matchAll(WORD_RE)) {
    const t = terms(match[0]);
    if (t.length > 0) yield { text: match[0], start: match.index, end: match.index + match[0].length, terms: t };
  }
}
