/**
 * The real-page corpus run: every saved page is served on 127.0.0.1 (any other host is unreachable),
 * opened in Chromium or Firefox ESR (tests/browser/driver.ts) with the e2e build of the extension,
 * annotated as the popup would, checked, and
 * switched off again. Per page: errors caused by the extension, whether the visible text changed,
 * whether the DOM is back to what it was once annotation is off, and the time it took.
 * Used by `npm run corpus` (scripts/corpus.ts) and by the corpus test.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { extensionDir as buildOf, launchBrowser, serve, type BrowserName, type Driver, type Tab } from './driver';

export interface CorpusPage {
  /** Path relative to the corpus folder, e.g. `heise/source.html` or `pages/x.html`. */
  name: string;
  file: string;
}

/** Each `*.html` file under `dir`, except that a folder with a `source.html` is one page (its `expected.html` is not a page). */
export function listPages(dir: string): CorpusPage[] {
  const out: CorpusPage[] = [];
  const walk = (d: string) => {
    const names = readdirSync(d).sort();
    if (names.includes('source.html')) {
      out.push({ name: relative(dir, join(d, 'source.html')).split(sep).join('/'), file: join(d, 'source.html') });
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.html')) out.push({ name: relative(dir, p).split(sep).join('/'), file: p });
    }
  };
  walk(dir);
  return out;
}

/** `left`: the saved page navigated away by itself (a script sending it to its live site) before it could be checked. */
export type PageStatus = 'annotated' | 'not-article' | 'too-large' | 'left' | 'error';

export interface PageResult {
  name: string;
  status: PageStatus;
  /** Errors caused by the extension: thrown in or logged by its content script or background, or an internal result. */
  errors: string[];
  /** The page's visible text (body.innerText) differs after annotation. */
  textChanged: boolean;
  /** body's HTML after annotation was switched off differs from before, or something of ours is left in the page. */
  domChanged: boolean;
  /** The page changed its own DOM while it was annotated (timers, ads, carousels): compared as described in `check`. */
  selfChanging: boolean;
  /** For a self-changing page: a control load without annotation ended with the same DOM and text (null: not needed). */
  selfChangeVerified: boolean | null;
  entities: number;
  quotes: number;
  marks: number;
  /** From the content script's start to the last mark drawn (includes the background's analysis). */
  annotateMs: number | null;
  /** The background's extraction and analysis alone. */
  analysisMs: number | null;
  /** The longest stretch of main-thread work of the content script. */
  longestSliceMs: number | null;
  /** Long tasks (≥ 50 ms, PerformanceObserver 'longtask') on the page's main thread while it was being annotated. */
  longTasksMs: number[];
  /** The longest blocking time of an animation frame ('long-animation-frame', includes style and layout) while it was being annotated. */
  longestFrameBlockingMs: number;
  /** Errors the page itself threw or logged while it was being annotated (not attributed to us; looked at by hand). */
  pageErrorsWhileAnnotating: string[];
}

/** A result with nothing found yet (status `error` until the run says otherwise). */
export function blankResult(name: string): PageResult {
  return { name, status: 'error', errors: [], textChanged: false, domChanged: false, selfChanging: false, selfChangeVerified: null, entities: 0, quotes: 0, marks: 0, annotateMs: null, analysisMs: null, longestSliceMs: null, longTasksMs: [], longestFrameBlockingMs: 0, pageErrorsWhileAnnotating: [] };
}

type TabStateLike = { result: null | { ok: boolean; code?: string; message?: string; ms?: number; analysis?: { entities: unknown[]; quotes: unknown[] } }; drawn?: { marks: number; ms: number; longestSliceMs: number } | null };

/** The page counts as settled after this long without a DOM change (its scripts done), or after QUIET_MAX_MS. */
const QUIET_MS = 500;
const QUIET_MAX_MS = 4000;
const ANNOTATE_TIMEOUT_MS = 60_000;

/** What the page shows and holds, compared before and after. */
async function snapshot(tab: Tab) {
  return tab.evaluate(() => ({
    text: document.body?.innerText ?? '',
    html: document.body?.outerHTML ?? '',
    others: Array.from(document.documentElement.children).filter((e) => e !== document.body && e.localName !== 'news-companion-ui').map((e) => e.outerHTML).join(''),
    sheets: document.adoptedStyleSheets.length,
  }));
}

