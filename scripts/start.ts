/**
 * npm start: builds the extension for Chrome (MV3) and Firefox, serves the demo article on
 * 127.0.0.1 and opens Chromium with the extension on it. Without a display it runs the demo
 * headless instead: hovers a name, opens the popup, saves screenshots of both under
 * .output/demo/, and prints the CLI report of the article.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserSkipReason, findChromium, launch, openPopup, ROOT, serve, tabIdOf, wordPoint } from '../tests/browser/harness';

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log('› building for Chrome (MV3), Firefox (MV3) and the e2e variant');
run(bin('wxt'), ['build']);
run(bin('wxt'), ['build', '-b', 'firefox', '--mv3']);
run(bin('wxt'), ['build'], { NC_E2E: '1' });

const { server, origin } = await serve(join(ROOT, 'tests/fixtures'));
const demoUrl = `${origin}/seed-article/index.html`;
console.log(`› demo article at ${demoUrl}`);

if (process.env.DISPLAY && process.env.CI !== 'true' && findChromium()) {
  console.log('› opening Chromium with the extension; click its toolbar button (or press Alt+Shift+A) on the article. Ctrl-C to stop.');
  const profile = join(ROOT, '.output/demo-profile');
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium()!,
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${join(ROOT, '.output/chrome-mv3')}`, `--load-extension=${join(ROOT, '.output/chrome-mv3')}`, '--no-first-run'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(demoUrl);
  ctx.on('close', () => {
    server.close();
    process.exit(0);
  });
} else {
  const skip = browserSkipReason();
  if (skip) console.log(`› no browser demo: ${skip}`);
  else {
    const out = join(ROOT, '.output/demo');
    mkdirSync(out, { recursive: true });
    const b = await launch();
    try {
      const page = await b.context.newPage();
      await page.goto(demoUrl);
      const tabId = await tabIdOf(b, page);
      const popup = await openPopup(b, tabId);
      await popup.locator('.quote').first().waitFor({ timeout: 30_000 });
      await popup.setViewportSize({ width: 420, height: 900 });
      await popup.screenshot({ path: join(out, 'popup.png'), fullPage: true });
      await popup.close();
      await page.bringToFront();
      await page.waitForFunction(() => CSS.highlights.has('nc-person'));
      const { x, y } = await wordPoint(page, 'Uschakow', 1);
      await page.mouse.move(x, y);
      await page.locator('news-companion-ui .card').waitFor({ timeout: 5000 });
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(out, 'card.png') });
      console.log(`› screenshots: ${join(out, 'card.png')}, ${join(out, 'popup.png')}`);
    } finally {
      await b.close();
    }
  }
  server.close();
  console.log('› the CLI report of the demo article:\n');
  const cli = spawn(bin('tsx'), [join(ROOT, 'scripts/annotate.ts'), join(ROOT, 'tests/fixtures/seed-article/index.html'), '--format', 'md'], { stdio: 'inherit' });
  cli.on('exit', (code) => process.exit(code ?? 0));
}
