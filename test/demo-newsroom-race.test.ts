/**
 * Two servers started together on one empty PostgreSQL both load the demo newsroom
 * (src/cli/demo/demo-newsroom.ts): both pass the "no users yet" check, one wins, the other gets no
 * password and no error, and the newsroom is whole — every demo account once, a desk per service.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoContent } from '../src/cli/demo/load-demo.js';
import { DEMO_USERS, loadDemoNewsroom } from '../src/cli/demo/demo-newsroom.js';
import { openPostgresStore, type Store } from '../src/store/index.js';
import { PG_TEST_URL, dropSchema, freshSchema, pgDescribe } from './support/postgres.js';

pgDescribe('demo newsroom race test')('the demo newsroom loaded by two servers at once', () => {
  const schema = freshSchema();
  const stores: Store[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) stores.push(await openPostgresStore(PG_TEST_URL!, { schema, poolSize: 4 }));
    await loadDemoContent(stores[0]!);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await dropSchema(schema);
  });

  it('is created once, whole, and neither server fails', async () => {
    const passwords = await Promise.all(stores.map((s) => loadDemoNewsroom(s)));
    expect(passwords.filter((p) => p !== undefined)).toHaveLength(1);
    const users = await stores[1]!.newsroom.listUsers();
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    const desks = (await stores[1]!.newsroom.listDesks()).map((d) => d.name).sort();
    expect(desks).toEqual((await stores[1]!.services()).map((s) => s.name).sort());
  });
});
