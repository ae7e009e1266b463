/**
 * `/newsroom`: the desk queues, one table per state (draft, submitted, returned, scheduled, published,
 * killed) of the items the user may read — the service decides (a reporter: their own; an editor: their
 * own and their desks'; a chief: all) —, optionally one desk's. Each row: headline, desk, author, last
 * change in Jalali Tehran time, the lock holder.
 */
import type { Context } from 'hono';
import type { ItemView } from '../../../newsroom/index.js';
import { ITEM_STATES, type Desk } from '../../../store/index.js';
import { faDigits, faShortDateTime } from '../../site/format.js';
import { NrLayout } from '../components/layout.js';
import { DONE_MESSAGES, STATE_LABELS } from '../labels.js';
import { sendHtml } from '../send.js';
import type { UiContext } from '../ui-context.js';
import type { RequestAuth } from '../../newsroom-api/session.js';

/** Rows per queue. */
const QUEUE_ROWS = 50;

/** The queue page. */
export async function queuePage(c: Context, ctx: UiContext, auth: RequestAuth): Promise<Response> {
  const { newsroom } = ctx;
  const desks = await newsroom.listDesks(auth.user);
  const deskParam = Number(c.req.query('desk'));
  const desk = desks.find((d) => d.id === deskParam);
  const queues = await Promise.all(ITEM_STATES.map(async (state) => ({
    state, items: await newsroom.list(auth.user, { state, limit: QUEUE_ROWS, ...(desk ? { deskId: desk.id } : {}) }),
  })));
  const names = await ctx.names(queues.flatMap((q) => q.items.map((i) => i.authorId)));
  const deskNames = new Map(desks.map((d) => [d.id, d.name]));
  const done = DONE_MESSAGES[c.req.query('done') ?? ''];
  return sendHtml(c, (
    <NrLayout ctx={ctx} title="صف‌های سرویس" user={auth.user} csrf={auth.csrfToken} current="queues">
      <h1>صف‌های سرویس</h1>
      {done ? <p class="nr-msg" role="status">{done}</p> : null}
      <form class="nr-filter" method="get" action="/newsroom">
        <div>
          <label for="f-desk">سرویس</label>{' '}
          <select id="f-desk" name="desk">
            <option value="">همهٔ سرویس‌ها</option>
            {desks.map((d: Desk) => <option value={String(d.id)} selected={d.id === desk?.id}>{d.name}</option>)}
          </select>
        </div>
        <button class="nr-button" type="submit">نمایش</button>
        <a href="/newsroom/items/new">نوشتن خبر تازه</a>
      </form>
      <div class="nr-queue">
        {queues.map((q) => (
          <section aria-labelledby={`q-${q.state}`}>
            <h2 id={`q-${q.state}`}>{`${STATE_LABELS[q.state]} (${faDigits(q.items.length)})`}</h2>
            {q.items.length === 0 ? <p class="nr-empty">خبری در این وضعیت نیست.</p> : (
              <div class="nr-table-wrap">
                <table class="nr-table" data-state={q.state}>
                  <thead><tr><th scope="col">تیتر</th><th scope="col">سرویس</th><th scope="col">نویسنده</th><th scope="col">آخرین تغییر</th><th scope="col">در حال ویرایش</th></tr></thead>
                  <tbody>
                    {q.items.map((i: ItemView) => (
                      <tr>
                        <td><a href={`/newsroom/items/${i.id}`}>{i.draft.headline}</a></td>
                        <td>{deskNames.get(i.deskId) ?? ''}</td>
                        <td>{names.get(i.authorId) ?? ''}</td>
                        <td><time datetime={i.updatedAt}>{faShortDateTime(i.updatedAt)}</time></td>
                        <td>{i.lock && !i.lock.stale ? i.lock.displayName : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))}
      </div>
    </NrLayout>
  ));
}
