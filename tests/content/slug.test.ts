import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, normalizeSlug, slugProblem } from '../../src/content/slug.ts';

describe('slugProblem', () => {
  it.each(['قمة-كيم-بوتين', 'n1', 'covid-19', 'لبنان٢٠٢٤', 'ب'.repeat(MAX_SLUG_LENGTH)])('accepts %s', (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it.each([
    ['Kim-Putin', 'expected lowercase letters'],
    ['ÉTÉ', 'expected lowercase letters'],
    ['', 'expected a non-empty slug'],
    ['ب'.repeat(MAX_SLUG_LENGTH + 1), `expected at most ${MAX_SLUG_LENGTH} characters`],
  ])('rejects %s: %s', (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });

  it.each(['a--b', '-a', 'a-', 'a b', 'a/b', '../x', 'a.b', 'a_b'])('rejects %s as not letters and hyphens', (slug) => {
    expect(slugProblem(slug)).toMatch(/^expected Unicode letters and digits separated by single hyphens/);
  });

  it('normalizes to NFC, the form articles are stored under', () => {
    const nfd = 'é'.normalize('NFD');
    expect(normalizeSlug(nfd)).toBe('é'.normalize('NFC'));
    expect(normalizeSlug(nfd)).not.toBe(nfd);
  });
});
