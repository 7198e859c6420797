/**
 * The demo newsroom the browser tests publish: content/ (the seed article, site.yaml, the writer, the seed's
 * drawing) plus two days' worth of fictional articles across the five sections, dated back from the run so the
 * front page has a lead, top stories, a photo in each section's block, a breaking bar, an open live coverage and
 * latest articles; and older filler so the archive continues at /page/2. Photos are the simple drawings in
 * fixtures/media/: ten distinct ones at most, since each is processed into AVIF, WebP and JPEG copies at publish.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** A tag of the seed article; its tag page is one of the pages checked, and half the filler has it. */
export const SEED_TAG = 'روسيا';
/** Older articles (2022, no photos), so the front page continues at /page/2. */
export const ARCHIVE_FILLER = 30;

/** The writer of content/authors/ and the articles that name her. */
export const AUTHOR_SLUG = 'rana-haddad';
export const AUTHOR_PATH = `/authors/${AUTHOR_SLUG}`;
/** The section whose page is checked: its newest article (the front page's lead) opens it with its photo. */
export const SECTION_PATH = '/sections/lebanon';
/** The newest top article, with a photo: the front page's lead and its LCP. */
export const LEAD_SLUG = 'beirut-waterfront';
export const LIVE_SLUG = 'live-parliament-rents';
export const LIVE_PATH = `/articles/${LIVE_SLUG}`;
export const CORRECTED_SLUG = 'official-exams-date';
export const BREAKING_SLUG = 'coastal-road-closed';
/** The live coverage's updates, and the writer's articles (the live one and one more). */
export const LIVE_UPDATES = 4;
export const AUTHOR_ARTICLES = [LIVE_SLUG, 'electricity-supply-hours'];

/** The section pages, in nav order, as content/site.yaml lists them (the front page has a block for each). */
export function sectionPaths(): string[] {
  const site = parse(readFileSync(new URL('../../content/site.yaml', import.meta.url), 'utf8')) as {
    sections: { slug: string }[];
  };
  return site.sections.map((section) => `/sections/${section.slug}`);
}

const MEDIA = fileURLToPath(new URL('./fixtures/media/', import.meta.url));

interface DemoArticle {
  slug: string;
  title: string;
  /** Hours before the run. */
  hoursAgo: number;
  tags: string[];
  /** A drawing of fixtures/media/, or the seed's. */
  photo?: { file: string; alt: string; caption: string };
  top?: boolean;
  breaking?: boolean;
  authors?: string[];
  body: string[];
}

