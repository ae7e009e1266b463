/** The public site (server-rendered with hono/jsx). Minimal first version; the full site replaces it. */
import { Hono, type Context } from 'hono';
import type { ServerDeps } from '../deps.js';

function Page(props: { title: string; children?: unknown }) {
  return (
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
      </head>
      <body>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

export function siteRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const { items } = await deps.store.listStories({ limit: 20 });
    return c.html('<!doctype html>' + (
      <Page title={deps.settings.siteName}>
        <h1>{deps.settings.siteName}</h1>
        <ul>{items.map((s) => <li>{s.story.headline}</li>)}</ul>
      </Page>
    ));
  });
  return app;
}

export function renderNotFoundPage(c: Context, deps: ServerDeps): Response | Promise<Response> {
  return c.html('<!doctype html>' + (<Page title={`صفحه پیدا نشد — ${deps.settings.siteName}`}><h1>صفحه‌ای که می‌خواستید پیدا نشد</h1></Page>), 404);
}

export function renderErrorPage(c: Context, deps: ServerDeps, status: number, message: string): Response | Promise<Response> {
  return c.html('<!doctype html>' + (<Page title={`خطا — ${deps.settings.siteName}`}><h1>خطا</h1><p>{message}</p></Page>), status as 400);
}
