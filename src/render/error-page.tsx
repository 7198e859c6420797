/** Error pages for people, in Arabic: 404, 405, 410, 500 and 503. */
import { Layout } from './layout.tsx';
import type { Chrome } from './page-data.ts';

/** Title and explanation of each error page. */
const ERROR_TEXT = {
  404: {
    title: 'الصفحة غير موجودة',
    message: 'لم نعثر على الصفحة التي تطلبها. ربما نُقلت أو حُذفت، أو أن الرابط غير صحيح.',
  },
  405: { title: 'طريقة الطلب غير مسموحة', message: 'هذه الصفحة تقبل طلبات القراءة فقط (GET و HEAD).' },
  410: {
    title: 'لم يعد هذا المقال متاحاً',
    message: 'سحبت هيئة التحرير هذا المقال من الموقع، ولن يعود إلى هذا الرابط.',
  },
  500: { title: 'خطأ في الخادم', message: 'حدث خطأ من جهتنا. يرجى المحاولة بعد قليل.' },
  503: {
    title: 'الخدمة غير متاحة مؤقتاً',
    message: 'تعذّر علينا الوصول إلى أرشيف المقالات الآن. يرجى المحاولة بعد قليل.',
  },
} as const;

/** The statuses that have an Arabic page. */
export type PageErrorStatus = keyof typeof ERROR_TEXT;

export function ErrorPage({ status, chrome }: { status: PageErrorStatus; chrome: Chrome }) {
  const text = ERROR_TEXT[status];
  return (
    <Layout title={text.title} description={text.message} canonical={null} chrome={chrome}>
      <h1>{text.title}</h1>
      <p>{text.message}</p>
      <p>
        <a href="/">العودة إلى الصفحة الرئيسية</a>
      </p>
    </Layout>
  );
}
