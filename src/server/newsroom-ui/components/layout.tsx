/**
 * The newsroom's page shell: `lang="fa" dir="rtl"`, the site's stylesheet plus the newsroom's, a skip
 * link first in the tab order, a banner with the user and the logout forms, navigation, `main#main`, a
 * footer. No inline script or style (the CSP allows neither); the editor adds its one script file.
 */
import type { Child } from 'hono/jsx';
import type { User } from '../../../store/index.js';
import { ROLE_LABELS } from '../labels.js';
import type { UiContext } from '../ui-context.js';
import { CsrfField } from './csrf-field.js';

/** What a page tells the shell. */
export interface NrLayoutProps {
  ctx: UiContext;
  title: string;
  /** The logged-in user and the session's CSRF token (absent on the login page). */
  user?: User | undefined;
  csrf?: string | undefined;
  /** Which navigation link is the current page. */
  current?: 'queues' | 'new' | 'audit';
  /** Adds the editor's script. */
  editorScript?: boolean;
  children?: Child;
}

/** The document. */
export function NrLayout(p: NrLayoutProps) {
  const { assets, deps } = p.ctx;
  const chief = p.user?.role === 'chief' || p.user?.role === 'admin';
  const cur = (k: NrLayoutProps['current']) => (p.current === k ? 'page' : undefined);
  return (
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${p.title} — اتاق خبر ${deps.settings.siteName}`}</title>
        <link rel="stylesheet" href={assets.siteCss} />
        <link rel="stylesheet" href={assets.css} />
        <link rel="icon" href={assets.icon} type="image/svg+xml" />
        {p.editorScript ? <script src={assets.js} defer></script> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">پرش به محتوای اصلی</a>
        <header class="site-header">
          <div class="wrap bar">
            <p class="brand"><a href="/newsroom">{`اتاق خبر ${deps.settings.siteName}`}</a></p>
            {p.user ? (
              <div class="nr-user">
                <span>{`${p.user.displayName} (${ROLE_LABELS[p.user.role]})`}</span>
                <form method="post" action="/newsroom/logout">
                  <CsrfField token={p.csrf} />
                  <button type="submit">خروج</button>
                </form>
                <form method="post" action="/newsroom/logout-everywhere">
                  <CsrfField token={p.csrf} />
                  <button type="submit">خروج از همهٔ دستگاه‌ها</button>
                </form>
              </div>
            ) : null}
          </div>
          {p.user ? (
            <nav class="site-nav wrap" aria-label="بخش‌های اتاق خبر">
              <ul>
                <li><a href="/newsroom" aria-current={cur('queues')}>صف‌های سرویس</a></li>
                <li><a href="/newsroom/items/new" aria-current={cur('new')}>خبر تازه</a></li>
                {chief ? <li><a href="/newsroom/audit" aria-current={cur('audit')}>گزارش رویدادها</a></li> : null}
                <li><a href="/">سایت</a></li>
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="wrap nr-main" tabindex={-1}>{p.children}</main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{`اتاق خبر ${deps.settings.agency}. زمان‌ها به وقت تهران.`}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
