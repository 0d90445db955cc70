/**
 * What a page says about its article besides the text: when it was published and who wrote it.
 * Read from the page's markup (meta tags, schema.org JSON-LD and microdata, <time>, rel=author,
 * byline elements) before Readability, which changes the document.
 */

import { INVISIBLE_ALL } from './invisible';

/** Text as a reader sees it: invisible characters (lib/invisible) left out, white space collapsed to single spaces. */
export function normalizeSpace(s: string): string {
  return s.replace(INVISIBLE_ALL, '').replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_NAMES: string[][] = [
  // en, de, fr, es, it, nl
  ['january', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'januari'],
  ['february', 'februar', 'feber', 'février', 'febrero', 'febbraio', 'februari'],
  ['march', 'märz', 'maerz', 'mars', 'marzo', 'maart'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mei'],
  ['june', 'juni', 'juin', 'junio', 'giugno'],
  ['july', 'juli', 'juillet', 'julio', 'luglio'],
  ['august', 'août', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'settembre', 'sept'],
  ['october', 'oktober', 'octobre', 'octubre', 'ottobre'],
  ['november', 'novembre', 'noviembre'],
  ['december', 'dezember', 'décembre', 'diciembre', 'dicembre'],
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const n of names) {
    MONTHS.set(n, i + 1);
    if (!MONTHS.has(n.slice(0, 3))) MONTHS.set(n.slice(0, 3), i + 1);
  }
});
MONTHS.set('mrz', 3);

