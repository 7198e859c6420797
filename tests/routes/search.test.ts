// The search page and API through the real app over a D1 seeded by the publish step (which writes the FTS rows).
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishArticles } from '../../src/publish/publish.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { recordingD1 } from '../helpers/d1.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';

const NOW = Date.parse('2024-03-01T00:00:00Z');
const make = (slug: string, date: string, title: string, body: string) =>
  article(`content/${slug}.md`, `---\ntitle: ${title}\nslug: ${slug}\ndate: ${date}\ntags: [ثقافة]\n---\n\n${body}\n`);

const AHMAD = make(
  'ahmad',
  '2024-01-10T10:00:00',
  'الروائي أحمد خالد يفوز بجائزة الرواية',
  'كَتَبَ الروائي أحمد خالد روايته الأولى في طرابلس، وقرأها آلاف القرّاء.',
);
// The exact match is older than the stem-only one: ranking, not recency, puts it first.
const BEIRUT_EXACT = make(
  'beirut-exact',
  '2024-01-05T10:00:00',
  'افتتاح معرض الكتاب',
  'افتتح معرض بيروت الدولي للكتاب دورته الجديدة.',
);
const BEIRUT_STEM = make(
  'beirut-stem',
  '2024-02-20T10:00:00',
  'زحمة سير خانقة ببيروت وضواحيها',
  'علقت السيارات ساعات طويلة ببيروت.',
);
/** 12 reports on the harbour, one a day: two pages of results. */
const HARBOUR = Array.from({ length: 12 }, (_, i) =>
  make(
    `harbour-${i + 1}`,
    `2024-02-${String(i + 1).padStart(2, '0')}T08:00:00`,
    `تقرير رقم ${i + 1} عن ميناء صور`,
    'وصلت سفينة شحن جديدة.',
  ),
);
const HOSTILE = make(
  'hostile',
  '2024-01-15T10:00:00',
  'رسالة مريبة <b>عريضة</b>',
  'وصلت رسالة مريبة فيها `<script>alert(1)</script>` و `<img src=x onerror=alert(1)>` في النص.',
);
const FUTURE = make('future', '2024-04-01T10:00:00', 'سفينة مجدولة تصل لاحقاً', 'خبر مجدول عن سفينة مجدولة.');
const GONE = make('gone', '2024-01-20T10:00:00', 'خبر محذوف عن الزلزال', 'تفاصيل الزلزال.');

const KEPT = [AHMAD, BEIRUT_EXACT, BEIRUT_STEM, HOSTILE, ...HARBOUR, FUTURE];
const site = testApp({ bindings: env, articles: [...KEPT, GONE], now: () => NOW });
// GONE was published (with its search row, by the publish step), then its file removed: taken down before any
// request.
beforeAll(async () => {
  await site.seed();
  await publishArticles(env.DB, KEPT, { now: new Date(NOW) });
});

const search = (q: string, extra = '') => site.request(`/search?${new URLSearchParams({ q })}${extra}`);
const api = (query: string) => site.request(`/api/search?${query}`);
const resultSlugs = (html: string) =>
  [...html.matchAll(/<h2><a href="\/articles\/([^"]+)">/g)].map((m) => decodeURIComponent(m[1] ?? ''));

interface ApiBody {
  items: {
    slug: string;
    title: string;
    url: string;
    publishedAt: string;
    snippet: { text: string; mark: boolean }[];
  }[];
  total: number;
  capped: boolean;
  next: string | null;
}

