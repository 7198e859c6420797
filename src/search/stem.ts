/**
 * Light Arabic stemming on normalized terms: the light10 rules of Larkey, Ballesteros and Connell ("Light Stemming
 * for Arabic Information Retrieval", 2007; the rules Lucene's ArabicStemmer implements), plus proclitic readings.
 */

// light10 prefixes, tried in this order; only the first that fits is removed. After normalization ة is ه, so the
// suffix list's ية and ة are the same as يه and ه.
const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
// light10 suffixes, each removed in turn (right to left from the end of the word) when it fits.
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * The light10 stem of one normalized term: at most one article/conjunction prefix (و only when at least 3 letters
 * remain, the others when at least 2 remain), then each suffix in turn when at least 2 letters remain.
 * والحكومه → حكوم, انتخابات → انتخاب. Latin terms and digits pass through unchanged.
 */
export function light10(term: string): string {
  for (const prefix of PREFIXES) {
    const keep = prefix.length === 1 ? 3 : 2;
    if (term.startsWith(prefix) && term.length - prefix.length >= keep) {
      return stripSuffixes(term.slice(prefix.length));
    }
  }
  return stripSuffixes(term);
}

function stripSuffixes(term: string): string {
  let s = term;
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) s = s.slice(0, -suffix.length);
  }
  return s;
}

// Conjunctions and prepositions written attached to the next word: (و|ف)? then (ب|ل|ك)?.
const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];
// A proclitic reading must leave at least this many letters before and after stemming, so short words are not
// reduced to two-letter stems shared by unrelated words.
const MIN_READING = 3;

/**
 * Every stem a normalized term may stand for: its light10 stem first; then, when light10 took a leading و off, the
 * reading where و is part of the word (وزير is not و + زير, and الوزير stems to وزير); then the light10 stems of
 * the readings that take a leading conjunction/preposition off (ببيروت → بيروت, للبنان → لبنان → لبن,
 * لاسراءيل → اسراءيل). Indexing and querying both use all of them, so "in Beirut" and "Beirut" meet whichever side
 * has the proclitic; the cost is some false conflation (كتاب also reads as ك + تاب), which ranks below exact matches.
 */
export function stems(term: string): string[] {
  const out = [light10(term)];
  // light10 takes a lone و off exactly when no longer prefix fits and at least 3 letters remain.
  if (term.startsWith('و') && !term.startsWith('وال') && term.length >= 4) add(out, stripSuffixes(term));
  for (const conjunction of CONJUNCTIONS) {
    for (const preposition of PREPOSITIONS) {
      const clitic = conjunction + preposition;
      if (clitic === '' || !term.startsWith(clitic)) continue;
      const rest = term.slice(clitic.length);
      if (rest.length < MIN_READING) continue;
      add(out, light10(rest));
    }
  }
  return out;
}

function add(list: string[], stem: string): void {
  if (stem.length >= MIN_READING && !list.includes(stem)) list.push(stem);
}
