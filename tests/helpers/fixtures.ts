/** Test articles (not published content): every markdown feature, and every XSS vector we defend against. */
import { article } from './articles.ts';

export const FEATURES = article(
  'content/features.md',
  `---
title: مقال تجريبي لكل عناصر ماركداون
slug: كل-العناصر
date: 2024-05-01T10:00:00
updated: 2024-05-02T08:15:00
summary: مقال اختبار يستعمل كل عناصر التنسيق.
author: قسم الاختبار
source: مختبر التحرير
image:
  src: /images/kim-putin-summit.svg
  alt: رسم توضيحي للاختبار
  caption: تعليق الصورة الرئيسية
tags: [اختبار, تنسيق]
top: true
---

الفقرة الأولى فيها **خط عريض** و*مائل* و~~مشطوب~~ و\`كود\` و[رابط خارجي](https://example.com) و[رابط داخلي](/articles/خبر).

## العنوان الثاني

### عنوان فرعي

- بند أول
- بند ثانٍ
  - بند متداخل

1. أولاً
2. ثانياً

- [x] مهمة منجزة
- [ ] مهمة باقية

> اقتباس من مصدر رسمي.
>
> فقرة ثانية في الاقتباس.

| البلد | العاصمة | السكان |
| :--- | :---: | ---: |
| لبنان | بيروت | 5.5 مليون |
| الأردن | عمّان | 11 مليون |

\`\`\`ts
const city = "بيروت";
\`\`\`

![صورة محلية](/images/kim-putin-summit.svg)

![صورة بعيدة](https://images.example/photo.jpg "صورة من الخارج")

---

سطر أخير مع رابط بريد [راسلونا](mailto:desk@example.com).

### AMP

### appendChild

### main
`,
);

/** Vectors in the body and in every front-matter text field. */
export const XSS_VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">raw link</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[a](javascript:alert(1))',
  '[b](JaVaScRiPt:alert(1))',
  '[c](javascript&#58;alert(1))',
  '[d](&#106;avascript:alert(1))',
  '[e](&#x6A;avascript&#x3A;alert(1))',
  '[f](javascript&colon;alert(1))',
  '[g](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[h](vbscript:msgbox(1))',
  '[i](VbScRiPt:msgbox(1))',
  '[j](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  '[k][ref]',
  '![l](javascript:alert(1))',
  '![m](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![n](DATA:text/html,<script>alert(1)</script>)',
  '[o](https://example.com" onmouseover="alert(1))',
  '[p](https://example.com "title\\" onmouseover=\\"alert(1)")',
  '<style>body{display:none}</style>',
  '`<script>alert(1)</script>` in a code span',
  '<pre>x<img src=x onerror=alert(1)// unterminated tag inside a raw block</pre>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
];

const yamlString = (s: string) => JSON.stringify(s);

export const XSS = article(
  'content/xss.md',
  `---
title: ${yamlString('</title><script>alert(1)</script>')}
slug: xss
date: 2024-06-01T10:00:00
summary: ${yamlString('"><script>alert(1)</script><img src=x onerror=alert(1)>')}
author: ${yamlString('<img src=x onerror=alert(1)>')}
source: ${yamlString('</p><script>alert(1)</script>')}
image:
  src: /images/kim-putin-summit.svg
  alt: ${yamlString('" onerror="alert(1)')}
  caption: ${yamlString('<script>alert(1)</script>')}
tags: [${yamlString('<script>alert(1)</script>')}, ${yamlString('"><svg onload=alert(1)>')}]
---

${XSS_VECTORS.join('\n\n')}

[ref]: javascript:alert(1)
`,
);
