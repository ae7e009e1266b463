/** A one-line description of the machine, printed with every benchmark table. */
import { cpus, totalmem } from 'node:os';

/** "2 × <cpu model>, 24 GiB, Node v20…". */
export function machineLine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}