/** Zone abbreviations pages write after a time, in minutes east of UTC. */
const ZONES: Record<string, number> = { utc: 0, gmt: 0, z: 0, cet: 60, cest: 120, mez: 60, mesz: 120, wet: 0, west: 60, bst: 60, eet: 120, eest: 180, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A zone as written ("Z", "+0100", "+01:00", "-05", "CEST") → "Z" or "±HH:MM"; undefined when unknown. */
function zone(z: string | undefined): string | null | undefined {
  if (!z) return null;
  const t = z.trim();
  if (/^(?:z|utc|gmt)$/i.test(t)) return 'Z';
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (m) return +m[2] <= 14 && +(m[3] ?? 0) < 60 ? `${m[1]}${pad(+m[2])}:${m[3] ?? '00'}` : undefined;
  const minutes = ZONES[t.toLowerCase()];
  if (minutes === undefined) return undefined;
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

interface Clock {
  h: number;
  min: number;
  s?: string;
  frac?: string;
  zone: string | null;
}

/** A time of day after a date: "14:09", "4:56 p.m.", "11:17 Uhr", "12:00:00 +0200", "16:36:31 CEST". */
function clock(rest: string): Clock | null | undefined {
  const m = /^[\s,T]*(?:-\s*|um\s+|at\s+|à\s+|a las\s+|alle\s+)?(\d{1,2})[:.h](\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?\s*(?:uhr\b)?\s*(z\b|(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?\b|[a-z]{1,4}\b)?/i.exec(rest);
  if (!m) return null;
  let h = +m[1];
  const min = +m[2];
  if (m[5]) {
    const pm = /^p/i.test(m[5]);
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59 || (m[3] && +m[3] > 59)) return undefined;
  let z: string | null | undefined = null;
  if (m[6] && !/^uhr$/i.test(m[6])) {
    z = zone(m[6]);
    if (z === undefined) z = /^[a-z]+$/i.test(m[6]) ? null : undefined; // a word after the time is not a zone
    if (z === undefined) return undefined;
  }
  return { h, min, s: m[3], frac: m[4], zone: z };
}

function iso(y: number, mo: number, d: number, c: Clock | null): string {
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (!c) return day;
  return `${day}T${pad(c.h)}:${pad(c.min)}${c.s ? `:${c.s}` : ''}${c.s && c.frac ? `.${c.frac}` : ''}${c.zone ?? ''}`;
}

const WEEKDAY = /^(?:[\p{L}]{2,12}\.?,?\s+)?/u;

/**
 * A date as a page writes it → ISO-8601 in the page's own terms: the offset it gives is kept (never
 * shifted to UTC), a time without a zone stays a local time, a date without a time stays a date.
 * null when the value is not a day (a year alone, "Mo - So von 08 - 20 Uhr").
 */
export function parseDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = normalizeSpace(v);
  let m: RegExpExecArray | null;
  const finish = (y: number, mo: number, d: number, rest: string): string | null => {
    if (!validDay(y, mo, d)) return null;
    const c = clock(rest);
    return c === undefined ? iso(y, mo, d, null) : iso(y, mo, d, c);
  };
  // 2025-12-03, 2025-12-03T11:00:00+01:00, 2023-11-05 14:09, 2022-12-30 13:49:50 +0100, 2023-1-26
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])(.*)$/.exec(t))) return finish(+m[1], +m[2], +m[3], m[4]);
  // 20201001, 20201001T120000Z
  if ((m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$/.exec(t))) {
    return finish(+m[1], +m[2], +m[3], m[4] ? `${m[4]}:${m[5]}${m[6] ? ':' + m[6] : ''}${m[7] ?? ''}` : '');
  }
  // 2017/01/30, 2017.01.30
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d])(.*)$/.exec(t))) return finish(+m[1], +m[2], +m[3], m[4]);
  const body = t.replace(WEEKDAY, (w) => (MONTHS.has(w.replace(/[.,\s]/g, '').toLowerCase()) ? w : ''));
  // 25.01.2022 - 14:45, Di., 25.01.2022
  if ((m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d])(.*)$/.exec(body))) return finish(+m[3], +m[2], +m[1], m[4]);
  // 28. Dezember 2022, 8 November 2023, 01 Oct 2020 12:00:00 +0200, 22 de Abril de 2022, 1er mars 2020
  if ((m = /^(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?([\p{L}]+)\.?\s+(?:de\s+)?(\d{4})(?![\d])(.*)$/u.exec(body))) {
    const mo = MONTHS.get(m[2].toLowerCase());
    return mo ? finish(+m[3], mo, +m[1], m[4]) : null;
  }
  // November 8, 2023 at 4:56 p.m.; Oct. 1, 2020
  if ((m = /^([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\d])(.*)$/u.exec(body))) {
    const mo = MONTHS.get(m[1].toLowerCase());
    return mo ? finish(+m[3], mo, +m[2], m[4]) : null;
  }
  // Wed Jul 08 16:36:31 CEST 2020 (Date.toString and Unix date)
  if ((m = /^([\p{L}]+)\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+([A-Za-z]{1,5}|[+-]\d{4})?\s*(\d{4})$/u.exec(body))) {
    const mo = MONTHS.get(m[1].toLowerCase());
    return mo ? finish(+m[5], mo, +m[2], `${m[3]} ${m[4] ?? ''}`) : null;
  }
  return null;
}

/** Meta names that mean "modified", "expires" or something else than publication. */
const NOT_PUBLISHED = /modif|updat|expir|revis|birth|(?:^|[._:-])(?:start|end)|online_date|cover_date|valid|event|copyright|generat|gentime|last/i;

/**
 * How strongly a meta tag's name says "publication time": 0 says it outright (article:published_time,
 * pubdate, DC.date.issued, parsely-pub-date), 1 a plain date (date, dc.date, sailthru.date), 2 the
 * creation time; null for anything else.
 */
function metaDateRank(name: string): number | null {
  const n = name.toLowerCase();
  if (NOT_PUBLISHED.test(n)) return null;
  if (/creat/.test(n)) return 2;
  if (/publi(?:sh|cation)|pub[-_.]?date|pubdate|issued|release/.test(n)) return 0;
  if (/(?:^|[.:_-])date$|^date$/.test(n)) return 1;
  return null;
}

const ARTICLE_TYPE = /article|posting|report|newsarticle|blog|webpage|creativework|review|interview/i;

