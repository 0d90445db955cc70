/**
 * Article extraction: HTML string → title, metadata and the article's text blocks.
 * Readability runs on a parsed copy (linkedom), never on a live document; the same code
 * serves the extension's background script, the CLI and the tests.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { MAX_HTML_CHARS } from './limits';
import { jsonLdObjects, normalizeSpace, parseDate, publishedDate } from './extract-meta';
import type { Article, Block } from './types';
import { countWords } from './words';

/** Everything tunable about extraction, in one table. */
export const EXTRACT = {
  maxHtmlChars: MAX_HTML_CHARS,
  /** A block whose text is mostly link text and shorter than this many words is navigation. */
  linkDensityMax: 0.5,
  linkBlockMaxWords: 12,
  /** Blocks with fewer letters than this (e.g. "103", "0") carry no prose. */
  minLetters: 3,
  /** Whole-block boilerplate phrases: share bars, "continue reading", paywall teasers. */
  boilerplate: [
    /^(?:share|teilen|drucken|print|kommentare|comments?|tweet|e-?mail|whatsapp|facebook|twitter|linkedin)(?:\s|$)/i,
    /^(?:continue reading|read more|weiterlesen|mehr lesen|mehr zum thema|zum artikel|zur startseite)\b/i,
    /^[\W_]*(?:advertisement|anzeige|werbung)\b/i,
    // found on the trafilatura pages: pointers to other pages, credits, copyright, sign-up calls
    /^(?:auch interessant|das könnte (?:dich|sie|euch) auch interessieren|mehr themen|noch mehr infos|themen im artikel|vorschau auf den nächsten artikel|häufig gestellte fragen|externer inhalt|zurück|hier können sie den artikel bewerten|related (?:stories|articles)|more stories|you may also like)\b/i,
    /^(?:titelbild|bild|bilder|foto|fotos|photo|photos|image|credit|quelle)\s*:/i,
    /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\balle rechte vorbehalten\b/i,
    /^(?:subscribe|sign up|never miss|follow (?:us|the)\b|jetzt abonnieren|newsletter abonnieren)/i,
  ],
  /** Blocks that open with "read also" point to another article: dropped up to this many words. */
  teaserMaxWords: 40,
  teasers: /^(?:lesen sie auch|lies auch|siehe auch|see also|read also|also read|à lire aussi|lire aussi|lea(?: más| también)?\s*:|leggi anche)\b/i,
  /**
   * Readability: how many characters make an article. Its default (500): a lower value stops its
   * retries at a first, poorer candidate (medicalnewstoday and hukumusume in Readability's test pages).
   */
  charThreshold: 500,
  /** Fewer words than this (CJK characters count half a word each) is not an article. */
  minWords: 30,
} as const;

export type ExtractErrorCode = 'empty' | 'too-large' | 'not-article';

export class ExtractError extends Error {
  constructor(public code: ExtractErrorCode, message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DD', 'DT', 'TD', 'TH']);
const CONTAINER_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TR', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FORM', 'DETAILS', 'CENTER']);

export { normalizeSpace, parseDate };
/** The old name of parseDate. */
export const normalizeDate = parseDate;

function meta(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el?.getAttribute('content');
    if (v && v.trim()) return normalizeSpace(v);
  }
  return null;
}

function linkDensity(el: Element, textLen: number): number {
  if (!textLen) return 0;
  let linkLen = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linkLen += normalizeSpace(a.textContent ?? '').length;
  return linkLen / textLen;
}

function isBoilerplate(el: Element, text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < EXTRACT.minLetters) return true;
  const words = text.split(' ').length;
  if (words <= EXTRACT.linkBlockMaxWords && linkDensity(el, text.length) > EXTRACT.linkDensityMax) return true;
  if (words <= EXTRACT.linkBlockMaxWords && EXTRACT.boilerplate.some((re) => re.test(text))) return true;
  if (words <= EXTRACT.teaserMaxWords && EXTRACT.teasers.test(text)) return true;
  return false;
}

