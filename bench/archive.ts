/**
 * A deterministic synthetic archive: Arabic headlines and bodies, a Zipf-like tag distribution (a few tags on many
 * articles, a long tail on few), dates spread over ten years, about one article in twenty marked top. The same
 * seed, size and vocabulary always give the same files. Two vocabularies: 'worst-case' (the default) draws every
 * word evenly from 654 news words, so every query word is in most articles; 'realistic' draws from 50,000 word
 * forms made from real roots and affixes with Zipf's law (bench/vocabulary.ts), as real news text reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded, zipfSampler } from './random.ts';
import { realisticVocabulary } from './vocabulary.ts';

const WORDS = (
  'الحكومة اللبنانية البرلمان الانتخابات النيابية الرئيس الوزراء المجلس الاقتصاد الليرة المصرف المركزي الأسعار ' +
  'الكهرباء المياه بيروت طرابلس صيدا صور البقاع الجنوب الشمال الجبل العاصمة المدينة القرية الشارع المستشفى ' +
  'المدرسة الجامعة الطلاب المعلمون الأطباء العمال النقابة الإضراب المفاوضات الاتفاق الخطة الموازنة الضرائب ' +
  'الرواتب الديون الصندوق الدولي البنك الدولار السوق التجارة المرفأ المطار السياحة الفنادق المطاعم الزراعة ' +
  'القمح الزيتون التفاح الحمضيات الصناعة المصانع الطاقة النفط الغاز البحر الشاطئ الجبال الثلج الأمطار الطقس ' +
  'الحرارة الصيف الشتاء الربيع الخريف وزير وزيرة رئيس نائب مدير مسؤول مصدر مصادر بيان تصريح مؤتمر اجتماع ' +
  'جلسة قرار قانون مشروع تقرير دراسة إحصاء أرقام نسبة ارتفاع انخفاض أزمة حل إصلاح تعديل تطوير تحسين دعم ' +
  'مساعدات قرض منحة استثمار شركة شركات موظفين مواطنين سكان عائلات أطفال نساء شباب كبار رياضة كرة القدم ' +
  'المنتخب البطولة المباراة الفوز الخسارة الملعب ثقافة مهرجان معرض كتاب فيلم مسرح موسيقى فنان فنانة صحة ' +
  'لقاح دواء مرض علاج وباء تكنولوجيا إنترنت هاتف تطبيق منصة شبكة أمن جيش قوى حدود دولة دول عربية سوريا ' +
  'الأردن مصر العراق فلسطين الخليج أوروبا فرنسا أميركا روسيا الصين تركيا إيران الأمم المتحدة قمة لقاء زيارة ' +
  'أكد أعلن قال أضاف أشار أوضح لفت طالب دعا حذر كشف نفى رفض وافق قرر بدأ أنهى استمر عاد وصل غادر ' +
  'اليوم أمس غدا الأسبوع الشهر العام الماضي المقبل الجديد القديم الكبير الصغير الأول الأخير العديد بعض كل'
).split(' ');

const TAG_NAMES = (
  'لبنان سياسة اقتصاد بيروت رياضة ثقافة صحة تعليم طاقة مصارف انتخابات حكومة برلمان الجنوب البقاع الشمال ' +
  'سوريا فلسطين العراق الأردن مصر الخليج أوروبا أميركا روسيا الصين تركيا إيران الأمم-المتحدة بيئة طقس زراعة ' +
  'سياحة نقل مرفأ مطار كهرباء مياه اتصالات تكنولوجيا قضاء أمن جيش نقابات إضراب أسعار ليرة دولار موازنة ضرائب'
).split(' ');

export type Vocabulary = 'worst-case' | 'realistic';

/** Distinct word forms of the realistic vocabulary. */
export const REALISTIC_WORDS = 50_000;

/** Picks a word with a number in [0, 1): evenly from WORDS, or by Zipf's law from the realistic vocabulary. */
type PickWord = (u: number) => string;
const pickers = new Map<Vocabulary, PickWord>();
function wordPicker(vocabulary: Vocabulary): PickWord {
  let pick = pickers.get(vocabulary);
  if (!pick) {
    if (vocabulary === 'worst-case') pick = (u) => WORDS[Math.floor(u * WORDS.length)] as string;
    else {
      const words = realisticVocabulary(REALISTIC_WORDS, WORDS);
      const rank = zipfSampler(words.length);
      pick = (u) => words[rank(u)] as string;
    }
    pickers.set(vocabulary, pick);
  }
  return pick;
}

