/** A small argv parser: positionals, `--flag`, `--key value` and `--key=value`. No dependency needed. */
import { KhabarError } from '../errors/index.js';

/** Parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Parses `argv` (without node and script). `valued` lists the options that take a value.
 * @throws KhabarError USAGE for an unknown option or a missing value.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.includes(key)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new KhabarError('USAGE', `option --${key} needs a value`);
        flags.set(key, value);
      } else if (booleans.includes(key) && eq < 0) {
        flags.set(key, true);
      } else {
        throw new KhabarError('USAGE', `unknown option --${key}`);
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, flags };
}
