import { describe, expect, inject, it } from 'vitest';
import { withoutLeadingHeadline } from '../../src/content/summary.ts';
import { article } from '../helpers/articles.ts';

describe('a summary taken from the first paragraph', () => {
  it("does not repeat the seed article's headline (its first paragraph opens with it as a dateline)", () => {
    const seed = inject('contentArticles')[0];
    expect(seed?.summary).toMatch(/^في لقاءٍ وصف بالقمة، أجرى الرئيسان كيم جونغ اون وفلاديمير بوتين/);
    expect(seed?.summary).not.toContain(seed?.title ?? '-');
  });

  it("drops the headline, the separator and the paper's name after it, and nothing else", () => {
    expect(withoutLeadingHeadline('عنوان الخبر - بيروت: نص الخبر.', 'عنوان الخبر')).toBe('بيروت: نص الخبر.');
    expect(withoutLeadingHeadline('عنوان الخبر/ جريدة الأيام الإلكترونية في بيروت', 'عنوان الخبر')).toBe('في بيروت');
    expect(withoutLeadingHeadline('نص لا يبدأ بالعنوان.', 'عنوان الخبر')).toBe('نص لا يبدأ بالعنوان.');
    // A paragraph that is only the headline keeps it: an empty summary says less.
    expect(withoutLeadingHeadline('عنوان الخبر', 'عنوان الخبر')).toBe('عنوان الخبر');
  });

  it('keeps a summary the editor wrote, even when it starts with the headline', () => {
    const a = article(
      'content/x.md',
      '---\ntitle: عنوان الخبر\ndate: 2024-01-01T10:00:00\nsummary: عنوان الخبر كما كتبه المحرر\n---\n\nعنوان الخبر - النص.\n',
    );
    expect(a.summary).toBe('عنوان الخبر كما كتبه المحرر');
  });
});
