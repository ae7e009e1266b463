/**
 * The site's URLs in one place, so that links and routes agree. Path segments are percent-encoded
 * (a service name holds spaces and ZWNJ); query strings are built with URLSearchParams.
 */

/** The story page: `/story/1000001`. */
export function storyUrl(code: number): string {
  return `/story/${code}`;
}

/** The printable story page. */
export function storyPrintUrl(code: number): string {
  return `/story/${code}/print`;
}

/** A service (desk) page, optionally a later page: `/service/%D8%B3…?page=2`. */
export function serviceUrl(service: string, page = 1): string {
  return `/service/${encodeURIComponent(service)}${page > 1 ? `?page=${page}` : ''}`;
}

/** The archive of one Tehran day: `/archive/1404/05/30`. */
export function archiveUrl(year: number, month: number, day: number, page = 1): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `/archive/${year}/${p2(month)}/${p2(day)}${page > 1 ? `?page=${page}` : ''}`;
}

/** Search parameters as the search form sends them. */
export interface SearchParams {
  q?: string;
  service?: string;
  tag?: string;
  from?: string;
  to?: string;
  sort?: string;
  page?: number;
}

/** `/search?…` with the non-empty parameters, in a stable order (so that URLs cache well). */
export function searchUrl(params: SearchParams): string {
  const sp = new URLSearchParams();
  for (const key of ['q', 'service', 'tag', 'from', 'to', 'sort'] as const) {
    const v = params[key];
    if (v !== undefined && v !== '') sp.set(key, v);
  }
  if (params.page !== undefined && params.page > 1) sp.set('page', String(params.page));
  const qs = sp.toString();
  return qs === '' ? '/search' : `/search?${qs}`;
}

/** Feeds (served by the feeds module): the whole wire, or one service's. */
export function feedUrls(service?: string): { rss: string; atom: string; json: string } {
  const base = service === undefined ? '/feeds' : `/feeds/service/${encodeURIComponent(service)}`;
  return { rss: `${base}/rss.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
}
