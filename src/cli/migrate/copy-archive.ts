/**
 * The archive part of `khabar migrate`: every story with every version, replayed through the target's
 * Store.putStories in the order that reproduces the source's wire log.
 *
 * Order. The source's wire log is walked oldest first; before the version of each event, every earlier
 * version of that story not yet copied is put (versions that made no event: withheld, a first version
 * killed…). A put makes a wire event exactly when the source's did (same version after the same previous
 * version), so the target's log has the source's events in the source's order. Then every story is
 * scanned for versions after its last logged one. Each put keeps the version's JSON (uri, code, version
 * number as stored: the first version keeps its number, later ones count up, as in the source), so
 * versions and codes come out identical.
 *
 * Resuming. Puts go in batches (one transaction each); the target's stories are looked up by code first,
 * and a version at or below the target's version of that story is skipped. An interrupted run leaves a
 * prefix of the replay, so a second run continues where it stopped and a complete one writes nothing.
 *
 * What differs: story ids (the target numbers stories in the order it first sees them; `idMap` maps
 * them), wire sequence numbers (`seqMap`), and the time each version and event was stored (the copy's).
 */
import { KhabarError } from '../../errors/index.js';
import type { Story } from '../../story/index.js';
import type { PutResult, Store } from '../../store/index.js';

const ALL_STATUSES: Array<Story['pubStatus']> = ['usable', 'withheld', 'canceled'];
const PAGE = 1000;
const BATCH = 200;

/** What the archive copy did and found. */
export interface ArchiveCopy {
  /** Versions written by this run. */
  written: number;
  /** Source story id → target story id. */
  idMap: Map<number, number>;
  /** Source wire seq → target wire seq. */
  seqMap: Map<number, number>;
  counts: { stories: [number, number]; versions: [number, number]; wireEvents: [number, number] };
  /** Stories whose versions differ between source and target, and wire events out of step (first few). */
  mismatches: string[];
}

/** Every story of a store, newest first, a page at a time. */
async function* allStories(store: Store) {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await store.listStories({ pubStatus: ALL_STATUSES, limit: PAGE, offset });
    yield* items;
    if (items.length < PAGE) return;
  }
}

/** Copies the archive of `source` into `target`; `progress(done, total, written)` as it goes. */
export async function copyArchive(source: Store, target: Store,
  progress: (done: number, total: number, written: number) => void): Promise<ArchiveCopy> {
  // code → the target's story id and newest version (including puts still in the batch).
  const have = new Map<number, { id?: number; version: number }>();
  for await (const s of allStories(target)) have.set(s.story.code!, { id: s.id, version: s.story.version });
  const storyCount = await source.countStories();
  const lastSeq = await source.lastWireSeq();
  const total = lastSeq + storyCount;
  let done = 0;
  let written = 0;
  let batch: Story[] = [];

  async function flush(): Promise<void> {
    if (batch.length === 0) return;
    const results: PutResult[] = await target.putStories(batch);
    results.forEach((r, i) => {
      const s = batch[i]!;
      if (r.status === 'unchanged' || r.version !== s.version || r.code !== s.code) {
        throw new KhabarError('STORE', `story code ${s.code} version ${s.version} was stored as version ${r.version} (${r.status}) in the target; `
          + 'the target holds other content for this story');
      }
      have.set(r.code, { id: r.id, version: r.version });
    });
    written += batch.length;
    batch = [];
  }

  /** Queues the versions of source story `id` after the target's, up to `upTo`. */
  async function bring(id: number, upTo: number, versions?: Story[]): Promise<void> {
    const all = versions ?? await source.getVersions(id);
    const code = all[0]?.code;
    if (code === undefined) return;
    const at = have.get(code);
    let version = at?.version ?? 0;
    for (const v of all) {
      if (v.version <= version || v.version > upTo) continue;
      batch.push(v);
      version = v.version;
    }
    have.set(code, { ...(at?.id !== undefined ? { id: at.id } : {}), version });
    if (batch.length >= BATCH) await flush();
  }

  for (let after = 0; ;) {
    const events = await source.wireEvents(after, PAGE);
    if (events.length === 0) break;
    for (const e of events) {
      if ((have.get(e.story.code!)?.version ?? 0) < e.story.version) await bring(e.id, e.story.version);
      progress(++done, total, written);
    }
    after = events[events.length - 1]!.seq;
  }
  await flush();

  // The rest of every story; and the check: each story's versions equal in both.
  const idMap = new Map<number, number>();
  const mismatches: string[] = [];
  let versionsSource = 0;
  const sourceStories: Array<{ id: number; code: number }> = [];
  for await (const s of allStories(source)) sourceStories.push({ id: s.id, code: s.story.code! });
  for (const s of sourceStories) {
    const versions = await source.getVersions(s.id);
    versionsSource += versions.length;
    await bring(s.id, Number.MAX_SAFE_INTEGER, versions);
    progress(++done, total, written);
  }
  await flush();
  let versionsTarget = 0;
  for (const s of sourceStories) {
    const t = await target.getStory({ code: s.code });
    if (t === undefined) {
      mismatches.push(`story code ${s.code} is missing in the target`);
      continue;
    }
    idMap.set(s.id, t.id);
    const [a, b] = [await source.getVersions(s.id), await target.getVersions(t.id)];
    if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(`story code ${s.code}: versions differ`);
  }
  for await (const s of allStories(target)) versionsTarget += (await target.getVersions(s.id)).length;

  // Wire logs side by side: the same events in the same order; their seq numbers mapped.
  const seqMap = new Map<number, number>();
  let wireSource = 0;
  let wireTarget = 0;
  for (let a = 0, b = 0; ;) {
    const [es, et] = [await source.wireEvents(a, PAGE), await target.wireEvents(b, PAGE)];
    if (es.length === 0 && et.length === 0) break;
    wireSource += es.length;
    wireTarget += et.length;
    es.forEach((e, i) => {
      const t = et[i];
      if (t === undefined || t.kind !== e.kind || t.story.code !== e.story.code || t.story.version !== e.story.version) {
        if (mismatches.length < 20) mismatches.push(`wire event ${e.seq} (${e.kind} code ${e.story.code} v${e.story.version}) differs in the target`);
      } else {
        seqMap.set(e.seq, t.seq);
      }
    });
    a = es.length ? es[es.length - 1]!.seq : a;
    b = et.length ? et[et.length - 1]!.seq : b;
    if (es.length < PAGE && et.length < PAGE) break;
  }
  return {
    written, idMap, seqMap, mismatches,
    counts: {
      stories: [storyCount, await target.countStories()],
      versions: [versionsSource, versionsTarget],
      wireEvents: [wireSource, wireTarget],
    },
  };
}
