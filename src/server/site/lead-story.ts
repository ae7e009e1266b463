/**
 * Which story leads the home page. The rule, as an agency's front page works: the most urgent story of
 * the last day of news, the most recent among equally urgent ones.
 * - Candidates are the stories published within {@link LEAD_WINDOW_MS} (24 hours) before the newest
 *   story — measured from the newest story rather than the clock, so an archive that stopped a week
 *   ago still gets its last day's top story, not an arbitrary old one.
 * - The best urgency wins (ninjs/NewsML-G2 urgency: 1 is a flash, 9 the lowest); a story without an
 *   urgency counts as 9, so only a story the desk marked can outrank a newer one.
 * - Ties go to the most recent.
 * Later stories matter more than a slightly better urgency from a day ago, which is the point of the
 * window: a 24-hour-old urgency-2 story is still the lead, a 25-hour-old one no longer is.
 */
import type { Story } from '../../story/index.js';
import { storyInstant } from './format.js';

/** How far back from the newest story a lead may be. */
export const LEAD_WINDOW_MS = 24 * 3_600_000;
/** Urgency of a story that has none. */
const NO_URGENCY = 9;

/**
 * Picks the lead among `stories` (any order); undefined for none. The caller passes the most recent
 * stories (the home page takes 30, more than a day of a small desk's output).
 */
export function pickLeadStory<T extends { story: Story }>(stories: readonly T[]): T | undefined {
  const time = (s: T) => Date.parse(storyInstant(s.story) ?? '') || 0;
  let newest = -Infinity;
  for (const s of stories) newest = Math.max(newest, time(s));
  let best: T | undefined;
  for (const s of stories) {
    if (time(s) < newest - LEAD_WINDOW_MS) continue;
    if (best === undefined) {
      best = s;
      continue;
    }
    const u = s.story.urgency ?? NO_URGENCY;
    const bu = best.story.urgency ?? NO_URGENCY;
    if (u < bu || (u === bu && time(s) > time(best))) best = s;
  }
  return best;
}