/** The JSON-LD objects of the page, flattened (arrays and @graph), articles first. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const add = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => add(x, depth + 1));
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) add(o['@graph'], depth + 1);
    if (o.mainEntity) add(o.mainEntity, depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = (s.textContent ?? '').replace(/^\s*<!--|-->\s*$/g, '');
    try {
      add(JSON.parse(text), 0);
    } catch {
      // a common fault: line breaks and tabs inside strings; outside them they are white space anyway
      try {
        add(JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ')), 0);
      } catch {
        /* otherwise malformed: ignore it */
      }
    }
  }
  return [...out.filter(isArticleObject), ...out.filter((o) => !isArticleObject(o))];
}

const isArticleObject = (o: Record<string, unknown>) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));

/** Microdata that belongs to the page's article, not to an item inside it (a cited work, a comment). */
function articleScoped(el: Element): boolean {
  const scope = el.parentElement?.closest('[itemscope]');
  if (!scope) return true;
  const type = scope.getAttribute('itemtype') ?? '';
  return !type || ARTICLE_TYPE.test(type);
}

const HEADER_TIME = 'article header time, header time, [class*="date" i] time, [class*="meta" i] time, article time, main time, time[pubdate]';

/**
 * The publication date, from every common source, strongest first: JSON-LD datePublished of the
 * article, meta tags named for the publication time, microdata datePublished (content or datetime
 * or text), then the article header's <time>.
 */
export function publishedDate(doc: Document, ld: Record<string, unknown>[]): string | null {
  // the first source decides the day; a later one may tell the time of that same day
  let day: string | null = null;
  for (const d of dateCandidates(doc, ld)) {
    if (!day) {
      if (d.length > 10) return d;
      day = d;
    } else if (d.length > 10 && d.startsWith(day)) return d;
  }
  return day;
}

function* dateCandidates(doc: Document, ld: Record<string, unknown>[]): Generator<string> {
  for (const o of ld) {
    const d = typeof o.datePublished === 'string' ? parseDate(o.datePublished) : null;
    if (d) yield d;
  }
  const metas: { rank: number; value: string }[] = [];
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const itemprop = el.getAttribute('itemprop');
    const name = el.getAttribute('property') ?? el.getAttribute('name') ?? itemprop ?? el.getAttribute('http-equiv');
    if (!name) continue;
    if (itemprop && !articleScoped(el)) continue;
    const rank = metaDateRank(name);
    if (rank !== null) metas.push({ rank, value: el.getAttribute('content') ?? '' });
  }
  for (const rank of [0, 1]) {
    for (const m of metas) {
      const d = m.rank === rank ? parseDate(m.value) : null;
      if (d) yield d;
    }
  }
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished" i]:not(meta)'))) {
    if (!articleScoped(el)) continue;
    const d = parseDate(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent);
    if (d) yield d;
  }
  for (const m of metas) {
    const d = m.rank === 2 ? parseDate(m.value) : null;
    if (d) yield d;
  }
  const times = [...Array.from(doc.querySelectorAll(HEADER_TIME)), ...Array.from(doc.querySelectorAll('time'))];
  for (const el of times) {
    const d = parseDate(el.getAttribute('datetime')) ?? parseDate(el.textContent);
    if (d) yield d;
  }
}

// ---------------------------------------------------------------------------------------------
// Authors

/** Label words before a byline: "Von", "By", "Text:", "Autorin:", "Interview:", "Written by", … */
export const BYLINE_LABEL =
  /^(?:(?:ein\s+)?(?:beitrag|artikel|text|bericht|interview|kommentar|gastbeitrag|analyse)\s+von|von|by|text(?:\s+und\s+fotos?)?\s*:|autor(?:in|en|innen)?\s*:|author(?:s)?\s*:|written\s+by|posted\s+by|reporting\s+by|additional\s+reporting\s+by|erstellt\s+von|geschrieben\s+von|interview\s*:|mitarbeit\s*:|redaktion\s*:|recherche\s*:|par|por|di|door)\s*:?\s*/i;

