/**
 * Story → wire text in the agency layout (DESIGN.md §2): headline, lead, slug line, body with the
 * credit restored at the start of the first paragraph, end marker; blocks separated by a blank line.
 * For a story parsed from wire text this gives the same text back, up to line endings, trailing white
 * space and blank lines around it.
 */
import type { Story } from '../story.js';

/** The separator written between credit and paragraph when the story does not say (the seed's). */
export const DEFAULT_CREDIT_SEPARATOR = ' : ';

/** Writes `story` as wire text, ending with a line feed. */
export function writeWire(story: Story): string {
  const blocks: string[] = [story.headline];
  if (story.lead !== undefined && story.lead !== '') blocks.push(story.lead);
  const slug = slugLine(story);
  if (slug) blocks.push(slug);
  story.body.forEach((p, i) => {
    if (i === 0 && story.credit) blocks.push(story.credit + (story.wire?.creditSeparator ?? DEFAULT_CREDIT_SEPARATOR) + p);
    else blocks.push(p);
  });
  if (story.body.length === 0 && story.credit) blocks.push(story.credit);
  if (story.endMarker) blocks.push(story.endMarker);
  return blocks.join('\n\n') + '\n';
}

function slugLine(story: Story): string | undefined {
  const order = story.wire?.slug ?? 'service-agency';
  if (order === 'none') return undefined;
  const { service, agency } = story;
  // A slug line names both; with one of them alone it would read back as a paragraph.
  if (!service || !agency) return undefined;
  return order === 'service-agency' ? `${service} / ${agency}` : `${agency} / ${service}`;
}
