/**
 * The search page `/search?q=…&service=…&tag=…&from=…&to=…&sort=…&page=…`.
 * - No query and no filter: the form alone.
 * - A query: the store's search (DESIGN.md §3) with facets (service, Jalali month) as links and
 *   highlighted snippets (`<mark>` around the matched spans, from the hits' highlights).
 * - Filters without a query (a tag link from a story, a service or date range): those stories, newest
 *   first — the query language needs a word, and a tag link must not be turned into query syntax.
 * - A malformed query or an unreadable date: the form again with a Persian message and the parser's
 *   reason, status 400.
 */
import type { Context } from 'hono';
import { isKhabarError } from '../../../errors/index.js';
import { parseDateBound, type SearchHit, type SearchResult } from '../../../search/index.js';
import { daysInJalaliMonth, toPersianDigits, toAsciiDigits } from '../../../story/index.js';
import { faCount, faDigits, faMonthKey } from '../format.js';
import { Highlighted } from '../components/highlighted.js';
import { Layout } from '../components/layout.js';
import { Pager, parsePage } from '../components/pager.js';
import { SearchForm } from '../components/search-form.js';
import { StoryLink, StoryList, StoryMeta } from '../components/story-bits.js';
import { sendPage } from '../send-page.js';
import type { SiteContext } from '../site-context.js';
import { searchUrl, type SearchParams } from '../urls.js';

/** Hits per page. */
export const SEARCH_PAGE_SIZE = 10;
/** Deepest page: 1,000 hits, as far as any reader pages. */
const MAX_PAGE = 100;
/** Longest parameter kept (the query language's own limit is 2,000). */
const MAX_PARAM = 2_000;

type Outcome =
  | { kind: 'form' }
  | { kind: 'error'; message: string; detail: string }
  | { kind: 'search'; result: SearchResult }
  | { kind: 'browse'; items: SearchHit['story'][]; total: number };

/** The request's parameters, trimmed; empty ones dropped. */
export function readSearchParams(c: Context): SearchParams {
  const get = (k: string) => {
    const v = c.req.query(k)?.trim().slice(0, MAX_PARAM);
    return v === undefined || v === '' ? undefined : v;
  };
  const sort = get('sort');
  return {
    q: get('q'), service: get('service'), tag: get('tag'), from: get('from'), to: get('to'),
    sort: sort === 'date' ? 'date' : undefined,
    page: Math.min(parsePage(c.req.query('page')) ?? 1, MAX_PAGE),
  };
}

/** GET /search */
export async function searchPage(c: Context, ctx: SiteContext): Promise<Response> {
  const params = readSearchParams(c);
  const [services, outcome] = await Promise.all([ctx.services(), run(ctx, params)]);
  const page = params.page ?? 1;
  const total = outcome.kind === 'search' ? outcome.result.total : outcome.kind === 'browse' ? outcome.total : 0;
  const last = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)));
  const title = params.q ? `جستجو: ${params.q}` : params.tag ? `برچسب: ${params.tag}` : 'جستجو';
  return sendPage(c, (
    <Layout ctx={ctx} services={services} title={title} headerSearch={false} noindex canonical="/search">
      <h1>{params.tag && !params.q ? `اخبار با برچسب «${params.tag}»` : 'جستجو در اخبار'}</h1>
      <SearchForm params={params} services={services} />
      {outcome.kind === 'error' ? (
        <div class="error-box" role="alert">
          <p>{outcome.message}</p>
          <p class="detail" dir="auto">{outcome.detail}</p>
        </div>
      ) : null}
      {outcome.kind === 'search' || outcome.kind === 'browse' ? (
        <div class="layout">
          <section aria-labelledby="results-title">
            <h2 id="results-title" class="summary">{summary(params, total, page, last)}</h2>
            {outcome.kind === 'search'
              ? <Hits hits={outcome.result.hits} />
              : <StoryList stories={outcome.items} level={3} />}
            <Pager page={page} last={last} href={(n) => searchUrl({ ...params, page: n })} />
          </section>
          {outcome.kind === 'search' && outcome.result.facets ? <Facets params={params} result={outcome.result} /> : null}
        </div>
      ) : null}
    </Layout>
  ), { status: outcome.kind === 'error' ? 400 : 200 });
}

