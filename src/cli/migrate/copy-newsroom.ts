/**
 * The newsroom part of `khabar migrate`: read through the source's NewsroomStore, written by the
 * PostgreSQL adapter's copyNewsroomIntoPostgres (row for row, ids kept: the interface cannot set ids,
 * states or times). Item story ids and webhook cursors are mapped to the target's archive first.
 */
import type { NewsroomItem, Store, UserWithSecret, Webhook } from '../../store/index.js';
import { copyNewsroomIntoPostgres, type NewsroomCopyResult } from '../../store/index.js';

const PAGE = 1000;

/** Every item of a newsroom. */
async function allItems(store: Store): Promise<NewsroomItem[]> {
  const out: NewsroomItem[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.newsroom.listItems({ limit: PAGE, offset });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** The target seq for a source cursor: that of the last copied source event at or before it. */
function mapCursor(cursor: number, seqMap: ReadonlyMap<number, number>): number {
  let best = 0;
  for (const [s, t] of seqMap) if (s <= cursor && t > best) best = t;
  return best;
}

/** Copies the newsroom; returns rows new in the target and the user/item counts of both sides. */
export async function copyNewsroom(source: Store, target: Store, to: { url: string; schema?: string },
  idMap: ReadonlyMap<number, number>, seqMap: ReadonlyMap<number, number>) {
  const nr = source.newsroom;
  const users: UserWithSecret[] = [];
  for (const u of await nr.listUsers()) users.push((await nr.getUserByUsername(u.username))!);
  const items = await allItems(source);
  const audit = [];
  for (let before: number | undefined; ;) {
    const page = await nr.listAudit({ limit: PAGE, ...(before !== undefined ? { before } : {}) });
    audit.push(...page);
    if (page.length < PAGE) break;
    before = page[page.length - 1]!.id;
  }
  const webhooks: Webhook[] = (await nr.listWebhooks()).map((w) => ({ ...w, cursor: mapCursor(w.cursor, seqMap) }));
  const copy = {
    users,
    desks: await nr.listDesks(),
    items: await Promise.all(items.map(async (item) => ({
      item: item.storyId === undefined ? item : { ...item, storyId: idMap.get(item.storyId) ?? item.storyId },
      revisions: await nr.listRevisions(item.id),
    }))),
    audit: audit.reverse(),
    webhooks,
  };
  const added: NewsroomCopyResult = await copyNewsroomIntoPostgres(to.url, to.schema !== undefined ? { schema: to.schema } : {}, copy);
  return {
    added,
    counts: {
      users: [users.length, (await target.newsroom.listUsers()).length] as [number, number],
      items: [items.length, (await allItems(target)).length] as [number, number],
    },
  };
}
