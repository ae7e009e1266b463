/**
 * The site's stylesheet, as a string: tsc does not copy .css files into dist/, and a string lets the
 * font URL (fingerprinted at start) be written in. Built once per server, served at a fingerprinted URL.
 *
 * Colours are chosen for WCAG 2.2 contrast (SC 1.4.3, ≥ 4.5:1 for text): ink #1b1f24 on white 16:1,
 * muted #4f5864 on white 7.2:1 and on the card grey #f3f5f7 6.6:1, links #0b5394 on white 7.6:1,
 * urgent red #b42318 on white 6.5:1, white on the header blue #0d4a6b 9.3:1. Focus rings (SC 2.4.7,
 * 1.4.11) are 3 px amber #d97706, ≥ 3:1 against white and the header blue.
 * The layout uses logical properties (inline-start = right in RTL) and wraps everything, so nothing
 * overflows a 375 px viewport.
 */

/** The stylesheet text, with `fontUrl` as the Vazirmatn variable font's address. */
export function siteCss(fontUrl: string): string {
  return `@font-face{font-family:Vazirmatn;src:url("${fontUrl}") format("woff2");font-weight:100 900;font-style:normal;font-display:swap}
:root{--ink:#1b1f24;--muted:#4f5864;--link:#0b5394;--brand:#0d4a6b;--urgent:#b42318;--card:#f3f5f7;--line:#d5dbe1;--focus:#d97706;--mark:#fde68a}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:Vazirmatn,Tahoma,"Segoe UI",sans-serif;font-size:1.0625rem;line-height:1.9;color:var(--ink);background:#fff;overflow-wrap:anywhere}
a{color:var(--link);text-underline-offset:.2em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
h1,h2,h3{line-height:1.5;margin:0 0 .5rem}
h1{font-size:1.75rem;font-weight:800}
h2{font-size:1.3rem;font-weight:700}
h3{font-size:1.05rem;font-weight:700}
p{margin:0 0 1rem}
mark{background:var(--mark);color:var(--ink);padding:0 .1em;border-radius:2px}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip-link{position:absolute;inset-inline-start:.5rem;top:-4rem;z-index:10;background:#fff;color:var(--ink);padding:.5rem 1rem;border:2px solid var(--brand);border-radius:4px;font-weight:700}
.skip-link:focus{top:.5rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.site-header{background:var(--brand);color:#fff}
.site-header a{color:#fff}
.site-header .bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.75rem;padding-bottom:.5rem}
.brand{margin:0;font-size:1.5rem;font-weight:800;line-height:1.4}
.brand a{text-decoration:none}
.today{font-size:.9rem;margin:0}
.site-nav ul{list-style:none;margin:0;padding:0 0 .6rem;display:flex;flex-wrap:wrap;gap:.25rem 1.1rem}
.site-nav a{text-decoration:none;font-weight:600;display:inline-block;padding:.15rem 0}
.site-nav a:hover,.site-nav a[aria-current]{text-decoration:underline;text-decoration-thickness:2px}
.header-search{display:flex;gap:.4rem;flex:1 1 16rem;max-width:26rem}
.header-search input{flex:1;min-width:0}
input,select,button{font:inherit;font-size:1rem;color:var(--ink)}
input,select{border:1px solid #6b7580;border-radius:4px;padding:.35rem .6rem;background:#fff;max-width:100%}
button{background:var(--ink);color:#fff;border:0;border-radius:4px;padding:.4rem 1rem;cursor:pointer;font-weight:600}
.site-header button{background:#fff;color:var(--brand)}
main{display:block;padding-top:1.25rem;padding-bottom:2rem;min-height:60vh}
main:focus{outline:none}
.lead-story{background:var(--card);border-inline-start:5px solid var(--urgent);padding:1rem 1.25rem;border-radius:4px;margin-bottom:1.5rem}
.lead-story h2{font-size:1.6rem}
.lead-story h2 a{color:var(--ink);text-decoration:none}
.lead-story h2 a:hover{text-decoration:underline}
.kicker{color:var(--urgent);font-weight:700;font-size:.9rem;margin:0 0 .25rem}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.1rem 1rem}
.meta a{color:inherit}
.latest,.services{margin-bottom:2rem}
.services{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr));gap:1.5rem}
.service-box{border-top:3px solid var(--brand);padding-top:.5rem}
.service-box h2 a{color:var(--ink);text-decoration:none}
.service-box h2 a:hover{text-decoration:underline}
.more{font-weight:600;font-size:.95rem}
.headlines{list-style:none;margin:0 0 .5rem;padding:0}
.headlines li{padding:.45rem 0;border-bottom:1px solid var(--line)}
.headlines h3{margin:0;font-size:1rem}
.headlines h3 a,.story-list h2 a,.hits h3 a{color:var(--ink);text-decoration:none}
.headlines h3 a:hover,.story-list h2 a:hover,.hits h3 a:hover{color:var(--link);text-decoration:underline}
.headlines .meta{margin:0}
.story-list,.hits{list-style:none;margin:0 0 1.5rem;padding:0}
.story-list li,.hits li{padding:1rem 0;border-bottom:1px solid var(--line)}
.story-list h2{font-size:1.2rem}
.story-list p,.hits p{margin:0 0 .25rem}
.breadcrumbs ol{list-style:none;margin:0 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.9rem}
.breadcrumbs li+li::before{content:"›";margin-inline-end:.25rem;color:var(--muted)}
.article{max-width:46rem}
.article .lead{font-weight:600;font-size:1.15rem;background:var(--card);padding:.75rem 1rem;border-radius:4px}
.article .body p{text-align:justify}
.credit{font-weight:700}
.story-code{font-weight:600}
.tools{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;font-size:.95rem;margin:1rem 0}
.note{border:1px solid var(--urgent);border-radius:4px;padding:.5rem 1rem}
.tags ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tags a{display:inline-block;background:var(--card);border:1px solid var(--line);border-radius:999px;padding:.1rem .8rem;text-decoration:none;font-size:.95rem}
.tags a:hover{border-color:var(--link)}
.related{margin-top:2rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:1.5rem}
@media (min-width:60rem){.layout{grid-template-columns:minmax(0,1fr) 16rem}}
.search-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,13rem),1fr));gap:.75rem;align-items:end;background:var(--card);padding:1rem;border-radius:4px;margin-bottom:1.25rem}
.search-form .field{display:flex;flex-direction:column;gap:.2rem;min-width:0}
.search-form .wide{grid-column:1/-1}
.search-form label{font-weight:600;font-size:.95rem}
.search-form .hint{color:var(--muted);font-size:.85rem}
.facets h2{font-size:1.1rem}
.facets h3{font-size:1rem;margin-top:1rem}
.facets ul{list-style:none;margin:0;padding:0}
.facets li{padding:.1rem 0}
.facets a[aria-current]{font-weight:800}
.count{color:var(--muted);font-size:.9rem}
.summary{font-weight:600}
.error-box{border:2px solid var(--urgent);border-radius:4px;padding:.75rem 1rem;margin-bottom:1rem}
.error-box .detail{unicode-bidi:isolate;font-family:ui-monospace,monospace;font-size:.9rem;color:var(--muted);margin:0}
.pager{margin:1rem 0}
.pager ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.pager a,.pager span[aria-current]{display:inline-block;min-width:2.4rem;text-align:center;padding:.2rem .6rem;border:1px solid var(--line);border-radius:4px;text-decoration:none}
.pager span[aria-current]{background:var(--ink);color:#fff;border-color:var(--ink);font-weight:700}
.day-nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;margin:1rem 0}
.empty{color:var(--muted)}
.site-footer{border-top:1px solid var(--line);background:var(--card);font-size:.9rem;padding:1rem 0 1.5rem}
.site-footer ul{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.site-footer p{margin:0;color:var(--muted)}
.print-page .article{max-width:none}
@media print{
.site-header,.site-footer,.skip-link,.tools,.related,.breadcrumbs,.header-search,.pager{display:none!important}
body{font-size:12pt;color:#000;background:#fff}
a{color:#000;text-decoration:none}
.article .lead{background:none;padding:0}
main{padding:0}
}
`;
}
