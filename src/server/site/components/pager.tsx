/**
 * Page links: previous, a window of numbers around the current page with the first and last, next —
 * all in Persian digits. The current page is `aria-current="page"` (WAI-ARIA 1.2).
 */
import { faDigits } from '../format.js';

/** Page numbers to show: 1, …, current−2 … current+2, …, last (0 stands for a gap). */
export function pageWindow(current: number, last: number): number[] {
  const pages: number[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= 2) pages.push(n);
    else if (pages[pages.length - 1] !== 0) pages.push(0);
  }
  return pages;
}

/** The pager; nothing when everything fits on one page. `href(n)` is page n's URL. */
export function Pager(p: { page: number; last: number; href: (page: number) => string }) {
  if (p.last <= 1) return null;
  return (
    <nav class="pager" aria-label="صفحه‌ها">
      <ul>
        {p.page > 1 ? <li><a href={p.href(p.page - 1)} rel="prev">صفحه قبل</a></li> : null}
        {pageWindow(p.page, p.last).map((n) => n === 0
          ? <li aria-hidden="true">…</li>
          : <li>{n === p.page
            ? <span aria-current="page">{faDigits(n)}</span>
            : <a href={p.href(n)} aria-label={`صفحه ${faDigits(n)}`}>{faDigits(n)}</a>}</li>)}
        {p.page < p.last ? <li><a href={p.href(p.page + 1)} rel="next">صفحه بعد</a></li> : null}
      </ul>
    </nav>
  );
}

/** Reads `?page=` (ASCII or Persian digits); undefined when it is not a page number ≥ 1. */
export function parsePage(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return 1;
  const ascii = raw.replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x6f0));
  if (!/^\d{1,6}$/.test(ascii)) return undefined;
  const n = Number(ascii);
  return n >= 1 ? n : undefined;
}
