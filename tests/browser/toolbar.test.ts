/**
 * The toolbar click is the permission (Firefox ESR, which lets a test click the toolbar button):
 * with no site granted — as a reader's Firefox installs an MV3 extension — the extension does not
 * touch the article until the button is clicked, then marks it through activeTab alone, and has
 * no access left once the tab moves on.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serve, skipReason, type Driver, type Tab } from './driver';
import { ROOT } from './harness';

const skip = skipReason('firefox');
if (skip && process.env.CI === 'true') throw new Error(`browser tests cannot run in CI: ${skip}`);

const marks = (p: Tab) => p.evaluate(() => CSS.highlights.get('nc-person')?.size ?? 0);
const visibleText = (p: Tab) => p.evaluate(() => document.body.innerText);
/** Whether the extension may reach 127.0.0.1 without a click (Firefox match patterns carry no port). */
const hostGranted = (b: Driver) =>
  b.evaluateInBackground((bg) => (bg as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }), null);
/** Whether the background could run a script in the front tab right now. */
const canInject = (b: Driver) =>
  b.evaluateInBackground(async (bg) => {
    type Api = { tabs: { query(q: object): Promise<{ id: number }[]> }; scripting: { executeScript(o: object): Promise<unknown> } };
    const api = (bg as unknown as { browser: Api }).browser;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return api.scripting.executeScript({ target: { tabId: tab.id }, func: () => true }).then(
      () => true,
      () => false,
    );
  }, null);

describe.skipIf(!!skip)('toolbar click in firefox, no site granted', { timeout: 60_000 }, () => {
  let b: Driver;
  let origin: string;
  let close: () => void;
  let page: Tab;

  beforeAll(async () => {
    const s = await serve(join(ROOT, 'tests/fixtures'));
    origin = s.origin;
    close = () => s.server.close();
    b = await launchBrowser('firefox', { grantHostPermissions: false });
    page = await b.newPage(`${origin}/seed-article/index.html`);
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    close?.();
  });

  it('leaves the article alone until the button is clicked, then marks it without a host permission', async () => {
    expect(await hostGranted(b)).toBe(false);
    const before = await visibleText(page);
    await page.bringToFront();
    expect(await canInject(b)).toBe(false);
    await page.waitForTimeout(1000);
    expect(await marks(page)).toBe(0);
    await b.clickAction!(page);
    await page.waitForFunction(() => (CSS.highlights.get('nc-person')?.size ?? 0) >= 20, null, { timeout: 30_000 });
    expect(await visibleText(page)).toBe(before);
    // the click granted this tab (activeTab), not the site
    expect(await canInject(b)).toBe(true);
    expect(await hostGranted(b)).toBe(false);
  });

  it('has no access left once the tab loads a page again', async () => {
    await page.reload();
    await page.waitForTimeout(1000);
    expect(await marks(page)).toBe(0);
    expect(await canInject(b)).toBe(false);
  });
});
