/**
 * Extractive summary: 3–5 sentences in article order, chosen for centrality (shared content words
 * with the rest of the article) and for covering the most-mentioned entities, with redundancy
 * removed by maximal marginal relevance.
 */
import lexicon from '../assets/lexicon/summary.json';
import { findQuoteSpans } from './quotemarks';
import { splitSentences } from './tokenize';
import type { Block, Entity } from './types';

export const SUMMARY = {
  minSentences: 3,
  maxSentences: 5,
  /** Target length as a share of the article's sentences. */
  share: 0.2,
  /** MMR trade-off between relevance and novelty. */
  lambda: 0.7,
  minWords: 6,
  maxWords: 60,
  /** Weights of a sentence's relevance: centrality, new main entities named, place in the article. */
  weights: { centrality: 1, entities: 0.5, position: 0.6 },
  /** How fast the position bonus fades: the sentence at this share of the article gets half of it. */
  positionHalfShare: 0.1,
  /** Relevance multiplier for sentences that open with a word referring back ("Er", "This"). */
  anaphoric: 0.6,
  /** Similarity above which a sentence counts as a repeat of a chosen one (teaser repeated as lead). */
  duplicate: 0.8,
  /** The most-mentioned entities a summary should name. */
  mainEntities: 5,
  stop: lexicon.stop as Record<string, string[]>,
  anaphoricOpeners: lexicon.anaphoric as Record<string, string[]>,
  boilerplate: lexicon.boilerplate.map((p) => new RegExp(p, 'iu')),
} as const;

const words = (s: string) => s.toLowerCase().match(/\p{L}[\p{L}\p{M}\p{N}'’-]*/gu) ?? [];

interface Sent {
  block: number;
  start: number;
  end: number;
  /** Index among the article's sentences, for the position bonus. */
  order: number;
  text: string;
}

/** What may follow a dateline: the sentence proper, opening with a capital or a quotation mark. */
const SENTENCE_OPENS = String.raw`(?=[\p{Lu}\p{N}„“"»«‚‘])`;
/** "BERLIN (dpa) – ", "Warendorf (fn-press). ", "Berlin/Paris (dpa/AFP) ": a place and a news agency. */
const AGENCY_DATELINE = new RegExp(String.raw`^(\p{Lu}[\p{L}\p{M}'’.]*(?:[\s/-]+[\p{L}\p{M}'’.]+){0,3})\s*\([\p{L}-]{2,12}(?:\s*[/,]\s*[\p{L}-]{2,12}){0,3}\)\s*(?:[–—-]|[.:])\s+${SENTENCE_OPENS}`, 'u');
/** A news agency's tag: written in lower case ("dpa", "epd", "fn-press") or one of the large agencies. */
const AGENCY_TAG = /^\s*\((?:[\p{Ll}-]{2,12}|AFP|AP|Reuters|REUTERS|APA|SDA|KNA|ANSA|EFE|UPI|TASS|Xinhua|OTS)(?:\s*[/,]\s*[\p{L}-]{2,12}){0,3}\)/u;
/** "LONDON — ", "WEST PALM BEACH — ", "CALDEN. ", "NEW YORK, Oct. 1 – ": a place in capitals. */
const CAPS = String.raw`\p{Lu}{2,}(?:[\s/.'’-]+\p{Lu}{2,})*`;
const CAPS_DATELINE = new RegExp(String.raw`^(?:${CAPS}\.|${CAPS}(?:,\s*[^–—(),]{1,20}?)?(?:\s*\([\p{L}-]{2,12}(?:\s*[/,]\s*[\p{L}-]{2,12}){0,3}\))?\s*[–—-])\s+${SENTENCE_OPENS}`, 'u');
/** "Villach – ", "Frankfurt am Main – ": a name and a dash, a dateline when the name is a place of the article. */
const NAME_DATELINE = new RegExp(String.raw`^(\p{Lu}[\p{Ll}\p{M}'’]+(?:[\s/-]+(?:\p{Lu}[\p{Ll}\p{M}'’]+|am|an|der|im|upon|on|sur))*)\s+[–—-]\s+${SENTENCE_OPENS}`, 'u');

/**
 * Where the sentence proper starts after a dateline at the start of a paragraph ("BERLIN (dpa) – Die
 * Regierung …" → at "Die"); 0 without one. `isPlace(end)`: a place entity's name fills [0, end).
 */
export function datelineEnd(text: string, isPlace: (end: number) => boolean): number {
  const agency = AGENCY_DATELINE.exec(text);
  // a person and a party ("Anna Muster (CDU) – Die …") look the same: the place must be one, or the tag an agency's
  if (agency && (isPlace(agency[1].length) || AGENCY_TAG.test(agency[0].slice(agency[1].length)))) return agency[0].length;
  const caps = CAPS_DATELINE.exec(text);
  if (caps) return caps[0].length;
  const named = NAME_DATELINE.exec(text);
  if (named && isPlace(named[1].length)) return named[0].length;
  return 0;
}

/**
 * The article's sentences, split by the language's rules (abbreviations, German ordinals and dates:
 * tokenize.ts), then rejoined where a split fell inside a quotation ("„… gesagt. Aber …“, sagte
 * Putin" is one sentence) or before a lower-case continuation ("„Warum?“, fragte er"). A paragraph's
 * dateline is not part of its first sentence.
 */
function quoteAwareSentences(blocks: Block[], lang: string, entities: Entity[]): Sent[] {
  const out: Sent[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') return;
    const qs = findQuoteSpans([b.text]).map((q) => ({ open: q.open, close: q.pieces.length > 1 ? b.text.length : q.close }));
    let cur: { start: number; end: number } | null = null;
    const dateline = datelineEnd(b.text, (end) => entities.some((e) => e.type === 'place' && e.occurrences.some((o) => o.block === i && o.start === 0 && o.end === end)));
    const flush = () => {
      if (cur && cur.start < dateline) cur.start = Math.min(dateline, cur.end);
      if (cur && cur.end > cur.start) out.push({ block: i, start: cur.start, end: cur.end, order: out.length, text: b.text.slice(cur.start, cur.end).trim() });
      cur = null;
    };
    for (const s of splitSentences(b.text, i, lang, b.breaks)) {
      const c = cur as { start: number; end: number } | null;
      if (c && (qs.some((q) => q.open < c.end && q.close > c.end) || /^[,;:\p{Ll}]/u.test(b.text.slice(s.start, s.start + 1)))) {
        c.end = s.end;
        continue;
      }
      flush();
      cur = { start: s.start, end: s.end };
    }
    flush();
  });
  return out;
}

/** A sentence a reader can take alone: whole, of sensible length, not site furniture. */
function isCandidate(text: string): boolean {
  const n = words(text).length;
  if (n < SUMMARY.minWords || n > SUMMARY.maxWords) return false;
  if (!/[.!?…"“”»«]$/.test(text) || !/^[\p{Lu}\p{N}„“"»«‚‘]/u.test(text)) return false;
  return !SUMMARY.boilerplate.some((re) => re.test(text));
}

/** Stop words for the language; for others, the words in more than a quarter of the sentences. */
function stopWords(lang: string, bags: string[][]): Set<string> {
  const listed = SUMMARY.stop[lang];
  if (listed) return new Set(listed);
  const df = new Map<string, number>();
  for (const b of bags) for (const w of new Set(b)) df.set(w, (df.get(w) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => bags.length >= 8 && n / bags.length > 0.25).map(([w]) => w));
}

const cosine = (a: Map<string, number>, b: Map<string, number>) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    dot += x * (b.get(w) ?? 0);
  }
  for (const x of b.values()) nb += x * x;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
};