describe('GET /search', () => {
  it('finds أحمد for احمد and marks the word as written, hamza included', async () => {
    const res = await search('احمد');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(resultSlugs(html)).toEqual(['ahmad']);
    expect(html).toContain('<mark>أحمد</mark>');
    expect(html).toContain('نتيجة واحدة');
  });

  it('finds كَتَبَ for كتب, the diacritics kept inside <mark>', async () => {
    const html = await (await search('كتب')).text();
    expect(resultSlugs(html)).toEqual(['ahmad']);
    expect(html).toContain('<mark>كَتَبَ</mark>');
  });

  it('ranks an exact بيروت above a newer stem-only ببيروت', async () => {
    const html = await (await search('بيروت')).text();
    expect(resultSlugs(html)).toEqual(['beirut-exact', 'beirut-stem']);
    expect(html).toContain('<mark>بيروت</mark>');
    expect(html).toContain('<mark>ببيروت</mark>');
  });

  it('finds the articles filed under a tag by its name, though neither headline nor text has it', async () => {
    for (const q of ['ثقافة', 'الثقافة', 'ثقافه']) {
      const res = await api(`q=${encodeURIComponent(q)}&limit=50`);
      const body = (await res.json()) as ApiBody;
      // Every published article here is tagged ثقافة: the scheduled and the taken-down ones stay out.
      expect(body.items.map((i) => i.slug).sort(), q).toEqual(
        KEPT.filter((a) => a !== FUTURE)
          .map((a) => a.slug)
          .sort(),
      );
      expect(
        body.items.every((i) => !i.title.includes('ثقاف')),
        q,
      ).toBe(true);
    }
  });

  it('shows each result with its headline link and reader date', async () => {
    const html = await (await search('احمد')).text();
    const elements = await elementsOf(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
    expect(elements.find((e) => e.tag === 'a')?.attributes).toContainEqual(['href', `/articles/${AHMAD.slug}`]);
    const time = elements.find((e) => e.tag === 'time');
    expect(time?.attributes).toContainEqual(['datetime', AHMAD.publishedAt]);
  });

  it('pages 10 at a time with السابق/التالي links that keep the query, and 404s past the last page', async () => {
    const first = await (await search('ميناء')).text();
    expect(resultSlugs(first)).toEqual(Array.from({ length: 10 }, (_, i) => `harbour-${12 - i}`));
    expect(first).toContain('12 نتيجة');
    const links = (await elementsOf(first)).filter((e) => e.tag === 'a');
    const rel = (r: string) =>
      links.find((e) => e.attributes.some(([n, v]) => n === 'rel' && v === r))?.attributes.find(([n]) => n === 'href');
    expect(rel('prev')).toBeUndefined();
    // HTMLRewriter gives attribute values as written, entities included.
    expect(rel('next')?.[1]?.replaceAll('&amp;', '&')).toBe(
      `/search?${new URLSearchParams({ q: 'ميناء', page: '2' })}`,
    );
    expect(first).toContain('التالي');

    const secondRes = await search('ميناء', '&page=2');
    expect(secondRes.status).toBe(200);
    const second = await secondRes.text();
    expect(resultSlugs(second)).toEqual(['harbour-2', 'harbour-1']);
    expect(second).toContain('السابق');
    const secondLinks = (await elementsOf(second)).filter((e) => e.tag === 'a');
    const prev = secondLinks.find((e) => e.attributes.some(([n, v]) => n === 'rel' && v === 'prev'));
    expect(prev?.attributes).toContainEqual(['href', `/search?${new URLSearchParams({ q: 'ميناء' })}`]);
    expect(secondLinks.some((e) => e.attributes.some(([n, v]) => n === 'rel' && v === 'next'))).toBe(false);

    for (const page of ['3', '0', '-1', 'x', '1.5', '9999999']) {
      const res = await search('ميناء', `&page=${page}`);
      expect(res.status, page).toBe(404);
      expect(await res.text()).toContain('الصفحة غير موجودة');
    }
  });

  it('says so in Arabic when nothing matches', async () => {
    const res = await search('زرافة');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('لم نعثر على نتائج لـ«زرافة»');
    expect(resultSlugs(html)).toEqual([]);
  });

  it('shows just the form for an empty query', async () => {
    for (const path of ['/search', '/search?q=', '/search?q=%20%20']) {
      const res = await site.request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const inputs = (await elementsOf(html)).filter((e) => e.tag === 'input');
      expect(inputs.map((e) => e.attributes.find(([n]) => n === 'id')?.[1])).toEqual(['site-q', 'search-q']);
      expect(html).not.toContain('class="search-status"');
    }
  });

  it('explains a too-long query in Arabic with a 200', async () => {
    for (const q of ['ب'.repeat(201), 'كلمة '.repeat(13)]) {
      const res = await search(q);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('عبارة البحث طويلة: الحدّ 200 حرف و12 كلمة');
    }
  });

  it('is noindex, in the page and in a header, and cached for a minute at most', async () => {
    for (const q of ['احمد', '', 'زرافة']) {
      const res = await search(q);
      expect(res.headers.get('X-Robots-Tag')).toBe('noindex');
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
      const meta = (await elementsOf(await res.text())).find(
        (e) => e.tag === 'meta' && e.attributes.some(([n, v]) => n === 'name' && v === 'robots'),
      );
      expect(meta?.attributes).toContainEqual(['content', 'noindex']);
    }
  });

  it('echoes the query escaped, in the form and the messages', async () => {
    const html = await (await search('<script>alert(1)</script>')).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('keeps markup in titles and snippets inert text', async () => {
    const html = await (await search('مريبة')).text();
    expect(resultSlugs(html)).toEqual(['hostile']);
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark>مريبة</mark>');
  });

  it('never shows scheduled or taken-down articles', async () => {
    for (const q of ['مجدولة', 'سفينة', 'الزلزال', 'محذوف']) {
      const html = await (await search(q)).text();
      expect(resultSlugs(html), q).not.toContain('future');
      expect(resultSlugs(html), q).not.toContain('gone');
    }
    expect(await (await search('الزلزال')).text()).toContain('لم نعثر على نتائج');
  });
});

describe('GET /api/search', () => {
  it('answers list items with a snippet of segments, total and next', async () => {
    const res = await api(`q=${encodeURIComponent('احمد')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body = (await res.json()) as ApiBody;
    expect(body.total).toBe(1);
    expect(body.capped).toBe(false);
    expect(body.next).toBeNull();
    const [item] = body.items;
    expect(item).toMatchObject({
      slug: 'ahmad',
      title: AHMAD.title,
      url: 'https://al-ayyam.example/articles/ahmad',
      publishedAt: AHMAD.publishedAt,
      tags: ['ثقافة'],
    });
    expect(item?.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['أحمد']);
    expect(item?.snippet.map((s) => s.text).join('')).toContain('كَتَبَ الروائي أحمد خالد');
  });

  it('follows next links through every result once, with an opaque cursor', async () => {
    const seen: string[] = [];
    let url: string | null = `/api/search?q=${encodeURIComponent('ميناء')}&limit=5`;
    let pages = 0;
    while (url) {
      const body = (await (await site.request(url)).json()) as ApiBody;
      expect(body.total).toBe(12);
      seen.push(...body.items.map((i) => i.slug));
      url = body.next;
      if (url) expect(new URL(url).searchParams.get('cursor')).toMatch(/^[A-Za-z0-9_-]+$/);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `harbour-${12 - i}`));
  });

  it.each(
    (
      [
        ['', '"q" is required'],
        ['q=', '"q" is required'],
        ['q=%20', '"q" is required'],
        [`q=${'%D8%A8'.repeat(201)}`, '"q" is too long: at most 200 characters and 12 words'],
        [`q=${encodeURIComponent('كلمة '.repeat(13))}`, '"q" is too long: at most 200 characters and 12 words'],
        ['q=(', '"q" has no letters or digits to search for'],
        ['q=a&q=b', '"q" is given more than once'],
        ['q=a&limit=0', '"limit" must be a whole number from 1 to 50, got "0"'],
        ['q=a&limit=51', '"limit" must be a whole number from 1 to 50, got "51"'],
        ['q=a&limit=x', '"limit" must be a whole number from 1 to 50, got "x"'],
        ['q=a&cursor=!!', '"cursor" is not valid: use the "next" link of a previous page'],
        ['q=a&cursor=eHl6', '"cursor" is not valid: use the "next" link of a previous page'],
        ['q=a&cursor=MA', '"cursor" is not valid: use the "next" link of a previous page'],
      ] as const
    ).map(([query, message]) => [query.slice(0, 30), query, message] as const),
  )('400 for %s', async (_, query, message) => {
    const res = await api(query);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message } });
  });

  it('never lists scheduled or taken-down articles', async () => {
    for (const q of ['مجدولة', 'الزلزال']) {
      const body = (await (await api(`q=${encodeURIComponent(q)}`)).json()) as ApiBody;
      expect(body).toEqual({ items: [], total: 0, capped: false, next: null });
    }
  });
});

describe('hostile queries', () => {
  const HOSTILE = [
    '"',
    '""',
    '*',
    '^',
    ':',
    'title:x',
    'NEAR(a b)',
    'a AND',
    'OR',
    'NOT x',
    '(',
    ')',
    "'",
    '«',
    '“بيروت',
    'بيروت"',
    "'; DROP TABLE articles; --",
    '\u0000بيروت\u001f',
    '\u0007\u0008\u001b[31m',
    '\ud800',
    'x'.repeat(500),
    'بيروت '.repeat(100),
  ];
  it.each(HOSTILE.map((q) => [JSON.stringify(q).slice(0, 40), q]))('%s: never a 5xx', async (_, q) => {
    const page = await search(q);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    // URLSearchParams sends a lone surrogate as U+FFFD, as a browser does (encodeURIComponent would throw).
    const json = await api(`${new URLSearchParams({ q })}`);
    expect([200, 400]).toContain(json.status);
    const body = (await json.json()) as ApiBody | { error: { code: string } };
    if (json.status === 400) expect(body).toMatchObject({ error: { code: 'bad_request' } });
    else expect(Array.isArray((body as ApiBody).items)).toBe(true);
  });
});

describe('the search box', () => {
  it('is a GET form to /search with a label on every HTML page, and the CSP lets it submit', async () => {
    for (const [path, status] of [
      ['/', 200],
      ['/articles/ahmad', 200],
      [`/tags/${encodeURIComponent('ثقافة')}`, 200],
      ['/page/2', 404],
      ['/no-such-page', 404],
      ['/search?q=x', 200],
    ] as const) {
      const res = await site.request(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('Content-Security-Policy'), path).toContain("form-action 'self'");
      const elements = await elementsOf(await res.text());
      const form = elements.find((e) => e.tag === 'form');
      expect(form?.attributes, path).toEqual(
        expect.arrayContaining([
          ['role', 'search'],
          ['action', '/search'],
          ['method', 'get'],
        ]),
      );
      const label = elements.find((e) => e.tag === 'label');
      expect(label?.attributes, path).toContainEqual(['for', 'site-q']);
      const input = elements.find((e) => e.tag === 'input');
      expect(input?.attributes, path).toEqual(
        expect.arrayContaining([
          ['type', 'search'],
          ['name', 'q'],
          ['id', 'site-q'],
        ]),
      );
      expect(
        elements.some((e) => e.tag === 'button'),
        path,
      ).toBe(true);
    }
  });

  it('is a plain link on AMP pages, which have no form', async () => {
    const res = await site.request('/articles/ahmad/amp');
    const html = await res.text();
    expect(html).toContain('<a class="search-link" href="/search">بحث</a>');
    expect(html).not.toContain('<form');
  });
});

describe('search under a crowd', () => {
  const crowd = () => {
    let clock = NOW;
    const recorder = recordingD1(env.DB);
    const site = testApp({ bindings: env, env: { DB: recorder.db }, now: () => clock });
    const searches = () => recorder.statements.filter((s) => s.sql.includes('article_search MATCH')).length;
    return { site, searches, tick: (ms: number) => (clock += ms) };
  };

  it('answers the same query from the isolate for a minute, however it is spaced or which of page and API asks', async () => {
    const { site, searches, tick } = crowd();
    const first = await (await site.request(`/search?q=${encodeURIComponent('بيروت')}`)).text();
    expect(first).toContain('زحمة سير خانقة ببيروت');
    expect(searches()).toBe(1);
    for (const q of ['  بيروت ', 'بيروت']) {
      expect(await (await site.request(`/search?q=${encodeURIComponent(q)}`)).text()).toBe(first);
    }
    const api = await site.request(`/api/search?q=${encodeURIComponent('بيروت')}`);
    expect(api.status).toBe(200);
    expect(searches()).toBe(1);
    tick(60_000);
    await site.request(`/search?q=${encodeURIComponent('بيروت')}`);
    expect(searches()).toBe(2);
  });

  it('shares one D1 read between identical queries in flight, and keeps pages apart', async () => {
    const { site, searches } = crowd();
    const path = `/api/search?q=${encodeURIComponent('ميناء')}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => site.request(path)));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    expect(new Set(bodies).size).toBe(1);
    expect(searches()).toBe(1);
    const second = await site.request(`/search?q=${encodeURIComponent('ميناء')}&page=2`);
    expect(second.status).toBe(200);
    expect(searches()).toBe(2);
  });
});
