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
/**
 * Newest stories read in one query and shared out among the service boxes; only a service with too
 * few stories among them gets a query of its own (one query instead of one per service, usually).
 */
const HOME_WINDOW = 100;
/** Headlines under «تازه‌ترین اخبار». */
const LATEST_COUNT = 8;
/** Headlines per service box. */
const PER_SERVICE = 4;

/** GET / */
export async function homePage(c: Context, ctx: SiteContext): Promise<Response> {
  const { store } = ctx.deps;
  const [services, recent] = await Promise.all([ctx.services(), store.listStories({ limit: HOME_WINDOW })]);
  const byService = new Map<string, StoredStory[]>(services.map((name) => [name, []]));
  for (const s of recent.items) {
    const box = s.story.service === undefined ? undefined : byService.get(s.story.service);
    if (box !== undefined && box.length < PER_SERVICE) box.push(s);
  }
  const complete = recent.items.length === recent.total;
  const boxes = await Promise.all(services.map(async (service) => {
    const items = byService.get(service)!;
    if (items.length >= PER_SERVICE || complete) return { service, items };
    return { service, items: (await store.listStories({ service, limit: PER_SERVICE })).items };
  }));
  const candidates = recent.items.slice(0, LEAD_CANDIDATES);
  const lead = pickLeadStory(candidates);
  const latest = candidates.filter((s) => s !== lead).slice(0, LATEST_COUNT);
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
