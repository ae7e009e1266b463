/**
 * The archive by Jalali date: `/archive/<yyyy>/<mm>/<dd>` lists the stories of that Tehran day, newest
 * first, with links to the day before and after; `/archive` sends the reader to today's (Tehran) page,
 * `/archive?date=۱۴۰۳/۰۵/۱۲` to the day typed into its form.
 */
import type { Context } from 'hono';
import { isKhabarError } from '../../../errors/index.js';
import { formatJalali, jalaliToInstant, parseJalaliDate, toPersianDigits } from '../../../story/index.js';
import { faCount, storyInstant } from '../format.js';
import { Layout } from '../components/layout.js';
import { Pager, parsePage } from '../components/pager.js';
import { StoryList } from '../components/story-bits.js';
import { compareDays, dayRange, nextDay, previousDay, readDaySegments, tehranDay, type JalaliDay } from '../jalali-day.js';
import { sendPage } from '../send-page.js';
import type { SiteContext } from '../site-context.js';
import { archiveUrl } from '../urls.js';
import { errorPage, notFoundPage } from './error-page.js';

/** Stories per archive page. */
export const ARCHIVE_PAGE_SIZE = 30;

const dayUrl = (d: JalaliDay, page = 1) => archiveUrl(d.year, d.month, d.day, page);
/** «پنجشنبه ۳۰ مرداد ۱۴۰۴» for a Jalali day (noon, safely inside the day whatever the offset). */
const dayText = (d: JalaliDay) => formatJalali(jalaliToInstant(d.year, d.month, d.day, 12), { time: false });

/** GET /archive — today's page, or the day of `?date=`. Not cached for long: "today" changes. */
export function archiveIndex(c: Context, ctx: SiteContext): Response {
  const date = c.req.query('date')?.trim();
  let day = tehranDay();
  if (date) {
    try {
      day = tehranDay(parseJalaliDate(date));
    } catch (e) {
      if (!isKhabarError(e)) throw e;
      return errorPage(c, ctx, 400, `تاریخ «${date}» خوانده نشد (${e.message}). تاریخ را به شکل ۱۴۰۳/۰۵/۱۲ بنویسید.`);
    }
  }
  c.header('Cache-Control', 'no-cache');
  return c.redirect(dayUrl(day), 302);
}

/** GET /archive/:y/:m/:d */
export async function archivePage(c: Context, ctx: SiteContext, y: string, m: string, d: string): Promise<Response> {
  const day = readDaySegments(y, m, d);
  const page = parsePage(c.req.query('page'));
  if (day === undefined || page === undefined) return notFoundPage(c, ctx);
  let range;
  try {
    range = dayRange(day);
  } catch (e) {
    if (isKhabarError(e)) return notFoundPage(c, ctx); // 1404/13/40 is no day
    throw e;
  }
  if (`/archive/${y}/${m}/${d}` !== dayUrl(day)) return c.redirect(dayUrl(day, page), 301);
  const [services, list] = await Promise.all([
    ctx.services(),
    ctx.deps.store.listStories({ ...range, limit: ARCHIVE_PAGE_SIZE, offset: (page - 1) * ARCHIVE_PAGE_SIZE }),
  ]);
  const last = Math.max(1, Math.ceil(list.total / ARCHIVE_PAGE_SIZE));
  if (page > last) return notFoundPage(c, ctx);
  const today = tehranDay();
  const prev = previousDay(day);
  const next = nextDay(day);
  const text = dayText(day);
  const dayNav = (
    <nav class="day-nav" aria-label="روزهای دیگر">
      <a href={dayUrl(prev)} rel="prev">{`روز قبل: ${dayText(prev)}`}</a>
      {compareDays(next, today) <= 0 ? <a href={dayUrl(next)} rel="next">{`روز بعد: ${dayText(next)}`}</a> : null}
    </nav>
  );
  return sendPage(c, (
    <Layout ctx={ctx} services={services} title={`آرشیو ${text}`} canonical={dayUrl(day, page)}
      description={`اخبار ${ctx.deps.settings.agency} در ${text}`}>
      <h1>{`آرشیو اخبار ${text}`}</h1>
      <form class="header-search" action="/archive" method="get">
        <label class="visually-hidden" for="archive-date">رفتن به تاریخ</label>
        <input id="archive-date" type="text" name="date" inputmode="numeric" placeholder={toPersianDigits('1403/05/12')}
          value={toPersianDigits(`${day.year}/${String(day.month).padStart(2, '0')}/${String(day.day).padStart(2, '0')}`)} />
        <button type="submit">برو</button>
      </form>
      {dayNav}
      {list.total === 0
        ? <p class="empty">در این روز خبری منتشر نشده است.</p>
        : <p class="count">{`${faCount(list.total)} خبر`}</p>}
      <StoryList stories={list.items.map((s) => s.story)} />
      <Pager page={page} last={last} href={(n) => dayUrl(day, n)} />
    </Layout>
  ), { lastModified: list.items[0] ? storyInstant(list.items[0].story) : undefined });
}