/** Waits until the page has made no DOM change for `quietMs` (its scripts have settled), at most `maxMs`. */
async function waitQuiet(tab: Tab, quietMs = QUIET_MS, maxMs = QUIET_MAX_MS) {
  // a string, not a function: tsx would name inner functions with a helper the page does not have
  await tab
    .evaluate(
      `new Promise((resolve) => {
        let timer;
        const mo = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(end, ${quietMs}); });
        const stop = setTimeout(end, ${maxMs});
        function end() { clearTimeout(timer); clearTimeout(stop); mo.disconnect(); resolve(); }
        timer = setTimeout(end, ${quietMs});
        mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      })`,
    )
    .catch(() => {});
}

/** Starts counting DOM changes: the page's, and any that bring elements of ours into <body>. */
async function watchMutations(tab: Tab) {
  await tab.evaluate(() => {
    const w = window as unknown as { __ncMo?: MutationObserver; __ncMut: { page: number; ours: number } };
    w.__ncMo?.disconnect();
    w.__ncMut = { page: 0, ours: 0 };
    w.__ncMo = new MutationObserver((records) => {
      for (const rec of records) {
        const added = Array.from(rec.addedNodes);
        if (added.some((n) => n.nodeType === 1 && (n as Element).localName === 'news-companion-ui' && n.parentNode === document.documentElement)) continue; // the card's host
        if ([...added, rec.target].some((n) => n.nodeType === 1 && /^(news-companion-ui|nc-mark)$/.test((n as Element).localName))) w.__ncMut.ours++;
        else w.__ncMut.page++;
      }
    });
    w.__ncMo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

async function takeMutations(tab: Tab): Promise<{ page: number; ours: number }> {
  return tab.evaluate(() => {
    const w = window as unknown as { __ncMo: MutationObserver; __ncMut: { page: number; ours: number } };
    w.__ncMut.page += w.__ncMo.takeRecords().length;
    w.__ncMo.disconnect();
    return w.__ncMut;
  });
}

export class CorpusRunner {
  private tab!: Tab;
  private control!: Tab;
  private extensionErrors: string[] = [];
  private pageErrors: string[] = [];
  private constructor(private b: Driver, private origin: string, private closeServer: () => void) {}

  /** `browser`: Chromium or Firefox ESR, through the driver the browser tests use (tests/browser/driver.ts). */
  static async start(root: string, extensionDir?: string, browser: BrowserName = 'chromium'): Promise<CorpusRunner> {
    extensionDir ??= buildOf(browser);
    // a private copy of the build, so a rebuild during a long run cannot pull files from under it
    const snapshot = mkdtempSync(join(tmpdir(), 'nc-corpus-ext-'));
    cpSync(extensionDir, snapshot, { recursive: true });
    const { server, origin } = await serve(root);
    // nothing leaves the machine (every request to another host fails at once); pop-ups the saved pages open are closed
    const b = await launchBrowser(browser, { offline: true, closePopups: true, extensionDir: snapshot });
    const r = new CorpusRunner(b, origin, () => {
      server.close();
      rmSync(snapshot, { recursive: true, force: true });
    });
    await r.setUp();
    return r;
  }

  private async setUp() {
    const b = this.b;
    await b.evaluateInBackground((background) => {
      const g = background as unknown as { __ncErrors: string[]; addEventListener: typeof addEventListener; console: Console };
      g.__ncErrors = [];
      const original = g.console.error.bind(g.console);
      g.console.error = (...a: unknown[]) => {
        g.__ncErrors.push(a.map((x) => (x instanceof Error ? x.stack ?? x.message : String(x))).join(' '));
        original(...a);
      };
      g.addEventListener('error', (e) => g.__ncErrors.push(`uncaught: ${(e as ErrorEvent).message}`));
      g.addEventListener('unhandledrejection', (e) => g.__ncErrors.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`));
    }, null);
    this.control = await b.openExtensionPage('popup.html?tabId=0');
    await this.openTab();
  }

  /** The tab the pages are checked in (again, should a page have closed it). */
  private async openTab() {
    const b = this.b;
    this.tab = await b.newPage('about:blank');
    const ours = (s: string | undefined) => !!s && s.includes(b.extensionOrigin);
    this.tab.on('dialog', (d) => void d.dismiss().catch(() => {}));
    this.tab.on('pageerror', (e) => (ours(e.stack) ? this.extensionErrors : this.pageErrors).push(`pageerror: ${e.message}`));
    this.tab.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (ours(m.location().url)) this.extensionErrors.push(`console: ${m.text()}`);
      else if (!/Failed to load resource|ERR_BLOCKED_BY_CLIENT|ERR_NAME_NOT_RESOLVED/.test(m.text())) this.pageErrors.push(`console: ${m.text().slice(0, 200)}`);
    });
  }

  /** Sends a message in @webext-core/messaging's format from an extension page, as the popup does. */
  private send<T>(type: string, data: unknown, tabId?: number): Promise<{ res?: T; err?: { message?: string } }> {
    return this.control.evaluate(
      ([type, data, tabId]) =>
        new Promise((resolve) => {
          const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void }; tabs: { sendMessage(id: number, m: unknown, cb: (r: unknown) => void): void } } }).chrome;
          const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
          // (no named functions in here: the page has no `__name` helper for them)
          if (tabId === null) chrome.runtime.sendMessage(message, (r: unknown) => resolve((r ?? {}) as never));
          else chrome.tabs.sendMessage(tabId, message, (r: unknown) => resolve((r ?? {}) as never));
        }),
      [type, data, tabId ?? null] as const,
    );
  }

  /**
   * Checks one page. A saved page that sends itself elsewhere (a script redirecting to https or to its
   * live site) is reported as `left`: it cannot be checked as it is. (Switching the page's scripts off
   * for it, through CDP, made Chromium close the tab once the content script was injected.)
   */
  async run(page: CorpusPage): Promise<PageResult> {
    return this.tryCheck(page);
  }

  private async tryCheck(page: CorpusPage): Promise<PageResult> {
    try {
      return await this.check(page);
    } catch (e) {
      await this.tab.waitForTimeout(500);
      if (this.left(page) || /context was destroyed|navigat/i.test(String((e as Error)?.message))) return { ...blankResult(page.name), status: 'left' };
      throw e;
    }
  }

  private async check(page: CorpusPage): Promise<PageResult> {
    const tab = this.tab;
    const r = blankResult(page.name);
    this.extensionErrors = [];
    const url = `${this.origin}/${page.name.split('/').map(encodeURIComponent).join('/')}`;
    const loaded = await this.open(url);
    if (this.left(page)) return { ...r, status: 'left' };
    await watchMutations(tab); // before the snapshot: a change of the page's right after it is seen
    const before = await snapshot(tab);
    await tab.evaluate(() => {
      const w = window as unknown as { __ncLong: number[]; __ncFrame: number };
      w.__ncLong = [];
      w.__ncFrame = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__ncLong.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__ncFrame = Math.max(w.__ncFrame, Math.round((e as PerformanceEntry & { blockingDuration: number }).blockingDuration));
      }).observe({ type: 'long-animation-frame' });
    });
    this.pageErrors = [];
    const tabId = await this.b.tabIdOf(tab);
    const deadline = Date.now() + ANNOTATE_TIMEOUT_MS;
    let state: TabStateLike | undefined;
    const first = await this.send<TabStateLike>('annotateTab', { tabId });
    if (first.err) r.errors.push(`annotateTab: ${first.err.message}`);
    state = first.res;
    while (state?.result?.ok && !state.drawn && Date.now() < deadline) {
      await tab.waitForTimeout(50);
      state = (await this.send<TabStateLike>('annotateTab', { tabId })).res;
    }
    const result = state?.result;
    if (!result) r.errors.push('no result');
    else if (!result.ok) {
      if (result.code === 'not-article' || result.code === 'empty') r.status = 'not-article';
      else if (result.code === 'too-large') r.status = 'too-large';
      else r.errors.push(`result ${result.code}: ${result.message}`);
    } else {
      r.status = 'annotated';
      r.entities = result.analysis?.entities.length ?? 0;
      r.quotes = result.analysis?.quotes.length ?? 0;
      r.analysisMs = result.ms ?? null;
      if (!state?.drawn) r.errors.push('marks not drawn within the time limit');
      else {
        r.marks = state.drawn.marks;
        r.annotateMs = state.drawn.ms;
        r.longestSliceMs = state.drawn.longestSliceMs;
      }
    }
    await tab.waitForTimeout(100);
    const annotated = await snapshot(tab);
    [r.longTasksMs, r.longestFrameBlockingMs] = await tab.evaluate(() => {
      const w = window as unknown as { __ncLong: number[]; __ncFrame: number };
      return [w.__ncLong.slice(), w.__ncFrame] as [number[], number];
    });
    r.pageErrorsWhileAnnotating = this.pageErrors.slice();
    // switch annotation off, as the popup's "Always annotate" switch does, and look again
    await this.send('unannotate', undefined, tabId);
    await tab.waitForFunction(() => CSS.highlights.size === 0 && !document.querySelector('news-companion-ui'), null, { timeout: 5000 }).catch(() => r.errors.push('marks still there after switching off'));
    const after = await snapshot(tab);
    const during = await takeMutations(tab);
    // In Chromium the extension changes nothing in the page's DOM (marks are CSS highlights, its one
    // element hangs outside <body>), so DOM changes while it worked are the page's own (timers, ads,
    // an anti-flicker style removed): then the text counts as changed by us only if it differed while
    // annotated and came back when annotation was switched off.
    r.selfChanging = during.page > 0;
    r.textChanged = annotated.text !== before.text && (!r.selfChanging || annotated.text !== after.text);
    r.domChanged = during.ours > 0 || after.sheets !== before.sheets || /<news-companion-ui|<nc-mark/.test(after.html + after.others) || (!r.selfChanging && after.html !== before.html);
    if (r.selfChanging) {
      // a control: the same page, the same time after load, without annotation, must end the same
      const at = Date.now() - loaded;
      const start = await this.open(url);
      await tab.waitForTimeout(Math.max(0, at - (Date.now() - start)));
      const control = await snapshot(tab);
      r.selfChangeVerified = control.html === after.html && control.text === after.text;
    }
    const bg = await this.b.evaluateInBackground((background) => (background as unknown as { __ncErrors: string[] }).__ncErrors.splice(0), null);
    r.errors.push(...this.extensionErrors, ...bg.map((e) => `background: ${e.slice(0, 300)}`));
    if (r.errors.length) r.status = 'error';
    return r;
  }

  /** Loads a page and waits for its scripts to settle; returns when it finished loading (ms since epoch). */
  private async open(url: string): Promise<number> {
    await this.tab.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => this.tab.waitForFunction(() => document.readyState !== 'loading', null, { timeout: 5000 }).catch(() => {}));
    const loaded = Date.now();
    await waitQuiet(this.tab);
    return loaded;
  }

  /** Whether the tab is no longer showing `page` (it navigated away by itself). */
  left(page: CorpusPage): boolean {
    return !decodeURIComponent(this.tab.url()).endsWith(`/${page.name}`);
  }

  async close() {
    await this.b.close();
    this.closeServer();
  }
}

export interface CorpusSummary {
  pages: number;
  errorPages: number;
  textChangedPages: number;
  domChangedPages: number;
  annotatedPages: number;
  notArticlePages: number;
  leftPages: number;
  tooLargePages: number;
  selfChangingPages: number;
  selfChangingUnverifiedPages: number;
  entities: number;
  quotes: number;
  annotateMs: { median: number; p95: number };
  longestSliceMs: number;
  /** 95th percentile over the pages of the content script's longest slice (the maximum is one page, often a hiccup of a busy machine). */
  longestSliceMsP95: number;
  longTaskPages: number;
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarize(results: PageResult[]): CorpusSummary {
  const ms = results.map((r) => r.annotateMs).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const count = (f: (r: PageResult) => boolean) => results.filter(f).length;
  return {
    pages: results.length,
    errorPages: count((r) => r.errors.length > 0),
    textChangedPages: count((r) => r.textChanged),
    domChangedPages: count((r) => r.domChanged),
    annotatedPages: count((r) => r.status === 'annotated'),
    notArticlePages: count((r) => r.status === 'not-article'),
    leftPages: count((r) => r.status === 'left'),
    tooLargePages: count((r) => r.status === 'too-large'),
    selfChangingPages: count((r) => r.selfChanging),
    selfChangingUnverifiedPages: count((r) => r.selfChangeVerified === false),
    entities: results.reduce((n, r) => n + r.entities, 0),
    quotes: results.reduce((n, r) => n + r.quotes, 0),
    annotateMs: { median: quantile(ms, 0.5), p95: quantile(ms, 0.95) },
    longestSliceMs: Math.max(0, ...results.map((r) => r.longestSliceMs ?? 0)),
    longestSliceMsP95: quantile(results.map((r) => r.longestSliceMs ?? 0).sort((a, b) => a - b), 0.95),
    longTaskPages: count((r) => r.longTasksMs.length > 0),
  };
}

export function formatLine(r: PageResult): string {
  const flags = [r.textChanged && 'TEXT-CHANGED', r.domChanged && 'DOM-CHANGED', r.selfChanging && `self-changing${r.selfChangeVerified ? ' (control matches)' : ' (control differs: page is random)'}`, r.longTasksMs.length && `long-tasks:${r.longTasksMs.join('/')}`].filter(Boolean).join(' ');
  const timing = r.annotateMs !== null ? `${r.annotateMs} ms (analysis ${r.analysisMs} ms, longest slice ${r.longestSliceMs} ms)` : '';
  return [r.status.padEnd(11), r.name, `${r.entities} entities, ${r.quotes} quotes, ${r.marks} marks`, timing, flags, r.errors.join(' | ')].filter(Boolean).join('  ');
}

