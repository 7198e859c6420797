/**
 * A realistic Arabic news vocabulary for the synthetic archive, built in code (no word list is downloaded): real
 * triliteral roots poured into common derivation patterns, with attached proclitics (ال، و، ب، لل…) and suffixes
 * (ة، ات، ون، ها، هم…), behind the function words and the old list's names and news words. Words are ranked from
 * the most to the least frequent, and text draws them with Zipf's law (the k-th word about 1/k as often as the
 * first), as real text does. The same size always gives the same words in the same order.
 */
import { normalize } from '../src/search/normalize.ts';

// About 440 real roots, the most common of news text first (a root's rank weighs the words made from it).
const ROOTS = (
  'حكم كتب عمل علم قرر شرك نظم دخل خرج قتل سلم حرب جمع عقد فتح نصر قدم طلب رسل سفر صرف صنع زرع تجر نقل ' +
  'حمل بعث بحث جلس خدم خلف دفع ذكر ربط رجع رفع رفض ركب رسم سمع سكن سجل شرب شرح شرف شعر شغل شهد صبر صدر ' +
  'صدق صلح ضرب طبع ظهر عبر عدل عرض عرف عقل علن غلب فرض فرق فصل فقد فهم قبل قطع قسم كسب كشف لبس لعب مدح ' +
  'مسك نشر نظر نفذ نقد نقص هدم هجم وعد وقع ولد بدأ بلغ ترك ثبت جرح حدث حذر حرس حسب حضر حفظ حقق حلل خبر ' +
  'خطط خلق دعم ذهب رحل رصد ركز سبق سحب سرق سقط سلح شكل صمم ضمن طرح عزل عكس غرق فحص فرح قبض قصف كرم لمس ' +
  'مرض منع نجح نزل نسب نطق هرب وجد وزع وضع وقف أمن أكد أخذ أمر برز بدل بذل بسط بطل بعد بقر بكر بلد بنك ' +
  'تبع ترجم تعب ثقف ثمر جدد جذب جرم جسد جلب جنس جهز جول حبس حجز حدد حرر حرك حرم حسن حشد حصل حصر حضن حظر ' +
  'حكي حلف حمد حمى خزن خسر خصص خصم خطب خفض خلص خلط دبر درب دمر دون ذبح رأس ربح رتب رخص رشح رصف رعى رغب ' +
  'رقب رقم رهن روج زحف زمن سأل سبب سجن سدد سرح سعر سعف سلب سمح سند سهل سوق شبك شحن شدد شرع شرط شطب شعب ' +
  'شكر شمل شهر صحب صحف صعد صغر صفق صلب صمد صوت ضبط ضعف ضغط ضمد طبخ طرد طرق طعن طلق طمح طور ظلم عبأ عجز ' +
  'عدد عذب عرب عرق عزز عزم عسكر عصف عطل عقب علق عمر عنف عين غزو غضب غطي فرغ فسد فشل فضل فقر فكر فلح قاد ' +
  'قبر قدر قرب قرض قصد قصر قضي قلب قلق قمع قنع قهر قوم كبر كثف كذب كلف كمل كهرب لجأ لحق لزم لفت لقي مثل ' +
  'مدد ملك منح موت نبأ نتج نجد نزع نسق نشط نصب نصح نظف نفط نفق نقب نهب نهض نهى هاجر هبط هدد هدف هدأ هزم ' +
  'وثق وجه وحد ورد وزر وسط وصف وظف وفد وفر وفق وقت ولى يسر بشر بصر بلغ بني ثار ثقل جبر جرى جزأ جمل جنب ' +
  'جهد حبذ حجم حذف حسم حصد حفر حقن حكر حوط خشي خطف خفف دخن درج دعو دفن دقق ذاع ربو رجح رحب رصد رضي رعب ' +
  'رفق رقص ركن رمز رمي زود سبح سجد سخر سرع سطر سطع سعد سفك سقى سكت سلف سمك سمن سهر سير شبه شجع شرق شفي ' +
  'شقق شكو شمس صحح صدم صرح صفح صفو صلى صنف صيد ضحك ضرر ضيف طرب طعم طفل طلع طهر طول عاد عبد عتق عجل عرس ' +
  'عصم عطش عظم عفو عقم علو عمق عهد عوض غذو غرب غرس غسل غلق غني فخر فدي فرد فرز فرش فسح فصح فطر فقه فلت ' +
  'قذف قرأ قرع قسط قشر قصص قطب قعد قفز قلد قلم قمر قنص كتم كرس كسر كفل كلم كنز لحم لخص لطف لمع لهب مرر ' +
  'مزج مسح مطر مهد نبع نبت نجو ندب ندد نزه نسخ نشأ نصف نظر نعم نفس نقذ نمو نهر هجر هدي هلك همش همل وجب ' +
  'ودع ورث وسع وصل وعي وفي وقي ولف'
)
  .split(' ')
  .filter((root, i, all) => all.indexOf(root) === i);

