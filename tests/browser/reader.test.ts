/**
 * The reader's experience in real browsers — Chromium and Firefox ESR, the same test bodies through
 * one driver per browser (tests/browser/driver.ts) — on the demo article: the hover card (mentions,
 * quotes, keyboard, placement, reduced motion), Wikipedia on request from a local stand-in, the
 * popup's tools, the options page, axe-core on card, popup and options (0 violations), and the
 * README's screenshots (card on a light and a dark page, popup) saved under docs/screenshots/ by the
 * Chromium run with UPDATE_SCREENSHOTS=1 (`npm run screenshots`); otherwise, and for Firefox, under
 * .output/test-screenshots/<browser>/.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, pastedText, serve, skipReason, wordPoint, type Driver, type Tab } from './driver';
import { ROOT } from './harness';
import { serveWikipedia, type WikiServer } from './wiki-server';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const CARD = 'news-companion-ui .card';

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core's violations (WCAG 2.x A/AA and best practice) in the page, or in the part `include` selects. */
async function axe(page: Tab, include?: string): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } };
    const r = await w.axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  }, include ?? null);
}

/** For the pictures: scrolls the hovered name up the view so the card below it has room; the card follows. */
async function showWholeCard(page: Tab) {
  await page.evaluate(() => window.scrollBy(0, 260));
  await page.waitForTimeout(150);
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const name of BROWSERS) {
  const skip = skipReason(name);
  if (skip && process.env.CI === 'true') throw new Error(`browser tests cannot run in CI: ${skip}`);
  // the README's pictures come from the Chromium run
  // the README's pictures are rewritten only on request (npm run screenshots), so a test run leaves the tree clean
  const SHOTS = name === 'chromium' && process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(ROOT, '.output/test-screenshots', name);

  describe.skipIf(!!skip)(`reader experience in ${name}`, { timeout: 60_000 }, () => {
    let b: Driver;
    let origin: string;
    let closeSite: () => void;
    let wiki: WikiServer;
    let page: Tab;

    /** Closes any card, hovers the n-th "word" and waits for its card. */
    async function hover(word: string, nth = 0) {
      await page.keyboard.press('Escape');
      await page.mouse.move(2, 2);
      await expect.poll(() => page.locator(CARD).count(), { timeout: 3000 }).toBe(0);
      const { x, y } = await wordPoint(page, word, nth);
      await page.mouse.move(x, y);
      await page.locator(CARD).waitFor({ timeout: 5000 });
      return { x, y };
    }

    beforeAll(async () => {
      const s = await serve(join(ROOT, 'tests/fixtures'));
      origin = s.origin;
      closeSite = () => s.server.close();
      wiki = await serveWikipedia();
      b = await launchBrowser(name);
      await b.evaluateInBackground((bg, base) => (bg as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ wikipediaBase: base }), wiki.base);
      page = await b.newPage(`${origin}/seed-article/index.html`);
      await annotate(page);
    }, 90_000);

    /** Annotates a tab as the reader does (the popup), waits for the marks. */
    async function annotate(p: Tab): Promise<void> {
      const popup = await b.openPopup(p);
      await popup.locator('.quote').first().waitFor({ timeout: 30_000 });
      await popup.close();
      await p.bringToFront();
      await p.waitForFunction(() => CSS.highlights.has('nc-person'), null, { timeout: 10_000 });
    }

    afterAll(async () => {
      await b?.close();
      closeSite?.();
      wiki?.close();
    });

    it('shows role, mention count with previous / next that scroll to and flash each mention, and never covers the name', async () => {
      const { x, y } = await hover('Uschakow', 0);
      const card = page.locator(CARD);
      expect(await card.getAttribute('role')).toBe('dialog');
      expect(await card.locator('.name').innerText()).toBe('Juri Uschakow');
      expect(await card.innerText()).toContain('Putins oberster außenpolitischer Berater');
      expect(await card.locator('.pos').innerText()).toBe('1/3');
      const box = (await card.boundingBox())!;
      expect(overlaps(box, { x: x - 20, y: y - 8, width: 40, height: 16 })).toBe(false);
      await card.locator('button.next').click();
      await expect.poll(() => card.locator('.pos').innerText()).toBe('2/3');
      const flashed = await page.evaluate(() => {
        const h = CSS.highlights.get('nc-flash');
        const r = h && ([...h][0] as Range);
        const rect = r?.getBoundingClientRect();
        return r ? { text: r.toString(), inView: rect!.top >= 0 && rect!.bottom <= innerHeight } : null;
      });
      expect(flashed).toEqual({ text: 'Uschakow', inView: true });
      await card.locator('button.prev').click();
      await expect.poll(() => card.locator('.pos').innerText()).toBe('1/3');
      // after the reader used its buttons the card stays while the pointer wanders; a click elsewhere closes it
      await page.mouse.move(2, 2);
      await page.waitForTimeout(500);
      expect(await card.count()).toBe(1);
      await page.mouse.click(2, 2);
      await expect.poll(() => card.count()).toBe(0);
    });

    it('lists the person’s quotes, each copied with its source in the remembered format', async () => {
      await hover('Uschakow', 0);
      const card = page.locator(CARD);
      expect(await card.locator('.quotes li').count()).toBeGreaterThanOrEqual(2);
      await card.locator('.quotes button.copy').first().click();
      await expect.poll(() => card.locator('.quotes button.copy').first().innerText()).toMatch(/Kopiert|Copied/);
      const clip = await pastedText(page);
      expect(clip).toMatch(/^„Es wurden noch keine Kompromisse erzielt.*“ — Juri Uschakow, Putins oberster außenpolitischer Berater\. In: .*#:~:text=/);
    });

    it('opens the next name’s card from the keyboard with focus inside, and Escape closes it and gives focus back', async () => {
      await page.mouse.move(2, 2);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('h1').first().click(); // focus in the page, above the first name
      await page.keyboard.press('Alt+Shift+KeyN');
      const card = page.locator(CARD);
      await card.waitFor({ timeout: 3000 });
      const first = await card.locator('.name').innerText();
      const focused = () => page.evaluate(() => document.querySelector('news-companion-ui')?.shadowRoot?.activeElement?.className ?? null);
      await expect.poll(focused).toBe('card');
      await page.keyboard.press('Tab');
      expect(await focused()).toMatch(/close|prev|next|copy|wiki-on/);
      await page.keyboard.press('Alt+Shift+KeyN');
      await expect.poll(() => card.locator('.name').innerText()).not.toBe(first);
      await page.keyboard.press('Alt+Shift+KeyP');
      await expect.poll(() => card.locator('.name').innerText()).toBe(first);
      await page.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);
    });

    it('asks Wikipedia nothing until the reader turns it on, then shows extract and image, once per name', async () => {
      expect(wiki.requests).toEqual([]); // cards were opened above, look-ups were off
      await hover('Uschakow', 0);
      const card = page.locator(CARD);
      await card.locator('button.wiki-on').click();
      await card.locator('.wiki .extract').waitFor({ timeout: 5000 });
      expect(await card.locator('.wiki .extract').innerText()).toMatch(/^Juri Wiktorowitsch Uschakow ist ein russischer Diplomat/);
      expect(await card.locator('.wiki .desc').innerText()).toBe('russischer Diplomat');
      expect(await card.locator('.wiki img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await card.locator('.wiki a').getAttribute('href')).toBe('https://de.wikipedia.org/wiki/Juri_Uschakow');
      expect(wiki.requests).toEqual(['/api/de/Juri_Uschakow', expect.stringMatching(/^\/upload\//)]);
      await hover('Uschakow', 1);
      await card.locator('.wiki .extract').waitFor();
      expect(wiki.requests).toHaveLength(2); // cached
    });

    it('shows a disambiguation page as such and a missing page as a quiet "no further information"', async () => {
      await hover('Markov', 0);
      const card = page.locator(CARD);
      await card.locator('.wiki .disambiguation').waitFor({ timeout: 5000 });
      expect(await card.locator('.wiki .extract').count()).toBe(0);
      await hover('Pokrowsk', 0);
      await card.locator('.wiki .none').waitFor({ timeout: 5000 });
      expect(await card.locator('.wiki').innerText()).toMatch(/Keine weiteren Informationen|No further information/);
      expect(wiki.requests).toContain('/api/de/Pokrowsk');
    });

    it('has no axe-core violations in an open card, and saves it on a light page', async () => {
      await hover('Uschakow', 0);
      await page.locator(CARD).locator('.wiki .extract').waitFor();
      await page.waitForTimeout(300); // fade-in done
      expect(await axe(page, 'news-companion-ui')).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      await showWholeCard(page);
      await page.screenshot({ path: join(SHOTS, 'card-light.png') });
    });

    it('reads well on a page with its own dark theme, and respects reduced motion', async () => {
      const dark = await b.newPage(`${origin}/seed-article/index.html?dark`);
      await dark.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      await dark.addStyleTag({ content: 'html, body { background: #111418 !important; color: #d7dde4 !important; } a { color: #8ab4f8 !important; } * { border-color: #333 !important; } [class] { background-color: transparent !important; }' });
      await annotate(dark);
      const { x, y } = await wordPoint(dark, 'Uschakow', 0);
      await dark.mouse.move(x, y);
      const card = dark.locator(CARD);
      await card.locator('.wiki .extract').waitFor({ timeout: 5000 });
      expect(await card.getAttribute('data-theme')).toBe('dark');
      const look = await card.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, animation: getComputedStyle(el).animationName, scheme: getComputedStyle(el).colorScheme }));
      expect(look.bg).toBe('rgb(22, 27, 34)');
      expect(look.animation).toBe('none');
      expect(look.scheme).toBe('dark'); // the browser's scrollbars in the card are dark too (Firefox draws them)
      expect(await axe(dark, 'news-companion-ui')).toEqual([]);
      await showWholeCard(dark);
      await dark.screenshot({ path: join(SHOTS, 'card-dark.png') });
      await dark.close();
    });

    it('popup: filters quotes by speaker, copies all, exports Markdown and JSON, links to the settings; no axe violations', async () => {
      const popup = await b.openPopup(page);
      await popup.locator('.quote.direct').first().waitFor();
      await popup.setViewportSize({ width: 420, height: 900 });
      expect(await axe(popup)).toEqual([]);
      await popup.screenshot({ path: join(SHOTS, 'popup.png'), fullPage: true });
      await popup.locator('select[name="speaker"]').selectOption('Juri Uschakow');
      const speakers = await popup.locator('.quote').evaluateAll((els) => els.map((e) => e.getAttribute('data-speaker')));
      expect(speakers.length).toBeGreaterThanOrEqual(2);
      expect(new Set(speakers)).toEqual(new Set(['Juri Uschakow']));
      await popup.locator('button.copy-all').click();
      await expect.poll(() => popup.locator('button.copy-all').innerText()).toMatch(/Kopiert|Copied/); // the write has landed
      const clip = await pastedText(popup);
      expect(clip.split('\n\n')).toHaveLength(speakers.length);
      expect(clip).toMatch(/— Juri Uschakow/);
      const md = await b.download(popup, () => popup.locator('button.export-md').click());
      expect(md.name).toMatch(/^us-delegation-trifft-putin.*\.md$/);
      expect(md.text).toMatch(/^# US-Delegation trifft Putin/);
      const json = await b.download(popup, () => popup.locator('button.export-json').click());
      const data = JSON.parse(json.text);
      expect(data.quotes.filter((q: { kind: string }) => q.kind === 'direct')).toHaveLength(15);
      expect(data.entities.find((e: { name: string }) => e.name === 'Juri Uschakow')?.role).toBe('Putins oberster außenpolitischer Berater');
      const options = await b.waitForPage(() => popup.locator('button.settings').click());
      expect(options.url()).toMatch(/\/options\.html/);
      await options.close();
      await popup.close();
    });

    it('shows a speaker it is unsure of as uncertain, copies no guessed name, and lists the quotation under nobody’s card', async () => {
      const article = await b.newPage(`${origin}/speakers/index.html`);
      await annotate(article);
      const popup = await b.openPopup(article);
      await popup.locator('.quote.direct').first().waitFor();
      // "„…“, sagte sie" after several unnamed visitors: not the virologist named two paragraphs before
      const unsure = popup.locator('.quote.direct.uncertain');
      expect(await unsure.count()).toBe(1);
      expect(await unsure.innerText()).toMatch(/Angst um meine Mutter[\s\S]*(Sprecher ungewiss|speaker uncertain)/);
      expect(await unsure.getAttribute('data-speaker')).toBe('');
      // a resolved speaker by name, with her role (the article's description "die Virologin" says no more than it)
      expect(await popup.locator('.quote.direct[data-speaker="Anna Berger"]').innerText()).toMatch(/— Anna Berger, Virologin/);
      await unsure.locator('button.copy').click();
      await expect.poll(() => unsure.locator('button.copy').innerText()).toMatch(/Kopiert|Copied/);
      const clip = await pastedText(popup);
      expect(clip).toMatch(/^„Ich habe Angst um meine Mutter“\. In: /);
      expect(clip).not.toMatch(/Anna Berger|ohne Quellenangabe/);
      await popup.setViewportSize({ width: 420, height: 700 });
      await popup.screenshot({ path: join(SHOTS, 'popup-uncertain.png'), fullPage: true });
      await popup.close();
      // her card lists her quotation only
      await article.keyboard.press('Escape');
      const { x, y } = await wordPoint(article, 'Berger');
      await article.mouse.move(x, y);
      const card = article.locator(CARD);
      await card.waitFor({ timeout: 5000 });
      const quotes = await card.locator('.quotes li').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      expect(quotes.some((q) => q.includes('vorsichtig sein'))).toBe(true);
      expect(quotes.some((q) => q.includes('Angst um meine Mutter'))).toBe(false);
      await article.close();
    });

    it('options page: every setting is stored and takes effect in the page; no axe violations', async () => {
      const options = await b.openExtensionPage('options.html');
      await options.locator('input[name="types"]').first().waitFor();
      expect(await axe(options)).toEqual([]);
      // places off: their marks leave the open page at once
      await options.locator('input[name="types"][value="place"]').uncheck();
      await page.waitForFunction(() => !CSS.highlights.has('nc-place'), null, { timeout: 5000 });
      expect(await page.evaluate(() => CSS.highlights.has('nc-person'))).toBe(true);
      await options.locator('input[name="types"][value="place"]').check();
      await page.waitForFunction(() => CSS.highlights.has('nc-place'), null, { timeout: 5000 });
      // mark style: a tint instead of an underline
      await options.locator('input[name="markStyle"][value="background"]').check();
      await page.waitForFunction(() => [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => /highlight\(nc-person\)/.test(r.cssText) && /background-color/.test(r.cssText))), null, { timeout: 5000 });
      await options.locator('input[name="markStyle"][value="underline"]').check();
      // citation format is the popup's default
      await options.locator('select[name="format"]').selectOption('markdown');
      const popup = await b.openPopup(page);
      await expect.poll(() => popup.locator('.format select').first().inputValue()).toBe('markdown');
      await popup.close();
      await options.locator('select[name="format"]').selectOption('text');
      // sites: add one, see it listed, remove it
      const host = new URL(origin).host;
      await options.locator('#site').fill(`${origin}/some/page`);
      await options.locator('form.add button').click();
      await options.locator('.sites li', { hasText: host }).waitFor({ timeout: 5000 });
      await options.locator('.sites li', { hasText: host }).locator('button').click();
      await expect.poll(() => options.locator('.sites li').count()).toBe(0);
      await options.locator('#site').fill('not a site ::');
      await options.locator('form.add button').click();
      await expect.poll(() => options.locator('.status').innerText()).toMatch(/keine Web-Adresse|not a web address/);
      // Wikipedia look-ups can be switched off again
      expect(await options.locator('input[name="wikipedia"]').isChecked()).toBe(true);
      await options.locator('input[name="wikipedia"]').uncheck();
      const stored = await b.evaluateInBackground((bg) => (bg as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.sync.get('wikipediaLookups'), null);
      expect(stored.wikipediaLookups).toBe(false);
      await options.close();
    });
  });
}
