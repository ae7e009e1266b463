/** `/items`: filing, reading, saving, the workflow moves, locks, revisions and diffs. */
import { Hono } from 'hono';
import { z } from 'zod';
import { KhabarError } from '../../errors/index.js';
import type { ItemView, Newsroom } from '../../newsroom/index.js';
import { ITEM_STATES, type User } from '../../store/index.js';
import { intParam, readId, readParams } from '../api/params.js';
import { bodies, readBody } from './body.js';
import type { NewsroomEnv } from './session.js';

const listParams = z.object({
  desk: intParam(1, Number.MAX_SAFE_INTEGER).optional(),
  state: z.enum(ITEM_STATES, { error: `must be one of ${ITEM_STATES.join(', ')}` }).optional(),
  limit: intParam(1, 200).optional(),
  offset: intParam(0, 100_000).optional(),
});
const diffParams = z.object({ from: intParam(1, Number.MAX_SAFE_INTEGER), to: intParam(1, Number.MAX_SAFE_INTEGER) });

/** The workflow and lock moves posted to `/items/{id}/{action}`. */
export const ITEM_MOVES = ['submit', 'return', 'publish', 'schedule', 'unschedule', 'correct', 'kill', 'lock', 'unlock', 'break-lock'] as const;
type Move = (typeof ITEM_MOVES)[number];

/** The item routes. */
export function itemRoutes(newsroom: Newsroom): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  const actor = (c: { get(k: 'auth'): NewsroomEnv['Variables']['auth'] }) => c.get('auth')?.user;

  app.get('/', async (c) => {
    const q = readParams(listParams, c.req.query());
    return c.json({
      items: await newsroom.list(actor(c), {
        ...(q.desk !== undefined ? { deskId: q.desk } : {}), ...(q.state !== undefined ? { state: q.state } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.offset !== undefined ? { offset: q.offset } : {}),
      }),
    });
  });
  app.post('/', async (c) => {
    const { deskId, ...draft } = await readBody(c, bodies.newItem);
    return c.json(await newsroom.file(actor(c), deskId, draft), 201);
  });
  app.get('/:id', async (c) => c.json(await newsroom.get(actor(c), readId('id', c.req.param('id')))));
  app.put('/:id', async (c) => {
    const id = readId('id', c.req.param('id'));
    const { revision, ...draft } = await readBody(c, bodies.save);
    return c.json(await newsroom.save(actor(c), id, draft, revision));
  });
  app.get('/:id/revisions', async (c) => c.json({ items: await newsroom.revisions(actor(c), readId('id', c.req.param('id'))) }));
  app.get('/:id/diff', async (c) => {
    const id = readId('id', c.req.param('id'));
    const { from, to } = readParams(diffParams, c.req.query());
    return c.json(await newsroom.diff(actor(c), id, from, to));
  });
  app.post('/:id/:action', async (c) => {
    const action = c.req.param('action');
    if (!(ITEM_MOVES as readonly string[]).includes(action)) {
      throw new KhabarError('NOT_FOUND', `no item action «${action.slice(0, 40)}»; the actions are ${ITEM_MOVES.join(', ')}`);
    }
    const id = readId('id', c.req.param('id'));
    return c.json(await runMove(newsroom, actor(c), id, action as Move, c));
  });
  return app;
}

async function runMove(newsroom: Newsroom, user: User | undefined, id: number, action: Move, c: Parameters<typeof readBody>[0]): Promise<ItemView> {
  const rev = (r: number | undefined) => (r !== undefined ? { revision: r } : {});
  switch (action) {
    case 'submit': return newsroom.submit(user, id, rev((await readBody(c, bodies.move, true)).revision));
    case 'publish': return newsroom.publish(user, id, rev((await readBody(c, bodies.move, true)).revision));
    case 'unschedule': return newsroom.unschedule(user, id, rev((await readBody(c, bodies.move, true)).revision));
    case 'return': {
      const b = await readBody(c, bodies.note);
      return newsroom.returnToReporter(user, id, b.note, rev(b.revision));
    }
    case 'kill': {
      const b = await readBody(c, bodies.note);
      return newsroom.kill(user, id, b.note, rev(b.revision));
    }
    case 'schedule': {
      const b = await readBody(c, bodies.schedule);
      return newsroom.schedule(user, id, b.at, rev(b.revision));
    }
    case 'correct': {
      const b = await readBody(c, bodies.correct);
      return newsroom.correct(user, id, b.draft, b.note, rev(b.revision));
    }
    case 'lock': {
      await readBody(c, bodies.move, true);
      const r = await newsroom.lock(user, id);
      if (!r.acquired) {
        const l = r.item.lock!;
        throw new KhabarError('CONFLICT', `item ${id} is being edited by «${l.displayName}» (${l.username}) since ${l.at}`, { itemId: id, lockedBy: l.userId });
      }
      return r.item;
    }
    case 'unlock': return newsroom.unlock(user, id);
    case 'break-lock': return newsroom.breakLock(user, id);
  }
}
