/** `khabar user add|list`: accounts from the command line, the password from standard input. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runKhabar } from './support/cli.js';
import { openSqliteStore } from '../src/store/index.js';
import { verifyPassword } from '../src/newsroom/index.js';

const dir = mkdtempSync(join(tmpdir(), 'khabar-user-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('khabar user', () => {
  it('adds an admin and an editor of a desk; the password is stored as scrypt, never as text', async () => {
    const a = runKhabar(['user', 'add', 'modir', '--role', 'admin', '--name', 'مدیر', '--db', db], { input: 'رمز-بسیار-محکم-۱۴۰۵\n' });
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/created admin modir/);
    const e = runKhabar(['user', 'add', 'sara', '--role', 'editor', '--desk', 'سرویس ورزشی', '--desk', 'سرویس علمی', '--db', db], { input: 'another-long-secret\n' });
    expect(e.code).toBe(0);
    const list = runKhabar(['user', 'list', '--db', db]);
    expect(list.out).toMatch(/modir\tadmin\tمدیر/);
    expect(list.out).toMatch(/sara\teditor/);
    const store = await openSqliteStore(db);
    const sara = (await store.newsroom.getUserByUsername('sara'))!;
    expect(await verifyPassword('another-long-secret', sara.passwordHash)).toBe(true);
    expect(sara.passwordHash).toMatch(/^scrypt\$/);
    const desks = await store.newsroom.listDesks();
    expect(desks.filter((d) => d.editors.includes(sara.id)).map((d) => d.name).sort()).toEqual(['سرویس علمی', 'سرویس ورزشی']);
    await store.close();
    const raw = new Database(db, { readonly: true });
    const bytes = raw.prepare('SELECT group_concat(password_hash) FROM users').pluck().get() as string;
    raw.close();
    expect(bytes).not.toContain('another-long-secret');
  });

  it('refuses a weak password, a taken name, a bad role and a missing username with clear errors', () => {
    const weak = runKhabar(['user', 'add', 'ali', '--role', 'reporter', '--db', db], { input: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/password must be at least 10 characters/);
    const taken = runKhabar(['user', 'add', 'sara', '--role', 'reporter', '--db', db], { input: 'yet-another-secret\n' });
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/CONFLICT/);
    const role = runKhabar(['user', 'add', 'ali', '--role', 'boss', '--db', db], { input: 'yet-another-secret\n' });
    expect(role.code).toBe(2);
    expect(role.err).toMatch(/--role must be one of reporter, editor, chief, admin/);
    expect(runKhabar(['user', 'add', '--role', 'reporter', '--db', db], { input: 'yet-another-secret\n' }).code).toBe(2);
    expect(runKhabar(['user', 'frobnicate', '--db', db]).code).toBe(2);
  });
});
