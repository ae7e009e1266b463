/**
 * The story page `/story/<code>` (کد خبر) and its print view `/story/<code>/print`: headline, lead,
 * body, service, agency, Jalali date and time in Tehran, the story code in Persian digits, tags linking
 * to the search by tag, related stories. Only published (usable) stories are shown: a killed or
 * withheld story is a 404, as an unknown code is.
 */
import type { Context } from 'hono';
import type { SearchHit } from '../../../search/index.js';
import type { StoredStory } from '../../../store/index.js';
import { jalaliParts, toAsciiDigits, type Story } from '../../../story/index.js';
import { faDateTime, faDigits } from '../format.js';
import { Layout } from '../components/layout.js';
import { HeadlineList, StoryTime } from '../components/story-bits.js';
import { sendPage } from '../send-page.js';
import type { SiteContext } from '../site-context.js';
import { archiveUrl, searchUrl, serviceUrl, storyPrintUrl, storyUrl } from '../urls.js';
import { notFoundPage } from './error-page.js';

/** Reads a story code in ASCII or Persian digits. */
export function parseStoryCode(raw: string): number | undefined {
  const ascii = toAsciiDigits(raw);
  if (!/^[1-9]\d{0,15}$/.test(ascii)) return undefined;
  const n = Number(ascii);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** GET /story/:code and /story/:code/print */
export async function storyPage(c: Context, ctx: SiteContext, rawCode: string, print: boolean): Promise<Response> {
  const code = parseStoryCode(rawCode);
  if (code === undefined) return notFoundPage(c, ctx);
  // «/story/۱۰۰۰۰۰۱» works, but the page lives at one address.
  if (String(code) !== rawCode) return c.redirect(print ? storyPrintUrl(code) : storyUrl(code), 301);
  const [services, stored] = await Promise.all([ctx.services(), ctx.deps.store.getStory({ code })]);
  if (stored === undefined || stored.story.pubStatus !== 'usable') return notFoundPage(c, ctx);
  const related = print ? [] : await ctx.related(stored.id, stored.story.version);
  const s = stored.story;
  return sendPage(c, (
    <Layout ctx={ctx} services={services} service={s.service} title={print ? `${s.headline} (نسخه چاپی)` : s.headline}
      description={s.lead ?? s.body[0]?.slice(0, 300)} canonical={storyUrl(code)} ogType="article"
      noindex={print} bodyClass={print ? 'print-page' : undefined}>
      {print ? null : <Breadcrumbs story={s} />}
      <Article stored={stored} print={print} baseUrl={ctx.deps.settings.baseUrl} />
      {print ? null : <Related hits={related} />}
    </Layout>
  ), { lastModified: s.versionCreated ?? s.firstCreated });
}

function Breadcrumbs(p: { story: Story }) {
  return (
    <nav class="breadcrumbs" aria-label="مسیر صفحه">
      <ol>
        <li><a href="/">صفحه اصلی</a></li>
        {p.story.service ? <li><a href={serviceUrl(p.story.service)}>{p.story.service}</a></li> : null}
      </ol>
    </nav>
  );
}

function Article(p: { stored: StoredStory; print: boolean; baseUrl: string }) {
  const s = p.stored.story;
  const code = s.code!;
  const published = s.firstCreated ?? s.versionCreated;
  const updated = s.versionCreated !== undefined && s.versionCreated !== published ? s.versionCreated : undefined;
  const day = published === undefined ? undefined : jalaliParts(new Date(published));
  const [first, ...rest] = s.body;
  return (
    <article class="article" aria-labelledby="story-title">
      <h1 id="story-title">{s.headline}</h1>
      <p class="meta">
        {s.service ? <a href={serviceUrl(s.service)}>{s.service}</a> : null}
        {s.agency ? <span>{s.agency}</span> : null}
        <StoryTime iso={published} long={faDateTime(published)} />
        <span class="story-code">{`کد خبر: ${faDigits(code)}`}</span>
      </p>
      {updated ? <p class="meta">{'به‌روزرسانی: '}<StoryTime iso={updated} long={faDateTime(updated)} /></p> : null}
      {s.byline || s.located ? <p class="meta">{[s.byline, s.located].filter(Boolean).join(' — ')}</p> : null}
      {s.correction || s.edNote ? (
        <p class="note">{s.correction ? 'این خبر اصلاح شده است. ' : ''}{s.edNote ?? ''}</p>
      ) : null}
      {s.lead ? <p class="lead">{s.lead}</p> : null}
      <div class="body">
        {first !== undefined ? (
          <p>{s.credit ? <><span class="credit">{s.credit}</span>{s.wire?.creditSeparator ?? ' : '}</> : null}{first}</p>
        ) : null}
        {rest.map((para) => <p>{para}</p>)}
      </div>
      {s.keywords.length > 0 ? (
        <section class="tags" aria-labelledby="tags-title">
          <h2 id="tags-title">برچسب‌ها</h2>
          <ul>{s.keywords.map((k) => <li><a href={searchUrl({ tag: k })} rel="tag">{k}</a></li>)}</ul>
        </section>
      ) : null}
      {p.print ? (
        <p class="meta">{'نشانی خبر: '}<span dir="ltr">{p.baseUrl + storyUrl(code)}</span></p>
      ) : (
        <p class="tools">
          <a href={storyPrintUrl(code)} rel="alternate">نسخه چاپی</a>
          {day ? <a href={archiveUrl(day.year, day.month, day.day)}>اخبار همین روز</a> : null}
          {s.service ? <a href={serviceUrl(s.service)}>{`اخبار بیشتر در ${s.service}`}</a> : null}
        </p>
      )}
    </article>
  );
}

function Related(p: { hits: readonly SearchHit[] }) {
  const stories = p.hits.map((h) => h.story).filter((s) => s.pubStatus === 'usable');
  if (stories.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title">اخبار مرتبط</h2>
      <HeadlineList stories={stories} />
    </section>
  );
}
