/**
 * The site in a real browser (issue #5, "must show"): a newcomer opens the home page, a service, a story,
 * types «همکاری های» (space, not ZWNJ) into the search box and sees the story that writes «همکاری‌های»
 * with the words marked. Throughout: the computed direction is rtl, Vazirmatn is loaded from this
 * server, the console shows no error, no request leaves 127.0.0.1, a 375-px-wide viewport never
 * scrolls sideways, Tab reaches the skip link first, headings are in order and text contrast is at
 * least 4.5:1. Screenshots go to test-artifacts/screenshots/.
 *
 * Needs Chromium at /usr/bin/chromium (Debian's `chromium` package; CI installs it): without it the
 * suite is skipped and says so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

// The functions given to page.evaluate run in the page. The project's tsconfig has no DOM library (khabar
// is Node code), so the few browser globals they use are declared here, loosely, for this file only.
declare const document: any;
declare const getComputedStyle: (el: any) => any;
declare const Node: { TEXT_NODE: number };
type Element = any;
type HTMLElement = any;

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = resolve(import.meta.dirname, '..', '..', 'test-artifacts', 'screenshots');
const HAMKARIHA = 'همکاری\u200Cهای';
const NARROW = 375;

if (!HAS_CHROMIUM) {
  console.warn(`site browser test skipped: ${CHROMIUM} does not exist (install Debian's chromium package to run it)`);
}

/** What a page listens to: console errors, page errors, and every request's URL. */
interface Watch {
  errors: string[];
  requests: string[];
}

function watch(page: Page, w: Watch): void {
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(`console: ${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message} (${page.url()})`));
  page.on('request', (r) => w.requests.push(r.url()));
}

