/**
 * Article extraction: HTML string → title, metadata and the article's text blocks.
 * Readability runs on a parsed copy (linkedom), never on a live document; the same code
 * serves the extension's background script, the CLI and the tests.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { MAX_HTML_CHARS } from './limits';
import { BYLINE_LABEL, bylineNames, DATE_PART, inOtherContent, jsonLdObjects, looksLikeName, normalizeSpace, parseDate, publishedDate, structuredAuthors } from './extract-meta';
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
    /^(?:titelbild|bild|bilder|foto|fotos|photo|photos|photograph|image|credit|quelle|bildquelle|bildnachweis|fotonachweis|textquelle|source|sources)\s*:/i,
    /^(?:image|photo|picture|bild|foto)\s+(?:copyright|credit|by|von)\b/i,
    /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\balle rechte vorbehalten\b/i,
    /^(?:subscribe|sign up|never miss|follow (?:us|the)\b|jetzt abonnieren|newsletter abonnieren)/i,
    // an address alone: an embed that did not load (a post, a video)
    /^(?:https?:\/\/|www\.)\S+$/i,
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
  /** Bylines, credits and captions marked by the page's markup are at most this long (an author box with a bio). */
  asideMaxWords: 150,
  /** A teaser or ad box never holds more than this share of the page's paragraph text … */
  asideShareMax: 0.3,
  /** … nor more than two paragraphs of this many words (the article's body does). */
  longParagraphWords: 40,
  /** A "teaser" or "related" box links to other pages: at least this share of its text is link text. */
  teaserLinkDensity: 0.2,
  /** A byline line ("Von Max Muster, Berlin, 3. März 2025") has at most this many words. */
  bylineMaxWords: 20,
  /** Bylines of one class seen this often on a page are the teasers' (or the entries'), not the article's. */
  repeatedBylineClass: 3,
  /** The words beside a picture in its box (class "image", "photo", "media", …) are a caption up to this many. */
  mediaCaptionMaxWords: 40,
  /** A caption that ends with its credit ("… (Foto: Max Muster)", "… (Symbolbild)") has at most this many words. */
  captionMaxWords: 80,
  creditEnding: /\((?:(?:(?:fotos?|bilder?|photos?|images?|credits?|quellen?|sources?|grafik|illustration|videos?)\s*:|(?:photo|foto|bild)\s+(?:by|von)\b)[^()]*|symbolbild|symbolfoto|archivbild|archivfoto|file photo|stock photo)\)\.?$/i,
  /** A news-agency or author tag alone: "(dpa)", "(dpa/AFP)", "(red)". */
  agencyTag: /^\((?:\p{L}{2,6})(?:\s*[/,]\s*\p{L}{2,6}){0,3}\)\.?$/u,
  /** Pointers to a gallery, a video or a podcast, up to this many words. */
  mediaTeaser: /^(?:gallery|galerie|bildergalerie|fotostrecke|slideshow|video|videos|watch|audio|podcast|listen)\s*:/i,
  mediaTeaserMaxWords: 25,
  /** A paragraph that is a link to another page and no more than this many words is a teaser. */
  linkOnlyMaxWords: 40,
  linkOnlyDensity: 0.9,
  /** A label ("More on this:") over a list of links. */
  labelMaxWords: 6,
  /** The page's description, when it has this many words, is looked for on the page as its teaser by its first characters. */
  teaserMinWords: 5,
  teaserPrefixChars: 60,
  /** … in an element at most this many levels above the text that opens it. */
  teaserDepth: 4,
  /** An <h1> that the page title contains is the headline when it is at least this share of the title. */
  headlineShare: 0.5,
  /** … and a title inside a longer <h1> ("Local News | Headline") is the headline from this many words. */
  headlineMinWords: 3,
  /** A block repeating one of the last this many blocks is dropped (teaser and lead); further apart it stays (live blogs). */
  repeatWithin: 3,
} as const;

export type ExtractErrorCode = 'empty' | 'too-large' | 'not-article';

export class ExtractError extends Error {
  constructor(public code: ExtractErrorCode, message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DD', 'DT', 'TD', 'TH']);
const CONTAINER_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TR', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FORM', 'DETAILS', 'CENTER', 'ADDRESS']);
/** Block elements whose block children (in broken HTML, a <p> holding half the page) are visited one by one. */
const SPLIT_TAGS = new Set(['P', 'BLOCKQUOTE', 'LI', 'TD', 'TH', 'DD', 'DT', 'FIGCAPTION']);