/** Words that make a byline part an outlet or desk rather than a person. */
const NOT_A_PERSON =
  /\b(?:authors?|autor(?:in)?|unknown|anonym\w*|admin\w*|guest|gast|news|online|redaktion|newsroom|staff|team|desk|verlag|zeitung|magazin|magazine|media|medien|gmbh|ag|e\.\s?v\.|inc|ltd|llc|agentur|agency|press|presse|nachrichten|service|stiftung|foundation|institut|institute|verband|association|reporters?|korrespondent(?:en|in)?|correspondents?|editors?|editorial|contributors?|dpa|afp|ap|reuters|kna|epd|apa|sda|ddp|sid|ansa|efe|bloomberg|getty|imago|picture alliance)\b|\.(?:com|de|at|ch|org|net|it|uk|fr|es|ie)\b|https?:|www\.|@/i;

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|(?:von|van|vom|zu|der|den|de|da|di|du|del|della|des|le|la|ter|ten|bin|ibn|al|el|y)|[\p{Ll}]{1,3}['’]\p{Lu}[\p{L}'’-]*)$/u;

/** "Max Muster", "Anna-Lena von der Heide", "MORITZ GATHMANN", "Evan V. Symon": 1–5 name words, capitalised, no digits. */
export function looksLikeName(s: string, single = false): boolean {
  const words = s.split(' ').filter(Boolean);
  if (!words.length || words.length > 5 || (words.length === 1 && !single)) return false;
  if (!/^\p{Lu}/u.test(words[0]) || !/^\p{Lu}/u.test(words.at(-1)!)) return false;
  if (words.length === 1 && (/^\p{Lu}+$/u.test(words[0]) || words[0].length < 3)) return false; // an acronym
  return words.every((w) => NAME_WORD.test(w)) && !NOT_A_PERSON.test(s);
}

const titleCase = (s: string) => s.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase());

/** A date, time or "am 21. April 2020" inside a byline. */
export const DATE_PART =
  /(?:\b(?:am|on|den|le|el|il|published|veröffentlicht|updated|aktualisiert|stand)\b\s*:?\s*)?(?:\d{1,2}\.?\s*(?:\p{L}{3,10}\.?|\d{1,2}\.)\s*\d{2,4}|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?|\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|a\.?m\.?|p\.?m\.?))?)/giu;

/**
 * The person names in a byline as written on the page: label, dates, outlet and roles removed,
 * split at commas and "und"/"and"/"&". "VON MORITZ GATHMANN am 21. April 2020" → ["Moritz Gathmann"];
 * "By Nada Tawfik, BBC News, New York" → ["Nada Tawfik"]; "Miami Today" (the outlet) → [].
 */