export function summarize(blocks: Block[], entities: Entity[], lang: string, teaser: string | null = null): string[] {
  const sentences = quoteAwareSentences(blocks, lang, entities);
  if (!sentences.length) return [];
  const tokens = sentences.map((s) => words(s.text));
  const stop = stopWords(lang, tokens);
  const content = (ws: string[]) => ws.filter((w) => w.length > 2 && !stop.has(w));
  // tf-idf over the article's sentences
  const df = new Map<string, number>();
  for (const t of tokens) for (const w of new Set(content(t))) df.set(w, (df.get(w) ?? 0) + 1);
  const N = sentences.length;
  const idf = (w: string) => Math.log((N + 1) / ((df.get(w) ?? 0) + 0.5));
  const vector = (ws: string[]) => {
    const v = new Map<string, number>();
    for (const w of content(ws)) v.set(w, (v.get(w) ?? 0) + idf(w));
    return v;
  };
  const vectors = tokens.map(vector);
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [w, x] of v) centroid.set(w, (centroid.get(w) ?? 0) + x);
  const teaserWords = new Set(content(words(teaser ?? '')));
  /** Share of a sentence's content words that the teaser already says. */
  const inTeaser = (ws: string[]) => {
    const c = content(ws);
    return c.length ? c.filter((w) => teaserWords.has(w)).length / c.length : 0;
  };

  const main = [...entities].sort((a, b) => b.mentions - a.mentions).slice(0, SUMMARY.mainEntities);
  const cands = sentences
    .map((s, k) => ({ s, k }))
    .filter(({ s }) => isCandidate(s.text))
    // the publisher's teaser is shown on its own: do not repeat it
    .filter(({ k }) => !teaserWords.size || inTeaser(tokens[k]) <= SUMMARY.duplicate)
    .map(({ s, k }) => {
      const opener = words(s.text)[0] ?? '';
      return {
        s,
        vec: vectors[k],
        centrality: cosine(vectors[k], centroid),
        position: 1 / (1 + s.order / N / SUMMARY.positionHalfShare),
        anaphoric: (SUMMARY.anaphoricOpeners[lang] ?? []).includes(opener),
        names: new Set(main.filter((e) => e.occurrences.some((o) => o.block === s.block && o.start >= s.start && o.end <= s.end)).map((e) => e.id)),
      };
    });
  if (!cands.length) return [];
  const maxCentrality = Math.max(...cands.map((c) => c.centrality), 1e-9);
  const W = SUMMARY.weights;
  const want = Math.min(cands.length, Math.max(SUMMARY.minSentences, Math.min(SUMMARY.maxSentences, Math.round(N * SUMMARY.share))));
  const chosen: typeof cands = [];
  const named = new Set<string>();
  while (chosen.length < want) {
    let best: (typeof cands)[number] | null = null;
    let bestScore = -Infinity;
    for (const c of cands) {
      if (chosen.includes(c)) continue;
      const redundancy = chosen.length ? Math.max(...chosen.map((x) => cosine(c.vec, x.vec))) : 0;
      if (redundancy > SUMMARY.duplicate) continue;
      // entities count only while they are new to the summary: it should name the main ones, not one five times
      const fresh = main.length ? [...c.names].filter((id) => !named.has(id)).length / main.length : 0;
      const relevance = ((W.centrality * c.centrality) / maxCentrality + W.entities * fresh + W.position * c.position) / (W.centrality + W.entities + W.position);
      const score = SUMMARY.lambda * relevance * (c.anaphoric ? SUMMARY.anaphoric : 1) - (1 - SUMMARY.lambda) * redundancy;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (!best) break;
    chosen.push(best);
    for (const id of best.names) named.add(id);
  }
  return chosen.sort((a, b) => a.s.order - b.s.order).map((c) => c.s.text);
}
