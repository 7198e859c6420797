/** Error pages for people, in Arabic: 400, 404, 405 and 500. */
import type { Child } from 'hono/jsx';
import { Layout } from './layout.tsx';

export const ERROR_TEXT = {
  404: {
    title: 'الصفحة غير موجودة',
    message: 'لم نعثر على الصفحة التي تطلبها. ربما نُقلت أو حُذفت، أو أن الرابط غير صحيح.',
  },
  405: { title: 'طريقة الطلب غير مسموحة', message: 'هذه الصفحة تقبل طلبات القراءة فقط (GET و HEAD).' },
  400: { title: 'طلب غير صالح', message: 'تعذّر فهم هذا الطلب.' },
  500: { title: 'خطأ في الخادم', message: 'حدث خطأ من جهتنا. يرجى المحاولة بعد قليل.' },
} as const;

export function ErrorPage({ status, temperature }: { status: keyof typeof ERROR_TEXT; temperature: Child }) {
  const text = ERROR_TEXT[status];
  return (
    <Layout title={text.title} description={text.message} canonical={null} topNews={[]} temperature={temperature}>
      <h1>{text.title}</h1>
      <p>{text.message}</p>
      <p>
        <a href="/">العودة إلى الصفحة الرئيسية</a>
      </p>
    </Layout>
  );
}
