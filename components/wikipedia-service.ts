/**
 * The background's Wikipedia look-ups: only after the reader turned them on (setting and host
 * permission both), one request per title and language, cached; the thumbnail comes along as a
 * data: URL so the page never contacts Wikipedia itself.
 */
import { browser } from 'wxt/browser';
import { onMessage } from './protocol';
import { wikipediaBase, wikipediaLookups } from './settings';
import { permissionOrigins, summaryUrl, thumbnailOf, toPreview, WIKIPEDIA, type WikiAnswer, type WikiPreview } from './wikipedia';

const cache = new Map<string, { at: number; value: Promise<WikiPreview> }>();

async function allowed(): Promise<boolean> {
  if (!(await wikipediaLookups.getValue())) return false;
  const origins = permissionOrigins(await wikipediaBase.getValue());
  return origins.length > 0 && browser.permissions.contains({ origins }).catch(() => false);
}

async function dataUrl(src: string): Promise<string | null> {
  const res = await fetch(src, { credentials: 'omit', signal: AbortSignal.timeout(WIKIPEDIA.fetchTimeoutMs) });
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  if (!res.ok || !/^image\/(png|jpeg|gif|webp)$/.test(type)) return null;
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > WIKIPEDIA.maxImageBytes) return null;
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(bin)}`;
}

async function fetchPreview(title: string, lang: string): Promise<WikiPreview> {
  try {
    const res = await fetch(summaryUrl(await wikipediaBase.getValue(), lang, title), {
      credentials: 'omit',
      headers: { accept: 'application/json', 'Api-User-Agent': 'NewsCompanion/0.1 (browser extension; on request of the reader)' },
      signal: AbortSignal.timeout(WIKIPEDIA.fetchTimeoutMs),
    });
    if (!res.ok) return { kind: 'none', title };
    const json: unknown = await res.json();
    const preview = toPreview(json, title);
    const thumb = thumbnailOf(json);
    if (preview.kind === 'standard' && thumb) {
      const src = await dataUrl(thumb.source).catch(() => null);
      if (src) preview.image = { src, width: thumb.width, height: thumb.height };
    }
    return preview;
  } catch {
    return { kind: 'none', title };
  }
}

/** The preview for a name, or `off` while the reader has not turned look-ups on. */
export async function lookUp(title: string, lang: string): Promise<WikiAnswer> {
  if (!(await allowed())) return { kind: 'off' };
  const key = `${lang}:${title}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < WIKIPEDIA.cacheMs) return hit.value;
  const value = fetchPreview(title, lang);
  cache.set(key, { at: Date.now(), value });
  return value;
}

const fromUs = (sender: { id?: string }) => sender?.id === browser.runtime.id;

export function registerWikipedia() {
  onMessage('wikiPreview', ({ data, sender }) => {
    if (!fromUs(sender) || typeof data?.title !== 'string' || typeof data?.lang !== 'string' || data.title.length > 300 || data.lang.length > 12) {
      return { kind: 'none', title: '' } as WikiAnswer;
    }
    return lookUp(data.title, data.lang);
  });
  onMessage('enableWikipedia', async ({ sender }) => {
    if (!fromUs(sender)) return { on: false };
    const origins = permissionOrigins(await wikipediaBase.getValue());
    if (await browser.permissions.contains({ origins }).catch(() => false)) {
      await wikipediaLookups.setValue(true);
      return { on: true };
    }
    // only an extension page can ask for a permission (in a click): the options page takes over
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html#wikipedia' as never) });
    return { on: false };
  });
  // a permission taken back in the browser's settings switches look-ups off
  browser.permissions.onRemoved.addListener(async () => {
    if (!(await allowed())) cache.clear();
  });
}
