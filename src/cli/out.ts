/** Where a command writes: its result to `write` (stdout), diagnostics to `warn` (stderr). */
export interface Out {
  /** The command's result. */
  write(text: string): void;
  /** Warnings and notes for the person at the terminal; dropped when absent. */
  warn?(text: string): void;
}