const ARTICLES: DemoArticle[] = [
  {
    slug: LEAD_SLUG,
    title: 'بلدية بيروت تطلق خطة لإعادة تأهيل الواجهة البحرية قبل الصيف',
    hoursAgo: 1.5,
    tags: ['لبنان', 'بيروت'],
    top: true,
    photo: {
      file: 'beirut-waterfront.svg',
      alt: 'رسم توضيحي لأبنية على الواجهة البحرية عند الغروب ومركب شراعي في البحر',
      caption: 'الواجهة البحرية لبيروت (رسم توضيحي)',
    },
    body: [
      'أعلنت بلدية بيروت خطة لإعادة تأهيل الواجهة البحرية الممتدة من عين المريسة إلى المنارة، تشمل توسيع الممشى وزرع الأشجار وتركيب إنارة تعمل بالطاقة الشمسية.',
      'وقال رئيس لجنة الأشغال في المجلس البلدي إن الأعمال تبدأ الشهر المقبل وتنتهي قبل موسم الصيف، على أن يبقى الممشى مفتوحاً أمام المارة طوال فترة التنفيذ.',
      'وتموّل الخطة من موازنة البلدية ومن هبة مقدمة من صندوق تنموي عربي، بحسب البيان.',
    ],
  },
  {
    slug: BREAKING_SLUG,
    title: 'إقفال الطريق الساحلي عند المدخل الجنوبي لبيروت بعد حادث سير',
    hoursAgo: 2.2,
    tags: ['لبنان', 'بيروت'],
    breaking: true,
    body: [
      'أقفلت قوى الأمن الداخلي الطريق الساحلي عند المدخل الجنوبي لبيروت بعد حادث سير بين شاحنة وعدد من السيارات.',
      'ودعت غرفة التحكم المروري السائقين إلى سلوك طرق بديلة ريثما يُفتح الطريق.',
    ],
  },
  {
    slug: 'national-team-friendly',
    title: 'المنتخب الوطني لكرة القدم يفوز في مباراة ودية استعداداً للتصفيات',
    hoursAgo: 2.5,
    tags: ['رياضة'],
    photo: {
      file: 'stadium.svg',
      alt: 'رسم توضيحي لملعب كرة قدم من الأعلى ولاعبين وكرة',
      caption: 'ملعب المدينة الرياضية (رسم توضيحي)',
    },
    body: [
      'فاز المنتخب الوطني لكرة القدم على ضيفه بهدفين مقابل هدف في مباراة ودية أقيمت على ملعب المدينة الرياضية، ضمن تحضيراته للتصفيات المؤهلة إلى كأس آسيا.',
      'وأشرك المدرب عدداً من اللاعبين الشبان في الشوط الثاني، مؤكداً أن المباراة كانت فرصة لتجربة خطط جديدة.',
    ],
  },
  {
    slug: 'arab-ministers-cairo',
    title: 'وزراء خارجية عرب يجتمعون في القاهرة لبحث الأوضاع الإقليمية',
    hoursAgo: 3,
    tags: ['عربي ودولي'],
    top: true,
    photo: {
      file: 'negotiations.svg',
      alt: 'رسم توضيحي لطاولة مفاوضات بين مقعدين متقابلين',
      caption: 'طاولة المفاوضات (رسم توضيحي)',
    },
    body: [
      'يعقد وزراء خارجية عدد من الدول العربية اجتماعاً تشاورياً في القاهرة لبحث الأوضاع الإقليمية وسبل تعزيز التنسيق بين بلدانهم.',
      'ويتناول الاجتماع ملفات المساعدات الإنسانية وإعادة الإعمار والتعاون الاقتصادي، على أن يصدر في ختامه بيان مشترك.',
    ],
  },
  {
    slug: 'lira-exchange-rate',
    title: 'استقرار سعر صرف الليرة للأسبوع الرابع على التوالي',
    hoursAgo: 4,
    tags: ['اقتصاد'],
    top: true,
    photo: {
      file: 'market-chart.svg',
      alt: 'رسم بياني بأعمدة وخط صاعد وكومة من القطع النقدية',
      caption: 'حركة السوق في أربعة أسابيع (رسم توضيحي)',
    },
    body: [
      'حافظ سعر صرف الليرة على استقراره للأسبوع الرابع على التوالي، وسط تراجع الطلب على الدولار في السوق الموازية.',
      'ويعزو خبراء الاستقرار إلى تدفق العملات الأجنبية مع بداية الموسم السياحي وإلى سياسة المصرف المركزي في ضبط الكتلة النقدية.',
    ],
  },
  {
    slug: 'baalbeck-festival-programme',
    title: 'مهرجانات بعلبك تعلن برنامج دورتها الصيفية',
    hoursAgo: 6,
    tags: ['ثقافة'],
    top: true,
    photo: {
      file: 'festival-stage.svg',
      alt: 'رسم توضيحي لمسرح بين أعمدة تحت ضوء كاشف وجمهور أمامه',
      caption: 'مسرح المهرجان (رسم توضيحي)',
    },
    body: [
      'أعلنت لجنة مهرجانات بعلبك الدولية برنامج دورتها الصيفية، ويضم حفلات موسيقية وعروضاً مسرحية وأمسيات شعرية على مدى ثلاثة أسابيع.',
      'وقالت رئيسة اللجنة إن البرنامج يجمع فنانين لبنانيين وعرباً وأجانب، وإن بيع البطاقات يبدأ الأسبوع المقبل.',
    ],
  },
  {
    slug: 'electricity-supply-hours', // AUTHOR_ARTICLES
    title: 'ساعات التغذية بالكهرباء ترتفع في بيروت مع وصول شحنة الفيول',
    hoursAgo: 8,
    tags: ['لبنان', 'بيروت'],
    top: true,
    authors: [AUTHOR_SLUG],
    photo: {
      file: 'power-lines.svg',
      alt: 'رسم توضيحي لأبراج توتر عالٍ وأسلاك كهرباء فوق تلة عند المساء',
      caption: 'خطوط النقل في محيط بيروت (رسم توضيحي)',
    },
    body: [
      'ارتفعت ساعات التغذية بالتيار الكهربائي في بيروت إلى عشر ساعات يومياً بعد تفريغ شحنة جديدة من الفيول في معمل الزهراني.',
      'وقالت مؤسسة كهرباء لبنان إن البرنامج الجديد يستمر ما دامت الشحنات تصل في مواعيدها، ودعت المشتركين إلى ترشيد الاستهلاك في ساعات الذروة.',
    ],
  },
  {
    slug: 'un-humanitarian-appeal',
    title: 'الأمم المتحدة تدعو إلى زيادة المساعدات الإنسانية في المنطقة',
    hoursAgo: 12,
    tags: ['عربي ودولي'],
    photo: {
      file: 'globe.svg',
      alt: 'رسم توضيحي لكرة أرضية عليها علامتان حمراوان',
      caption: 'خريطة مناطق الاستجابة الإنسانية (رسم توضيحي)',
    },
    body: [
      'دعت الأمم المتحدة الدول المانحة إلى زيادة مساهماتها في خطط الاستجابة الإنسانية في المنطقة، محذّرة من نقص التمويل.',
      'وقال متحدث باسم المنظمة إن خطط هذا العام لم تحصل بعد إلا على ثلث التمويل المطلوب.',
    ],
  },
  {
    slug: 'banks-holiday-hours',
    title: 'المصارف تمدد ساعات العمل في فروعها خلال فترة الأعياد',
    hoursAgo: 14,
    tags: ['اقتصاد'],
    photo: {
      file: 'bank.svg',
      alt: 'رسم توضيحي لمبنى مصرف ذي أعمدة وكومة من القطع النقدية',
      caption: 'فرع مصرفي في بيروت (رسم توضيحي)',
    },
    body: [
      'أعلنت جمعية المصارف تمديد ساعات العمل في الفروع خلال فترة الأعياد لتلبية طلبات الزبائن.',
      'وستبقى الفروع مفتوحة حتى الخامسة مساءً من الاثنين إلى الجمعة.',
    ],
  },
  {
    slug: 'basketball-league-starts',
    title: 'انطلاق بطولة لبنان لكرة السلة بمشاركة عشرة أندية',
    hoursAgo: 16,
    tags: ['رياضة'],
    body: [
      'تنطلق بطولة لبنان لكرة السلة هذا الأسبوع بمشاركة عشرة أندية، في موسم يتوقع أن يشهد منافسة حادة على اللقب.',
      'وأعلن الاتحاد أن المباريات ستقام بحضور الجمهور في جميع الملاعب.',
    ],
  },
  {
    slug: 'book-fair-opens',
    title: 'معرض الكتاب العربي يفتح أبوابه بمشاركة مئتي دار نشر',
    hoursAgo: 18,
    tags: ['ثقافة'],
    photo: {
      file: 'books.svg',
      alt: 'رسم توضيحي لكتب مصفوفة على رف وكتاب مفتوح',
      caption: 'من أجنحة المعرض (رسم توضيحي)',
    },
    body: [
      'افتُتح معرض الكتاب العربي في بيروت بمشاركة مئتي دار نشر من لبنان والدول العربية، ويستمر عشرة أيام.',
      'ويتضمن البرنامج ندوات وتواقيع كتب وورش عمل للأطفال.',
    ],
  },
  {
    slug: 'cabinet-appointments',
    title: 'مجلس الوزراء يقر آلية جديدة للتعيينات الإدارية',
    hoursAgo: 1.8,
    tags: ['لبنان', 'سياسة'],
    photo: {
      file: 'parliament.svg',
      alt: 'رسم توضيحي لمبنى حكومي ذي أعمدة يرفرف فوقه العلم اللبناني',
      caption: 'السراي الحكومي (رسم توضيحي)',
    },
    body: [
      'أقر مجلس الوزراء في جلسته الأسبوعية آلية جديدة للتعيينات في وظائف الفئة الأولى، تقوم على مباراة مفتوحة ومقابلات أمام لجنة مستقلة.',
      'وقال وزير الإعلام بعد الجلسة إن الآلية تهدف إلى تعزيز الشفافية وتكافؤ الفرص.',
    ],
  },
  {
    slug: 'trade-talks-washington',
    title: 'الولايات المتحدة تعلن جولة جديدة من المحادثات التجارية',
    hoursAgo: 26,
    tags: ['الولايات المتحدة'],
    body: [
      'أعلنت وزارة التجارة الأميركية جولة جديدة من المحادثات التجارية مع شركائها، تبدأ الشهر المقبل في واشنطن.',
      'وتتناول المحادثات الرسوم الجمركية وسلاسل الإمداد.',
    ],
  },
  {
    slug: 'fuel-prices-weekly',
    title: 'ارتفاع طفيف في أسعار المحروقات في الجدول الأسبوعي',
    hoursAgo: 36,
    tags: ['اقتصاد'],
    body: [
      'ارتفع سعر صفيحة البنزين بشكل طفيف في الجدول الأسبوعي الذي أصدرته وزارة الطاقة، فيما استقر سعر المازوت.',
      'ويتبع الجدول أسعار النفط العالمية وسعر صرف الدولار.',
    ],
  },
  {
    slug: 'moscow-forum',
    title: 'موسكو تستضيف منتدى اقتصادياً دولياً بمشاركة عربية',
    hoursAgo: 40,
    tags: ['روسيا', 'اقتصاد'],
    body: [
      'تستضيف موسكو منتدى اقتصادياً دولياً يشارك فيه ممثلون عن حكومات وشركات من دول عربية عدة.',
      'ويبحث المنتدى التعاون في مجالات الطاقة والنقل والزراعة.',
    ],
  },
  {
    slug: 'tripoli-palace-restored',
    title: 'اكتمال ترميم قصر أثري في طرابلس بعد عامين من العمل',
    hoursAgo: 44,
    tags: ['ثقافة', 'لبنان'],
    body: [
      'اكتملت أعمال ترميم قصر أثري في طرابلس بعد عامين من العمل، وسيُفتح أمام الزوار مطلع الشهر المقبل.',
      'وأشرفت على الترميم المديرية العامة للآثار بالتعاون مع جامعة محلية.',
    ],
  },
  {
    slug: 'runner-national-record',
    title: 'عدّاءة لبنانية تحطم الرقم القياسي الوطني في سباق 800 متر',
    hoursAgo: 48,
    tags: ['رياضة'],
    body: [
      'حطمت عدّاءة لبنانية الرقم القياسي الوطني في سباق 800 متر خلال بطولة إقليمية لألعاب القوى.',
      'وقالت بعد السباق إنها تستعد للمشاركة في بطولة آسيا.',
    ],
  },
  // Outside every section: the front page's "آخر الأخبار" shows them.
  {
    slug: 'flu-vaccination-campaign',
    title: 'وزارة الصحة تطلق حملة التلقيح ضد الإنفلونزا الموسمية',
    hoursAgo: 5.5,
    tags: ['صحة'],
    body: [
      'أطلقت وزارة الصحة العامة حملة التلقيح ضد الإنفلونزا الموسمية في مراكز الرعاية الصحية الأولية في المحافظات كافة.',
      'ودعت الوزارة كبار السن والحوامل والمصابين بأمراض مزمنة إلى تلقي اللقاح مجاناً.',
    ],
  },
  {
    slug: 'weather-storm-warning',
    title: 'منخفض جوي يضرب لبنان غداً مع أمطار غزيرة وثلوج على المرتفعات',
    hoursAgo: 9,
    tags: ['طقس'],
    body: [
      'توقعت مصلحة الأرصاد الجوية أن يتأثر لبنان اعتباراً من مساء الغد بمنخفض جوي يحمل أمطاراً غزيرة ورياحاً ناشطة.',
      'ويتساقط الثلج على ارتفاع 1600 متر وما فوق، بحسب النشرة.',
    ],
  },
  {
    slug: 'students-robotics-prize',
    title: 'طلاب من صيدا يفوزون بجائزة إقليمية في الروبوتات',
    hoursAgo: 22,
    tags: ['تكنولوجيا'],
    body: [
      'فاز فريق من طلاب مدرسة رسمية في صيدا بالمركز الأول في مسابقة إقليمية للروبوتات أقيمت في عمّان.',
      'وصمم الفريق روبوتاً يفرز النفايات القابلة لإعادة التدوير.',
    ],
  },
];

