/**
 * The import's progress bar, for a person at a terminal: one stderr line redrawn in place (`\r` and
 * ANSI "erase in line", ECMA-48 §8.3.41) with files done/total, stories stored and the rate. Redrawn
 * at most every 100 ms: drawing is cheap, but a terminal flooded with redraws is not.
 */

/** Where the bar draws: a TTY stream (process.stderr). */
export interface ProgressTarget {
  write(text: string): unknown;
  /** Terminal width in columns, when known. */
  columns?: number;
}

/** What the bar shows. */
export interface ProgressState {
  filesDone: number;
  filesTotal: number;
  stored: number;
  /** Seconds since the import began. */
  seconds: number;
}

/** A progress bar: `update` as work is done, `clear` before printing anything else and at the end. */
export interface ProgressBar {
  update(state: ProgressState, force?: boolean): void;
  clear(): void;
}

const REDRAW_MS = 100;

/** The bar's text for a state, `width` columns wide at most. */
export function formatProgress(s: ProgressState, width = 80): string {
  const rate = s.seconds > 0 ? Math.round(s.stored / s.seconds) : 0;
  const tail = ` ${s.filesDone}/${s.filesTotal} files · ${s.stored} stories · ${rate}/s`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 3));
  const filled = s.filesTotal > 0 ? Math.round((s.filesDone / s.filesTotal) * barWidth) : barWidth;
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${tail}`.slice(0, Math.max(1, width - 1));
}

/** A progress bar drawing on `target`. */
export function createProgressBar(target: ProgressTarget, now: () => number = Date.now): ProgressBar {
  let last = 0;
  let drawn = false;
  return {
    update(state, force = false) {
      const t = now();
      if (!force && t - last < REDRAW_MS) return;
      last = t;
      drawn = true;
      target.write(`\r\x1b[2K${formatProgress(state, target.columns ?? 80)}`);
    },
    clear() {
      if (drawn) target.write('\r\x1b[2K');
      drawn = false;
      last = 0;
    },
  };
}