/** Checks that hold on every page: RTL, Vazirmatn loaded, one h1 and headings in order, alt texts, contrast. */
async function checkPage(page: Page): Promise<void> {
  const facts = await page.evaluate(async () => {
    await document.fonts.ready;
    const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    // WCAG 2.2 SC 1.4.3: text with its own text nodes, visible, against the first opaque background.
    const lowContrast: string[] = [];
    let checked = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const rect = el.getBoundingClientRect();
      if (!hasText || rect.width <= 1 || rect.height <= 1) continue;
      checked++;
      const fg = parse(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      if (ratio < 4.5) lowContrast.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}`);
    }
    return {
      direction: getComputedStyle(document.documentElement).direction,
      lang: document.documentElement.lang,
      vazirmatn: [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Vazirmatn' && f.status === 'loaded'),
      levels,
      imagesWithoutAlt: document.querySelectorAll('img:not([alt])').length,
      landmarks: ['header', 'nav', 'main', 'footer'].map((t) => document.querySelectorAll(t).length),
      lowContrast,
      checked,
    };
  });
  const where = page.url();
  expect(facts.direction, where).toBe('rtl');
  expect(facts.lang, where).toBe('fa');
  expect(facts.vazirmatn, `Vazirmatn loaded on ${where}`).toBe(true);
  expect(facts.levels.filter((l) => l === 1).length, `one h1 on ${where}`).toBe(1);
  for (let i = 1; i < facts.levels.length; i++) {
    expect(facts.levels[i]! - facts.levels[i - 1]!, `heading levels ${facts.levels.join(',')} on ${where}`).toBeLessThanOrEqual(1);
  }
  expect(facts.imagesWithoutAlt, where).toBe(0);
  for (const n of facts.landmarks) expect(n, `landmarks header/nav/main/footer on ${where}`).toBeGreaterThan(0);
  expect(facts.checked, `text elements checked for contrast on ${where}`).toBeGreaterThan(10);
  expect(facts.lowContrast, `text below 4.5:1 on ${where}`).toEqual([]);
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe.skipIf(!HAS_CHROMIUM)(`site in Chromium (${CHROMIUM})`, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const w: Watch = { errors: [], requests: [] };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('a newcomer goes home → service → story → search «همکاری های» and sees «همکاری‌های» marked', async () => {
    const page = await context.newPage();
    watch(page, w);
    const visited: string[] = [];

    // Home.
    await page.goto(server.url + '/');
    visited.push(page.url());
    await checkPage(page);
    expect(await page.locator('h1').innerText()).toBe(server.settings.siteName);
    // Keyboard: the first Tab lands on the skip link, which is then visible with a focus ring.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { cls: el.className, text: el.textContent, outline: getComputedStyle(el).outlineStyle, top: r.top };
    });
    expect(focused.cls).toBe('skip-link');
    expect(focused.text).toBe('پرش به محتوای اصلی');
    expect(focused.outline).not.toBe('none');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.screenshot({ path: join(SHOTS, 'home.png'), fullPage: true });

    // A service, from the navigation.
    await page.locator('nav.site-nav a', { hasText: 'سرویس سیاسی' }).click();
    await page.waitForURL(/\/service\//);
    visited.push(page.url());
    await checkPage(page);
    expect(await page.locator('h1').innerText()).toBe('سرویس سیاسی');
    await page.screenshot({ path: join(SHOTS, 'service.png'), fullPage: true });

    // A story, from the service's list.
    const first = page.locator('ol.story-list h2 a').first();
    const headline = await first.innerText();
    await first.click();
    await page.waitForURL(/\/story\/\d+$/);
    visited.push(page.url());
    await checkPage(page);
    expect(await page.locator('h1').innerText()).toBe(headline);
    expect(await page.locator('.story-code').innerText()).toMatch(/^کد خبر: [۰-۹]+$/);
    await page.screenshot({ path: join(SHOTS, 'story.png'), fullPage: true });

    // Search: typed into the header's box, a space between the words.
    const box = page.getByRole('searchbox', { name: 'جستجو در اخبار' });
    await box.click();
    await box.pressSequentially('همکاری های');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    visited.push(page.url());
    await checkPage(page);
    expect(await page.locator('#search-q').inputValue()).toBe('همکاری های');
    const marks = await page.locator('ol.hits mark').allInnerTexts();
    expect(marks).toContain(HAMKARIHA);
    const hit = page.locator('ol.hits li', { has: page.locator('mark', { hasText: HAMKARIHA }) }).first();
    expect(await hit.innerText()).toContain(HAMKARIHA);
    expect(await page.locator('h2.summary').innerText()).toMatch(/^[۰-۹٬]+ خبر/);
    await page.screenshot({ path: join(SHOTS, 'search.png'), fullPage: true });

    // The archive and the 404 page, for the narrow-viewport pass below.
    await page.goto(server.url + '/archive');
    visited.push(page.url());
    await checkPage(page);
    const notFound = await page.goto(server.url + '/no/such/page');
    expect(notFound?.status()).toBe(404);
    await checkPage(page);
    await page.close();
    // The browser reports a 404 document as a failed resource; that one is expected, nothing else.
    w.errors = w.errors.filter((e) => !(e.includes('404') && e.includes('/no/such/page')));

    // 375 px wide: no page scrolls sideways.
    const narrow = await browser.newContext({ viewport: { width: NARROW, height: 800 }, isMobile: true, hasTouch: true, locale: 'fa-IR' });
    const small = await narrow.newPage();
    watch(small, w);
    for (const url of visited) {
      await small.goto(url);
      expect(await scrollWidth(small), `scrollWidth at ${NARROW} px on ${url}`).toBeLessThanOrEqual(NARROW);
      if (url === server.url + '/') await small.screenshot({ path: join(SHOTS, 'home-375.png'), fullPage: true });
    }
    await narrow.close();

    expect(w.errors).toEqual([]);
    const foreign = w.requests.filter((u) => {
      const url = new URL(u);
      if (url.protocol === 'data:' || url.protocol === 'about:' || url.protocol === 'blob:') return false;
      return url.hostname !== '127.0.0.1' && url.hostname !== 'localhost';
    });
    expect(foreign).toEqual([]);
    expect(w.requests.some((u) => /\/assets\/fonts\/vazirmatn-[\w-]+\.woff2$/.test(u))).toBe(true);
    for (const name of ['home', 'service', 'story', 'search', 'home-375']) expect(existsSync(join(SHOTS, `${name}.png`))).toBe(true);
  }, 240_000);
});
