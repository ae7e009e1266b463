/**
 * Publishing an item on PostgreSQL (as sqlite/newsroom/publish-item.ts, whose comment states the rules):
 * one transaction locks the item's row, checks the caller's expectation, writes the archive story's next
 * version with the adapter's own story writer (`putStoryTx`: identity, code, versions, search terms and the
 * wire event that is the subscribers' outbox), then the item's new state with `storyId`/`publishedVersion`,
 * its next revision and the audit entry. Any refusal or failure rolls all of it back, the story and its
 * wire event included. Of two servers publishing one item at one revision, the second waits on the row
 * lock and is refused: one story version, one wire event.
 *
 * Refused with CONFLICT and nothing written: a first publication whose identity leads to a story this item
 * did not publish; a later one that lands elsewhere than the item's story; a story identical to the stored
 * latest version (`details.reason: 'unchanged'`). A publication by the system (userId undefined: the
 * scheduler) credits its revision to the user of the item's latest revision; the audit entry has no user.
 */
import { KhabarError } from '../../../errors/index.js';
import type { NewsroomStore } from '../../newsroom-store.js';
import type { PutResult } from '../../store.js';
import { checkExpectation, checkId, checkNote, checkObject, checkStory, invalid } from '../../newsroom-checks.js';
import { MAX_NOTE } from '../../sqlite/newsroom/items.js';
import { putStoryTx } from '../pg-story-writer.js';
import { appendAuditTx } from './audit.js';
import type { PgNewsroomContext } from './context.js';
import { checkItem, commitItem, lastRevisionUser } from './item-writes.js';
import { lockItem, requireUser } from './lookups.js';
import { num, toItem, type PgJson } from './rows.js';

const ACTIONS = ['publish', 'correct', 'kill'] as const;

/** {@link NewsroomStore.publishItem} over `ctx`. */
export function createPublishItem(ctx: PgNewsroomContext): NewsroomStore['publishItem'] {
  return (id, publication) => ctx.run('publishItem', async () => {
    checkId(id, 'id');
    const p = checkObject(publication, 'publication', ['story', 'userId', 'action', 'note', 'expect']);
    const story = checkStory(p['story'], 'publication.story');
    const userId = p['userId'] === undefined ? undefined : checkId(p['userId'], 'publication.userId');
    const action = p['action'] as (typeof ACTIONS)[number];
    if (!ACTIONS.includes(action)) throw invalid('publication.action', `must be one of ${ACTIONS.join(', ')}`);
    const wanted = action === 'kill' ? 'canceled' : 'usable';
    if (story.pubStatus !== wanted) {
      throw invalid('publication.story.pubStatus', `must be ${wanted} to ${action}, got ${story.pubStatus}`);
    }
    const note = p['note'] === undefined ? null : checkNote(p['note'], 'publication.note', MAX_NOTE);
    const expect = checkExpectation(p['expect'], 'publication.expect');

    return ctx.tx(async (c) => {
      const row = await lockItem(c, id);
      if (userId !== undefined) await requireUser(c, userId);
      await checkItem(c, row, expect);
      if (story.uri !== row.uri) {
        throw invalid('publication.story.uri', `must be the item's uri ${row.uri} (its archive identity), got ${story.uri}`);
      }
      const storyId = row.story_id === null ? null : num(row.story_id);
      if (action !== 'publish' && storyId === null) {
        throw new KhabarError('CONFLICT', `item ${id} has not been published: nothing to ${action}`, { itemId: id, state: row.state });
      }
      const now = await ctx.now(c);
      const put: PutResult = await putStoryTx(c, story, now);
      if (storyId === null ? put.status !== 'created' : put.id !== storyId) {
        const identity = `uri ${story.uri}${story.source ? `, source ${story.source.name}/${story.source.id}` : ''}`;
        const whose = storyId === null ? `which item ${id} did not publish` : `not item ${id}'s story ${storyId}`;
        throw new KhabarError('CONFLICT', `the story's identity (${identity}) leads to archive story ${put.id}, ${whose}`,
          { itemId: id, conflictingId: put.id, storyId: storyId ?? undefined });
      }
      if (put.status === 'unchanged') {
        throw new KhabarError('CONFLICT',
          `nothing to ${action}: the story is identical to version ${put.version} of archive story ${put.id}`,
          { reason: 'unchanged', itemId: id, storyId: put.id, version: put.version });
      }
      // The item's draft becomes the story as stored (its code and version number).
      const stored = (await c.query<{ story: PgJson }>('SELECT story FROM stories WHERE id = $1', [put.id])).rows[0]!.story;
      const next = await commitItem(c, row, {
        state: action === 'kill' ? 'killed' : 'published',
        draft: typeof stored === 'string' ? stored : JSON.stringify(stored),
        userId: userId ?? await lastRevisionUser(c, row),
        action,
        note,
        scheduledAt: null,
        storyId: put.id,
        publishedVersion: put.version,
      }, now);
      const detail: Record<string, unknown> = { storyId: put.id, code: put.code, version: put.version, revision: num(next.revision) };
      if (note !== null) detail['note'] = note;
      await appendAuditTx(c, { at: now, userId, action: `item.${action}`, itemId: id, detail });
      return { item: toItem(next), put };
    });
  });
}
