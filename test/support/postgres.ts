/**
 * PostgreSQL for tests: the server from KHABAR_TEST_PG_URL (`.ci/run` sets it; without it the suites
 * skip and say so), and a schema of its own per test, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { quoteIdent } from '../../src/store/postgres/pg-db.js';

/** The test server's URL, or undefined. */
export const PG_TEST_URL: string | undefined = process.env['KHABAR_TEST_PG_URL'];

/** `describe` when the test server is there, `describe.skip` with a console line saying why when not. */
export function pgDescribe(what: string): typeof describe | typeof describe.skip {
  if (PG_TEST_URL !== undefined) return describe;
  console.log(`KHABAR_TEST_PG_URL is not set: skipping the ${what}`);
  return describe.skip;
}

/** A new schema name, `khabar_test_<random>`. */
export function freshSchema(): string {
  return `khabar_test_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
