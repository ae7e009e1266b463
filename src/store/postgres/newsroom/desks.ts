/**
 * Desks and their editors on PostgreSQL (as sqlite/newsroom/desks.ts). `setDeskEditors` replaces the whole
 * list with the desk's row locked, so two concurrent replacements apply one after the other (the last one
 * wins whole) instead of mixing. A desk and its editors are read in one statement: one snapshot.
 */
import { KhabarError } from '../../../errors/index.js';
import type { Desk, NewsroomStore } from '../../newsroom-store.js';
import { checkId, checkText, invalid } from '../../newsroom-checks.js';
import { MAX_DESK_NAME } from '../../sqlite/newsroom/desks.js';
import type { PgNewsroomContext, Sql } from './context.js';
import { lockDesk, requireUsers } from './lookups.js';
import { at, type PgInt } from './rows.js';

type DeskMethods = Pick<NewsroomStore, 'createDesk' | 'listDesks' | 'getDesk' | 'setDeskEditors'>;

interface DeskRow {
  id: PgInt;
  name: string;
  editors: PgInt[];
}

/** Desks with their editors (ascending) in one statement; `$1` null for all. */
const DESKS = `SELECT d.id, d.name,
    COALESCE((SELECT array_agg(e.user_id ORDER BY e.user_id) FROM desk_editors e WHERE e.desk_id = d.id), '{}') AS editors
  FROM desks d WHERE $1::bigint IS NULL OR d.id = $1 ORDER BY d.id`;

function toDesk(r: DeskRow): Desk {
  return { id: Number(r.id), name: r.name, editors: r.editors.map(Number) };
}

async function readDesk(sql: Sql, id: number): Promise<Desk | undefined> {
  const [row] = (await sql.query<DeskRow>(DESKS, [id])).rows;
  return row === undefined ? undefined : toDesk(row);
}

/** The desk methods over `ctx`. */
export function createDeskMethods(ctx: PgNewsroomContext): DeskMethods {
  return {
    createDesk: (name) => ctx.run('createDesk', async () => {
      const n = checkText(name, 'name', 1, MAX_DESK_NAME);
      return ctx.tx(async (c) => {
        const taken = (await c.query<{ id: string }>('SELECT id FROM desks WHERE name = $1', [n])).rows[0];
        if (taken !== undefined) {
          const id = Number(taken.id);
          throw new KhabarError('CONFLICT', `desk name "${n}" is taken (desk ${id})`, { field: 'name', conflictingId: id });
        }
        const row = (await c.query<{ id: string }>('INSERT INTO desks (name, created_at) VALUES ($1, $2) RETURNING id', [n, at(await ctx.now(c))])).rows[0]!;
        return { id: Number(row.id), name: n, editors: [] };
      });
    }),
    listDesks: () => ctx.run('listDesks', async () => (await ctx.rows<DeskRow>(DESKS, [null])).map(toDesk)),
    getDesk: (id) => ctx.run('getDesk', async () => {
      checkId(id, 'id');
      const [row] = await ctx.rows<DeskRow>(DESKS, [id]);
      return row === undefined ? undefined : toDesk(row);
    }),
    setDeskEditors: (deskId, userIds) => ctx.run('setDeskEditors', async () => {
      checkId(deskId, 'deskId');
      if (!Array.isArray(userIds)) throw invalid('userIds', 'must be an array of user ids');
      const ids = [...new Set(userIds.map((u, i) => checkId(u, `userIds[${i}]`)))];
      return ctx.tx(async (c) => {
        await lockDesk(c, deskId);
        await requireUsers(c, ids);
        await c.query('DELETE FROM desk_editors WHERE desk_id = $1', [deskId]);
        if (ids.length > 0) {
          await c.query('INSERT INTO desk_editors (desk_id, user_id) SELECT $1, unnest($2::bigint[])', [deskId, ids]);
        }
        return (await readDesk(c, deskId))!;
      });
    }),
  };
}
