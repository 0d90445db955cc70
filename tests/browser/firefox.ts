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
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page, type Target } from 'puppeteer-core';
import { findFirefox, FIREFOX_EXTENSION_DIR, skipReason, type Driver, type LaunchOptions, type LocatorOptions, type Tab, type TabConsoleMessage, type TabLocator } from './driver';

const VIEWPORT = { width: 1100, height: 900 };
const ACTION_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

/** Prefs that keep a saved page from reaching the network: every request but to 127.0.0.1 goes to a proxy that refuses it. */
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
};

export async function launchFirefox(options: LaunchOptions = {}): Promise<Driver> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(skipReason('firefox')!);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const downloads = mkdtempSync(join(tmpdir(), 'nc-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'extensions.originControls.grantByDefault': options.grantHostPermissions ?? true,
      // optional permissions (the "Always annotate" switch) are granted without the doorhanger a test cannot click
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.offline ? OFFLINE_PREFS : {}),
      // downloads land in a folder of ours, without a dialog
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const env: Env = { chrome: (expression) => chromeEvaluate(browser, expression) };
  try {
    await browser.installExtension(extensionDir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const base = `moz-extension://${uuid}`;
  // pages this driver opened; with closePopups any other page (a saved page's window.open) is closed once the driver's own opens have settled
  const ours = new WeakSet<Page>();
  let opening: Promise<unknown> = Promise.resolve();
  const open = (background: boolean) => {
    const job = browser.newPage({ background }).then((p) => (ours.add(p), p));
    opening = opening.then(() => job.catch(() => {}));
    return job;
  };
  if (options.closePopups) {
    browser.on('targetcreated', (t) => {
      void t.page().then(async (p) => {
        await opening;
        if (p && !ours.has(p)) await p.close();
      }).catch(() => {});
    });
  }
  let control: Promise<FirefoxTab> | null = null;
  /** One extension page kept open in the background to call extension APIs from. */
  const controlPage = () => (control ??= openExtensionPage(open, `${base}/popup.html?tabId=0`).then((p) => new FirefoxTab(p, env, `${base}/popup.html?tabId=0`)));
  return {
    name: 'firefox',
    extensionOrigin: base,
    async newPage(url) {
      const page = await open(false);
      await page.goto(url, { waitUntil: 'load' });
      return new FirefoxTab(page, env);
    },
    async openPopup(page) {
      await page.bringToFront();
      const url = `${base}/popup.html`;
      return new FirefoxTab(await openExtensionPage(open, url), env, url);
    },
    async openExtensionPage(path) {
      const url = `${base}/${path}`;
      return new FirefoxTab(await openExtensionPage(open, url), env, url);
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await (await controlPage()).evaluate(async (u) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
        return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`no tab for ${url}`);
      return id;
    },
    async evaluateInBackground(fn, arg) {
      // Firefox's MV3 background is an event page in the extension's process: its window is reachable from an extension page
      const src = `(async () => (${fn.toString()})(await browser.runtime.getBackgroundPage(), ${JSON.stringify(arg)}))()`;
      return (await controlPage()).evaluate(src);
    },
    async waitForPage(action) {
      const created = new Promise<Page>((resolve) => {
        const seen = (t: Target) => void t.page().then((p) => {
          if (!p) return;
          browser.off('targetcreated', seen);
          ours.add(p);
          resolve(p);
        });
        browser.on('targetcreated', seen);
      });
      await action();
      const page = await created;
      // an extension's page keeps puppeteer's about:blank URL: ask the page where it is once it has loaded
      const href = (await poll(page, () => location.href !== 'about:blank' && document.readyState === 'complete' && location.href, null, ACTION_TIMEOUT_MS)) as string;
      return new FirefoxTab(page, env, href);
    },
    async download(_tab, action) {
      const before = new Set(readdirSync(downloads));
      await action();
      const until = Date.now() + ACTION_TIMEOUT_MS;
      for (;;) {
        const name = readdirSync(downloads).find((n) => !before.has(n) && !n.endsWith('.part'));
        // done once Firefox has renamed the .part file and nothing is still being written
        if (name && !readdirSync(downloads).some((n) => n.endsWith('.part'))) return { name, text: readFileSync(join(downloads, name), 'utf8') };
        if (Date.now() > until) throw new Error(`no download within ${ACTION_TIMEOUT_MS} ms`);
        await sleep(POLL_MS);
      }
    },
    async clickAction(page) {
      await page.bringToFront();
      // what the toolbar button (and the _execute_action shortcut) call: opens the popup panel, grants activeTab
      await env.chrome(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId)});
        ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(Services.wm.getMostRecentWindow('navigator:browser'));
      })()`);
    },
    async setPageScripts(tab, enabled) {
      // the tab's own browsing context: page scripts stop from its next load, content scripts (sandboxes) keep running
      await tab.bringToFront();
      await env.chrome(`Services.wm.getMostRecentWindow('navigator:browser').gBrowser.selectedBrowser.browsingContext.allowJavascript = ${enabled}`);
    },
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Browser-wide powers a page has not got (setting prefs), through the privileged ("chrome") scope `--remote-allow-system-access` opens to WebDriver BiDi. */
interface Env {
  chrome(expression: string): Promise<unknown>;
}

async function chromeEvaluate(browser: Browser, expression: string): Promise<unknown> {
  type Reply = { result: { contexts: { context: string }[] } & { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } } };
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<Reply> } }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const reply = await connection.send('script.evaluate', { expression, target: { context: tree.result.contexts[0].context }, awaitPromise: true });
  if (reply.result.type === 'exception') throw new Error(`chrome scope: ${reply.result.exceptionDetails?.text}`);
  return reply.result.result?.value;
}

/** What Tab.emulateMedia sets, as Firefox prefs (browser-wide). */
const MEDIA_PREFS = {
  colorScheme: { pref: 'layout.css.prefers-color-scheme.content-override', values: { dark: 0, light: 1 } },
  reducedMotion: { pref: 'ui.prefersReducedMotion', values: { reduce: 1, 'no-preference': 0 } },
} as const;

/**
 * Opens an extension page in a background tab. `goto` to moz-extension:// never settles and
 * puppeteer's frame keeps its about:blank URL (so its waitForFunction stays in the old realm):
 * poll the page itself.
 */
async function openExtensionPage(open: (background: boolean) => Promise<Page>, url: string): Promise<Page> {
  const page = await open(true);
  page.goto(url).catch(() => {});
  // (by href: Node's URL gives moz-extension:// the origin "null", as about:blank's)
  await poll(page, (href) => location.href === href && document.readyState === 'complete', url, ACTION_TIMEOUT_MS);
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

/** One step of a locator chain: a CSS selector (descendant combinators may cross open shadow roots), a text filter, optionally only its first match. */
interface Step {
  selector: string;
  first?: boolean;
  hasText?: string | { source: string; flags: string };
}

/**
 * Finds a locator chain's elements in the page; sent as source text, so it must stay self-contained
 * plain JavaScript. Elements are walked in composed order, through open shadow roots; `hasText` is
 * playwright's: a case-insensitive, whitespace-normalised substring, or a regular expression.
 */
const FIND = `(chain) => {
  // a selector list → alternatives → compound selectors with the combinator before each (' ' or '>')
  const parse = (sel) => {
    const alts = [[]]; let cur = ''; let comb = ' '; let depth = 0; let quote = null;
    const flush = () => { if (cur) alts[alts.length - 1].push({ sel: cur, comb }); cur = ''; };
    for (const ch of sel) {
      if (quote) { cur += ch; if (ch === quote) quote = null; continue; }
      if (ch === '"' || ch === "'") { quote = ch; cur += ch; continue; }
      if (ch === '[' || ch === '(') depth++;
      if (ch === ']' || ch === ')') depth--;
      if (depth === 0 && (ch === ',' || ch === '>' || /\\s/.test(ch))) {
        if (cur) { flush(); comb = ' '; }
        if (ch === '>') comb = '>';
        if (ch === ',') { alts.push([]); comb = ' '; }
        continue;
      }
      if (depth === 0 && (ch === '+' || ch === '~')) throw new Error('sibling combinators are not supported: ' + sel);
      cur += ch;
    }
    flush();
    return alts.filter((a) => a.length);
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
  // right to left, through open shadow roots (a host counts as its shadow content's parent)
  const matchFrom = (el, parts, i) => {
    if (!el.matches(parts[i].sel)) return false;
    if (i === 0) return true;
    if (parts[i].comb === '>') { const p = up(el); return !!p && matchFrom(p, parts, i - 1); }
    for (let a = up(el); a; a = up(a)) if (matchFrom(a, parts, i - 1)) return true;
    return false;
  };
  const matches = (el, alts) => alts.some((parts) => matchFrom(el, parts, parts.length - 1));
  const norm = (s) => s.replace(/\\s+/g, ' ').trim().toLowerCase();
  const hasText = (el, t) => typeof t === 'string' ? norm(el.textContent || '').includes(norm(t)) : new RegExp(t.source, t.flags).test(el.textContent || '');
  let scope = [document];
  for (const step of chain) {
    const alts = parse(step.selector);
    const found = [];
    for (const root of scope) for (const el of within(root)) if (!found.includes(el) && matches(el, alts) && (step.hasText === undefined || hasText(el, step.hasText))) found.push(el);
    scope = step.first ? found.slice(0, 1) : found;
  }
  return scope;
}`;

/** What is done to the one element a strict locator names; each is source text of `(el, arg) => value`. */
const ON_ONE = {
  text: `(el) => el.innerText`,
  attribute: `(el, name) => el.getAttribute(name)`,
  value: `(el) => el.value`,
  checked: `(el) => !!el.checked`,
  box: `(el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }`,
  // scrolled into view; undefined (not yet) while it has no size
  point: `(el) => { el.scrollIntoView({ block: 'center', inline: 'center' }); const r = el.getBoundingClientRect(); return r.width && r.height ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : undefined; }`,
  // as playwright's fill and selectOption: set the value, then the events a reader's input fires
  fill: `(el, value) => { el.focus(); el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); return true; }`,
  select: `(el, v) => { const o = Array.from(el.options).find((x) => x.value === v || x.label === v); if (!o) throw new Error('no option ' + v); el.value = o.value; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); return [o.value]; }`,
} as const;

class FirefoxLocator implements TabLocator {
  constructor(private page: Page, private chain: Step[]) {}

  first(): TabLocator {
    const last = this.chain[this.chain.length - 1];
    return new FirefoxLocator(this.page, [...this.chain.slice(0, -1), { ...last, first: true }]);
  }

  locator(selector: string, options?: LocatorOptions): TabLocator {
    return new FirefoxLocator(this.page, [...this.chain, step(selector, options)]);
  }

  private describe(): string {
    return this.chain.map((s) => s.selector + (s.hasText !== undefined ? ` (has text ${JSON.stringify(s.hasText)})` : '') + (s.first ? ' >> nth=0' : '')).join(' >> ');
  }

  /** Waits until the chain names exactly one element and `op` gives a value for it; strict like playwright. */
  private async one<T>(op: string, arg: unknown = null, timeout = ACTION_TIMEOUT_MS): Promise<T> {
    const src = `(async (els) => els.length !== 1 ? { n: els.length } : { n: 1, value: await (${op})(els[0], ${JSON.stringify(arg)}) })((${FIND})(${JSON.stringify(this.chain)}))`;
    const until = Date.now() + timeout;
    for (;;) {
      const r = (await this.page.evaluate(src)) as { n: number; value?: T };
      if (r.n > 1) throw new Error(`strict mode violation: ${this.describe()} matches ${r.n} elements`);
      if (r.n === 1 && r.value !== undefined) return r.value;
      if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${this.describe()}`);
      await sleep(POLL_MS);
    }
  }

  private all<T>(op: string): Promise<T> {
    return this.page.evaluate(`(${op})((${FIND})(${JSON.stringify(this.chain)}))`) as Promise<T>;
  }

  count(): Promise<number> {
    return this.all<number>('(els) => els.length');
  }

  innerText(): Promise<string> {
    return this.one<string>(ON_ONE.text);
  }

  getAttribute(name: string): Promise<string | null> {
    return this.one<string | null>(ON_ONE.attribute, name);
  }

  inputValue(): Promise<string> {
    return this.one<string>(ON_ONE.value);
  }

  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.one(ON_ONE.box);
  }

  async evaluate<R>(fn: (element: Element) => R | Promise<R>): Promise<R> {
    return (await this.one<{ v: R }>(`async (el) => ({ v: await (${fn.toString()})(el) })`)).v;
  }

  evaluateAll<R>(fn: (elements: Element[]) => R | Promise<R>): Promise<R> {
    return this.all<R>(fn.toString());
  }

  async click(): Promise<void> {
    const { x, y } = await this.one<{ x: number; y: number }>(ON_ONE.point);
    await this.page.mouse.click(x, y);
  }

  async fill(value: string): Promise<void> {
    await this.one(ON_ONE.fill, value);
  }

  selectOption(value: string): Promise<unknown> {
    return this.one(ON_ONE.select, value);
  }

  async waitFor(options?: { timeout?: number }): Promise<void> {
    const until = Date.now() + (options?.timeout ?? ACTION_TIMEOUT_MS);
    while ((await this.count()) === 0) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${this.describe()}`);
      await sleep(POLL_MS);
    }
  }

  isChecked(): Promise<boolean> {
    return this.one<boolean>(ON_ONE.checked);
  }

  async check(): Promise<void> {
    if (!(await this.isChecked())) await this.click();
  }

  async uncheck(): Promise<void> {
    if (await this.isChecked()) await this.click();
  }
}

function step(selector: string, options?: LocatorOptions): Step {
  const t = options?.hasText;
  return { selector, ...(t === undefined ? {} : { hasText: typeof t === 'string' ? t : { source: t.source, flags: t.flags } }) };
}

class FirefoxTab implements Tab {
  readonly mouse;
  readonly keyboard;

  private emulated: string[] = [];

  /** `url`: what the tab shows where puppeteer does not know it (extension pages). */
  constructor(private page: Page, private env: Env, private shownUrl?: string) {
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

  /** A function with its argument, or JavaScript source text (a promise it gives is awaited). */
  evaluate<R, A>(fn: ((arg: A) => R | Promise<R>) | string, arg?: A): Promise<R> {
    if (typeof fn === 'string') return this.page.evaluate(fn) as Promise<R>;
    return this.page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }

  async emulateMedia(options: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' }): Promise<void> {
    for (const key of ['colorScheme', 'reducedMotion'] as const) {
      const value = options[key];
      if (!value) continue;
      const { pref, values } = MEDIA_PREFS[key];
      await this.env.chrome(`Services.prefs.setIntPref(${JSON.stringify(pref)}, ${(values as Record<string, number>)[value]})`);
      this.emulated.push(pref);
    }
  }

  addStyleTag(options: { content: string }): Promise<unknown> {
    return this.page.addStyleTag({ content: options.content });
  }

  async goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<unknown> {
    return this.page.goto(url, { waitUntil: options?.waitUntil ?? 'load', timeout: options?.timeout ?? 30_000 });
  }

  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<unknown> {
    return poll(this.page, fn, arg, options?.timeout ?? 30_000);
  }

  locator(selector: string, options?: LocatorOptions): TabLocator {
    return new FirefoxLocator(this.page, [step(selector, options)]);
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

  async close(): Promise<void> {
    for (const pref of this.emulated.splice(0)) await this.env.chrome(`Services.prefs.clearUserPref(${JSON.stringify(pref)})`);
    await this.page.close();
  }

  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  on(event: 'console', listener: (message: TabConsoleMessage) => void): unknown;
  on(event: 'dialog', listener: (dialog: { dismiss(): Promise<void> }) => void): unknown;
  on(event: 'pageerror' | 'console' | 'dialog', listener: (value: never) => void): unknown {
    // puppeteer's ConsoleMessage and Dialog have the calls playwright's have (type, text, location; dismiss)
    return this.page.on(event, (value: unknown) => (listener as (v: unknown) => void)(value));
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
