import { describe, expect, it } from 'vitest';
import { createStory } from '../../story/index.js';
import { LEAD_WINDOW_MS, pickLeadStory } from './lead-story.js';

const NOW = Date.parse('2025-08-21T12:00:00Z');
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();
const item = (id: number, hoursAgo: number, urgency?: number) => ({
  id, story: createStory({ headline: `خبر ${id}`, versionCreated: at(hoursAgo), urgency }),
});

describe('pickLeadStory', () => {
  it('takes the most urgent story of the last day, the newest among equals', () => {
    const stories = [item(1, 1, 5), item(2, 6, 2), item(3, 3, 2), item(4, 30, 1)];
    expect(pickLeadStory(stories)?.id).toBe(3);
  });

  it('measures the window from the newest story, not the clock', () => {
    const stories = [item(1, 500, 6), item(2, 510, 3), item(3, 500 + LEAD_WINDOW_MS / 3_600_000 + 1, 1)];
    expect(pickLeadStory(stories)?.id).toBe(2);
  });

  it('counts a story without urgency as the lowest and falls back to the newest', () => {
    expect(pickLeadStory([item(1, 2), item(2, 1)])?.id).toBe(2);
    expect(pickLeadStory([item(1, 2, 9), item(2, 1)])?.id).toBe(2);
    expect(pickLeadStory([item(1, 2, 8), item(2, 1)])?.id).toBe(1);
    expect(pickLeadStory([])).toBeUndefined();
  });
});