/** 200 tags: the named ones, then numbered ones for the long tail. */
const TAGS = [...TAG_NAMES, ...Array.from({ length: 200 - TAG_NAMES.length }, (_, i) => `ملف-${i + 1}`)];

/** The newest article's date; the archive reaches ten years back from it. */
export const NEWEST = Date.parse('2026-01-01T00:00:00Z');
const TEN_YEARS = 10 * 365.25 * 86_400_000;

export interface SyntheticArticle {
  name: string;
  slug: string;
  tags: string[];
  text: string;
}

/** Article `i` of an archive of `size` (index 0 is the oldest). */
export function syntheticArticle(i: number, size: number, vocabulary: Vocabulary = 'worst-case'): SyntheticArticle {
  const rnd = seeded(i * 7919 + 17);
  const pick = wordPicker(vocabulary);
  const word = () => pick(rnd());
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  // Zipf-like: tag k is picked with weight 1 / (k + 1).
  const zipf = () =>
    TAGS[Math.min(TAGS.length - 1, Math.floor(Math.exp(rnd() * Math.log(TAGS.length + 1)) - 1))] as string;
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, zipf))];
  const date = new Date(NEWEST - TEN_YEARS + Math.floor(((i + rnd()) / size) * TEN_YEARS));
  const paragraphs = Array.from(
    { length: 3 + Math.floor(rnd() * 6) },
    () => `${sentence(25 + Math.floor(rnd() * 40))}.`,
  );
  if (rnd() < 0.2) paragraphs.splice(2, 0, Array.from({ length: 4 }, () => `- ${sentence(6)}`).join('\n'));
  const slug = `a${i}`;
  const text = `---
title: ${JSON.stringify(sentence(6 + Math.floor(rnd() * 6)))}
date: ${date.toISOString().slice(0, 19)}Z
slug: ${slug}
tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]
top: ${rnd() < 0.05}
---

${paragraphs.join('\n\n')}
`;
  return { name: `${slug}.md`, slug, tags, text };
}

/**
 * The sections of the synthetic paper (content/site.yaml): five, gathering tags of every popularity, so the front
 * page's section blocks and the section pages read lists of every size.
 */
export const SITE_YAML = `sections:
  - name: لبنان
    slug: lebanon
    tags: [لبنان, بيروت, الجنوب, البقاع, الشمال, سياسة, حكومة, برلمان, انتخابات]
  - name: عربي ودولي
    slug: world
    tags: [سوريا, فلسطين, العراق, الأردن, مصر, الخليج, أوروبا, أميركا, روسيا, الصين, تركيا, إيران]
  - name: اقتصاد
    slug: economy
    tags: [اقتصاد, مصارف, ليرة, دولار, موازنة, ضرائب, أسعار, طاقة]
  - name: ثقافة
    slug: culture
    tags: [ثقافة, تعليم]
  - name: رياضة
    slug: sports
    tags: [رياضة]
`;

/** Writes an archive of `size` articles into `dir` (created), with its site.yaml. Returns the most used tag. */
export function writeArchive(dir: string, size: number, vocabulary: Vocabulary = 'worst-case'): { topTag: string } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site.yaml'), SITE_YAML);
  const uses = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const a = syntheticArticle(i, size, vocabulary);
    writeFileSync(join(dir, a.name), a.text);
    for (const tag of a.tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  }
  const topTag = [...uses.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'لبنان';
  return { topTag };
}

/**
 * A live article with `updates` updates, one a minute from 08:00 on 2025-12-31 (Beirut), before the synthetic
 * archive's newest article: the live coverage case of a big story.
 */
export function liveArticle(updates: number): { name: string; text: string } {
  const body = Array.from({ length: updates }, (_, i) => {
    const minutes = 8 * 60 + i;
    const day = 31 + Math.floor(minutes / 1440);
    const clock = minutes % 1440;
    const time = `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`;
    const date = day === 31 ? '2025-12-31' : `2026-01-${String(day - 31).padStart(2, '0')}`;
    return `## ${date} ${time} التحديث رقم ${i + 1}\n\nتابع مراسلونا التطورات في بيروت دقيقة بدقيقة، وهذا نص التحديث ${i + 1}.`;
  });
  const text = `---\ntitle: تغطية مباشرة لحدث كبير\nslug: live-big\ndate: 2025-12-31T08:00:00\nlive: true\nbreaking: true\ntags: [لبنان]\n---\n\nنتابع الحدث لحظة بلحظة.\n\n${body.join('\n\n')}\n`;
  return { name: 'live-big.md', text };
}
