/** Settings migrations, run against an in-memory extension storage. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

type Settings = typeof import('./settings');
let s: Settings;

beforeAll(async () => {
  // @wxt-dev/storage picks up the extension API when it is first imported
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  s = await import('./settings');
});
beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('migrates v1 "always annotate" lists to canonical origins, once each', async () => {
    await fakeBrowser.storage.sync.set({
      alwaysOnOrigins: ['https://Example.org/', 'https://example.org', 'www.zeit.de/politik', 'ftp://files.example.org', 42],
      alwaysOnOrigins$: { v: 1 },
    });
    await s.alwaysOnOrigins.migrate();
    expect(await s.alwaysOnOrigins.getValue()).toEqual(['https://example.org', 'https://www.zeit.de']);
    expect((await fakeBrowser.storage.sync.get('alwaysOnOrigins$')).alwaysOnOrigins$).toMatchObject({ v: 2 });
  });

  it('leaves a v2 list alone and starts empty without one', async () => {
    expect(await s.alwaysOnOrigins.getValue()).toEqual([]);
    await fakeBrowser.storage.sync.set({ alwaysOnOrigins: ['https://a.example'], alwaysOnOrigins$: { v: 2 } });
    await s.alwaysOnOrigins.migrate();
    expect(await s.alwaysOnOrigins.getValue()).toEqual(['https://a.example']);
  });

  it('has private defaults: no Wikipedia, no built-in model, every type shown', async () => {
    expect(await s.wikipediaLookups.getValue()).toBe(false);
    expect(await s.builtinSummarizer.getValue()).toBe(false);
    expect(await s.shownTypes.getValue()).toEqual(['person', 'place', 'organization']);
    expect(await s.citationFormat.getValue()).toBe('text');
    expect(await s.markStyle.getValue()).toBe('underline');
    expect(await s.wikipediaBase.getValue()).toMatch(/^https:\/\/\{lang\}\.wikipedia\.org\/api\/rest_v1\/page\/summary\/$/);
  });

  it('reads a typed site as its origin', () => {
    expect(s.canonicalOrigin('spiegel.de')).toBe('https://spiegel.de');
    expect(s.canonicalOrigin(' http://127.0.0.1:8080/x?y ')).toBe('http://127.0.0.1:8080');
    expect(s.canonicalOrigin('chrome://extensions')).toBeNull();
    expect(s.canonicalOrigin('')).toBeNull();
  });
});

describe('the settings the content script reads without @wxt-dev/storage', () => {
  it('use the same storage key and fallback as the versioned items, and read what they write', async () => {
    const { PAGE_SETTINGS, readSetting } = await import('./page-settings');
    for (const [name, spec] of Object.entries(PAGE_SETTINGS)) {
      const item = s[name as keyof typeof PAGE_SETTINGS];
      expect(item.key, name).toBe(spec.key);
      expect(item.fallback, name).toEqual(spec.fallback);
    }
    expect(await readSetting(PAGE_SETTINGS.markStyle)).toBe('underline');
    await s.markStyle.setValue('background');
    await s.shownTypes.setValue(['place']);
    expect(await readSetting(PAGE_SETTINGS.markStyle)).toBe('background');
    expect(await readSetting(PAGE_SETTINGS.shownTypes)).toEqual(['place']);
  });
});
