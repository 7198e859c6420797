import { describe, expect, it } from 'vitest';
import { renderBudgetProblems, timeRender, withPlannedMedia } from '../../src/publish/node/render-budget.ts';
import { BOMBS, longArticle } from '../markdown/bombs.ts';

const article = (file: string, body: string) => ({ file, body, bodyImages: {} });

describe('renderBudgetProblems', () => {
  it('reports an article slower than the budget, naming the file and the time', () => {
    expect(renderBudgetProblems([article('content/long.md', longArticle())], 0)).toEqual([
      expect.stringMatching(
        /^content\/long\.md: body: takes \d+ ms of CPU to render as HTML and AMP; expected at most 0 ms/,
      ),
    ]);
  });

  it('lets an article within the budget through', () => {
    expect(renderBudgetProblems([article('content/long.md', longArticle())], Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it("reports a body beyond the limits as that file's error, without rendering it", () => {
    expect(renderBudgetProblems([article('content/q.md', BOMBS['2,000 nested block quotes (2 KB)'] ?? '')])).toEqual([
      'content/q.md: body: line 1: block quotes and lists nested more than 16 levels deep; expected at most 16',
    ]);
  });

  it('measures CPU time of the fastest attempt', () => {
    const { ms, problem } = timeRender(article('content/a.md', 'نص'), Number.POSITIVE_INFINITY);
    expect(problem).toBeNull();
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});

describe('withPlannedMedia', () => {
  it('times an unpublished media-folder photo as the <picture> it will render as, and leaves other images alone', () => {
    const images = withPlannedMedia({
      '/media/photo.jpg': { width: 2000, height: 1000 },
      '/images/logo.png': { width: 100, height: 50 },
    });
    expect(images['/images/logo.png']).toEqual({ width: 100, height: 50 });
    const media = images['/media/photo.jpg']?.media;
    expect(media?.variants.map((v) => `${v.contentType} ${v.width}`)).toHaveLength(12);
    expect(media?.fallback.contentType).toBe('image/jpeg');
    expect(timeRender({ body: '![صورة](/media/photo.jpg)', bodyImages: images }).problem).toBeNull();
  });
});
