#!/usr/bin/env -S node --max-old-space-size=224
/** The `khabar` command: the composition root. Maps KhabarError codes to exit codes and stderr. */
import { isKhabarError } from '../errors/index.js';
import { analyzeCommand, lemmaCommand, normalizeCommand } from './commands/text-commands.js';
import { convertCommand } from './commands/convert-command.js';
import { dateCommand } from './commands/date-command.js';
import { searchCommand } from './commands/search-command.js';
import { importCommand } from './commands/import-command.js';
import { serveCommand } from './commands/serve-command.js';
import { userCommand } from './commands/user-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import type { Out } from './out.js';

const USAGE = `khabar — Persian-first news agency platform

Usage:
  khabar normalize [file|-]                       editorial normalizer (ویراستار) on a file or stdin
  khabar analyze [file|-] [--json] [--analyzer fa|fa-exact]
                                                  search analyzer: tokens with offsets and terms
  khabar lemma <word…>                            lemma of each word (UD convention, verbs past#present)
  khabar convert <file|-> --to wire|ninjs|newsml  a story from wire text or ninjs (detected) to another format
  khabar date "<date string>"                     a Persian date string → UTC instant (ISO 8601) and Jalali
  khabar import <files|folders…> [--format wire|ninjs|jsonl|csv|hamshahri|isna|farsnews|iranian-news]
                [--db FILE] [--csv-map headline=title,…] [--verbose]
                                                  import stories (idempotent: a second run stores nothing twice)
  khabar search "<query>" [--service S] [--agency A] [--tag T] [--from D] [--to D] [--sort date]
                [--limit N] [--offset N] [--json] [--db FILE]
                                                  search the archive (query language: words, +must, -not,
                                                  "phrase", prefix*, service: agency: tag: from: to:)
  khabar search --batch <queries.tsv> --trec <run> [--top 1000]
                                                  a TREC run file for qid<TAB>query lines
  khabar serve [--port 8080] [--host H] [--db FILE] [--agency NAME] [--site-name NAME] [--services A,B]
              [--base-url URL] [--no-demo] [--quiet]
                                                  the site, API, feeds and live wire (demo content on an
                                                  empty database); stops on SIGINT/SIGTERM
  khabar user add <username> --role reporter|editor|chief|admin [--name N] [--desk D]… [--db FILE]
                                                  a newsroom account; the password is read from stdin
  khabar user list [--db FILE]                    the newsroom accounts
  khabar migrate --from sqlite:<file> --to postgres://…[?schema=S]
                                                  copy an archive and newsroom to PostgreSQL (resumable;
                                                  counts checked at the end)
  khabar help                                     this text

Database: SQLite by default (--db FILE, KHABAR_DB, ./data/khabar.db); PostgreSQL with --database-url
postgres://…[?schema=S] or KHABAR_DATABASE_URL (serve, import, search, user).
`;

const COMMANDS: Record<string, (argv: readonly string[], out: Out) => void | Promise<void>> = {
  normalize: normalizeCommand,
  analyze: analyzeCommand,
  lemma: lemmaCommand,
  convert: convertCommand,
  date: dateCommand,
  search: searchCommand,
  import: importCommand,
  serve: serveCommand,
  user: userCommand,
  migrate: migrateCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const out: Out = { write: (t) => void process.stdout.write(t), warn: (t) => void process.stderr.write(t) };
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out.write(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`khabar: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    await command(rest, out);
    return 0;
  } catch (e) {
    if (isKhabarError(e)) {
      process.stderr.write(`khabar ${name}: ${e.message} [${e.code}]\n`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
