/**
 * Firefox driver: stock Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the e2e
 * Firefox build installed as a temporary add-on. Gives the `Driver`/`Tab` calls of `driver.ts` the
 * same meaning they have in Chromium.
 *
 * Firefox's catches, and what this module does about them:
 * - navigating a tab to moz-extension:// needs `--remote-allow-system-access`;
 * - `page.goto` to an extension page never resolves: start it and wait for the page's origin and
 *   readyState instead;
 * - the extension's moz-extension:// UUID is random per profile unless the pref
 *   `extensions.webextensions.uuids` names it before launch (keyed by the fixed gecko id);
 * - MV3 host permissions are granted to a temporary add-on only while
 *   `extensions.originControls.grantByDefault` is true;
 * - the popup resolves "the active tab" with tabs.query, so it is opened in a background tab while
 *   the article's tab stays in front — as the toolbar popup does.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { findFirefox, FIREFOX_EXTENSION_DIR, skipReason, type Driver, type Tab, type TabLocator } from './driver';

const VIEWPORT = { width: 1100, height: 900 };
const ACTION_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

export async function launchFirefox(extensionDir = FIREFOX_EXTENSION_DIR): Promise<Driver> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(skipReason('firefox')!);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'extensions.originControls.grantByDefault': true,
      // optional permissions (the "Always annotate" switch) are granted without the doorhanger a test cannot click
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const base = `moz-extension://${uuid}`;
  return {
    name: 'firefox',
    async newPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return new FirefoxTab(page);
    },
    async openPopup(page) {
      await page.bringToFront();
      const url = `${base}/popup.html`;
      return new FirefoxTab(await openExtensionPage(browser, url), url);
    },
    close: () => browser.close(),
  };
}

/**
 * Opens an extension page in a background tab. `goto` to moz-extension:// never settles and
 * puppeteer's frame keeps its about:blank URL (so its waitForFunction stays in the old realm):
 * poll the page itself.
 */
async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ background: true });
  page.goto(url).catch(() => {});
  await poll(page, (origin) => location.origin === origin && document.readyState === 'complete', new URL(url).origin, ACTION_TIMEOUT_MS);
  return page;
}

