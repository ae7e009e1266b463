/**
 * The normalizer's suggestions (the content of `#suggestions`): per field, the word diff from the text
 * to what the editorial normalizer makes of it, and one button that saves the normalized text. The
 * editor's script asks /newsroom/suggest for this same fragment as the user types.
 */
import { faDigits } from '../../site/format.js';
import type { Suggestion } from '../draft-form.js';
import { OP_LABELS } from '../labels.js';
import { changeCount, DiffRuns } from './diff-runs.js';

/** The suggestions box's content; `canApply` shows the apply button (the server checks anyway). */
export function Suggestions(p: { suggestions: readonly Suggestion[]; canApply: boolean }) {
  const n = p.suggestions.reduce((s, x) => s + changeCount(x.runs), 0);
  return (
    <>
      <h2 id="suggestions-title">پیشنهادهای ویراستار</h2>
      {p.suggestions.length === 0 ? <p class="nr-empty">پیشنهادی نیست: متن با شیوه‌نامهٔ خبرگزاری سازگار است.</p> : (
        <>
          <p>{`${faDigits(n)} پیشنهاد (حذف‌ها خط‌خورده، افزوده‌ها زیرخط‌دار):`}</p>
          <dl class="nr-diff">
            {p.suggestions.map((s) => (
              <>
                <dt>{s.field}</dt>
                <dd><DiffRuns runs={s.runs} /></dd>
              </>
            ))}
          </dl>
          {p.canApply ? <div class="nr-actions"><button type="submit" name="op" value="normalize" class="secondary">{OP_LABELS.normalize}</button></div> : null}
        </>
      )}
    </>
  );
}