async function run(ctx: SiteContext, params: SearchParams): Promise<Outcome> {
  if (!params.q && !params.service && !params.tag && !params.from && !params.to) return { kind: 'form' };
  const offset = ((params.page ?? 1) - 1) * SEARCH_PAGE_SIZE;
  let from: string | undefined;
  let to: string | undefined;
  try {
    from = params.from === undefined ? undefined : parseDateBound(params.from, 'from');
    to = params.to === undefined ? undefined : parseDateBound(params.to, 'to');
  } catch (e) {
    if (!isKhabarError(e)) throw e;
    return { kind: 'error', message: 'تاریخ واردشده خوانده نشد. تاریخ را به شکل ۱۴۰۳/۰۵/۱۲ بنویسید.', detail: e.message };
  }
  if (from !== undefined && to !== undefined && from > to) {
    return { kind: 'error', message: 'تاریخ شروع بعد از تاریخ پایان است.', detail: `from ${params.from} > to ${params.to}` };
  }
  try {
    if (!params.q) {
      const list = await ctx.deps.store.listStories({ service: params.service, tag: params.tag, from, to, limit: SEARCH_PAGE_SIZE, offset });
      return { kind: 'browse', items: list.items.map((s) => s.story), total: list.total };
    }
    const result = await ctx.deps.store.search({
      q: params.q, service: params.service, tag: params.tag, from, to, sort: params.sort === 'date' ? 'date' : 'relevance',
      limit: SEARCH_PAGE_SIZE, offset, facets: true, highlight: true,
    });
    return { kind: 'search', result };
  } catch (e) {
    if (isKhabarError(e) && e.code === 'INVALID_INPUT') {
      return { kind: 'error', message: 'عبارت جستجو درست نوشته نشده است و نتوانستیم آن را بخوانیم.', detail: e.message };
    }
    throw e;
  }
}

function summary(params: SearchParams, total: number, page: number, last: number): string {
  const what = params.q ? `برای «${params.q}» ` : '';
  if (total === 0) return `خبری ${what}پیدا نشد.`;
  return `${faCount(total)} خبر ${what}پیدا شد${last > 1 ? ` · صفحه ${faDigits(page)} از ${faDigits(last)}` : ''}`;
}

function Hits(p: { hits: readonly SearchHit[] }) {
  if (p.hits.length === 0) return <p class="empty">در این صفحه نتیجه‌ای نیست.</p>;
  return (
    <ol class="hits">
      {p.hits.map((hit) => {
        const s = hit.story;
        const hs = hit.highlights ?? [];
        const head = hs.find((h) => h.field === 'headline' && h.spans.length > 0);
        const snippet = hs.find((h) => h.field !== 'headline' && h.spans.length > 0) ?? hs.find((h) => h.field !== 'headline');
        return (
          <li>
            <h3><StoryLink story={s}>{head ? <Highlighted highlight={head} story={s} /> : s.headline}</StoryLink></h3>
            <StoryMeta story={s} />
            {snippet ? <p><Highlighted highlight={snippet} story={s} /></p> : s.lead ? <p>{s.lead}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A month key's first and last day as the form's date fields (Persian digits). */
function monthBounds(key: string): { from: string; to: string } {
  const [y, m] = key.split('/').map(Number) as [number, number];
  const p2 = (n: number) => String(n).padStart(2, '0');
  return { from: toPersianDigits(`${y}/${p2(m)}/01`), to: toPersianDigits(`${y}/${p2(m)}/${p2(daysInJalaliMonth(y, m))}`) };
}

function Facets(p: { params: SearchParams; result: SearchResult }) {
  const { params } = p;
  const facets = p.result.facets!;
  const same = (a: string | undefined, b: string) => a !== undefined && toAsciiDigits(a) === toAsciiDigits(b);
  const filtered = params.service !== undefined || params.from !== undefined || params.to !== undefined;
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">پالایش نتیجه‌ها</h2>
      {filtered ? <p><a href={searchUrl({ q: params.q, tag: params.tag, sort: params.sort })}>حذف پالایه‌ها</a></p> : null}
      {facets.service.length > 0 ? (
        <>
          <h3>سرویس</h3>
          <ul>
            {facets.service.map((f) => (
              <li>
                <a href={searchUrl({ ...params, service: f.value, page: 1 })} aria-current={f.value === params.service ? 'true' : undefined}>{f.value}</a>
                {' '}<span class="count">{`(${faCount(f.count)})`}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {facets.month.length > 0 ? (
        <>
          <h3>ماه</h3>
          <ul>
            {[...facets.month].sort((a, b) => (a.value < b.value ? 1 : -1)).map((f) => {
              const b = monthBounds(f.value);
              return (
                <li>
                  <a href={searchUrl({ ...params, ...b, page: 1 })} aria-current={same(params.from, b.from) && same(params.to, b.to) ? 'true' : undefined}>{faMonthKey(f.value)}</a>
                  {' '}<span class="count">{`(${faCount(f.count)})`}</span>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
