/** The hostile bodies of issue #9, exactly as listed there, and a long but ordinary article to weigh them against. */

/** Bodies that crashed or stalled marked: each must be refused quickly, with the line it starts on. */
export const BOMBS: Record<string, string> = {
  '2,000 nested block quotes (2 KB)': `${'>'.repeat(2000)} a\n`,
  'a list nested 2,000 deep (4 KB)': `${'- '.repeat(2000)}a\n`,
  'emphasis nested 700 deep (10 KB)': `${'*a **a '.repeat(700)}a${'** a*'.repeat(700)}\n`,
  'emphasis nested 500 deep (7 KB)': `${'*a **a '.repeat(500)}a${'** a*'.repeat(500)}\n`,
  '"*a" × 20,000 (40 KB)': `${'*a'.repeat(20_000)}\n`,
  '"a***" × 20,000': `${'a***'.repeat(20_000)}\n`,
  '"![[]()" × 30,000': `${'![[]()'.repeat(30_000)}\n`,
  'a list indented 300 levels': Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
};

const PARAGRAPH =
  'قال وزير الاقتصاد في مؤتمر صحافي عقده **صباح اليوم** في بيروت إن الحكومة تعمل على خطة للتعافي تشمل إعادة هيكلة المصارف ' +
  'وتوحيد سعر الصرف، مشيراً إلى أن [التقرير الكامل](https://example.com/report_2024) سيُنشر الأسبوع المقبل. وأضاف أن *المرحلة الأولى* ' +
  'تبدأ مطلع العام، وأن صندوق النقد الدولي أبدى استعداده للمساعدة شرط إقرار القوانين الإصلاحية في مجلس النواب قبل نهاية الدورة.';

/**
 * An ordinary long article of about 100 KB: paragraphs with bold, italics and links, headings, a 60-row table,
 * a 300-item list with a bold lead in every item, nested lists, block quotes and code.
 */
export function longArticle(): string {
  const rows = Array.from(
    { length: 60 },
    (_, i) =>
      `| ${i + 1} | **المحافظة ${i + 1}** | ${(i * 37) % 100}٫${i % 10} | [المصدر](https://example.com/t/${i}) |`,
  );
  const parts = [
    `| # | المحافظة | النسبة | المصدر |\n| ---: | :--- | ---: | :---: |\n${rows.join('\n')}`,
    Array.from({ length: 300 }, (_, i) => `${i + 1}. **البند ${i + 1}:** ${PARAGRAPH.slice(0, 60)} _ملاحظة_`).join(
      '\n',
    ),
    '```js\nconst rate = (a_b, c_d) => a_b * c_d; // **not emphasis**\n```',
  ];
  for (let section = 1; bytes(parts.join('\n\n')) < 100_000; section++) {
    parts.splice(-3, 0, `## القسم ${section}: تطورات الملف الاقتصادي`);
    parts.splice(-3, 0, PARAGRAPH, PARAGRAPH.replace('صباح اليوم', 'مساء أمس'));
    parts.splice(-3, 0, `> ${PARAGRAPH}\n>\n> — مصدر رسمي`);
    parts.splice(-3, 0, '- النقطة الأولى\n  - تفصيل **مهم**\n    - تفصيل أدق مع [رابط](/articles/x)\n- النقطة الثانية');
  }
  return `${parts.join('\n\n')}\n`;
}

function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
