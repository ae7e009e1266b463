/**
 * The home page: the lead story (lead-story.ts), the latest headlines across services, and a box per
 * service with its newest headlines and a link to its page.
 */
import type { Context } from 'hono';
import type { StoredStory } from '../../../store/index.js';
import { faDigits, storyInstant } from '../format.js';
import { Layout } from '../components/layout.js';
import { HeadlineList, StoryLink, StoryMeta } from '../components/story-bits.js';
import { pickLeadStory } from '../lead-story.js';
import { sendPage } from '../send-page.js';
import type { SiteContext } from '../site-context.js';
import { serviceUrl } from '../urls.js';

/** Stories the lead is chosen from. */
const LEAD_CANDIDATES = 30;
/** Headlines under «تازه‌ترین اخبار». */
const LATEST_COUNT = 8;
/** Headlines per service box. */
const PER_SERVICE = 4;

/** GET / */
export async function homePage(c: Context, ctx: SiteContext): Promise<Response> {
  const { store } = ctx.deps;
  const services = await ctx.services();
  const [recent, boxes] = await Promise.all([
    store.listStories({ limit: LEAD_CANDIDATES }),
    Promise.all(services.map(async (service) => ({ service, ...(await store.listStories({ service, limit: PER_SERVICE })) }))),
  ]);
  const lead = pickLeadStory(recent.items);
  const latest = recent.items.filter((s) => s !== lead).slice(0, LATEST_COUNT);
  return sendPage(c, (
    <Layout ctx={ctx} services={services} brandIsH1 canonical="/"
      description={`تازه‌ترین اخبار ${ctx.deps.settings.agency} در ${faDigits(services.length)} سرویس خبری`}>
      {lead ? <LeadStory stored={lead} /> : <p class="empty">هنوز خبری منتشر نشده است.</p>}
      {latest.length > 0 ? (
        <section class="latest" aria-labelledby="latest-title">
          <h2 id="latest-title">تازه‌ترین اخبار</h2>
          <HeadlineList stories={latest.map((s) => s.story)} />
        </section>
      ) : null}
      <div class="services">
        {boxes.filter((b) => b.items.length > 0).map((b, i) => (
          <section class="service-box" aria-labelledby={`service-${i}`}>
            <h2 id={`service-${i}`}><a href={serviceUrl(b.service)}>{b.service}</a></h2>
            <HeadlineList stories={b.items.map((s) => s.story)} showService={false} />
            <a class="more" href={serviceUrl(b.service)}>{`همه اخبار ${b.service}`}</a>
          </section>
        ))}
      </div>
    </Layout>
  ), { lastModified: recent.items[0] ? storyInstant(recent.items[0].story) : undefined });
}

function LeadStory(p: { stored: StoredStory }) {
  const s = p.stored.story;
  return (
    <article class="lead-story" aria-labelledby="lead-title">
      {s.urgency !== undefined && s.urgency <= 3 ? <p class="kicker">خبر مهم</p> : null}
      <h2 id="lead-title"><StoryLink story={s}>{s.headline}</StoryLink></h2>
      <StoryMeta story={s} />
      {s.lead ? <p>{s.lead}</p> : null}
    </article>
  );
}
