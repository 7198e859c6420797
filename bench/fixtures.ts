/**
 * Synthetic Arabic articles: deterministic (seeded), realistic in shape (paragraphs, headings, lists, a table,
 * links, emphasis, a quote) so that parsing cost is representative, not a best case of one repeated line.
 */

const SENTENCES = [
  'أعلنت الحكومة اللبنانية اليوم عن خطة جديدة لإعادة تأهيل شبكة الكهرباء في بيروت والمناطق المحيطة بها',
  'وقال وزير الطاقة في مؤتمر صحفي إن الأشغال ستبدأ خلال الأسابيع المقبلة وتستمر حتى نهاية العام',
  'وأشار مراقبون إلى أن المشروع يحتاج إلى تمويل خارجي لم تتضح مصادره حتى الآن',
  'في المقابل، انتقدت كتل نيابية غياب الشفافية في آلية توزيع العقود على الشركات المنفذة',
  'وتشهد الأسواق المحلية ارتفاعاً ملحوظاً في أسعار المحروقات والمواد الغذائية منذ بداية الشهر',
  'من جهتها، حذّرت منظمات دولية من تفاقم الأزمة الاقتصادية إذا لم تُتخذ إجراءات عاجلة',
  'وأكد رئيس البلدية أن فرق الصيانة تعمل على مدار الساعة لمعالجة الأعطال في الأحياء الأكثر تضرراً',
  'ونقلت وكالات الأنباء عن مصادر دبلوماسية أن المحادثات ستُستأنف الأسبوع المقبل في العاصمة',
  'وتوقعت مصلحة الأرصاد الجوية طقساً ماطراً مع انخفاض ملموس في درجات الحرارة على المرتفعات',
  'وشارك في الاجتماع ممثلون عن القطاعين العام والخاص إضافة إلى خبراء في الاقتصاد والطاقة المتجددة',
  'ويرى محللون أن هذه الخطوة قد تفتح الباب أمام استثمارات جديدة في البنية التحتية',
  'وفي سياق متصل، أعلنت وزارة التربية عن موعد بدء العام الدراسي وفق جدول زمني معدّل',
  'وقد أثار القرار ردود فعل متباينة على مواقع التواصل الاجتماعي بين مؤيد ومعارض',
  'وختم المتحدث بالقول إن الحكومة ملتزمة بالإصلاحات المطلوبة وفق الجدول المتفق عليه',
];
const HEADINGS = ['خلفية القرار', 'ردود الفعل', 'الأثر الاقتصادي', 'ما الذي ينتظر المواطنين؟', 'أرقام ووقائع'];
const WORDS = ['بيروت', 'طرابلس', 'صيدا', 'زحلة', 'صور', 'جبيل', 'بعلبك', 'النبطية'];
const TAGS = ['لبنان', 'اقتصاد', 'سياسة', 'طاقة', 'تعليم', 'طقس', 'العالم العربي'];

/** A small deterministic PRNG (mulberry32): the same seed gives the same article on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** One paragraph of 2-4 sentences, with the inline markup news bodies use: a link, bold, emphasis. */
function paragraph(next: () => number): string {
  const count = 2 + Math.floor(next() * 3);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = pick(next, SENTENCES);
    const roll = next();
    if (roll < 0.25) s = s.replace(/^(\S+ \S+)/, `[$1](https://example.com/news/${Math.floor(next() * 1e6)})`);
    else if (roll < 0.4) s = s.replace(/(\S+ \S+)$/, '**$1**');
    else if (roll < 0.5) s = s.replace(/(\S+)$/, '_$1_');
    parts.push(`${s}.`);
  }
  return parts.join(' ');
}

function list(next: () => number): string {
  const ordered = next() < 0.5;
  const items = 3 + Math.floor(next() * 3);
  return Array.from({ length: items }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${pick(next, SENTENCES)}.`).join('\n');
}

function table(next: () => number): string {
  const rows = WORDS.slice(0, 5).map(
    (city) => `| ${city} | ${Math.floor(next() * 900 + 100)} | ${(next() * 10).toFixed(1)}% |`,
  );
  return ['| المدينة | عدد المشتركين بالآلاف | نسبة التغيير |', '| --- | ---: | :---: |', ...rows].join('\n');
}

/** A markdown body of at least `bytes` UTF-8 bytes: sections of paragraphs with a list, one table and a quote. */
export function articleMarkdown(bytes: number, seed = 1): string {
  const next = random(seed);
  const blocks: string[] = [paragraph(next), paragraph(next)];
  let size = Buffer.byteLength(blocks.join('\n\n'));
  let section = 0;
  while (size < bytes) {
    const more = [`## ${HEADINGS[section % HEADINGS.length]} ${section + 1}`, paragraph(next), paragraph(next)];
    if (section % 2 === 0) more.push(list(next));
    if (section === 1) more.push(table(next));
    if (section % 3 === 2) more.push(`> ${pick(next, SENTENCES)}.`);
    more.push(paragraph(next));
    blocks.push(...more);
    size += Buffer.byteLength(more.join('\n\n')) + 2;
    section++;
  }
  return `${blocks.join('\n\n')}\n`;
}

/** A content file (front matter + a few paragraphs) for the scale runs; every 50th article is a top story. */
export function syntheticArticleFile(index: number): { name: string; text: string } {
  const next = random(index + 1000);
  // Distinct dates going back one hour per article, so the newest-first order is total and stable.
  const date = new Date(Date.UTC(2026, 10, 1, 12) - index * 3_600_000).toISOString().slice(0, 19);
  const tags = [pick(next, TAGS), pick(next, TAGS)].filter((t, i, all) => all.indexOf(t) === i);
  const body = [paragraph(next), paragraph(next), paragraph(next)].join('\n\n');
  const text = [
    '---',
    `title: 'خبر رقم ${index}: ${pick(next, HEADINGS)} في ${pick(next, WORDS)}'`,
    `slug: خبر-${index}`,
    `date: ${date}`,
    'tags:',
    ...tags.map((t) => `  - ${t}`),
    `top: ${index % 50 === 0}`,
    '---',
    '',
    body,
    '',
  ].join('\n');
  return { name: `${String(index).padStart(5, '0')}.md`, text };
}

/** The slug syntheticArticleFile gives article `index`. */
export const syntheticSlug = (index: number) => `خبر-${index}`;
