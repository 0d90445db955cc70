/**
 * One small driver interface over both browsers, so the browser tests, the headless demo and the
 * corpus runner take either: launch, open a page, open the popup for a page's tab, hover a word,
 * read what the reader pasted. Chromium runs through playwright-core (`harness.ts`), Firefox ESR
 * through puppeteer-core over WebDriver BiDi (`firefox.ts`).
 *
 * A `Tab` is the subset of playwright's `Page` the tests use; in Chromium it *is* the playwright
 * page, in Firefox an adapter gives the same calls the same meaning (selectors pierce open shadow
 * roots, locators are strict unless `.first()`, clicks are real pointer clicks).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browserSkipReason, launch, openPopup, ROOT, tabIdOf, wordPoint } from './harness';

export { serve, wordPoint } from './harness';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export interface TabLocator {
  first(): TabLocator;
  locator(selector: string): TabLocator;
  count(): Promise<number>;
  innerText(): Promise<string>;
  click(): Promise<void>;
  waitFor(options?: { timeout?: number }): Promise<void>;
  isChecked(): Promise<boolean>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
}

export interface Tab {
  url(): string;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string): TabLocator;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  reload(): Promise<unknown>;
  bringToFront(): Promise<void>;
  waitForTimeout(ms: number): Promise<void>;
  close(): Promise<void>;
  /** Uncaught errors and console errors of the page (not of the extension's own pages). */
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
}

export interface Driver {
  readonly name: BrowserName;
  /** A new tab showing `url`, loaded. */
  newPage(url: string): Promise<Tab>;
  /** The extension's popup for `page`'s tab, in a tab of its own (a test cannot open the toolbar popup). */
  openPopup(page: Tab): Promise<Tab>;
  close(): Promise<void>;
}

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/e2e/firefox-mv3');
export const FIREFOX_CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];

export function findFirefox(): string | null {
  return FIREFOX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Why browser tests cannot run in `name` here, or null. In CI a missing browser is a failure, not a skip. */
export function skipReason(name: BrowserName): string | null {
  if (name === 'chromium') return browserSkipReason();
  if (!findFirefox()) return 'no Firefox found: install it with `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH)';
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) return `no e2e build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:e2e\``;
  return null;
}

export async function launchBrowser(name: BrowserName): Promise<Driver> {
  if (name === 'firefox') return (await import('./firefox')).launchFirefox();
  const b = await launch();
  return {
    name,
    async newPage(url) {
      const page = await b.context.newPage();
      await page.goto(url);
      return page;
    },
    async openPopup(page) {
      return openPopup(b, await tabIdOf(b, page));
    },
    close: () => b.close(),
  };
}

/** Moves the pointer onto the n-th occurrence of `word`, as a reader's mouse would. */
export async function hoverWord(page: Tab, word: string, nth = 0): Promise<{ x: number; y: number }> {
  const p = await wordPoint(page, word, nth);
  await page.mouse.move(p.x, p.y);
  return p;
}

/** What a reader gets by pasting (Ctrl+V) into a text field of `page`: the clipboard's text. */
export async function pastedText(page: Tab): Promise<string> {
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'nc-test-paste';
    area.style.cssText = 'position:fixed;top:0;left:0;width:300px;height:80px;z-index:2147483647';
    document.body.append(area);
    area.focus();
  });
  await page.keyboard.press('Control+V');
  const text = await page.evaluate(() => {
    const area = document.getElementById('nc-test-paste') as HTMLTextAreaElement;
    const value = area.value;
    area.remove();
    return value;
  });
  return text;
}
