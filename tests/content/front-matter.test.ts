import { describe, expect, it } from 'vitest';
import { MAX_FRONT_MATTER_LENGTH, splitFrontMatter } from '../../src/content/front-matter.ts';

const NO_FRONT_MATTER = 'expected the file to start with YAML front matter between two "---" lines';
const NOT_A_MAPPING = 'invalid YAML: expected front matter to be a mapping of field: value lines';

describe('splitFrontMatter', () => {
  it('takes the fields and the body, with a byte-order mark, CRLF and spaces after the fences', () => {
    expect(splitFrontMatter('\uFEFF---  \r\ntitle: خبر\r\n--- \r\nنص\r\n')).toEqual({
      ok: true,
      data: { title: 'خبر' },
      body: 'نص\r\n',
    });
    expect(splitFrontMatter('---\ntitle: خبر\n---')).toEqual({ ok: true, data: { title: 'خبر' }, body: '' });
  });

  it('reads empty front matter, or only a comment, as no fields rather than an error', () => {
    expect(splitFrontMatter('---\n---\nنص')).toEqual({ ok: true, data: {}, body: 'نص' });
    expect(splitFrontMatter('---\n# تعليق فقط\n---\nنص')).toEqual({ ok: true, data: {}, body: 'نص' });
  });

  it('refuses a list or a lone text where field: value lines belong', () => {
    expect(splitFrontMatter('---\n- أ\n- ب\n---\nنص')).toEqual({ ok: false, message: NOT_A_MAPPING });
    expect(splitFrontMatter('---\nمجرد نص\n---\nنص')).toEqual({ ok: false, message: NOT_A_MAPPING });
  });

  it('names the line, the column and the first line of the YAML error', () => {
    const result = splitFrontMatter('---\ntitle: "غير مغلق\ndate: 2024-03-10\n---\nنص');
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(/^invalid YAML \(front matter line 2, column 17\): Missing closing "quote/);
    expect(message).not.toContain('\n');
  });

  it('refuses a field given twice instead of keeping one of the two', () => {
    const result = splitFrontMatter('---\ntitle: أ\ndate: 2024-03-10\ntitle: ب\n---\nنص');
    expect(result.ok ? '' : result.message).toMatch(
      /^invalid YAML \(front matter line 3, column 1\): Map keys must be unique/,
    );
  });

  it('refuses front matter longer than the limit, naming it, and accepts one exactly at the limit', () => {
    const field = (length: number) => `summary: ${'ا'.repeat(length - 'summary: '.length)}`;
    expect(splitFrontMatter(`---\n${field(MAX_FRONT_MATTER_LENGTH + 1)}\n---\nنص`)).toEqual({
      ok: false,
      message: `front matter is longer than ${MAX_FRONT_MATTER_LENGTH} characters`,
    });
    expect(splitFrontMatter(`---\n${field(MAX_FRONT_MATTER_LENGTH)}\n---\nنص`).ok).toBe(true);
  });

  it('asks for front matter, not for UTF-8 or LF, when a file without it has a stray character or line', () => {
    // A replacement character in the text (a badly copied letter) is not a UTF-16 file.
    expect(splitFrontMatter('نص \uFFFD بلا مقدمة')).toEqual({ ok: false, message: NO_FRONT_MATTER });
    // A "---" with a CR inside the text does not make the file CR-only.
    expect(splitFrontMatter('نص\n---\rآخر')).toEqual({ ok: false, message: NO_FRONT_MATTER });
  });
});
