/**
 * The Persian 404 and error pages. They use the navigation's cached service list rather than asking the
 * store, which may be what failed.
 */
import type { Context } from 'hono';
import { faDigits } from '../format.js';
import { Layout } from '../components/layout.js';
import { sendPage } from '../send-page.js';
import type { SiteContext } from '../site-context.js';

/** Persian titles for the statuses the server maps errors to (http/error-status.ts). */
const TITLES: Record<number, string> = {
  400: 'درخواست نادرست',
  404: 'صفحه پیدا نشد',
  409: 'تعارض در درخواست',
  413: 'درخواست بیش از اندازه بزرگ است',
  500: 'خطای سرور',
  503: 'سرویس موقتاً در دسترس نیست',
};

/** What went wrong, in Persian, under the title. */
const EXPLANATIONS: Record<number, string> = {
  400: 'نشانی یا داده‌های این درخواست درست نیست.',
  500: 'در نمایش این صفحه خطایی رخ داد. لطفاً چند لحظه بعد دوباره تلاش کنید.',
  503: 'پایگاه داده در دسترس نیست. لطفاً چند لحظه بعد دوباره تلاش کنید.',
};

/** The 404 page (status 404). */
export function notFoundPage(c: Context, ctx: SiteContext): Response {
  return sendPage(c, (
    <Layout ctx={ctx} services={ctx.cachedServices()} title={TITLES[404]} noindex>
      <h1>{TITLES[404]}</h1>
      <p>صفحه‌ای که به دنبال آن بودید پیدا نشد. ممکن است نشانی اشتباه باشد یا خبر حذف شده باشد.</p>
      <ul>
        <li><a href="/">بازگشت به صفحه اصلی</a></li>
        <li><a href="/search">جستجو در آرشیو اخبار</a></li>
        <li><a href="/archive">اخبار امروز</a></li>
      </ul>
      <p class="count">{`کد خطا: ${faDigits(404)}`}</p>
    </Layout>
  ), { status: 404 });
}

/** An error page with the status's Persian title and the error's message. */
export function errorPage(c: Context, ctx: SiteContext, status: number, message: string): Response {
  const title = TITLES[status] ?? (status >= 500 ? TITLES[500]! : TITLES[400]!);
  const explanation = EXPLANATIONS[status] ?? (status >= 500 ? EXPLANATIONS[500]! : EXPLANATIONS[400]!);
  return sendPage(c, (
    <Layout ctx={ctx} services={ctx.cachedServices()} title={title} noindex>
      <h1>{title}</h1>
      <div class="error-box" role="alert">
        <p>{explanation}</p>
        {message ? <p class="detail" dir="auto">{message}</p> : null}
      </div>
      <p><a href="/">بازگشت به صفحه اصلی</a></p>
      <p class="count">{`کد خطا: ${faDigits(status)}`}</p>
    </Layout>
  ), { status });
}
