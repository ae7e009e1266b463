/**
 * Desks (services) and their editors. Everyone logged in sees the desks (a reporter picks one to file
 * into); only an admin creates desks and chooses their editors.
 */
import { KhabarError } from '../../errors/index.js';
import type { Desk, User } from '../../store/index.js';
import { authorize } from '../policy/permissions.js';
import { FIELD_LIMITS } from '../../story/index.js';
import { checkId, requireActor, type ServiceContext } from './context.js';

/** The desk actions. */
export interface DeskActions {
  /** A new desk; its name is the service its stories carry («سرویس آذربایجان»). */
  createDesk(actor: User | undefined, name: string): Promise<Desk>;
  listDesks(actor: User | undefined): Promise<Desk[]>;
  /** Replaces the desk's editors: users with the editor role (chiefs and admins edit every desk anyway). */
  setDeskEditors(actor: User | undefined, deskId: number, userIds: readonly number[]): Promise<Desk>;
}

/** The desk actions over `ctx`. */
export function deskActions(ctx: ServiceContext): DeskActions {
  const { nr } = ctx;
  return {
    async createDesk(actor, name) {
      authorize(actor, 'desk.create');
      const n = typeof name === 'string' ? name.trim() : '';
      if (n === '' || n.length > FIELD_LIMITS.short) {
        throw new KhabarError('INVALID_INPUT', `desk name must be 1–${FIELD_LIMITS.short} characters`, { field: 'name' });
      }
      if ((await nr.listDesks()).some((d) => d.name === n)) throw new KhabarError('CONFLICT', `desk «${n}» exists`, { field: 'name' });
      const desk = await nr.createDesk(n);
      await ctx.audit({ action: 'desk.create', userId: actor.id, detail: { id: desk.id, name: n } });
      return desk;
    },

    async listDesks(actor) {
      requireActor(actor, 'list desks');
      return nr.listDesks();
    },

    async setDeskEditors(actor, deskId, userIds) {
      checkId(deskId, 'desk id');
      const desk = await ctx.desk(deskId);
      authorize(actor, 'desk.editors', { desk });
      if (!Array.isArray(userIds) || userIds.length > 1000) {
        throw new KhabarError('INVALID_INPUT', 'editors must be a list of user ids', { field: 'editors' });
      }
      const ids = [...new Set(userIds)];
      for (const id of ids) {
        checkId(id, 'editor id');
        const u = await nr.getUser(id);
        if (!u) throw new KhabarError('NOT_FOUND', `no user ${id}`, { userId: id });
        if (u.role !== 'editor') {
          throw new KhabarError('INVALID_INPUT', `user «${u.username}» is a ${u.role}, not an editor: only editors are listed on desks`, { field: 'editors', userId: id });
        }
      }
      const next = await nr.setDeskEditors(deskId, ids);
      await ctx.audit({ action: 'desk.editors', userId: actor.id, detail: { id: deskId, editors: ids } });
      return next;
    },
  };
}