export function bylineNames(raw: string | null | undefined, outlets: (string | null)[] = [], single = false): string[] {
  let t = normalizeSpace(raw ?? '');
  if (!t || t.length > 200) return [];
  t = t.replace(BYLINE_LABEL, '').replace(DATE_PART, ' ').replace(/\([^)]*\)/g, ' ');
  const outletKeys = outlets.filter(Boolean).map((o) => key(o!));
  const out: string[] = [];
  // "Max Muster, Outlet, City": after the first comma come outlet, place and role, unless the commas list
  // names ("Max Muster, Erika Beispiel und Hans Hase")
  const segments = t.split(/\s*[,;|/·•–—]\s*|\s+-\s+/);
  const listed = segments.length > 1 && /\s(?:und|and|&|sowie)\s/i.test(segments.at(-1)!);
  const names = listed ? t : segments[0];
  for (let part of names.split(/\s*(?:[,;|/·•–—]|\s-\s|\bund\b|\band\b|&|\bsowie\b|\bmit\b|\bwith\b)\s*/i)) {
    part = part.replace(/^[\s:.]+|[\s:.,]+$/g, '').replace(BYLINE_LABEL, '');
    if (!part) continue;
    if (/^[\p{Lu}\s.'’-]+$/u.test(part) && /\p{Lu}{2}/u.test(part)) part = titleCase(part);
    if (outletKeys.some((k) => k && (k === key(part) || k.startsWith(key(part)) || key(part).startsWith(k)))) continue;
    if (looksLikeName(part, single) && !out.includes(part)) out.push(part);
  }
  return out;
}

/** Outlet names compared without case, spaces, punctuation and a domain ending ("Lebensmittel Praxis" = "Lebensmittelpraxis.de"). */
const key = (s: string) => s.toLowerCase().replace(/\.(?:com|de|at|ch|org|net|it|co\.uk|uk|fr|es|ie)\b/g, '').replace(/[^\p{L}\p{N}]/gu, '');

/** The names of a JSON-LD author value: a string, a Person (or a reference to one by @id), or a list; no organisations. */
function ldNames(v: unknown, byId: Map<string, Record<string, unknown>>, depth = 0): { name: string; person: boolean }[] {
  if (depth > 3 || v === null || v === undefined) return [];
  if (typeof v === 'string') return [{ name: v, person: false }];
  if (Array.isArray(v)) return v.flatMap((x) => ldNames(x, byId, depth + 1));
  if (typeof v !== 'object') return [];
  let o = v as Record<string, unknown>;
  if (!o.name && typeof o['@id'] === 'string') o = byId.get(o['@id']) ?? o;
  const types = [o['@type']].flat().filter((x): x is string => typeof x === 'string');
  if (types.some((x) => /organi[sz]ation|corporation|newsmedia/i.test(x))) return [];
  const name = typeof o.name === 'string' ? o.name : [o.givenName, o.familyName].filter((x) => typeof x === 'string').join(' ');
  return name ? [{ name, person: types.some((x) => /person/i.test(x)) }] : [];
}

/** Comments, sidebars, teasers and lists of other articles name other authors than the article's. */
const OTHER_CONTENT = /(?:^|[^a-z])(?:comments?|repl(?:y|ies)|sidebar|widget|related|teasers?|recommend\w*|list|grid|slider)(?:[^a-z]|$)/i;

export function inOtherContent(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.tagName.toUpperCase() === 'LI' || OTHER_CONTENT.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/** Meta tags that name the author(s). article:author is often a profile URL, which names nobody here. */
const AUTHOR_METAS = ['author', 'article:author', 'og:article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'twitter:creator:name'];

/**
 * The article's author(s) from the page's structured data, strongest first: the JSON-LD author of the
 * page's article (a person, not an organisation or the outlet), author meta tags, microdata author and rel=author links of the first item that has them. null when none
 * of these names anybody; the caller then reads the byline.
 */
export function structuredAuthors(doc: Document, ld: Record<string, unknown>[], outlets: (string | null)[]): string[] | null {
  // the page's article is the first one with an author (a list page has more, each with its own)
  const article = ld.find((o) => isArticleObject(o) && (o.author || o.creator));
  if (article) {
    const byId = new Map(ld.filter((o) => typeof o['@id'] === 'string').map((o) => [o['@id'] as string, o]));
    const names = ldNames(article.author ?? article.creator, byId).flatMap((n) => bylineNames(n.name, outlets, n.person));
    if (names.length) return names.slice(0, MAX_AUTHORS);
  }
  const names: string[] = [];
  const add = (xs: string[]) => xs.forEach((x) => !names.includes(x) && names.push(x));
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const n = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    if (AUTHOR_METAS.includes(n)) add(bylineNames(el.getAttribute('content'), outlets));
  }
  if (names.length) return names.slice(0, MAX_AUTHORS);
  // microdata: the authors of the first item that has one (a list of teasers has one per teaser)
  let item: Element | null | undefined;
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="author" i], [itemprop~="creator" i], a[rel~="author" i]'))) {
    if (el.tagName === 'META' || !articleScoped(el) || inOtherContent(el)) continue;
    const scope = el.parentElement?.closest('[itemscope]') ?? null;
    if (item !== undefined && scope !== item) break;
    item = scope;
    const named = el.querySelector('[itemprop~="name" i]');
    add(bylineNames(named?.getAttribute('content') ?? named?.textContent ?? el.textContent, outlets, !!named));
  }
  return names.length ? names.slice(0, MAX_AUTHORS) : null;
}

const MAX_AUTHORS = 8;
