/** The article's reading time in words, with the Arabic number agreement: `قراءة في 3 دقائق`. */

/**
 * "Minutes" agreeing with the number after the preposition في: دقيقة واحدة, دقيقتين (the dual, genitive), 3–10
 * دقائق (plural), 11 and up دقيقة (singular), by the last two digits as Arabic counts (103 دقائق, 111 دقيقة).
 */
export function minutesPhrase(minutes: number): string {
  const n = Math.max(1, Math.round(minutes));
  if (n === 1) return 'دقيقة واحدة';
  if (n === 2) return 'دقيقتين';
  const rest = n % 100;
  return rest >= 3 && rest <= 10 ? `${n} دقائق` : `${n} دقيقة`;
}

/** `قراءة في 3 دقائق`. */
export const readingTime = (minutes: number) => `قراءة في ${minutesPhrase(minutes)}`;
