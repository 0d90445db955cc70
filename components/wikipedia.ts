/**
 * Wikipedia as a gateway: the REST summary endpoint's JSON turned into one WikiPreview the card can
 * show; the UI never touches raw API JSON. A failed or empty look-up becomes the `none` preview
 * (shown as a quiet "no further information"). Pure: the fetching lives in wikipedia-service.ts.
 */

export type WikiPreview =
  | {
      kind: 'standard' | 'disambiguation';
      title: string;
      /** Wikidata's short description ("Russian politician"), when there is one. */
      description: string | null;
      extract: string;
      /** The article on Wikipedia, for the reader to open. */
      url: string | null;
      /** The lead image as a data: URL (fetched by the background), or null. */
      image: { src: string; width: number; height: number } | null;
      lang: string;
      dir: 'ltr' | 'rtl';
    }
  | { kind: 'none'; title: string };

/** What the background answers a card: a preview, or `off` while the reader has not turned look-ups on. */
export type WikiAnswer = WikiPreview | { kind: 'off' };

export const WIKIPEDIA = {
  /** Extracts are cut at a sentence end near this many characters. */
  maxExtractChars: 420,
  /** Thumbnails larger than this are not inlined. */
  maxImageBytes: 300_000,
  /** How long a look-up is kept in memory. */
  cacheMs: 60 * 60 * 1000,
  fetchTimeoutMs: 8000,
} as const;

/** `{lang}` in the base is the article's language; the title in Wikipedia's form (spaces as "_"). */
export function summaryUrl(base: string, lang: string, title: string): string {
  const safeLang = /^[a-z]{2,3}(?:-[a-z]+)?$/i.test(lang) ? lang.toLowerCase() : 'en';
  return base.replace('{lang}', safeLang) + encodeURIComponent(title.trim().replace(/\s+/g, '_'));
}

/** The host permissions a look-up needs: the API's host (any language) and where its images live. */
export function permissionOrigins(base: string): string[] {
  try {
    const u = new URL(base.replace('{lang}', 'xx'));
    const host = base.includes('{lang}.') ? u.hostname.replace(/^xx\./, '*.') : u.hostname;
    const origins = [`${u.protocol}//${host}/*`];
    if (/\.wikipedia\.org$/.test(u.hostname)) origins.push('https://upload.wikimedia.org/*');
    return origins;
  } catch {
    return [];
  }
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  return end > max / 3 ? head.slice(0, end + 1) : head.replace(/\s+\S*$/, '') + ' …';
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The REST summary's JSON (or anything else) as a preview. */
export function toPreview(json: unknown, title: string): WikiPreview {
  const j = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const type = j.type;
  const extract = str(j.extract);
  if ((type !== 'standard' && type !== 'disambiguation') || !extract) return { kind: 'none', title };
  const urls = j.content_urls as { desktop?: { page?: unknown } } | undefined;
  const page = str(urls?.desktop?.page);
  return {
    kind: type,
    title: str(j.title)?.replace(/_/g, ' ') ?? title,
    description: str(j.description),
    extract: cut(extract, WIKIPEDIA.maxExtractChars),
    url: page && /^https?:\/\//.test(page) ? page : null,
    image: null,
    lang: str(j.lang) ?? 'en',
    dir: j.dir === 'rtl' ? 'rtl' : 'ltr',
  };
}

/** The thumbnail's address in the JSON, when it is an http(s) image. */
export function thumbnailOf(json: unknown): { source: string; width: number; height: number } | null {
  const t = (json as { thumbnail?: { source?: unknown; width?: unknown; height?: unknown } } | null)?.thumbnail;
  const source = str(t?.source);
  if (!source || !/^https?:\/\//.test(source) || typeof t?.width !== 'number' || typeof t?.height !== 'number') return null;
  return { source, width: t.width, height: t.height };
}