export { normalizeSpace, parseDate };

function meta(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el?.getAttribute('content');
    if (v && v.trim()) return normalizeSpace(v);
  }
  return null;
}

/**
 * What a part of the page is when it is not the article's text (GUIDELINES "Article text"): a byline or
 * author box, a photo credit, an image caption, a teaser for other articles, an advertisement or job ad.
 */
export type Aside = 'byline' | 'credit' | 'caption' | 'teaser' | 'ad';
/** An aside in the parsed copy becomes <nc-aside data-nc-aside="kind"> before Readability; collecting blocks skips it. */
const ASIDE_ATTR = 'data-nc-aside';
const ASIDE_TAG = 'nc-aside';

/** Class and id words (split at punctuation and camelCase) that name a kind of aside. */
const ASIDE_WORDS: [Aside, RegExp][] = [
  ['caption', /^(?:caption|captions|figcaption|legend|bildunterschrift|bildtext|imagecaption)$/],
  ['credit', /^(?:credit|credits|copyright|attribution|photographer|fotograf|fotonachweis|bildnachweis|bildquelle|bildrechte|photocredit)$/],
  ['byline', /^(?:byline|bylines|author|authors|autor|autoren|autorin|writer|writers|contributor|contributors)$/],
  ['teaser', /^(?:related|teaser|teasers|recommended|recommendation|recommendations|promo|promos|outbrain|taboola|newsletter|trending|readmore|weiterlesen)$/],
  ['ad', /^(?:ad|ads|advert|adverts|advertisement|anzeige|werbung|sponsored|job|jobs|stellenangebote|stellenmarkt|jobboerse|jobbörse)$/],
];
/** Class words of a box holding a picture or a video. */
const MEDIA_WORDS = /^(?:image|images|img|photo|photos|picture|pictures|media|gallery|slideshow|foto|fotos|bild|bilder|video|videos)$/;
/** … unless its class says it holds text too ("TextAndImage", "image-lead"). */
const TEXT_WORDS = /^(?:text|texts|content|body|article|story|lead|intro|teaser|item|post|entry)$/;
/** Word pairs in class names that point to other articles. */
const TEASER_PAIRS = /(?:^|-)(?:more-(?:stories|articles|news|on|from|links)|read-(?:more|also|next)|see-also|also-read|further-reading|mehr-zum-thema|weitere-artikel|also-like)(?:-|$)/;
/** Microdata properties of the author, the caption and the rights holder. */
const ASIDE_ITEMPROPS: [Aside, RegExp][] = [
  ['byline', /^(?:author|creator|contributor)$/i],
  ['caption', /^caption$/i],
  ['credit', /^(?:copyrightholder|copyrightnotice|credittext)$/i],
];

