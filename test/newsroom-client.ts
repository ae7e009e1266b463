/**
 * Helpers for the newsroom HTTP tests: a tiny client (bearer or cookie + CSRF), and a newsroom with one
 * user per role, two desks («سرویس آذربایجان» edited by `editor`, «سرویس اقتصادی» by `editor2`).
 */
import type { User } from '../src/store/index.js';
import type { TestServer } from './support/server.js';

export const PASSWORD = 'گذرواژه‌ی آزمون ۱۴۰۴';
export const AZ = 'سرویس آذربایجان';
export const ECON = 'سرویس اقتصادی';

/** How a request authenticates. */
export type Cred = { token: string } | { cookie: string; csrf?: string } | undefined;

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One request to the newsroom API (`path` under /api/v1/newsroom). */
export async function call(srv: TestServer, method: string, path: string, cred?: Cred, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const h: Record<string, string> = { ...headers };
  if (cred && 'token' in cred) h['Authorization'] = `Bearer ${cred.token}`;
  if (cred && 'cookie' in cred) {
    h['Cookie'] = `khabar_session=${cred.cookie}`;
    if (cred.csrf !== undefined) h['X-CSRF-Token'] = cred.csrf;
  }
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(`${srv.url}/api/v1/newsroom${path}`, { method, headers: h, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Logs in over HTTP. */
export async function login(srv: TestServer, username: string, password = PASSWORD): Promise<{ token: string; csrfToken: string; expiresAt: string; user: User; res: Answer }> {
  const res = await call(srv, 'POST', '/login', undefined, { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, res };
}

export const ROLE_NAMES = ['reporter', 'reporter2', 'editor', 'editor2', 'chief', 'admin'] as const;
export type Person = (typeof ROLE_NAMES)[number];

export interface Staff {
  users: Record<Person, User>;
  tokens: Record<Person, string>;
  desks: { az: number; econ: number };
}

/** The users, desks and bearer tokens every newsroom test starts from. */
export async function seedNewsroom(srv: TestServer): Promise<Staff> {
  const nr = srv.newsroom;
  const admin = await nr.bootstrapAdmin({ username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD });
  const add = (username: string, role: User['role'], displayName: string) => nr.createUser(admin, { username, displayName, role, password: PASSWORD });
  const [reporter, reporter2, editor, editor2, chief] = await Promise.all([
    add('reporter', 'reporter', 'خبرنگار تبریز'), add('reporter2', 'reporter', 'خبرنگار دوم'), add('editor', 'editor', 'دبیر آذربایجان'),
    add('editor2', 'editor', 'دبیر اقتصادی'), add('chief', 'chief', 'سردبیر'),
  ]);
  const az = await nr.createDesk(admin, AZ);
  const econ = await nr.createDesk(admin, ECON);
  await nr.setDeskEditors(admin, az.id, [editor!.id]);
  await nr.setDeskEditors(admin, econ.id, [editor2!.id]);
  const users = { reporter: reporter!, reporter2: reporter2!, editor: editor!, editor2: editor2!, chief: chief!, admin };
  const tokens = {} as Record<Person, string>;
  for (const p of ROLE_NAMES) tokens[p] = (await login(srv, p)).token;
  return { users, tokens, desks: { az: az.id, econ: econ.id } };
}

/** A story draft for filing. */
export function draft(headline = 'بارش نخستین برف پاییزی در تبریز'): Record<string, unknown> {
  return {
    headline,
    lead: 'نخستین برف پاییزی امروز در تبریز بارید و راه‌های کوهستانی را لغزنده کرد.',
    body: ['به گزارش خبرنگار ما، بارش برف از صبح امروز آغاز شد.', 'پلیس راه از رانندگان خواست زنجیر چرخ همراه داشته باشند.'],
    keywords: ['تبریز', 'برف'],
    urgency: 4,
  };
}
