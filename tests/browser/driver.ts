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
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { browserSkipReason, EXTENSION_DIR, launch, openPopup, ROOT, tabIdOf, wordPoint } from './harness';

export { serve, wordPoint } from './harness';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** Narrows a locator to the elements whose text contains `hasText`. */
export interface LocatorOptions {
  hasText?: string | RegExp;
}

export interface TabLocator {
  first(): TabLocator;
  locator(selector: string, options?: LocatorOptions): TabLocator;
  count(): Promise<number>;
  innerText(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** Runs `fn` on the element in the page (sent as source text, like Tab.evaluate). */
  evaluate<R>(fn: (element: Element) => R | Promise<R>): Promise<R>;
  evaluateAll<R>(fn: (elements: Element[]) => R | Promise<R>): Promise<R>;
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  selectOption(value: string): Promise<unknown>;
  waitFor(options?: { timeout?: number }): Promise<void>;
  isChecked(): Promise<boolean>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
}

export interface Tab {
  url(): string;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  /** Evaluates JavaScript source text in the page (a script such as axe-core's). */
  evaluate<R>(source: string): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string, options?: LocatorOptions): TabLocator;
  /** In Firefox browser-wide (its prefs), reset when this tab closes; in Chromium this page only. */
  emulateMedia(options: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' }): Promise<void>;
  addStyleTag(options: { content: string }): Promise<unknown>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  reload(): Promise<unknown>;
  bringToFront(): Promise<void>;
  waitForTimeout(ms: number): Promise<void>;
  close(): Promise<void>;
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<unknown>;
  /** Uncaught errors in the page, its content scripts included (their stack names the extension's URL). */
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  /** Console messages of the page and its content scripts (`location().url` tells whose). */
  on(event: 'console', listener: (message: TabConsoleMessage) => void): unknown;
  on(event: 'dialog', listener: (dialog: { dismiss(): Promise<void> }) => void): unknown;
}

export interface TabConsoleMessage {
  type(): string;
  text(): string;
  location(): { url?: string };
}

export interface LaunchOptions {
  /** Every host name but 127.0.0.1 is unreachable, so a saved page cannot reach the network. */
  offline?: boolean;
  /** Windows and tabs a page opens by itself (window.open, pop-ups) are closed at once. */
  closePopups?: boolean;
  /**
   * Firefox only: false leaves the build's host permissions ungranted at install, as a reader's
   * Firefox does for an MV3 extension, so the extension reaches a page only through a toolbar click
   * (activeTab) or a permission the reader grants. Default true.
   */
  grantHostPermissions?: boolean;
  /** Load this copy of the browser's e2e build instead of `extensionDir(name)` (long runs load a snapshot, safe from rebuilds). */
  extensionDir?: string;
}

export interface Driver {
  readonly name: BrowserName;
  /** A new tab showing `url`, loaded. */
  newPage(url: string): Promise<Tab>;
  /** The extension's popup for `page`'s tab, in a tab of its own (a test cannot open the toolbar popup). */
  openPopup(page: Tab): Promise<Tab>;
  /** The extension's base URL: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string;
  /** An extension page (`path` like "popup.html?tabId=0") in a background tab, to call extension APIs from. */
  openExtensionPage(path: string): Promise<Tab>;
  /** The browser's tab id (`tabs.Tab.id`) of the tab showing `page`. */
  tabIdOf(page: Tab): Promise<number>;
  /**
   * Runs `fn` with the extension's background global (Chromium's service worker, Firefox's event
   * page) and a JSON argument. `fn` is sent as source text: no closures, no named inner functions.
   */
  evaluateInBackground<R, A>(fn: (background: typeof globalThis, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs `action` and returns the tab it opened (an extension's `tabs.create`, a link to a new tab). */
  waitForPage(action: () => Promise<unknown>): Promise<Tab>;
  /** Runs `action` (a click on a download button of `tab`) and returns the file it saved. */
  download(tab: Tab, action: () => Promise<unknown>): Promise<{ name: string; text: string }>;
  /**
   * Clicks the extension's toolbar button with `page`'s tab in front, as the reader does (the popup
   * opens and the extension gets activeTab for that tab). Only Firefox lets a test do this; null
   * where the browser cannot (Chromium's toolbar is out of a test's reach).
   */
  readonly clickAction: ((page: Tab) => Promise<void>) | null;
  /** Switches the page's own scripts in `tab` off or on again (from its next load on); the extension's content scripts still run. */
  setPageScripts(tab: Tab, enabled: boolean): Promise<void>;
  close(): Promise<void>;
}

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/e2e/firefox-mv3');
export const FIREFOX_CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];

/** Where the e2e build for `name` is. */
export function extensionDir(name: BrowserName): string {
  return name === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;
}

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

export async function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<Driver> {
  if (options.extensionDir) return name === 'firefox' ? (await import('./firefox')).launchFirefox(options) : launchChromium(options);
  // a private copy of the build: a rebuild in the shared tree during a run cannot pull files from under the browser
  const copy = mkdtempSync(join(tmpdir(), `nc-${name}-ext-`));
  cpSync(extensionDir(name), copy, { recursive: true });
  const d = await launchBrowser(name, { ...options, extensionDir: copy }).catch((e) => {
    rmSync(copy, { recursive: true, force: true });
    throw e;
  });
  return {
    ...d,
    async close() {
      await d.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

async function launchChromium(options: LaunchOptions): Promise<Driver> {
  const b = await launch(options);
  const pageOf = (tab: Tab) => {
    const page = b.context.pages().find((p) => p === tab);
    if (!page) throw new Error('not a tab of this browser');
    return page;
  };
  const scriptsOff = new Map<Page, CDPSession>();
  if (options.offline) await b.context.route((u) => /^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
  if (options.closePopups) b.context.on('page', (p) => void p.opener().then((o) => o && p.close()).catch(() => {}));
  return {
    name: 'chromium',
    extensionOrigin: `chrome-extension://${b.extensionId}`,
    async newPage(url) {
      const page = await b.context.newPage();
      await page.goto(url);
      return page;
    },
    async openPopup(page) {
      return openPopup(b, await tabIdOf(b, page));
    },
    async openExtensionPage(path) {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/${path}`);
      return page;
    },
    tabIdOf: (page) => tabIdOf(b, page),
    clickAction: null,
    async setPageScripts(tab, enabled) {
      const page = pageOf(tab);
      let cdp = scriptsOff.get(page);
      if (enabled) {
        scriptsOff.delete(page);
        await cdp?.send('Emulation.setScriptExecutionDisabled', { value: false }).catch(() => {});
        await cdp?.detach().catch(() => {});
        return;
      }
      cdp ??= await b.context.newCDPSession(page);
      scriptsOff.set(page, cdp);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    },
    evaluateInBackground: (fn, arg) => b.worker.evaluate(`(${fn.toString()})(globalThis, ${JSON.stringify(arg)})`),
    async waitForPage(action) {
      const [page] = await Promise.all([b.context.waitForEvent('page'), action()]);
      await page.waitForLoadState();
      return page;
    },
    async download(tab, action) {
      const page = pageOf(tab);
      const [d] = await Promise.all([page.waitForEvent('download'), action()]);
      return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
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
