/** A service (desk) page: its stories newest first, {@link SERVICE_PAGE_SIZE} a page, `?page=n`. */
import type { Context } from 'hono';
import { faCount, faDigits, storyInstant } from '../format.js';
import { Layout } from '../components/layout.js';
import { Pager, parsePage } from '../components/pager.js';
import { StoryList } from '../components/story-bits.js';
import { sendPage } from '../send-page.js';
import type { SiteContext } from '../site-context.js';
import { serviceUrl } from '../urls.js';
import { notFoundPage } from './error-page.js';

/** Stories per service page. */
export const SERVICE_PAGE_SIZE = 15;

/** GET /service/:name — 404 for a service without published stories or a page past the last. */
export async function servicePage(c: Context, ctx: SiteContext, service: string): Promise<Response> {
  const page = parsePage(c.req.query('page'));
  if (page === undefined) return notFoundPage(c, ctx);
  const [services, list] = await Promise.all([
    ctx.services(),
    ctx.deps.store.listStories({ service, limit: SERVICE_PAGE_SIZE, offset: (page - 1) * SERVICE_PAGE_SIZE }),
  ]);
  const last = Math.max(1, Math.ceil(list.total / SERVICE_PAGE_SIZE));
  if (list.total === 0 || page > last) return notFoundPage(c, ctx);
  const title = page > 1 ? `${service} — صفحه ${faDigits(page)}` : service;
  return sendPage(c, (
    <Layout ctx={ctx} services={services} service={service} title={title} canonical={serviceUrl(service, page)}
      description={`اخبار ${service} ${ctx.deps.settings.agency}`}>
      <h1>{service}</h1>
      <p class="count">{`${faCount(list.total)} خبر${page > 1 ? ` · صفحه ${faDigits(page)} از ${faDigits(last)}` : ''}`}</p>
      <StoryList stories={list.items.map((s) => s.story)} showService={false} />
      <Pager page={page} last={last} href={(n) => serviceUrl(service, n)} />
    </Layout>
  ), { lastModified: list.items[0] ? storyInstant(list.items[0].story) : undefined });
}