/** Evaluates `fn` in the page every POLL_MS until it returns something truthy; a page between documents counts as not yet. */
async function poll<A>(page: Page, fn: (arg: A) => unknown, arg: A, timeout: number): Promise<unknown> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn as (arg: unknown) => unknown, arg).catch((e: Error) => {
      // the document went away under the call (a navigation, a realm torn down): not yet; the function's own errors stay errors
      if (/context|detached|navigat|Protocol error/i.test(e.message)) return undefined;
      throw e;
    });
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 80)}`);
    await sleep(POLL_MS);
  }
}

/** One step of a locator chain: a CSS selector (descendant combinators may cross open shadow roots), optionally only its first match. */
interface Step {
  selector: string;
  first?: boolean;
}
type Op = 'count' | 'text' | 'checked' | 'point';

/**
 * Resolves a locator chain in the page and applies `op`; sent as source text, so it must stay
 * self-contained plain JavaScript. Elements are walked in composed order, through open shadow roots.
 */
const RESOLVE = `(chain, op) => {
  const split = (sel) => {
    const parts = []; let cur = ''; let depth = 0; let quote = null;
    for (const ch of sel) {
      if (quote) { cur += ch; if (ch === quote) quote = null; continue; }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[' || ch === '(') depth++;
      else if (ch === ']' || ch === ')') depth--;
      else if (/\\s/.test(ch) && depth === 0) { if (cur) parts.push(cur); cur = ''; continue; }
      cur += ch;
    }
    if (cur) parts.push(cur);
    return parts;
  };
  const up = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null;
  const within = (root) => {
    const out = [];
    const walk = (node) => {
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const el of node.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) walk(el.shadowRoot); }
    };
    walk(root);
    return out;
  };
  const matches = (el, parts) => {
    if (!el.matches(parts[parts.length - 1])) return false;
    let a = up(el);
    for (let i = parts.length - 2; i >= 0; i--) {
      while (a && !a.matches(parts[i])) a = up(a);
      if (!a) return false;
      a = up(a);
    }
    return true;
  };
  let scope = [document];
  for (const step of chain) {
    const parts = split(step.selector);
    const found = [];
    for (const root of scope) for (const el of within(root)) if (!found.includes(el) && matches(el, parts)) found.push(el);
    scope = step.first ? found.slice(0, 1) : found;
  }
  if (op === 'count') return scope.length;
  if (scope.length !== 1) return { missing: scope.length === 0, many: scope.length };
  const el = scope[0];
  if (op === 'text') return { value: el.innerText };
  if (op === 'checked') return { value: !!el.checked };
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) return { missing: true };
  return { value: { x: r.left + r.width / 2, y: r.top + r.height / 2 } };
}`;

class FirefoxLocator implements TabLocator {
  constructor(private page: Page, private chain: Step[]) {}

  first(): TabLocator {
    const last = this.chain[this.chain.length - 1];
    return new FirefoxLocator(this.page, [...this.chain.slice(0, -1), { ...last, first: true }]);
  }

  locator(selector: string): TabLocator {
    return new FirefoxLocator(this.page, [...this.chain, { selector }]);
  }

  private run<T>(op: Op): Promise<T> {
    return this.page.evaluate(`(${RESOLVE})(${JSON.stringify(this.chain)}, ${JSON.stringify(op)})`) as Promise<T>;
  }

  /** Waits until the chain names exactly one (visible, for clicks) element, then returns `op`'s value; strict like playwright. */
  private async one<T>(op: Op, timeout = ACTION_TIMEOUT_MS): Promise<T> {
    const until = Date.now() + timeout;
    for (;;) {
      const r = await this.run<{ value?: T; missing?: boolean; many?: number }>(op);
      if (r.many && r.many > 1) throw new Error(`strict mode violation: ${this.describe()} matches ${r.many} elements`);
      if (!r.missing) return r.value as T;
      if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${this.describe()}`);
      await sleep(POLL_MS);
    }
  }

  private describe(): string {
    return this.chain.map((s) => (s.first ? `${s.selector} >> nth=0` : s.selector)).join(' >> ');
  }

  count(): Promise<number> {
    return this.run<number>('count');
  }

  innerText(): Promise<string> {
    return this.one<string>('text');
  }

  async click(): Promise<void> {
    const { x, y } = await this.one<{ x: number; y: number }>('point');
    await this.page.mouse.click(x, y);
  }

  async waitFor(options?: { timeout?: number }): Promise<void> {
    const until = Date.now() + (options?.timeout ?? ACTION_TIMEOUT_MS);
    while ((await this.count()) === 0) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${this.describe()}`);
      await sleep(POLL_MS);
    }
  }

  isChecked(): Promise<boolean> {
    return this.one<boolean>('checked');
  }

  async check(): Promise<void> {
    if (!(await this.isChecked())) await this.click();
  }

  async uncheck(): Promise<void> {
    if (await this.isChecked()) await this.click();
  }
}

class FirefoxTab implements Tab {
  readonly mouse;
  readonly keyboard;

  /** `url`: what the tab shows where puppeteer does not know it (extension pages). */
  constructor(private page: Page, private shownUrl?: string) {
    this.mouse = {
      move: (x: number, y: number) => page.mouse.move(x, y),
      click: (x: number, y: number) => page.mouse.click(x, y),
    };
    this.keyboard = {
      /** Accepts playwright's chords ("Control+V"). */
      async press(chord: string) {
        const keys = chord.split(/\+(?!$)/) as KeyInput[];
        const key = keys.pop()!;
        for (const k of keys) await page.keyboard.down(k);
        await page.keyboard.press(key);
        for (const k of keys.reverse()) await page.keyboard.up(k);
      },
    };
  }

  url(): string {
    return this.shownUrl ?? this.page.url();
  }

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }

  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<unknown> {
    return poll(this.page, fn, arg, options?.timeout ?? 30_000);
  }

  locator(selector: string): TabLocator {
    return new FirefoxLocator(this.page, [{ selector }]);
  }

  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> {
    return this.page.screenshot({ path: options.path as `${string}.png`, fullPage: options.fullPage });
  }

  setViewportSize(size: { width: number; height: number }): Promise<void> {
    return this.page.setViewport(size);
  }

  reload(): Promise<unknown> {
    return this.page.reload({ waitUntil: 'load' });
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  waitForTimeout(ms: number): Promise<void> {
    return sleep(ms);
  }

  close(): Promise<void> {
    return this.page.close();
  }

  on(event: 'pageerror', listener: (error: Error) => void): unknown {
    return this.page.on(event, (e: unknown) => listener(e as Error));
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
