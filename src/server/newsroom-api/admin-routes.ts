/** `/users`, `/desks`, `/webhooks`, `/audit`: administration and the audit log. */
import { Hono } from 'hono';
import { z } from 'zod';
import { KhabarError } from '../../errors/index.js';
import type { Newsroom } from '../../newsroom/index.js';
import type { Role } from '../../store/index.js';
import { intParam, readId, readParams } from '../api/params.js';
import type { ServerDeps } from '../deps.js';
import { bodies, readBody } from './body.js';
import { clearSessionCookie, type NewsroomEnv } from './session.js';

const auditParams = z.object({
  item: intParam(1, Number.MAX_SAFE_INTEGER).optional(),
  user: intParam(1, Number.MAX_SAFE_INTEGER).optional(),
  before: intParam(1, Number.MAX_SAFE_INTEGER).optional(),
  limit: intParam(1, 500).optional(),
});

/** The administration routes. */
export function adminRoutes(deps: ServerDeps, newsroom: Newsroom): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  const actor = (c: { get(k: 'auth'): NewsroomEnv['Variables']['auth'] }) => c.get('auth')?.user;

  app.get('/users', async (c) => c.json({ items: await newsroom.listUsers(actor(c)) }));
  app.post('/users', async (c) => {
    const b = await readBody(c, bodies.newUser);
    return c.json(await newsroom.createUser(actor(c), { ...b, role: b.role as Role }), 201);
  });
  app.patch('/users/:id', async (c) => {
    const id = readId('id', c.req.param('id'));
    const { password, currentPassword, ...patch } = await readBody(c, bodies.userPatch);
    const user = actor(c);
    if (currentPassword !== undefined && password === undefined) {
      throw new KhabarError('INVALID_INPUT', 'field currentPassword: only with password', { field: 'currentPassword' });
    }
    let updated;
    if (Object.keys(patch).length > 0) updated = await newsroom.updateUser(user, id, { ...patch, role: patch.role as Role | undefined });
    if (password !== undefined) {
      await newsroom.setPassword(user, id, password, currentPassword);
      // Every session of that user ended, the caller's own included when it was theirs.
      if (user?.id === id) clearSessionCookie(c, deps.settings.baseUrl.startsWith('https:'));
    }
    if (updated === undefined && password === undefined) throw new KhabarError('INVALID_INPUT', 'nothing to change: give displayName, role, disabled or password');
    return updated ? c.json(updated) : c.body(null, 204);
  });

  app.get('/desks', async (c) => c.json({ items: await newsroom.listDesks(actor(c)) }));
  app.post('/desks', async (c) => {
    const { name } = await readBody(c, bodies.newDesk);
    return c.json(await newsroom.createDesk(actor(c), name), 201);
  });
  app.put('/desks/:id/editors', async (c) => {
    const id = readId('id', c.req.param('id'));
    const { editors } = await readBody(c, bodies.editors);
    return c.json(await newsroom.setDeskEditors(actor(c), id, editors));
  });

  app.get('/webhooks', async (c) => c.json({ items: await newsroom.listWebhooks(actor(c)) }));
  app.post('/webhooks', async (c) => {
    const { url, secret } = await readBody(c, bodies.newWebhook);
    return c.json(await newsroom.createWebhook(actor(c), url, secret), 201);
  });
  app.delete('/webhooks/:id', async (c) => {
    await newsroom.deleteWebhook(actor(c), readId('id', c.req.param('id')));
    return c.body(null, 204);
  });

  app.get('/audit', async (c) => {
    const q = readParams(auditParams, c.req.query());
    return c.json({
      items: await newsroom.audit(actor(c), {
        ...(q.item !== undefined ? { itemId: q.item } : {}), ...(q.user !== undefined ? { userId: q.user } : {}),
        ...(q.before !== undefined ? { before: q.before } : {}), limit: q.limit ?? 100,
      }),
    });
  });
  return app;
}
