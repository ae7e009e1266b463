/**
 * The scheduler loop: calls {@link WorkflowActions.runScheduled} every `intervalMs`, one run at a time
 * (a slow run is never overlapped by the next), so that embargoed stories go out within an interval of
 * their time. The composition root (`khabar serve`) starts it next to the server and stops it on exit.
 */
import type { NewsroomItem } from '../../store/index.js';

/** Options of {@link startScheduler}. */
export interface SchedulerOptions {
  /** Between runs, in milliseconds. Default 1000. */
  intervalMs?: number;
  /** A run's failure (the loop goes on). Default: ignored. */
  onError?: (e: unknown) => void;
  /** Items a run published. */
  onPublished?: (items: NewsroomItem[]) => void;
}

/** A running scheduler. */
export interface RunningScheduler {
  /** Stops the loop; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/** Starts the loop over `newsroom`. */
export function startScheduler(newsroom: { runScheduled(now?: Date): Promise<NewsroomItem[]> }, options: SchedulerOptions = {}): RunningScheduler {
  const interval = options.intervalMs ?? 1000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = newsroom.runScheduled().then(
      (items) => { if (items.length > 0) options.onPublished?.(items); },
      (e: unknown) => options.onError?.(e),
    ).finally(() => {
      if (!stopped) timer = setTimeout(tick, interval);
    });
  };
  timer = setTimeout(tick, interval);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
