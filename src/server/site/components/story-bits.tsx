/** Small pieces of a story shown in lists and on its page: its time, its service link, a headline list. */
import type { Child } from 'hono/jsx';
import type { Story } from '../../../story/index.js';
import { faShortDateTime, storyInstant } from '../format.js';
import { serviceUrl, storyUrl } from '../urls.js';

/** `<time>` with the machine-readable instant and the Persian Jalali text. */
export function StoryTime(p: { iso: string | undefined; long?: string }) {
  if (p.iso === undefined) return null;
  return <time datetime={p.iso}>{p.long ?? faShortDateTime(p.iso)}</time>;
}

/** The link to a story's page; a story without a code (never stored) links nowhere. */
export function StoryLink(p: { story: Story; children?: Child }) {
  return p.story.code === undefined ? <span>{p.children}</span> : <a href={storyUrl(p.story.code)}>{p.children}</a>;
}

/** «سرویس سیاسی · ۳۰ مرداد ۱۴۰۴، ساعت ۱۵:۰۱» under a headline. */
export function StoryMeta(p: { story: Story; showService?: boolean }) {
  return (
    <p class="meta">
      {p.showService !== false && p.story.service ? <a href={serviceUrl(p.story.service)}>{p.story.service}</a> : null}
      <StoryTime iso={storyInstant(p.story)} />
    </p>
  );
}

/** A compact list of headlines (home page boxes, related stories), each an h3 under the caller's h2. */
export function HeadlineList(p: { stories: readonly Story[]; showService?: boolean }) {
  return (
    <ul class="headlines">
      {p.stories.map((s) => (
        <li>
          <h3><StoryLink story={s}>{s.headline}</StoryLink></h3>
          <StoryMeta story={s} showService={p.showService} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Stories as a list with their leads (service, archive and browse pages). `level` is the heading level
 * of each headline, so that headings stay in order under the page's h1 (or an h2 section).
 */
export function StoryList(p: { stories: readonly Story[]; showService?: boolean; level?: 2 | 3 }) {
  return (
    <ol class="story-list">
      {p.stories.map((s) => {
        const headline = <StoryLink story={s}>{s.headline}</StoryLink>;
        return (
          <li>
            {p.level === 3 ? <h3>{headline}</h3> : <h2>{headline}</h2>}
            <StoryMeta story={s} showService={p.showService} />
            {s.lead ? <p>{s.lead}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