// Derivation patterns (1, 2, 3 stand for the root's letters), with how common each is.
const PATTERNS: [string, number][] = [
  ['123', 1], // فعل
  ['1ا23', 0.7], // فاعل
  ['م12و3', 0.5], // مفعول
  ['ت12ي3', 0.5], // تفعيل
  ['12ا3', 0.45], // فعال، فعّال
  ['ي123', 0.45], // يفعل
  ['م1ا23', 0.35], // مفاعل، مفاعلة
  ['ا1ت2ا3', 0.3], // افتعال
  ['است12ا3', 0.25], // استفعال
  ['12ي3', 0.25], // فعيل
  ['م123', 0.25], // مفعل، مفعلة
  ['ت1ا23', 0.2], // تفاعل
  ['ا12ا3', 0.2], // إفعال (hamza written or not)
  ['إ12ا3', 0.15],
  ['م1ت23', 0.15], // مفتعل
  ['مست123', 0.12], // مستفعل
  ['ان12ا3', 0.1], // انفعال
  ['12و3', 0.1], // فعول
  ['1وا23', 0.08], // فواعل
  ['أ123', 0.08], // أفعل
  ['ت123', 0.08], // تفعّل، تفعل
];

// Proclitics and suffixes with how common each is; a pronoun suffix never follows the article.
const PROCLITICS: [string, number][] = [
  ['', 1],
  ['ال', 0.9],
  ['وال', 0.2],
  ['و', 0.18],
  ['بال', 0.12],
  ['لل', 0.1],
  ['ب', 0.08],
  ['ل', 0.06],
  ['فال', 0.03],
  ['ف', 0.03],
  ['كال', 0.02],
  ['وب', 0.02],
  ['ول', 0.015],
  ['ك', 0.01],
];
const SUFFIXES: [string, number][] = [
  ['', 1],
  ['ة', 0.5],
  ['ات', 0.2],
  ['ية', 0.12],
  ['ين', 0.12],
  ['ون', 0.08],
  ['ي', 0.05],
  ['ها', 0.05],
  ['ه', 0.05],
  ['ان', 0.04],
  ['هم', 0.03],
  ['نا', 0.01],
  ['كم', 0.005],
];
const PRONOUNS = new Set(['ي', 'ها', 'ه', 'هم', 'نا', 'كم']);

/** What most of any Arabic news text is made of: these lead the ranking. */
export const FUNCTION_WORDS = (
  'في من على إلى أن التي الذي عن مع ما لا قد كان هذا هذه إن كانت ذلك بين بعد قبل حتى أو ثم لم عند خلال ' +
  'كما أيضا حيث لكن غير كل بعض منذ حول ضد أمام وفق نحو وقد وكان ولا وفي ومن أنه أنها إنه الذين لدى يوم عام ' +
  'هو هي هم وهو وهي لها له لهم فيه فيها منه منها عليه عليها إليه به بها'
).split(' ');

/** `root` in `pattern` (1, 2, 3 are the root's letters). */
const derive = (pattern: string, root: string) => pattern.replace(/[123]/g, (d) => root[Number(d) - 1] as string);

/**
 * The vocabulary of `size` words, most frequent first: the function words, then derived words in order of their
 * combined weight (root rank × pattern × proclitic × suffix), with `names` (proper nouns and common news words)
 * woven in among the first few thousand. Words are distinct after search normalization.
 */
export function realisticVocabulary(size: number, names: readonly string[]): string[] {
  const combos: { root: number; pattern: number; proclitic: number; suffix: number; weight: number }[] = [];
  const weights: number[] = [];
  const each = (visit: (c: (typeof combos)[number]) => void) =>
    ROOTS.forEach((_, root) => {
      const rootWeight = 1 / (root + 1) ** 0.8;
      PATTERNS.forEach(([pattern, p], patternIndex) => {
        PROCLITICS.forEach(([proclitic, c], procliticIndex) => {
          // The article never takes a present-tense verb (اليكتب), nor a pronoun suffix (الكتابها).
          const definite = proclitic.endsWith('ال') || proclitic === 'لل';
          if (definite && pattern.startsWith('ي')) return;
          SUFFIXES.forEach(([suffix, s], suffixIndex) => {
            if (definite && PRONOUNS.has(suffix)) return;
            visit({
              root,
              pattern: patternIndex,
              proclitic: procliticIndex,
              suffix: suffixIndex,
              weight: rootWeight * p * c * s,
            });
          });
        });
      });
    });
  // Only the heaviest combinations can be among the first `size` words: find their weight, then keep those.
  each((c) => weights.push(c.weight));
  weights.sort((a, b) => b - a);
  const floor = weights[Math.min(weights.length - 1, Math.ceil(size * 1.2))] as number;
  each((c) => {
    if (c.weight >= floor) combos.push(c);
  });
  // Stable: equal weights keep the order they were made in.
  combos.sort((a, b) => b.weight - a.weight);
  const derived = combos.map(
    (c) =>
      (PROCLITICS[c.proclitic]?.[0] ?? '') +
      derive(PATTERNS[c.pattern]?.[0] ?? '', ROOTS[c.root] ?? '') +
      (SUFFIXES[c.suffix]?.[0] ?? ''),
  );
  const seen = new Set<string>();
  const out: string[] = [];
  const take = (word: string) => {
    const key = normalize(word);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    out.push(word);
  };
  for (const word of FUNCTION_WORDS) take(word);
  let next = 0;
  for (const name of names) {
    // One name among every five derived words, from the function words on.
    for (let k = 0; k < 4 && next < derived.length; k++) take(derived[next++] as string);
    take(name);
  }
  while (out.length < size && next < derived.length) take(derived[next++] as string);
  return out.slice(0, size);
}