/** Beirut wall-clock time of an instant, as front matter and live update headings write it. */
function beirut(ms: number): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Beirut',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const stamp = (ms: number) => {
  const { date, time } = beirut(ms);
  return `${date}T${time}:00`;
};

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Front matter of plain fields (left out when undefined or false), then `block`: YAML written out (image, corrections). */
function frontMatter(fields: Record<string, string | string[] | boolean | undefined>, block = ''): string {
  const lines = Object.entries(fields).flatMap(([key, value]) => {
    if (value === undefined || value === false) return [];
    if (Array.isArray(value)) return [`${key}: [${value.join(', ')}]`];
    return [`${key}: ${value}`];
  });
  return `---\n${lines.join('\n')}\n${block}---\n`;
}

function writeArticle(dir: string, article: DemoArticle, now: number): void {
  const { photo } = article;
  const image = photo ? `image:\n  src: media/${photo.file}\n  alt: ${photo.alt}\n  caption: ${photo.caption}\n` : '';
  const head = frontMatter(
    {
      title: `'${article.title}'`,
      slug: article.slug,
      date: stamp(now - article.hoursAgo * HOUR),
      tags: article.tags,
      top: article.top,
      breaking: article.breaking,
      authors: article.authors,
    },
    image,
  );
  writeFileSync(join(dir, `${article.slug}.md`), `${head}\n${article.body.join('\n\n')}\n`);
}

