/**
 * The content script runs inside every page the reader annotates: it must stay under 60 KB minified
 * (Page Previews keeps a bundle-size budget in CI the same way). Checked on the build `npm test` makes
 * (.output/e2e); `npm run -s bench` prints all bundle sizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

export const CONTENT_SCRIPT_BUDGET_BYTES = 60 * 1024;
const ROOT = join(import.meta.dirname, '..');
const builds = ['chrome-mv3', 'firefox-mv3'].map((b) => join(ROOT, '.output/e2e', b, 'content-scripts/content.js')).filter(existsSync);
if (!builds.length) console.warn('[skipped] content-script budget: no build in .output/e2e (npm run build:e2e)');

describe.skipIf(!builds.length)('bundle budget', () => {
  it.each(builds)('keeps the content script under 60 KB minified (%s)', (file) => {
    const code = readFileSync(file);
    expect(code.toString('utf8').split('\n').length).toBeLessThan(100); // minified, not a development build
    expect(code.byteLength).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
  });
});
