/**
 * The page shell every site page shares: `lang="fa" dir="rtl"`, the stylesheet and font preload, feed
 * links, a skip link first in the tab order, header (brand, today's Jalali date, search, services),
 * `main#main`, footer. Landmarks follow WAI-ARIA APG: one banner, navigations with labels, one main,
 * one contentinfo.
 */
import type { Child } from 'hono/jsx';
import { faToday } from '../format.js';
import type { SiteContext } from '../site-context.js';
import { feedUrls, serviceUrl } from '../urls.js';

/** What a page tells the shell. */
export interface LayoutProps {
  ctx: SiteContext;
  /** The page title before « — site name». Omit for the home page. */
  title?: string;
  /** Meta description (the lead of a story, for instance). */
  description?: string;
  /** Services for the navigation. */
  services: readonly string[];
  /** The service the page belongs to: marked in the navigation, its feeds linked. */
  service?: string;
  /** The home page's brand is its h1; elsewhere the page's own heading is. */
  brandIsH1?: boolean;
  /** The search page has its own form; the header's is left out so the page has one search box. */
  headerSearch?: boolean;
  /** Query shown in the header search box. */
  query?: string;
  /** Absolute canonical URL path, e.g. `/story/1000001`. */
  canonical?: string;
  /** `article` for stories (Open Graph type). */
  ogType?: 'website' | 'article';
  /** Ask robots not to index (search results, errors). */
  noindex?: boolean;
  bodyClass?: string;
  children?: Child;
}

/** The document; render with {@link renderPage}. */
export function Layout(p: LayoutProps) {
  const { settings } = p.ctx.deps;
  const title = p.title === undefined ? settings.siteName : `${p.title} — ${settings.siteName}`;
  const feeds = feedUrls();
  const serviceFeeds = p.service === undefined ? undefined : feedUrls(p.service);
  const brand = <a href="/" rel="home">{settings.siteName}</a>;
  return (
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        {p.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="theme-color" content="#0d4a6b" />
        <link rel="preload" href={p.ctx.assets.font} as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="stylesheet" href={p.ctx.assets.css} />
        <link rel="icon" href={p.ctx.assets.icon} type="image/svg+xml" />
        {p.canonical ? <link rel="canonical" href={settings.baseUrl + p.canonical} /> : null}
        <link rel="alternate" type="application/rss+xml" title={`${settings.siteName} — RSS`} href={feeds.rss} />
        <link rel="alternate" type="application/atom+xml" title={`${settings.siteName} — Atom`} href={feeds.atom} />
        <link rel="alternate" type="application/feed+json" title={`${settings.siteName} — JSON Feed`} href={feeds.json} />
        {serviceFeeds ? <link rel="alternate" type="application/rss+xml" title={`${p.service} — RSS`} href={serviceFeeds.rss} /> : null}
        {serviceFeeds ? <link rel="alternate" type="application/atom+xml" title={`${p.service} — Atom`} href={serviceFeeds.atom} /> : null}
        {serviceFeeds ? <link rel="alternate" type="application/feed+json" title={`${p.service} — JSON Feed`} href={serviceFeeds.json} /> : null}
        <meta property="og:site_name" content={settings.siteName} />
        <meta property="og:locale" content="fa_IR" />
        <meta property="og:type" content={p.ogType ?? 'website'} />
        <meta property="og:title" content={p.title ?? settings.siteName} />
        {p.description ? <meta property="og:description" content={p.description} /> : null}
        {p.canonical ? <meta property="og:url" content={settings.baseUrl + p.canonical} /> : null}
      </head>
      <body class={p.bodyClass}>
        <a class="skip-link" href="#main">پرش به محتوای اصلی</a>
        <header class="site-header">
          <div class="wrap bar">
            {p.brandIsH1 ? <h1 class="brand">{brand}</h1> : <p class="brand">{brand}</p>}
            <p class="today">{faToday()}</p>
            {p.headerSearch === false ? null : (
              <form class="header-search" role="search" action="/search" method="get">
                <label class="visually-hidden" for="header-q">جستجو در اخبار</label>
                <input id="header-q" type="search" name="q" value={p.query ?? ''} placeholder="جستجو در اخبار…" autocomplete="off" />
                <button type="submit">جستجو</button>
              </form>
            )}
          </div>
          <nav class="site-nav wrap" aria-label="سرویس‌های خبری">
            <ul>
              <li><a href="/" aria-current={p.brandIsH1 ? 'page' : undefined}>صفحه اصلی</a></li>
              {p.services.map((s) => (
                <li><a href={serviceUrl(s)} aria-current={s === p.service ? 'page' : undefined}>{s}</a></li>
              ))}
              <li><a href="/archive">آرشیو</a></li>
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>{p.children}</main>
        <footer class="site-footer">
          <div class="wrap">
            <nav aria-label="پیوندهای پایین صفحه">
              <ul>
                <li><a href="/archive">آرشیو روزانه</a></li>
                <li><a href="/search">جستجوی پیشرفته</a></li>
                <li><a href={feeds.rss}>خوراک RSS</a></li>
                <li><a href={feeds.atom}>خوراک Atom</a></li>
                <li><a href={feeds.json}>JSON Feed</a></li>
                <li><a href="/api/v1">API</a></li>
              </ul>
            </nav>
            <p>{`همه حقوق برای ${settings.agency} محفوظ است. تاریخ‌ها به وقت تهران.`}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
