/**
 * The search page's form: query, service (select), Jalali date range (text: ۱۴۰۳/۰۵/۱۲ or 1403/05/12,
 * read by the story dates parser), order, and the tag when browsing by one. A GET form, so every search
 * is a link.
 */
import type { SearchParams } from '../urls.js';

/** The form, filled with the current parameters. */
export function SearchForm(p: { params: SearchParams; services: readonly string[] }) {
  const { params } = p;
  return (
    <form class="search-form" role="search" action="/search" method="get">
      <div class="field wide">
        <label for="search-q">عبارت جستجو</label>
        <input id="search-q" type="search" name="q" value={params.q ?? ''} autocomplete="off"
          aria-describedby="search-help" placeholder="مثلاً: همکاری های اقتصادی" />
      </div>
      <div class="field">
        <label for="search-service">سرویس</label>
        <select id="search-service" name="service">
          <option value="">همه سرویس‌ها</option>
          {p.services.map((s) => <option value={s} selected={s === params.service}>{s}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="search-from">از تاریخ</label>
        <input id="search-from" type="text" name="from" value={params.from ?? ''} placeholder="۱۴۰۳/۰۵/۱۲"
          inputmode="numeric" aria-describedby="date-help" autocomplete="off" />
      </div>
      <div class="field">
        <label for="search-to">تا تاریخ</label>
        <input id="search-to" type="text" name="to" value={params.to ?? ''} placeholder="۱۴۰۳/۰۵/۳۱"
          inputmode="numeric" aria-describedby="date-help" autocomplete="off" />
      </div>
      <div class="field">
        <label for="search-sort">ترتیب</label>
        <select id="search-sort" name="sort">
          <option value="">مرتبط‌ترین</option>
          <option value="date" selected={params.sort === 'date'}>جدیدترین</option>
        </select>
      </div>
      {params.tag ? (
        <div class="field">
          <label for="search-tag">برچسب</label>
          <input id="search-tag" type="text" name="tag" value={params.tag} />
        </div>
      ) : null}
      <div class="field">
        <button type="submit">جستجو</button>
      </div>
      <p id="date-help" class="hint wide">تاریخ‌ها شمسی و به وقت تهران‌اند، مانند ۱۴۰۳/۰۵/۱۲.</p>
      <p id="search-help" class="hint wide">
        {'راهنما: «عبارت دقیق» در گیومه، +واژه برای واژه لازم، -واژه برای کنار گذاشتن، پیشوند* برای واژه‌هایی که با آن شروع می‌شوند؛ '}
        {'فاصله یا نیم‌فاصله فرقی نمی‌کند (همکاری های = همکاری‌های).'}
      </p>
    </form>
  );
}
