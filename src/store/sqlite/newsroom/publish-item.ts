/**
 * Publishing an item: one IMMEDIATE transaction writes the archive story's next version through the
 * Store's own story writer (story-writer.ts, the code putStories runs: identity, code, versions, keywords,
 * search index, and the wire event that is the subscribers' outbox, DESIGN.md §4), then the item's new
 * state with `storyId`/`publishedVersion`, its next revision and the audit entry. Any refusal or failure
 * rolls all of it back, the story writer's code sequence and index segment included.
 *
 * Rules beyond Store.putStory:
 * - the story's uri must be the item's (its archive identity for life); `publish` and `correct` need a
 *   usable story, `kill` a canceled one; `correct` and `kill` need an item that was published before;
 * - the first publication must create the story: if the uri (or the story's `source`) leads to a stored
 *   story this item did not publish, CONFLICT; later ones must land on the item's story;
 * - a story identical to the stored latest version (putStory would answer `unchanged`: no version, no
 *   wire event, nothing for subscribers) is refused with CONFLICT (`details.reason: 'unchanged'`) and
 *   nothing is written: a publication that reaches nobody must not look like one in the item's history.
 *
 * The item's draft becomes the story as stored (with its code and version number), so the newsroom shows
 * the کد خبر after the first publication. The revision of a publication by the system (userId undefined:
 * the scheduler) is credited to the user of the item's latest revision (who scheduled it); the audit
 * entry records the system (no user).
 */
import { KhabarError } from '../../../errors/index.js';
import type { NewsroomStore } from '../../newsroom-store.js';
import type { PutResult } from '../../store.js';
import type { AuditAppender } from './audit.js';
import { checkExpectation, checkId, checkNote, checkObject, checkStory, invalid } from '../../newsroom-checks.js';
import type { NewsroomContext } from './context.js';
import type { ItemWrites } from './item-writes.js';
import { MAX_NOTE } from './items.js';
import type { NewsroomLookups } from './lookups.js';
import { toItem } from './rows.js';

const ACTIONS = ['publish', 'correct', 'kill'] as const;

/** {@link NewsroomStore.publishItem} over `ctx`. */
export function createPublishItem(ctx: NewsroomContext, lookups: NewsroomLookups, writes: ItemWrites, audit: AuditAppender): NewsroomStore['publishItem'] {
  const { db } = ctx;
  const storedStory = db.prepare<[number], string>('SELECT story FROM stories WHERE id = ?').pluck();

  return (id, publication) => ctx.run('publishItem', () => {
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
    const writer = ctx.writer;
    if (writer === undefined) throw new KhabarError('STORE', 'publishItem: the store was opened read-only');

    return ctx.immediate(() => {
      try {
        const row = lookups.requireItem(id);
        if (userId !== undefined) lookups.requireUser(userId);
        writes.check(row, expect);
        if (story.uri !== row.uri) {
          throw invalid('publication.story.uri', `must be the item's uri ${row.uri} (its archive identity), got ${story.uri}`);
        }
        if (action !== 'publish' && row.story_id === null) {
          throw new KhabarError('CONFLICT', `item ${id} has not been published: nothing to ${action}`, { itemId: id, state: row.state });
        }
        const now = ctx.now();
        const put: PutResult = writer.put(story, now);
        if (row.story_id === null ? put.status !== 'created' : put.id !== row.story_id) {
          const identity = `uri ${story.uri}${story.source ? `, source ${story.source.name}/${story.source.id}` : ''}`;
          const whose = row.story_id === null ? `which item ${id} did not publish` : `not item ${id}'s story ${row.story_id}`;
          throw new KhabarError('CONFLICT', `the story's identity (${identity}) leads to archive story ${put.id}, ${whose}`,
            { itemId: id, conflictingId: put.id, storyId: row.story_id ?? undefined });
        }
        if (put.status === 'unchanged') {
          throw new KhabarError('CONFLICT',
            `nothing to ${action}: the story is identical to version ${put.version} of archive story ${put.id}`,
            { reason: 'unchanged', itemId: id, storyId: put.id, version: put.version });
        }
        const next = writes.commit(row, {
          state: action === 'kill' ? 'killed' : 'published',
          draft: storedStory.get(put.id)!,
          userId: userId ?? writes.lastRevisionUser(row),
          action,
          note,
          scheduledAt: null,
          storyId: put.id,
          publishedVersion: put.version,
        }, now);
        const detail: Record<string, unknown> = { storyId: put.id, code: put.code, version: put.version, revision: next.revision };
        if (note !== null) detail['note'] = note;
        audit({ at: now, userId, action: `item.${action}`, itemId: id, detail });
        writer.finish();
        return { item: toItem(next), put };
      } finally {
        // After finish() this forgets nothing; after a throw it drops the code and index segment the
        // rolled-back put prepared (as putStories does).
        writer.discard();
      }
    });
  });
}