/**
 * Live coverage opened five hours before the run and still open, its updates as editors write them: `## HH:MM`,
 * with the date only where one crosses midnight, the newest ten minutes before the run.
 */
function writeLiveArticle(dir: string, now: number): void {
  const start = now - 5 * HOUR;
  const updates: [number, string, string][] = [
    [start + 10 * MINUTE, 'النواب يصلون إلى ساحة النجمة', 'بدأ النواب بالوصول إلى المجلس وسط إجراءات أمنية مشددة.'],
    [start + 70 * MINUTE, 'اكتمال النصاب', 'أعلن رئيس المجلس اكتمال النصاب القانوني بحضور 82 نائباً.'],
    [
      start + 150 * MINUTE,
      'نقاش حاد حول المادة الخامسة',
      'اعترض عدد من النواب على المادة الخامسة التي تحدد نسبة الزيادة السنوية على بدلات الإيجار.',
    ],
    [
      now - 10 * MINUTE,
      'إقرار المادة الأولى بالأكثرية',
      'صوّت المجلس على المادة الأولى من الاقتراح وأقرها بالأكثرية، واستُؤنف النقاش في باقي المواد.',
    ],
  ];
  let day = beirut(start).date;
  const sections = updates.map(([ms, title, text]) => {
    const at = beirut(ms);
    const heading = at.date === day ? `## ${at.time} ${title}` : `## ${at.date} ${at.time} ${title}`;
    day = at.date;
    return `${heading}\n\n${text}`;
  });
  const head = frontMatter({
    title: `'مباشر: مجلس النواب يناقش اقتراح قانون الإيجارات'`,
    slug: LIVE_SLUG,
    date: stamp(start),
    tags: ['لبنان', 'البرلمان'],
    authors: [AUTHOR_SLUG],
    live: true,
  });
  const intro = 'يعقد مجلس النواب جلسة تشريعية لمناقشة اقتراح قانون الإيجارات. نتابع هنا الجلسة لحظة بلحظة.';
  writeFileSync(join(dir, `${LIVE_SLUG}.md`), `${head}\n${intro}\n\n${sections.join('\n\n')}\n`);
}