/** The words of an element's class names and id; a state ("no_caption", "has-author") names no role. */
const classWords = (el: Element) =>
  `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    .split(/\s+/)
    .filter((c) => c && !/^(?:no|has|with|without|hide|hidden|show)[-_A-Z]/.test(c))
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function asideOfMarkup(el: Element): Aside | null {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'FIGCAPTION' && tag !== 'FIGURE' && tag !== 'ADDRESS' && !el.hasAttribute('class') && !el.hasAttribute('id') && !el.hasAttribute('itemprop')) return null;
  if (tag === 'FIGCAPTION') return 'caption';
  // a figure holds a picture, a video or a chart with its caption and credit; not a quotation, table or listing
  if (tag === 'FIGURE' && !el.querySelector('blockquote, table, pre, ul, ol, h1, h2, h3')) return 'caption';
  if (tag === 'ADDRESS') return 'byline';
  for (const prop of (el.getAttribute('itemprop') ?? '').split(/\s+/)) for (const [kind, re] of ASIDE_ITEMPROPS) if (re.test(prop)) return kind;
  const words = classWords(el);
  if (!words.length) return null;
  for (const [kind, re] of ASIDE_WORDS) if (words.some((w) => re.test(w))) return kind;
  if (TEASER_PAIRS.test(words.join('-'))) return 'teaser';
  // a picture's box: its few words are the caption and credit
  if (
    words.some((w) => MEDIA_WORDS.test(w)) &&
    !words.some((w) => TEXT_WORDS.test(w)) &&
    el.querySelector('img, picture, video') &&
    !el.querySelector('h1, h2, h3, h4, h5, h6') &&
    countWords(el.textContent ?? '') <= EXTRACT.mediaCaptionMaxWords
  ) {
    return 'caption';
  }
  return null;
}

const paragraphWords = (el: Element) => Array.from(el.querySelectorAll('p')).reduce((n, p) => n + countWords(p.textContent ?? ''), 0);

/**
 * Guards: an aside never holds the headline or the body (a class "author-42" or "entry-content-read-more"
 * on the whole article): not an <h1>, not a good share of the page's paragraph text.
 */
function holdsArticle(el: Element, kind: Aside, pageParagraphWords: number): boolean {
  if (el.querySelector('h1')) return true;
  const words = countWords(el.textContent ?? '');
  if (kind === 'byline' || kind === 'credit' || kind === 'caption') return words > EXTRACT.asideMaxWords;
  if (paragraphWords(el) > EXTRACT.asideShareMax * pageParagraphWords) return true;
  let long = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) if (countWords(p.textContent ?? '') >= EXTRACT.longParagraphWords && ++long > 2) return true;
  // a box of other articles links to them; a "teaser" class on the article's own lead does not
  return kind === 'teaser' && linkDensity(el, normalizeSpace(el.textContent ?? '').length) < EXTRACT.teaserLinkDensity;
}

/** Readability's test for a byline (its REGEXPS.byline, rel=author, itemprop author), which it then removes. */
const READABILITY_BYLINE = /byline|author|dateline|writtenby|p-author/i;

/**
 * An element inside running text that Readability would take for the byline and cut out of its sentence
 * (an editor's author-coloured span around a comma, a dateline span opening the first paragraph): its
 * class, id, rel and itemprop are dropped on the parsed copy, so the paragraph stays as the page shows it
 * (the content script finds blocks by their text).
 */
const BYLINE_LOOKING = ['byline', 'author', 'dateline', 'writtenby']
  .flatMap((w) => [`[class*="${w}" i]`, `[id*="${w}" i]`])
  .concat('[rel*="author" i]', '[itemprop*="author" i]')
  .join(', ');

function keepInlineBylines(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(BYLINE_LOOKING))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const author = /byline|author|writtenby/i.test(names) || /author/i.test(`${el.getAttribute('rel') ?? ''} ${el.getAttribute('itemprop') ?? ''}`);
    if (!(author || READABILITY_BYLINE.test(names)) || BLOCK_TAGS.has(el.tagName.toUpperCase()) || CONTAINER_TAGS.has(el.tagName.toUpperCase())) continue;
    const parent = el.closest('p, li, td, blockquote, h1, h2, h3, h4, h5, h6');
    // a dateline belongs to the article's text; an author's name, unless the paragraph around it is prose
    if (!parent || (author && countWords(parent.textContent ?? '') < EXTRACT.longParagraphWords)) continue;
    for (const a of ['class', 'id', 'rel', 'itemprop']) el.removeAttribute(a);
  }
}

/**
 * Marks bylines, author boxes, credits, captions, teasers and ads in a parsed page, from its markup
 * (elements, classes, microdata, rel=author), on the parsed copy before Readability. Returns the
 * short bylines outside comments and lists of other articles, for the authors.
 */
export function markAsides(doc: Document): string[] {
  const marked: [Element, Aside][] = [];
  const bylines: { text: string; cls: string }[] = [];
  const mark = (el: Element, kind: Aside) => {
    el.setAttribute(ASIDE_ATTR, kind);
    marked.push([el, kind]);
    if (kind === 'byline' && countWords(el.textContent ?? '') <= EXTRACT.bylineMaxWords && !inOtherContent(el)) {
      bylines.push({ text: normalizeSpace(el.textContent ?? ''), cls: el.getAttribute('class') ?? '' });
    }
  };
  const pageWords = doc.body ? paragraphWords(doc.body) : 0;
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const kind = asideOfMarkup(child);
      if (kind && !holdsArticle(child, kind, pageWords)) mark(child, kind);
      else walk(child);
    }
  };
  if (doc.body) walk(doc.body);
  // rel=author: the short line around the link ("Von <a rel=author>Max Muster</a>, 3. März")
  for (const a of Array.from(doc.querySelectorAll('a[rel~="author" i]'))) {
    if (a.closest(`[${ASIDE_ATTR}]`)) continue;
    let line: Element = a;
    while (line.parentElement && line.parentElement !== doc.body && countWords(line.parentElement.textContent ?? '') <= EXTRACT.bylineMaxWords) line = line.parentElement;
    mark(line, 'byline');
  }
  // An element of our own in place of each aside: Readability turns a <div> of phrasing content into a <p>
  // of its own making (the mark would be lost), but leaves an unknown element as it is, and does not
  // merge it into the text around it.
  for (const [el, kind] of marked) {
    const box = doc.createElement(ASIDE_TAG);
    // its attributes too: Readability reads a byline's class (and otherwise takes a dateline for the byline)
    for (const a of Array.from(el.attributes)) box.setAttribute(a.name, a.value);
    box.setAttribute(ASIDE_ATTR, kind);
    while (el.firstChild) box.appendChild(el.firstChild);
    el.parentNode?.replaceChild(box, el);
  }
  // a byline class seen again and again belongs to a list of other articles (or a live blog's entries)
  const seen = new Map<string, number>();
  for (const b of bylines) seen.set(b.cls, (seen.get(b.cls) ?? 0) + 1);
  return bylines.filter((b) => (seen.get(b.cls) ?? 0) < EXTRACT.repeatedBylineClass).map((b) => b.text);
}

/** Share of an element's text that is link text; `outward`: only links to other pages (not "#section"). */
function linkDensity(el: Element, textLen: number, outward = false): number {
  if (!textLen) return 0;
  const away = (a: Element) => !outward || !/^#/.test(a.getAttribute('href') ?? '#');
  if (el.tagName.toUpperCase() === 'A' && away(el)) return 1;
  let linkLen = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) if (away(a)) linkLen += normalizeSpace(a.textContent ?? '').length;
  return linkLen / textLen;
}

const CAPITALISED_WORDS = /^(?:[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.-]*\s?)+$/u;

/**
 * A byline by its words: "Von Max Muster", "By Jane Doe, Outlet, City", "Text: …", "Written by on
 * 3 March 2024", "21:22 Jane Doe", "Jane Doe contributed to this report."
 */
export function isBylineText(text: string): boolean {
  if (text.split(' ').length > EXTRACT.bylineMaxWords) return false;
  const label = BYLINE_LABEL.exec(text);
  if (label) {
    if (label[0].includes(':')) return true;
    const rest = text.slice(label[0].length).replace(DATE_PART, ' ').replace(/\([^)]*\)/g, ' ');
    const parts = rest
      .split(/\s*(?:[,;|/·•–—]|\s-\s|\bund\b|\band\b|&)\s*/)
      .map((x) => x.replace(/^[\s.:]+|[\s.:]+$/g, ''))
      .filter(Boolean);
    return !parts.length || (bylineNames(rest).length > 0 && parts.every((x) => CAPITALISED_WORDS.test(x)));
  }
  const contributed = /^(.+?)\s+(?:contributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)|trug(?:en)?\s+zu\s+diesem\s+(?:bericht|artikel|text)\s+bei)\.?$/i.exec(text);
  if (contributed) return bylineNames(contributed[1]).length > 0;
  const stamped = /^(?:\d{1,2}[:.]\d{2}(?:\s*uhr)?|\d{1,2}\.\d{1,2}\.\d{2,4})\s*(.+)$/i.exec(text);
  return !!stamped && looksLikeName(stamped[1]);
}

/** Which kind of aside a block is by its words alone (a caption ending in its credit, a lone "(dpa)"). */
function asideOfText(el: Element, text: string, kind: Block['kind']): Aside | null {
  const words = text.split(' ').length;
  if (isBylineText(text)) return 'byline';
  if (words <= EXTRACT.captionMaxWords && EXTRACT.creditEnding.test(text)) return 'caption';
  if (EXTRACT.agencyTag.test(text)) return 'credit';
  if (words <= EXTRACT.mediaTeaserMaxWords && EXTRACT.mediaTeaser.test(text)) return 'teaser';
  // a paragraph that is one link to another page (a list of links may be the article's own)
  if (kind === 'paragraph' && words <= EXTRACT.linkOnlyMaxWords && linkDensity(el, text.length, true) >= EXTRACT.linkOnlyDensity) return 'teaser';
  return null;
}

/** Why a block is site furniture: 'links' (short and mostly link text), 'boilerplate' (its words), or null. */
function boilerplateOf(el: Element, text: string): 'links' | 'boilerplate' | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < EXTRACT.minLetters) return 'boilerplate';
  const words = text.split(' ').length;
  if (words <= EXTRACT.linkBlockMaxWords && linkDensity(el, text.length) > EXTRACT.linkDensityMax) return 'links';
  if (words <= EXTRACT.linkBlockMaxWords && EXTRACT.boilerplate.some((re) => re.test(text))) return 'boilerplate';
  if (words <= EXTRACT.teaserMaxWords && EXTRACT.teasers.test(text)) return 'boilerplate';
  return null;
}

function kindOf(tag: string): Block['kind'] {
  if (/^H\d$/.test(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'item';
  if (tag === 'BLOCKQUOTE') return 'quote';
  if (tag === 'PRE') return 'code';
  return 'paragraph';
}

interface Candidate extends Block {
  /** Why the block is not article text, if it is not. */
  drop: 'boilerplate' | 'links' | Aside | null;
}

/** A line break (<br>) in an element's text while it is gathered: a character no page text holds, taken out by withBreaks. */
const BREAK = '\uE000';

/** An element's text as textContent gives it, with BREAK where it has a <br>. */
function textWithBreaks(el: Node): string {
  if (el.nodeType === 3) return (el as Text).data;
  if (el.nodeType !== 1) return '';
  if ((el as Element).tagName.toUpperCase() === 'BR') return BREAK;
  let out = '';
  for (const c of Array.from(el.childNodes)) out += textWithBreaks(c);
  return out;
}

/**
 * Whitespace-normalised text (as normalizeSpace, so that it is found again in the page) and the offsets
 * of its line breaks, none at either end.
 */
export function withBreaks(raw: string): { text: string; breaks: number[] } {
  let text = '';
  const breaks: number[] = [];
  for (const part of normalizeSpace(raw).split(BREAK)) {
    // (a space on both sides of a break is one space, as the page shows it)
    const p = text.endsWith(' ') && part.startsWith(' ') ? part.slice(1) : text === '' ? part.trimStart() : part;
    const at = text.length + (p.startsWith(' ') ? 1 : 0);
    if (text && p.trim() && breaks.at(-1) !== at) breaks.push(at);
    text += p;
  }
  text = text.trimEnd();
  return { text, breaks: breaks.filter((b) => b > 0 && b < text.length) };
}

/**
 * Collects the readable blocks under `root` in document order, without the page's asides; the
 * labelled bylines among them ("Von Max Muster", "Autorin: …") go to `bylines`.
 */
export function collectBlocks(root: Element, bylines: string[] = []): Block[] {
  const found: Candidate[] = [];
  const push = (el: Element, raw: string, kind: Block['kind']) => {
    const { text, breaks } = withBreaks(raw);
    if (text) found.push({ text, kind, drop: boilerplateOf(el, text) ?? asideOfText(el, text, kind), ...(breaks.length ? { breaks } : {}) });
  };
  // an inline element around an aside (a <span> holding a picture and its caption) is split around it
  const aroundAside = new Set<Element>();
  for (const a of Array.from(root.querySelectorAll(`[${ASIDE_ATTR}]`))) for (let e = a.parentElement; e && !aroundAside.has(e); e = e.parentElement) aroundAside.add(e);
  const isBlock = (el: Element) => {
    const t = el.tagName.toUpperCase();
    return BLOCK_TAGS.has(t) || CONTAINER_TAGS.has(t) || el.hasAttribute(ASIDE_ATTR) || aroundAside.has(el);
  };
  const visit = (el: Element) => {
    if (el.hasAttribute(ASIDE_ATTR)) return;
    const tag = el.tagName.toUpperCase();
    const hasBlockChild = Array.from(el.children).some(isBlock);
    if (BLOCK_TAGS.has(tag) && !(hasBlockChild && SPLIT_TAGS.has(tag))) {
      push(el, textWithBreaks(el), kindOf(tag));
      return;
    }
    if (!hasBlockChild) {
      push(el, textWithBreaks(el), 'paragraph');
      return;
    }
    // Mixed content: loose text between block children forms its own paragraphs.
    let loose = '';
    const flush = () => {
      push(el, loose, 'paragraph');
      loose = '';
    };
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 1) {
        const child = node as Element;
        if (isBlock(child)) {
          flush();
          visit(child);
        } else loose += textWithBreaks(child);
      } else if (node.nodeType === 3) loose += node.textContent ?? '';
    }
    flush();
  };
  visit(root);
  const blocks: Block[] = [];
  const lastAt = new Map<string, number>();
  found.forEach((c, i) => {
    // a short label ("More on this:") over a list of links
    const next = found[i + 1]?.drop;
    if (!c.drop && (next === 'teaser' || next === 'links') && /:$/.test(c.text) && c.text.split(' ').length <= EXTRACT.labelMaxWords) c.drop = 'teaser';
    if (c.drop === 'byline' && BYLINE_LABEL.test(c.text)) bylines.push(c.text);
    if (c.drop) return;
    // a paragraph repeated right after itself (teaser and lead); a live blog repeats an entry far apart
    const at = lastAt.get(c.text);
    if (at !== undefined && blocks.length - at <= EXTRACT.repeatWithin) return;
    lastAt.set(c.text, blocks.length);
    blocks.push(c.breaks ? { text: c.text, kind: c.kind, breaks: c.breaks } : { text: c.text, kind: c.kind });
  });
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
  // everything read from the markup is read before Readability, which changes the document
  const declaredLang = (doc.documentElement.getAttribute('lang') || meta(doc, 'og:locale') || '').trim() || null;
  const description = meta(doc, 'og:description', 'description', 'twitter:description');
  const metaTitle = meta(doc, 'og:title', 'twitter:title');
  const docTitle = normalizeSpace(doc.querySelector('title')?.textContent ?? '');
  // a "site name" that is the page's whole title (some pages set application-name to it) names no site
  const titleKeys = new Set([metaTitle, docTitle].filter((t) => t && t.split(' ').length >= EXTRACT.headlineMinWords).map((t) => letters(t!)));
  const siteOf = (s: string | null | undefined) => (s && !titleKeys.has(letters(s)) ? normalizeSpace(s) : null);
  const metaSite = siteOf(meta(doc, 'og:site_name', 'application-name'));
  const ld = jsonLdObjects(doc);
  const published = publishedDate(doc, ld);
  const publisher = ld.map((o) => (o.publisher as { name?: unknown } | null | undefined)?.name).find((n): n is string => typeof n === 'string') ?? null;
  const outlets = [metaSite, publisher, url ? hostOf(url) : null];
  const authors = structuredAuthors(doc, ld, outlets);
  // an <h1> that is a link (the outlet's logo to its home page) is not the headline
  // (an <h2> or an element marked as the headline when the <h1> is the outlet's logo: some pages set the
  // headline one level down)
  const headingsOf = (sel: string) =>
    Array.from(doc.querySelectorAll(sel))
      .map((h) => ({ h, text: normalizeSpace(h.textContent ?? '') }))
      .filter(({ h, text }) => text && linkDensity(h, text.length) < EXTRACT.linkDensityMax)
      .map(({ text }) => text);
  const headings = headingsOf('h1');
  const subHeadings = headingsOf('h2, [itemprop~="headline"]');
  keepInlineBylines(doc);
  const pageBylines = markAsides(doc);
  const teaser = teaserOf(doc, description);

  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(doc, { charThreshold: EXTRACT.charThreshold, keepClasses: false }).parse();
  } catch {
    parsed = null;
  }
  if (!parsed || !parsed.content) throw new ExtractError('not-article', 'no article found on this page');
  const content = parseDocument(`<!DOCTYPE html><html><body>${parsed.content}</body></html>`);
  const textBylines: string[] = [];
  const blocks = collectBlocks(content.body, textBylines);
  const words = blocks.reduce((n, b) => n + countWords(b.text), 0);
  if (!blocks.length || words < EXTRACT.minWords) throw new ExtractError('not-article', 'no article found on this page');

  const pageTitle = normalizeSpace(parsed.title || metaTitle || docTitle);
  const siteName = siteOf(parsed.siteName) ?? metaSite ?? (url ? hostOf(url) : null);
  const titles = [metaTitle, docTitle, normalizeSpace(parsed.title ?? '')];
  const headline = headlineOf(headings, titles, [siteName, metaSite]) ?? headlineOf(subHeadings, titles, [siteName, metaSite]);
  const title = headline ?? pageTitle;
  while (blocks.length && blocks[0].kind === 'heading' && (blocks[0].text === title || blocks[0].text === pageTitle)) blocks.shift();
  // the teaser the page shows under its headline, when the article's container left it out; display text
  // like the headline (the summary, which shows the description apart, does not take its sentences)
  if (teaser && teaser !== title && !blocks.some((b) => b.text.includes(teaser) || teaser.includes(b.text))) blocks.unshift({ text: teaser, kind: 'heading' });
  if (headline) blocks.unshift({ text: headline, kind: 'heading' });
  const byline = cleanByline(parsed.byline);

  return {
    url,
    title,
    siteName,
    byline,
    authors: authors ?? bylineAuthors([byline, ...markedBylines(content.body), ...pageBylines, ...textBylines], [siteName, ...outlets]),
    published: published ?? parseDate(parsed.publishedTime),
    description,
    declaredLang,
    blocks,
  };
}

/** Text compared by its letters and digits alone ("Zeit…" = "Zeit..."). */
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The headline, the article's first block (its quotations and names are the article's): the page's <h1>
 * that a title of the page names, as far as the title confirms it — "Headline | Outlet" names the <h1>
 * "Headline"; the <h1> "Local News | Headline" is "Headline" — never the outlet's name (a logo in an <h1>).
 */
function headlineOf(headings: string[], titles: (string | null)[], outlets: (string | null)[]): string | null {
  const ts = titles.filter((t): t is string => !!t && !!letters(t));
  const named = (h: string) => !!letters(h) && !outlets.some((o) => o && letters(o) === letters(h));
  for (const h of headings) if (named(h) && ts.some((t) => letters(t) === letters(h))) return h;
  for (const h of headings) {
    if (!named(h)) continue;
    for (const t of ts) {
      if (letters(t).includes(letters(h)) && h.length >= EXTRACT.headlineShare * t.length) return h;
      if (h.includes(t) && t.split(' ').length >= EXTRACT.headlineMinWords && named(t)) return t;
    }
  }
  return null;
}

/**
 * The teaser (dek, lead, sub-title) the page shows, found by its description (og:description, meta
 * description; often cut short with "…"): the smallest element whose text starts with it and is not much
 * longer, outside the asides. null when the page does not show it.
 */
function teaserOf(doc: Document, description: string | null): string | null {
  const d = (description ?? '').replace(/\s*(?:\.\.\.|…)$/, '');
  if (!doc.body || d.split(' ').length < EXTRACT.teaserMinWords) return null;
  const head = d.slice(0, EXTRACT.teaserPrefixChars);
  const start = d.split(' ').slice(0, 3).join(' ');
  // from the text that opens like the description up to the smallest element that holds all of it
  const walker = doc.createTreeWalker(doc.body, 0x4 /* text */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!normalizeSpace(n.textContent ?? '').startsWith(start)) continue;
    for (let el = n.parentElement, up = 0; el && el !== doc.body && up < EXTRACT.teaserDepth; el = el.parentElement, up++) {
      const t = normalizeSpace(el.textContent ?? '');
      if (t.length > d.length * 1.5 + 20 || !t.startsWith(start)) break;
      // cut short ("…"), it is a card pointing to the article, not the article's own teaser
      if (t.startsWith(head) && !/(?:\.\.\.|…)$/.test(t) && !el.closest(`[${ASIDE_ATTR}]`) && linkDensity(el, t.length) < EXTRACT.linkDensityMax) return t;
    }
  }
  return null;
}

/** The names of the first byline that names somebody. */
function bylineAuthors(bylines: (string | null)[], outlets: (string | null)[]): string[] {
  for (const b of bylines) {
    const names = bylineNames(b, outlets);
    if (names.length) return names;
  }
  return [];
}

/** The short bylines the markup marked inside the article (not the teasers' beside it). */
function markedBylines(root: Element): string[] {
  return Array.from(root.querySelectorAll(`[${ASIDE_ATTR}="byline"]`))
    .map((el) => normalizeSpace(el.textContent ?? ''))
    .filter((t) => t && countWords(t) <= EXTRACT.bylineMaxWords);
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
