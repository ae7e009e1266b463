/**
 * Desks (one per service, unique by name) and their editors. `setDeskEditors` replaces the whole list;
 * editor ids come back in ascending order.
 */
import { KhabarError } from '../../../errors/index.js';
import type { Desk, NewsroomStore } from '../../newsroom-store.js';
import { checkId, checkText, invalid } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import type { NewsroomLookups } from './lookups.js';

/** Longest desk name (a story's `service` allows 500; real service names are a few words). */
export const MAX_DESK_NAME = 200;

type DeskMethods = Pick<NewsroomStore, 'createDesk' | 'listDesks' | 'getDesk' | 'setDeskEditors'>;

/** The desk methods over `ctx`. */
export function createDeskMethods(ctx: NewsroomContext, lookups: NewsroomLookups): DeskMethods {
  const { db } = ctx;
  const byId = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM desks WHERE id = ?');
  const byName = db.prepare<[string], number>('SELECT id FROM desks WHERE name = ?').pluck();
  const all = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM desks ORDER BY id');
  const editorsOf = db.prepare<[number], number>('SELECT user_id FROM desk_editors WHERE desk_id = ? ORDER BY user_id').pluck();
  const allEditors = db.prepare<[], { desk_id: number; user_id: number }>(
    'SELECT desk_id, user_id FROM desk_editors ORDER BY desk_id, user_id');
  const insert = db.prepare<[string, number]>('INSERT INTO desks (name, created_at) VALUES (?, ?)');
  const clearEditors = db.prepare<[number]>('DELETE FROM desk_editors WHERE desk_id = ?');
  const addEditor = db.prepare<[number, number]>('INSERT INTO desk_editors (desk_id, user_id) VALUES (?, ?)');

  function desk(id: number): Desk | undefined {
    const row = byId.get(id);
    return row === undefined ? undefined : { id: row.id, name: row.name, editors: editorsOf.all(id) };
  }

  return {
    createDesk: (name) => ctx.run('createDesk', () => {
      const n = checkText(name, 'name', 1, MAX_DESK_NAME);
      return ctx.immediate(() => {
        const taken = byName.get(n);
        if (taken !== undefined) throw new KhabarError('CONFLICT', `desk name "${n}" is taken (desk ${taken})`, { field: 'name', conflictingId: taken });
        const id = Number(insert.run(n, ctx.now()).lastInsertRowid);
        return { id, name: n, editors: [] };
      });
    }),
    listDesks: () => ctx.run('listDesks', () => ctx.deferred(() => {
      const editors = new Map<number, number[]>();
      for (const r of allEditors.all()) {
        const list = editors.get(r.desk_id);
        if (list === undefined) editors.set(r.desk_id, [r.user_id]);
        else list.push(r.user_id);
      }
      return all.all().map((d) => ({ id: d.id, name: d.name, editors: editors.get(d.id) ?? [] }));
    })),
    getDesk: (id) => ctx.run('getDesk', () => {
      checkId(id, 'id');
      return ctx.deferred(() => desk(id));
    }),
    setDeskEditors: (deskId, userIds) => ctx.run('setDeskEditors', () => {
      checkId(deskId, 'deskId');
      if (!Array.isArray(userIds)) throw invalid('userIds', 'must be an array of user ids');
      const ids = [...new Set(userIds.map((u, i) => checkId(u, `userIds[${i}]`)))];
      return ctx.immediate(() => {
        lookups.requireDesk(deskId);
        for (const u of ids) lookups.requireUser(u);
        clearEditors.run(deskId);
        for (const u of ids) addEditor.run(deskId, u);
        return desk(deskId)!;
      });
    }),
  };
}