/** An article corrected twice since it was published (the "تصحيح" box). */
function writeCorrectedArticle(dir: string, now: number): void {
  const corrections =
    'corrections:\n' +
    `  - date: ${stamp(now - 26 * HOUR)}\n    text: ذكرت نسخة سابقة أن الامتحانات تبدأ في **حزيران** والصحيح في تموز.\n` +
    `  - date: ${stamp(now - 20 * HOUR)}\n    text: صُحّح عدد المرشحين في الفقرة الثانية ([البيان](https://example.com/statement)).\n`;
  const head = frontMatter(
    {
      title: `'وزارة التربية تحدد موعد الامتحانات الرسمية'`,
      slug: CORRECTED_SLUG,
      date: stamp(now - 30 * HOUR),
      tags: ['لبنان'],
    },
    corrections,
  );
  const body = [
    'حددت وزارة التربية موعد الامتحانات الرسمية للشهادة الثانوية في الأسبوع الأول من تموز.',
    'ويبلغ عدد المرشحين هذا العام نحو أربعين ألفاً، بحسب بيان الوزارة.',
  ];
  writeFileSync(join(dir, `${CORRECTED_SLUG}.md`), `${head}\n${body.join('\n\n')}\n`);
}

/** `count` short articles, one a day in 2022 (older than the seed article), every other one tagged like the seed. */
function writeOlderArticles(dir: string, count: number): void {
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2022, 0, i)).toISOString().slice(0, 10);
    const tags = i % 2 ? `[${SEED_TAG}, أرشيف]` : '[أرشيف]';
    writeFileSync(
      join(dir, `archive-${i}.md`),
      `---\ntitle: خبر من الأرشيف رقم ${i}\ndate: ${day}T09:00:00\nslug: archive-${i}\ntags: ${tags}\n---\n\nخبر قديم من أرشيف الجريدة، يوم ${day}.\n`,
    );
  }
}

/**
 * Writes the demo newsroom into `contentDir`: a copy of `source` (content/), the drawings, the recent articles
 * dated back from `now`, the live and the corrected article, and the archive filler. Returns the article count.
 */
export function writeDemoNewsroom(source: string, contentDir: string, now: number): number {
  cpSync(source, contentDir, { recursive: true });
  cpSync(MEDIA, join(contentDir, 'media'), { recursive: true });
  // The seed's drawing under another name: the same bytes, so it is processed once.
  cpSync(join(source, 'media/kim-putin-summit.svg'), join(contentDir, 'media/negotiations.svg'));
  for (const article of ARTICLES) writeArticle(contentDir, article, now);
  writeLiveArticle(contentDir, now);
  writeCorrectedArticle(contentDir, now);
  writeOlderArticles(contentDir, ARCHIVE_FILLER);
  return 1 + ARTICLES.length + 2 + ARCHIVE_FILLER;
}