function kindOf(tag: string): Block['kind'] {
  if (/^H\d$/.test(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'item';
  if (tag === 'BLOCKQUOTE') return 'quote';
  if (tag === 'PRE') return 'code';
  return 'paragraph';
}

/** Collects the readable blocks under `root` in document order. */
export function collectBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const push = (el: Element, text: string, kind: Block['kind']) => {
    if (!text || isBoilerplate(el, text) || seen.has(text)) return;
    seen.add(text);
    blocks.push({ text, kind });
  };
  const visit = (el: Element) => {
    const tag = el.tagName.toUpperCase();
    const hasBlockChild = Array.from(el.children).some((c) => BLOCK_TAGS.has(c.tagName.toUpperCase()) || CONTAINER_TAGS.has(c.tagName.toUpperCase()));
    if (BLOCK_TAGS.has(tag) && !(hasBlockChild && (tag === 'BLOCKQUOTE' || tag === 'LI' || tag === 'TD' || tag === 'DD'))) {
      push(el, normalizeSpace(el.textContent ?? ''), kindOf(tag));
      return;
    }
    if (!hasBlockChild) {
      push(el, normalizeSpace(el.textContent ?? ''), 'paragraph');
      return;
    }
    // Mixed content: loose text between block children forms its own paragraphs.
    let loose = '';
    const flush = () => {
      const t = normalizeSpace(loose);
      loose = '';
      if (t) push(el, t, 'paragraph');
    };
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 1) {
        const child = node as Element;
        const ct = child.tagName.toUpperCase();
        if (BLOCK_TAGS.has(ct) || CONTAINER_TAGS.has(ct)) {
          flush();
          visit(child);
        } else if (ct !== 'BR') loose += child.textContent ?? '';
        else loose += ' ';
      } else if (node.nodeType === 3) loose += node.textContent ?? '';
    }
    flush();
  };
  visit(root);
  return blocks;
}

/** Parses HTML into a Document that no browser is showing. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function extractArticle(html: string, url: string | null = null): Article {
  if (html.length > EXTRACT.maxHtmlChars) {
    throw new ExtractError('too-large', `page too large: ${(html.length / 1e6).toFixed(1)} MB of HTML (limit ${EXTRACT.maxHtmlChars / 1e6} MB)`);
  }
  if (!html.trim()) throw new ExtractError('empty', 'empty page: no HTML');
  const doc = parseDocument(html);
  if (!doc.documentElement || !doc.body) throw new ExtractError('empty', 'empty page: no body');
  const declaredLang = (doc.documentElement.getAttribute('lang') || meta(doc, 'og:locale') || '').trim() || null;
  const description = meta(doc, 'og:description', 'description', 'twitter:description');
  const metaTitle = meta(doc, 'og:title', 'twitter:title');
  // before Readability, which removes scripts and changes the document
  const published = publishedDate(doc, jsonLdObjects(doc));

  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(doc, { charThreshold: EXTRACT.charThreshold, keepClasses: false }).parse();
  } catch {
    parsed = null;
  }
  if (!parsed || !parsed.content) throw new ExtractError('not-article', 'no article found on this page');
  const content = parseDocument(`<!DOCTYPE html><html><body>${parsed.content}</body></html>`);
  const blocks = collectBlocks(content.body);
  const words = blocks.reduce((n, b) => n + countWords(b.text), 0);
  if (!blocks.length || words < EXTRACT.minWords) throw new ExtractError('not-article', 'no article found on this page');

  const title = normalizeSpace(parsed.title || metaTitle || doc.title || '');
  // A heading that repeats the title is not part of the body text.
  while (blocks.length && blocks[0].kind === 'heading' && blocks[0].text === title) blocks.shift();

  return {
    url,
    title,
    siteName: parsed.siteName ? normalizeSpace(parsed.siteName) : meta(doc, 'og:site_name', 'application-name') ?? (url ? hostOf(url) : null),
    byline: cleanByline(parsed.byline),
    published: published ?? parseDate(parsed.publishedTime),
    description,
    declaredLang,
    blocks,
  };
}

/** Readability sometimes takes a dateline ("Stand: 03.12.2025, 11:00 Uhr") for the author. */
function cleanByline(v: string | null | undefined): string | null {
  const t = normalizeSpace(v ?? '');
  if (!t || t.length > 100 || /\d{1,4}[./-]\d{1,2}|\b(?:stand|updated|aktualisiert|published|veröffentlicht)\b/i.test(t)) return null;
  return t;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
