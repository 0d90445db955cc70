/**
 * Real-browser harness: Debian's Chromium (driven by playwright-core) with the e2e build of the
 * extension loaded, and a static server on 127.0.0.1 for the pages under test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Tab } from './driver';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/e2e/chrome-mv3');
export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Why browser tests cannot run here, or null. In CI a missing browser is a failure, not a skip. */
export function browserSkipReason(): string | null {
  if (!findChromium()) return 'no Chromium found: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH)';
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return `no e2e build at ${EXTENSION_DIR}: run \`npm run build:e2e\``;
  return null;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

export async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, existsSync(join(file, 'index.html')) ? 'index.html' : 'source.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * `offline`: every host name but 127.0.0.1 fails to resolve, so a saved page cannot reach the network.
 * `extensionDir`: load this copy of the extension (long runs load a snapshot, safe from rebuilds).
 */
export async function launch(options: { offline?: boolean; extensionDir?: string } = {}): Promise<Browser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const executablePath = findChromium();
  if (!executablePath) throw new Error(browserSkipReason()!);
  const userDataDir = mkdtempSync(join(tmpdir(), 'nc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(options.offline ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's id for the tab showing `page`. */
export async function tabIdOf(b: Browser, page: Pick<Tab, 'url'>): Promise<number> {
  const url = page.url();
  const id = await b.worker.evaluate(async (u) => {
    const tabs: { id?: number; url?: string }[] = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
}

/** Opens the popup for a tab, in a tab of its own (the toolbar popup cannot be opened by a test). */
export async function openPopup(b: Browser, tabId: number): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/** Viewport coordinates of the middle of the n-th stand-alone occurrence of `word` in the page's text. */
export async function wordPoint(page: Pick<Tab, 'evaluate'>, word: string, nth = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([w, n]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const re = new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'gu');
      let k = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node as Text).data.matchAll(re)) {
          if (k++ !== n) continue;
          const r = document.createRange();
          r.setStart(node, m.index!);
          r.setEnd(node, m.index! + w.length);
          r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const rect = r.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`word not found: ${w}`);
    },
    [word, nth] as const,
  );
}
