/**
 * Who said what: direct quotations (from the marks in lib/quotemarks.ts) and indirect speech,
 * each attributed to a speaker by speech cues (lexicon in assets/lexicon/speech.json):
 * quote – verb – speaker, speaker – verb – quote, "so X", "laut X", "X zufolge", pronouns
 * resolved to the last compatible person, and continued quotations keeping their speaker.
 */
import { findQuoteSpans, type QuoteSpan } from './quotemarks';
import { speechLexicon, type SpeechLexicon } from './speech';
import { ABBREVIATIONS, tokenize } from './tokenize';
import type { Block, Entity, Quote, Span, Token } from './types';

export interface MentionRef {
  block: number;
  start: number;
  end: number;
  entity: Entity;
  partOfWord?: boolean;
}

/** Tunables of attribution. */
export const ATTRIBUTION = {
  /** How many tokens after a speech verb the speaker may stand ("sagte die Sprecherin des …, Karoline Leavitt"). */
  afterWindow: 14,
  /** How many blocks back a pronoun or a continued quotation may look for its person. */
  lookbackBlocks: 3,
  /** German Konjunktiv I forms that mark reported speech without "dass". */
  konjunktiv: new Set(['sei', 'seien', 'habe', 'gebe', 'werde', 'könne', 'müsse', 'solle', 'wolle', 'dürfe', 'wisse', 'liege', 'stehe', 'gehe', 'komme', 'bleibe', 'brauche', 'plane', 'arbeite', 'heiße']),
  /** Separable prefixes before "zu" in German zu-infinitives (fernzuhalten, anzugreifen). */
  zuInfinitive: /^(?:\p{Ll}*?(?:an|auf|aus|bei|ein|fern|fest|frei|her|hin|los|mit|nach|vor|weg|zurück|zusammen|ab|um|durch|über|unter|wieder|weiter|fort|bereit|offen|klar|hoch|nieder|statt|teil|zu)zu\p{Ll}+n)$/u,
  prepositionsDe: new Set(['in', 'im', 'auf', 'an', 'am', 'bei', 'beim', 'nach', 'vor', 'mit', 'aus', 'von', 'vom', 'zu', 'zum', 'zur', 'über', 'unter', 'für', 'gegen', 'gegenüber', 'seit', 'während', 'trotz', 'wegen', 'durch', 'ohne', 'um', 'bis', 'zwischen', 'neben', 'hinter']),
  prepositionsEn: new Set(['in', 'on', 'at', 'by', 'after', 'before', 'with', 'from', 'of', 'to', 'for', 'during', 'since', 'about', 'over', 'under', 'through', 'without', 'into', 'against', 'between']),
} as const;

export interface FrameToken extends Token {
  lower: string;
  quoted: boolean;
}

/** What findQuotes read in each block, for the speaker stage (lib/speakers/) to reuse. */
export interface BlockReading {
  /** the block's tokens, each with whether it stands inside quotation marks */
  tokens: FrameToken[];
  /** sentences as [start, end) character offsets, quotations kept whole */
  frames: [number, number][];
}

interface Candidate {
  kind: 'entity' | 'pronoun' | 'group';
  tok: number;
  block: number;
  at: number;
  end: number;
  entity?: Entity;
  gender?: 'm' | 'f';
  text?: string;
  /** he/she/er/sie as written */
  word?: string;
}

interface Speaker {
  entity: Entity | null;
  name: string;
  group: boolean;
  /** The words in the text that name or refer to the speaker. */
  at: Span | null;
  /** a personal pronoun with no person named before it */
  unresolved?: boolean;
}

/** (a constant: esbuild compiles a literal with \p{…} to a `new RegExp` made each time it runs) */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A token with a letter or digit in it (no punctuation, no quotation mark). */
export const isWordTok = (t: { text: string }) => LETTER_OR_DIGIT.test(t.text);
const isAdjectiveLike = (w: string) => /^\p{Ll}+(?:e|en|em|er|es)$/u.test(w);

/** Words that may open a continued quotation without naming a new speaker ("Aber: „…“", "Oder: „…“"). */
export const CONNECTIVES = new Set(['aber', 'und', 'doch', 'denn', 'also', 'dann', 'auch', 'zudem', 'außerdem', 'oder', 'but', 'and', 'so', 'then', 'yet', 'still', 'or']);

/** Splits a block into sentences, treating quotations as opaque (a period inside „…“ does not end the frame). */
export function frames(text: string, quotes: { open: number; close: number }[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let qi = 0;
  const nextStartsSentence = (j: number) => {
    while (j < text.length && text[j] === ' ') j++;
    return j >= text.length || /[\p{Lu}\p{N}„“"»«‚‘'([]/u.test(text[j]); // "[" of a footnote mark ("population.[271] New")
  };
  for (let i = 0; i < text.length; i++) {
    while (qi < quotes.length && quotes[qi].close <= i) qi++;
    const q = quotes[qi];
    if (q && i >= q.open && i < q.close) {
      // Past a quotation that ends its own sentence ("… Zusammenarbeit.“ „Wir …").
      const innerEnd = text[q.close - 2];
      i = q.close - 1;
      if (innerEnd && /[.!?…]/.test(innerEnd) && nextStartsSentence(q.close)) {
        if (q.close < text.length && /[,;:]/.test(text[q.close])) continue;
        out.push([start, q.close]);
        start = q.close;
      }
      continue;
    }
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    if (c === '.') {
      if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue; // 2.2 million
      const word = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, i - 20), i))?.[1] ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word) || (/^\p{N}+$/u.test(word) && /^\s*\p{Ll}/u.test(text.slice(i + 1, i + 4)))) continue;
    }
    while (i + 1 < text.length && /[.!?…)"“”»«’']/.test(text[i + 1]) && !(quotes[qi] && i + 1 >= quotes[qi].open)) i++;
    if (!nextStartsSentence(i + 1)) continue;
    out.push([start, i + 1]);
    start = i + 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push([start, text.length]);
  return out.map(([s, e]) => {
    while (s < e && text[s] === ' ') s++;
    return [s, e] as [number, number];
  });
}

/**
 * `tokens`, when given, are each block's tokens as the analysis already has them (they must be
 * what tokenize(block, lang) returns); otherwise the blocks are tokenised here.
 */
export function findQuotes(blocks: Block[], lang: string, mentions: MentionRef[], tokens?: Token[][], reading?: BlockReading[]): Quote[] {
  const lex = speechLexicon(lang);
  // program text quotes nobody ("use strict"): its marks are not looked at
  const texts = blocks.map((b) => (b.kind === 'code' ? '' : b.text));
  const spans = findQuoteSpans(texts);
  const sorted = [...mentions].sort((a, b) => a.block - b.block || a.start - b.start);
  const byBlock = new Map<number, MentionRef[]>();
  for (const m of sorted) {
    const list = byBlock.get(m.block);
    if (list) list.push(m);
    else byBlock.set(m.block, [m]);
  }
  const quotesByBlock = new Map<number, { open: number; close: number; span: QuoteSpan; piece: number }[]>();
  for (const s of spans) {
    s.pieces.forEach((p, i) => {
      const open = i === 0 ? s.open : p.start - 1;
      const close = i === s.pieces.length - 1 ? s.close : texts[p.block].length;
      const list = quotesByBlock.get(p.block) ?? [];
      list.push({ open, close, span: s, piece: i });
      quotesByBlock.set(p.block, list);
    });
  }

  const out: Quote[] = [];
  /** statements over paragraphs that do not re-open the mark: one item each */
  const whole = new Set<Quote>();
  let last: { speaker: Speaker | null; block: number } | null = null;
  /** index in `out` of the quotation each span became */
  const bySpan = new Map<QuoteSpan, number>();
  for (let b = 0; b < blocks.length; b++) {
    const text = texts[b];
    const qs = quotesByBlock.get(b) ?? [];
    // the block's tokens, once, with whether each stands inside quotation marks
    const all: FrameToken[] = [];
    let qi = 0;
    // a nickname inside a name is part of the name (Marcia "Cia" Price … shouted)
    const nick = new Set(qs.filter((q) => isNickname(text, q.open, q.close)));
    for (const t of tokens?.[b] ?? tokenize(text, lang)) {
      while (qi < qs.length && qs[qi].close <= t.start) qi++;
      const inQuote = qi < qs.length && t.start >= qs[qi].open && t.start < qs[qi].close && !nick.has(qs[qi]);
      all.push({ ...t, lower: t.text.toLowerCase(), quoted: inQuote });
    }
    let ti = 0;
    const blockFrames = frames(text, qs);
    if (reading) reading[b] = { tokens: all, frames: blockFrames };
    const fr = blockFrames.map(([fs, fe]) => {
      while (ti < all.length && all[ti].start < fs) ti++;
      let tj = ti;
      while (tj < all.length && all[tj].end <= fe) tj++;
      const frameTokens = all.slice(ti, tj);
      ti = tj;
      return { fs, fe, tokens: frameTokens, cands: lex ? candidates(frameTokens, b, byBlock.get(b) ?? [], lex) : [] };
    });
    for (let fi = 0; fi < fr.length; fi++) {
      const { fs, fe, tokens, cands } = fr[fi];
      const inFrame = qs.filter((q) => q.open >= fs && q.open < fe);
      const starters = inFrame.filter((q) => q.piece === 0);
      const tokenOf = (offset: number) => tokens.findIndex((t) => t.start >= offset);
      let frameSpeaker = lex ? attribute(tokens, cands, lex, lang, sorted, b, starters.length ? tokenOf(starters[0].open) : -1) : null;
      if (starters.length) {
        const unquotedWords = tokens.filter((t) => !t.quoted && isWordTok(t));
        if (!frameSpeaker && lex) frameSpeaker = introducedBefore(tokens, cands, lex, lang, sorted, b);
        // “…?” Clinton writes to Sullivan. — the attribution follows in a sentence of its own
        const next = fr[fi + 1];
        if (!frameSpeaker && lex && !unquotedWords.length && next && !next.tokens.some((t) => t.quoted)) {
          const v = speechVerbAt(next.tokens, lex);
          if (v >= 0 && v <= 4) frameSpeaker = attribute(next.tokens, next.cands, lex, lang, sorted, b);
        }
        for (const q of starters) {
          const before = text.slice(fs, q.open).replace(/[„“”"»«‚‘’'\s]+$/u, '').trim();
          // (also inside a bracket: "Peter Korig (»Jungle World« 35/2023)")
          const partial = before.length > 0 && !/[:]$/.test(before) && /[\p{L}\p{N},(]$/u.test(before) && !/[.!?]$/.test(before);
          const inner = text.slice(q.span.pieces[0].start, q.span.pieces[0].end).trim();
          // several speech verbs in one sentence: each quotation takes the one nearest to it
          const own = q === starters[0] || !lex ? frameSpeaker : attribute(tokens, cands, lex, lang, sorted, b, tokenOf(q.open)) ?? frameSpeaker;
          // a nickname inside a name (Robert C. "Bobby" Scott, Marcia „Cia“ Price) is no speech either
          const nickname = nick.has(q);
          // a show or a work named before its star or host (the “Avatar” star), or a label ("Related:")
          const named = (/^\p{Lu}/u.test(inner) && /^\s*(?:star|stars|host|anchor|actor|actress|creator|author|series|episode|show)\b/.test(text.slice(q.close, q.close + 12))) || /^\S+:$/.test(inner);
          const alone = !before && q.span.pieces.length === 1 && !/[\p{L}\p{N}]/u.test(text.slice(q.close));
          // a fragment in a sentence of reported speech (Konjunktiv I) right after a speaker quotes that speaker ("Es sei zentral, nicht nur zu „versorgen“")
          const before1 = last as { speaker: Speaker | null; block: number } | null;
          const reported = lang === 'de' && !!before1?.speaker && b - before1.block <= 1 && unquotedWords.some((t) => ATTRIBUTION.konjunktiv.has(t.lower));
          // a saying, motto or rule named as such ("nach dem Motto: „…“", "dem Grundsatz „…“", "the old adage “…”") is nobody's here
          // (the noun among the last three words: "ohne den Grundsatz zu beherzigen „…“")
          const saying = !!lex && before.replace(/[:,\s]+$/, '').split(/\s+/).slice(-3).some((w) => lex.sayings.has(w.toLowerCase()));
          // a title right after a noun for an event or a work ("veranstaltet die Tagung „…“", "the film “…”")
          const titled = partial && !!lex && isTitleNoun(before.split(/\s+/).pop() ?? '', lex, lang);
          const nonSpeech: Quote['nonSpeech'] | null = nickname || named || titled ? 'title' : saying ? 'scare' : partial || text[q.close] === '-' ? nonSpeechKind(inner, !!own || reported, before, text[q.close] === '-') : alone && !own ? nonSpeechKind(inner, true) : null;
          let speaker = nonSpeech ? null : own;
          // "“…,” my father often said. He also told …": a pronoun nobody named before takes the unnamed speaker before
          const prior = last as { speaker: Speaker | null; block: number } | null;
          if (speaker?.unresolved && prior?.speaker && !prior.speaker.entity && !prior.speaker.unresolved && !prior.speaker.group && b - prior.block <= ATTRIBUTION.lookbackBlocks) speaker = { ...prior.speaker, at: speaker.at };
          // continued quotation ("Aber: „…“"), reported speech in Konjunktiv I ("Dafür müsse man „…“"),
          // or a quotation right after "X said in a statement."
          const onlyConnectives = unquotedWords.every((t) => CONNECTIVES.has(t.lower));
          const konjunktiv = lang === 'de' && unquotedWords.some((t) => ATTRIBUTION.konjunktiv.has(t.lower));
          if (!speaker && !nonSpeech && (onlyConnectives || konjunktiv) && last && b - last.block <= 1) speaker = last.speaker;
          const pieces = q.span.pieces.map((p) => texts[p.block].slice(p.start, p.end).trim());
          bySpan.set(q.span, out.length);
          out.push(makeQuote('direct', pieces.join('\n'), trimmed(texts, q.span.pieces[0]), speaker, partial, q.span.pieces.slice(1), nonSpeech));
          if (q.span.unmarked) whole.add(out[out.length - 1]);
          if (nonSpeech) continue;
          last = { speaker, block: q.span.pieces[q.span.pieces.length - 1].block };
        }
        continue;
      }
      // a continued paragraph that closes with an attribution of its own ("“…,” added Rep. Jim Clyburn")
      // is a new quotation when the one it continues already had another speaker
      for (const q of lex ? inFrame : []) {
        const pi = q.piece;
        const prior = out[bySpan.get(q.span) ?? -1];
        if (pi === 0 || pi !== q.span.pieces.length - 1 || !prior?.speaker) continue;
        const ci = tokens.findIndex((t) => t.start >= q.close);
        const v = ci < 0 ? -1 : nextVerb(tokens, lex!, ci);
        if (v < 0 || v - ci > 3) continue;
        const sp = attribute(tokens, cands, lex!, lang, sorted, b, tokenOf(q.open));
        if (!sp || sp.unresolved || sp.name === prior.speaker || (sp.entity && sp.entity.id === prior.speakerId)) continue;
        const kept = q.span.pieces.slice(0, pi);
        prior.text = kept.map((p) => texts[p.block].slice(p.start, p.end).trim()).join('\n');
        if (kept.length > 1) prior.continues = kept.slice(1);
        else delete prior.continues;
        const own = q.span.pieces[pi];
        out.push(makeQuote('direct', texts[own.block].slice(own.start, own.end).trim(), trimmed(texts, own), sp));
        last = { speaker: sp, block: b };
      }
      if (inFrame.length || !lex || !frameSpeaker || blocks[b].kind === 'heading') continue;
      // a sentence that names a speaker with a speech verb introduces the quotation after it
      if (speechVerbAt(tokens, lex) >= 0) last = { speaker: frameSpeaker, block: b };
      const ind = indirect(text, tokens, lex, lang);
      // (a pronoun nobody was named for tells the reader nothing: reported speech without a speaker then)
      const bare = !!frameSpeaker && !frameSpeaker.entity && BARE_PRONOUN.test(frameSpeaker.name);
      if (ind) out.push(makeQuote('indirect', text.slice(ind[0], ind[1]), { block: b, start: ind[0], end: ind[1] }, bare ? null : frameSpeaker));
    }
  }
  return splitContinued(out, texts, whole);
}

/**
 * A quotation over several paragraphs that re-open the mark is one item per paragraph (each is a
 * span in quotation marks of its own, as readers and news-gold count them), the later ones marked
 * `continued` and given the same speaker; one whose paragraphs do not re-open it (`whole`) stays one
 * item, its text the paragraphs joined by line breaks.
 */
function splitContinued(quotes: Quote[], texts: string[], whole: Set<Quote>): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    if (!q.continues?.length || whole.has(q)) {
      out.push(q);
      continue;
    }
    const rest = q.continues;
    const first = { ...q, text: q.text.split('\n')[0] };
    delete first.continues;
    out.push(first);
    for (const p of rest) {
      const at = trimmed(texts, p);
      const piece: Quote = { ...first, text: texts[p.block].slice(at.start, at.end), block: at.block, start: at.start, end: at.end, partial: false, continued: true };
      delete piece.speakerAt;
      out.push(piece);
    }
  }
  return out;
}

/** A noun for an event or a work, also a German compound ending in one ("Fachtagung", "Kinofilm"). */
function isTitleNoun(word: string, lex: SpeechLexicon, lang: string): boolean {
  const w = word.toLowerCase();
  // (a hyphen compound by its last part: "Vocoder-Hit", "debut-album")
  const part = w.slice(w.lastIndexOf('-') + 1);
  if (lang === 'en') return lex.titleNouns.includes(part);
  return /^\p{Lu}/u.test(word) && lex.titleNouns.some((n) => part === n || (w.endsWith(n) && n.length >= 4 && w.length > n.length + 2));
}

/** Personal pronouns that name nobody by themselves. */
export const BARE_PRONOUN = /^(?:he|she|they|we|it|i|you|er|sie|wir|es|ich|du|ihr|man)$/i;

/** A quotation record at `at` (its first piece), with the speaker's fields. */
function makeQuote(kind: Quote['kind'], text: string, at: Span, speaker: Speaker | null, partial = false, continues: Span[] = [], nonSpeech: Quote['nonSpeech'] | null = null): Quote {
  return {
    text,
    speakerId: speaker?.entity?.id ?? null,
    speaker: speaker?.name ?? null,
    speakerRole: speaker?.entity?.role ?? null,
    partial,
    kind,
    ...(speaker?.group ? { group: true } : {}),
    block: at.block,
    start: at.start,
    end: at.end,
    ...(continues.length ? { continues } : {}),
    ...(speaker?.at ? { speakerAt: speaker.at } : {}),
    ...(nonSpeech ? { nonSpeech } : {}),
  };
}

/** A piece of a quotation without the white space at its edges. */
function trimmed(texts: string[], p: Span): Span {
  const raw = texts[p.block].slice(p.start, p.end);
  return { block: p.block, start: p.start + (raw.length - raw.trimStart().length), end: p.end - (raw.length - raw.trimEnd().length) };
}

/** Speaker candidates in a frame: named entities, subject pronouns and group nouns ("russische Analysten"). */
function candidates(tokens: FrameToken[], block: number, mentions: MentionRef[], lex: SpeechLexicon): Candidate[] {
  const out: Candidate[] = [];
  if (!tokens.length) return out;
  const fs = tokens[0].start;
  const fe = tokens[tokens.length - 1].end;
  for (const m of mentions) {
    if (m.block !== block || m.start < fs || m.start >= fe || m.partOfWord) continue;
    const tok = tokens.findIndex((t) => t.end > m.start);
    if (tok < 0 || tokens[tok].quoted) continue;
    out.push({ kind: 'entity', tok, block, at: m.start, end: m.end, entity: m.entity });
  }
  tokens.forEach((t, i) => {
    if (t.quoted) return;
    const g = lex.pronouns.get(t.lower);
    if (g && (t.lower === 'er' || t.lower === 'sie' || t.lower === 'he' || t.lower === 'she')) out.push({ kind: 'pronoun', tok: i, block, at: t.start, end: t.end, gender: g, word: t.text });
    else if (t.lower === 'they' || t.lower === 'it' || t.text === 'I' || t.lower === 'we') out.push({ kind: 'pronoun', tok: i, block, at: t.start, end: t.end, text: t.text });
    if (lex.groupNouns.has(t.lower) && /^\p{L}/u.test(t.text)) {
      // the group's noun phrase: adjectives before the noun, without the article
      let s = i;
      while (s > 0 && !tokens[s - 1].quoted && /^\p{L}+$/u.test(tokens[s - 1].text) && /(?:e|en|er|es|ische|ischen)$/i.test(tokens[s - 1].text) && !lex.determiners.has(tokens[s - 1].lower) && !lex.verbs.has(tokens[s - 1].lower)) s--;
      if (out.some((c) => c.tok >= s && c.tok <= i && c.kind === 'entity')) {
        // "russische" tagged as something else is fine; an actual name inside the phrase is not a group
      }
      const text = tokens.slice(s, i + 1).map((x) => x.text).join(' ');
      out.push({ kind: 'group', tok: s, block, at: tokens[s].start, end: t.end, text });
    }
  });
  return out.sort((a, b) => a.tok - b.tok);
}

export function speechVerbAt(tokens: FrameToken[], lex: SpeechLexicon, near = -1): number {
  if (near >= 0) {
    // the speech verb closest to the quotation ("Asked about …, Trump replied, “…”")
    // a fragment inside the clause ("she called the behaviour “outrageous” and called for …") is
    // governed by a verb before it, when there is one
    const embedded = near > 0 && isWordTok(tokens[near - 1]) && !tokens[near - 1].quoted;
    let best = -1;
    for (let i = speechVerbAt(tokens, lex); i >= 0 && i < tokens.length; i = nextVerb(tokens, lex, i + 1)) {
      if (embedded && best >= 0 && best < near && i > near) break;
      if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    }
    return best;
  }
  return nextVerb(tokens, lex, 0);
}

/** The first speech verb at or after `from` (what speechVerbAt takes first), or -1. */
export function nextVerb(tokens: FrameToken[], lex: SpeechLexicon, from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.quoted) continue;
    const particles = lex.separable.get(t.lower);
    if (particles) {
      for (let j = i + 1; j < tokens.length && !tokens[j].quoted; j++) {
        if (tokens[j].text === '.' || tokens[j].text === ';') break;
        if (particles.includes(tokens[j].lower) && (j + 1 >= tokens.length || /^[,.;:]$/.test(tokens[j + 1].text) || tokens[j + 1].quoted)) return i;
      }
      continue;
    }
    if (lex.verbs.has(t.lower) && !(i > 0 && CAPITAL_START.test(t.text) && !/^[„“"»«‚‘,.:]$/.test(tokens[i - 1].text))) {
      // after an article or a possessive the word is a noun ("one of the states suing", "his remarks")
      if (i > 0 && !tokens[i - 1].quoted && NOUN_BEFORE.has(tokens[i - 1].lower)) continue;
      // before a modal or an auxiliary the word is a noun ("that states can pass", "reports have shown")
      if (/s$/.test(t.lower) && /^(?:can|could|will|would|should|must|may|might|are|were|have|had|do|did)$/.test(tokens[i + 1]?.lower ?? '')) continue;
      // a plural noun after a quoted modifier (“right” answers, „faire“ Berichte) is no verb
      if (i > 1 && tokens[i - 1].quoted && tokens[i - 2].quoted && isWordTok(tokens[i - 2]) && /s$/.test(t.lower) && t.lower !== 'says') continue;
      // a passive participle names no speaker ("The tech is benignly branded “…”", "he was told")
      const b1 = tokens[i - 1]?.lower, b2 = tokens[i - 2]?.lower;
      if (/(?:ed|told|said|written|thought|shot|read|put)$/.test(t.lower) && (PASSIVE_BE.has(b1 ?? '') || (/ly$/.test(b1 ?? '') && PASSIVE_BE.has(b2 ?? '')))) continue;
      return i;
    }
  }
  return -1;
}

const CAPITAL_START = /^\p{Lu}/u;
const PASSIVE_BE = new Set(['is', 'was', 'are', 'were', 'been', 'being', 'be']);

/** A quoted single capitalised word between two parts of a name: Robert C. "Bobby" Scott, Marcia „Cia“ Price. */
function isNickname(text: string, open: number, close: number): boolean {
  return /^\p{Lu}[\p{L}'’-]{0,14}$/u.test(text.slice(open + 1, close - 1)) && /\p{Lu}[\p{L}.’'-]*\s$/u.test(text.slice(Math.max(0, open - 20), open)) && /^\s\p{Lu}/u.test(text.slice(close));
}

/** Words after which a speech-verb form reads as a noun (states, claims, remarks, reports). */
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'of', 'whose']);

const pick = (cs: Candidate[]) => cs.find((c) => c.kind === 'pronoun' || c.entity?.type === 'person') ?? cs.find((c) => c.kind === 'group') ?? cs.find((c) => c.kind === 'entity');

const POSSESSIVE = /^(?:sein|seine|seinem|seinen|seiner|seines|ihr|ihre|ihrem|ihren|ihrer|ihres|his|her|their|its)$/;

function attribute(tokens: FrameToken[], cands: Candidate[], lex: SpeechLexicon, lang: string, mentions: MentionRef[], block: number, near = -1): Speaker | null {
  if (!tokens.length) return null;
  const v0 = speechVerbAt(tokens, lex, near);
  if (v0 >= 0) {
    const byVerb = attributeToVerb(tokens, cands, lex, lang, mentions, block, v0);
    if (byVerb) return byVerb;
  }
  return attributeByCue(tokens, cands, lex, lang, mentions, v0);
}

/** "so Putin", "laut Putin", "Putin zufolge", "according to Putin"; without any cue, the subject of the sentence. */
function attributeByCue(tokens: FrameToken[], cands: Candidate[], lex: SpeechLexicon, lang: string, mentions: MentionRef[], v: number): Speaker | null {
  // Cues that name the source without a verb: "so Putin", "laut Putin", "Putin zufolge", "according to Putin".
  for (const c of cands) {
    const prev = tokens[c.tok - 1];
    const prev2 = tokens[c.tok - 2];
    const next = tokens[c.tok + (c.entity ? countTokens(tokens, c) : 1)];
    if (prev && !prev.quoted && (lex.cuesBefore.some((cue) => cue.length === 1 && cue[0] === prev.lower) || (prev2 && lex.cuesBefore.some((cue) => cue.length === 2 && cue[0] === prev2.lower && cue[1] === prev.lower)))) {
      if (prev.lower !== 'so' || !prev2 || prev2.text === ',' || prev2.quoted) return resolve(c, mentions);
    }
    if (next && lex.cuesAfter.has(next.lower) && !(prev && POSSESSIVE.test(prev.lower))) return resolve(c, mentions);
    // "according to conservative talk radio host Rush Limbaugh": the cue before the name's role words
    for (let j = c.tok - 1, k = 0; j >= 1 && k < 6 && !tokens[j].quoted && isWordTok(tokens[j]) && !lex.verbs.has(tokens[j].lower); j--, k++) {
      const [a, b] = [tokens[j - 2], tokens[j - 1]];
      if (b && !b.quoted && lex.cuesBefore.some((cue) => (cue.length === 1 && cue[0] === b.lower && b.lower !== 'so') || (cue.length === 2 && a && cue[0] === a.lower && cue[1] === b.lower))) return resolve(c, mentions);
    }
  }
  if (v < 0) {
    // No speech verb: a fragment in quotation marks belongs to the sentence's subject when that is a
    // name or a pronoun ("Das Weiße Haus steht … „sehr optimistisch“ gegenüber")
    // (a place says nothing here: "New Zealand English has the short “i” of “kit”")
    const subj = subjectAtStart(tokens, cands, lex, lang, tokens.length);
    return subj && subj.kind !== 'group' && subj.entity?.type !== 'place' ? resolve(subj, mentions) : null;
  }
  return null;
}

function attributeToVerb(tokens: FrameToken[], cands: Candidate[], lex: SpeechLexicon, lang: string, mentions: MentionRef[], block: number, v: number): Speaker | null {
  // "…, saying: “…”", "…, sagte er und fügte hinzu": a participle takes the subject of the whole sentence
  if (lang === 'en' && (/ing$/.test(tokens[v].lower) || tokens[v - 1]?.lower === 'to')) {
    // "…, saying: “…”", "went on to say, “…”": the subject of the whole sentence speaks
    const subj = pick(cands.filter((c) => c.tok < v));
    if (subj) return resolve(subj, mentions);
    // "After saying her foot was “…,” she was …": the subject after the opening participle clause
    const later = cands.find((c) => c.tok > v && (c.kind === 'pronoun' || c.entity?.type === 'person') && (tokens[c.tok - 1]?.text === ',' || tokens[c.tok - 1]?.quoted));
    if (later && tokens.slice(0, v).every((t) => !isWordTok(t) || /^(?:after|before|while|when|upon|by|in)$/.test(t.lower))) return resolve(later, mentions);
  }
  let cs = v - 1;
  while (cs >= 0 && !/^[,;:]$/.test(tokens[cs].text)) {
    if (tokens[cs].quoted) {
      // a fragment quoted inside the clause ("hatten die Staatsanwälte „lächerlich“ genannt") does not end it
      let qs = cs;
      while (qs > 0 && tokens[qs - 1].quoted) qs--;
      if (qs > 0 && isWordTok(tokens[qs - 1]) && cs === v - 1) {
        cs = qs - 1;
        continue;
      }
      break;
    }
    cs--;
  }
  // “…,” Adam Green, co-founder of the Committee, said — the speaker stands before an apposition
  if (cs === v - 1 && tokens[cs]?.text === ',') {
    let q = cs;
    while (q >= 0 && !tokens[q].quoted) q--;
    const subj = pick(cands.filter((c) => c.tok > q && c.tok < v));
    if (subj) return resolve(subj, mentions);
    if (q >= 0 && tokens[q + 1]?.text === ',') {
      let e = q + 2;
      while (e < v && tokens[e].text !== ',') e++;
      const np = e > q + 2 && e < v ? nounPhrase(tokens, e - 1, -1, lex, lang, block) : null;
      if (np) return np;
    }
  }
  const pre = tokens.slice(cs + 1, v).filter((t) => !t.quoted);
  const relative = pre[0]?.lower === 'who' && pre.length <= 5 && !cands.some((c) => c.tok > cs && c.tok < v);
  if (lang === 'en' && cs > 0 && tokens[cs].text === ',' && (relative || (pre.length >= 1 && pre.length <= 2 && pre.every((t) => AUX.has(t.lower) || /^(?:and|but|then)$/.test(t.lower))))) {
    // "Mike Pence, who called their son “…”", "McConnell, now the majority leader, who in 2010 said …":
    // the name before the relative pronoun; "The president noted …, and added: “…”": the subject of the first clause
    const before = cands.filter((c) => c.tok < cs && c.tok >= cs - 8 && (c.kind === 'entity' || c.kind === 'group'));
    const subj = relative ? before.filter((c) => c.entity?.type === 'person').pop() ?? before.pop() : pick(cands.filter((c) => c.tok < cs));
    if (subj) return resolve(subj, mentions);
    if (!relative) {
      const np = nounPhrase(tokens, 0, 1, lex, lang, block);
      if (np) return np;
    }
  }
  const preposition = lang === 'de' ? ATTRIBUTION.prepositionsDe : ATTRIBUTION.prepositionsEn;
  if (pre.length && !preposition.has(pre[0].lower)) {
    // a name inside a prepositional phrase is not the subject ("Die Kammer hatte auf Drängen Berlusconis argumentiert")
    const inPP = (c: Candidate) => {
      for (let j = c.tok - 1; j > cs; j--) {
        const t = tokens[j];
        if (preposition.has(t.lower)) return true;
        if (!(lex.determiners.has(t.lower) || /^\p{Lu}/u.test(t.text) || isAdjectiveLike(t.text))) return false;
      }
      return false;
    };
    const subj = pick(cands.filter((c) => c.tok > cs && c.tok < v && !inPP(c)));
    if (subj) return resolve(subj, mentions);
    if (lex.determiners.has(pre[0].lower)) {
      const np = nounPhrase(tokens, cs + 1, 1, lex, lang, block);
      if (np) return np;
    }
  }
  // "This is “roughly the same advantage …,” reported Reuters": the verb right after a quotation inverts
  if (!pre.length || lang === 'de' || tokens[v - 1]?.quoted || (tokens[v - 1]?.text === ',' && tokens[v - 2]?.quoted)) {
    // Inversion: „…“, sagte Putin / In einem Beitrag schrieb der Kommentator Sergei Markov
    let end = v + 1;
    for (; end < tokens.length && end <= v + ATTRIBUTION.afterWindow; end++) {
      const t = tokens[end];
      if (t.quoted || lex.complementizers.has(t.lower) || /^[.;:!?]$/.test(t.text)) break;
      if (t.text === ',') {
        const nextPerson = cands.find((c) => c.tok === end + 1 && c.entity?.type === 'person');
        if (!nextPerson) break;
      }
    }
    const inWindow = cands.filter((c) => c.tok > v && c.tok < end);
    const np = nounPhrase(tokens, v + 1, 1, lex, lang, block);
    // "sagte der VW-Boss seinem Redetext zufolge": the phrase right after the verb is the subject
    if (np && inWindow.length && !inWindow.some((c) => c.at < np.at!.end || c.kind === 'pronoun' || c.entity?.type === 'person')) return np;
    const subj = pick(inWindow);
    if (subj) return resolve(subj, mentions);
  }
  const subj = pick(cands.filter((c) => c.tok > cs && c.tok < v));
  if (subj) return resolve(subj, mentions);
  // No name the recogniser knows: the noun phrase in the speaker's slot ("the insider said", "said the columnist")
  return pre.length ? nounPhrase(tokens, v - 1, -1, lex, lang, block) : nounPhrase(tokens, v + 1, 1, lex, lang, block);
}

/** Words that sit between a subject and its verb ("Trump has said", "the aide later told"). */
const AUX = new Set([
  'has', 'had', 'have', 'will', 'would', 'also', 'later', 'then', 'once', 'previously', 'recently', 'again', 'often', 'always', 'never',
  'frequently', 'repeatedly', 'reportedly', 'publicly', 'privately', 'initially', 'earlier', 'quickly', 'flatly', 'simply', 'finally',
  'bluntly', 'angrily', 'quietly', 'subsequently', 'separately', 'similarly', 'still', 'already', 'sometimes', 'usually', 'famously',
  'forcefully', 'emphatically', 'tersely', 'proudly', 'openly', 'jokingly',
  'hat', 'habe', 'hatte', 'wird', 'würde', 'auch', 'dann', 'später', 'bereits', 'schon', 'noch', 'oft', 'immer', 'wiederholt',
]);
const NP_STOP_EN = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'to', 'from', 'with', 'for', 'while', 'when', 'as', 'and', 'but', 'that', 'who', 'which',
  'it', 'this', 'there', 'i', 'we', 'you', 'they', 'he', 'she', 'since', 'because', 'although', 'though', 'if', 'whether', 'than',
  'is', 'are', 'was', 'were', 'did', 'does', 'not',
]);
const NP_STOP_DE = new Set(['in', 'im', 'am', 'an', 'auf', 'bei', 'beim', 'nach', 'vor', 'mit', 'gegenüber', 'während', 'und', 'aber', 'dass', 'es', 'ich', 'wir', 'ihr', 'sie', 'er', 'man', 'das', 'dies', 'dazu', 'damit']);

/**
 * A noun phrase next to the speech verb, read away from it (dir -1: leftwards for "X said", +1:
 * rightwards for "said X"): at most 8 words, no punctuation, stopping at prepositions and clause words.
 */
function nounPhrase(tokens: FrameToken[], from: number, dir: 1 | -1, lex: SpeechLexicon, lang: string, block: number): Speaker | null {
  const stop = lang === 'de' ? NP_STOP_DE : NP_STOP_EN;
  // headlines in title case ("Trump Praises Breitbart …") have no telling noun phrases
  const unquoted = tokens.filter((t) => !t.quoted && /^\p{L}{4,}/u.test(t.text));
  if (lang === 'en' && unquoted.length >= 3 && unquoted.filter((t) => /^\p{Lu}/u.test(t.text)).length >= unquoted.length * 0.7) return null;
  let i = from;
  if (dir === -1) while (i >= 0 && AUX.has(tokens[i].lower)) i--;
  const start = i;
  const words: number[] = [];
  for (; i >= 0 && i < tokens.length && words.length < 8; i += dir) {
    const t = tokens[i];
    // a quoted nickname inside the name (Marcia "Cia" Price): its marks belong to the phrase
    if (words.length && /^["„“”»«]$/.test(t.text) && !t.quoted && /^\p{Lu}/u.test(tokens[i + dir]?.text ?? '') && /^["„“”»«]$/.test(tokens[i + 2 * dir]?.text ?? '')) {
      words.push(i, i + dir, i + 2 * dir);
      i += 2 * dir;
      continue;
    }
    if (t.quoted || !/^[\p{L}\p{N}'’][\p{L}\p{N}'’.-]*$/u.test(t.text) || stop.has(t.lower) || lex.verbs.has(t.lower) || lex.complementizers.has(t.lower)) break;
    // rightwards, a second article starts another phrase ("der VW-Boss | seinem Redetext zufolge")
    if (dir === 1 && words.length && (lex.determiners.has(t.lower) || POSSESSIVE.test(t.lower) || AUX.has(t.lower) || /^(?:ist|sind|war|waren|hatte|hatten|hat|haben|is|was|were|are)$/.test(t.lower))) break;
    words.push(i);
  }
  if (!words.length || i === start) return null;
  const lo = Math.min(...words);
  const hi = Math.max(...words);
  // rightwards, a phrase must begin like one ("said the insider", "sagte der Sprecher", "said Trump")
  if (dir === 1 && !lex.determiners.has(tokens[lo].lower) && !/^\p{Lu}/u.test(tokens[lo].text)) return null;
  // leftwards, the phrase must reach the start of its clause (a subject, not the tail of an object)
  if (dir === -1 && i >= 0 && !tokens[i].quoted && !/^[,;:(—–-]$/.test(tokens[i].text) && !((i === 0 || tokens[i - 1].text === ',') && /^(?:as|when|while|after|because|if|since|although|though)$/.test(tokens[i].lower))) return null;
  const head = tokens[dir === 1 ? hi : hi];
  if (!/^\p{L}/u.test(head.text) || lex.determiners.has(head.lower)) return null;
  const text = tokens.slice(lo, hi + 1).map((t, k) => (k && t.start > tokens[lo + k - 1].end ? ' ' : '') + t.text).join('');
  return { entity: null, name: text, group: false, at: { block, start: tokens[lo].start, end: tokens[hi].end } };
}

function countTokens(tokens: FrameToken[], c: Candidate): number {
  const m = c.entity!;
  let n = 0;
  for (let i = c.tok; i < tokens.length && tokens[i].start < c.at + (m.name.length + 8); i++) {
    n++;
    if (!/^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) break;
  }
  return n;
}

/** a verb of publishing, and who published (constant: esbuild compiles a literal with \p{…} to a `new RegExp` made each time it runs) */
const PUBLISHED = /(?:^|\s)(?:erschien|erschienen|erscheint|veröffentlichte|veröffentlichten|herausgegeben|publizierte|published|released|publishes|releases)(?:\s+(?:von|vom|bei|im|by|in|on)\s+[\p{L}\p{N}.’'-]+){0,2}$/iu;

/**
 * Quotation marks around words nobody said: a title or name in title case ("State of the Union",
 * "Morning Joe") or one or two words set off without any speech cue in the sentence (scare quotes).
 */
export function nonSpeechKind(inner: string, attributed: boolean, before = '', fusedAfter = false): 'title' | 'scare' | null {
  const words = inner.replace(/[,.;:!?]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length <= 3 && /(?:^|\s)(?:gegenüber|im|vom|beim|in|von|bei|auf|laut|on|in|from|at)$/i.test(before) && (/^\p{Lu}/u.test(inner) || inner.length <= 3)) return 'title';
  // (after a noun for a name, a title or a work the caller has said so: speech.json titleNouns)
  if (/(?:^|\s)(?:namens|titled|called|named|dubbed|entitled)$/i.test(before)) return 'title';
  // a work right after the verb that published it, its author after it or not ("Zuletzt erschien von ihm „…“",
  // "she released “…”")
  if (PUBLISHED.test(before)) return 'title';
  if (fusedAfter) return 'title';
  // a programme or a work after a possessive ("told NBC’s “Today”", "star of television’s “Scandal”")
  if (/['’]s$/.test(before) && /^[\p{Lu}\p{N}]/u.test(inner) && words.length <= 6 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|and|a|an|in|on|for|to|is)$/i.test(w))) return 'title';
  // a gloss or a name: "often translated as “land of the long white cloud”", "known as „…“"
  if (/(?:^|\s)(?:(?:translated|translates|known|spelled|spelt|pronounced) as|meaning|means|literally|übersetzt(?: als| mit)?|bekannt als|bedeutet|wörtlich)$/i.test(before)) return 'title';
  // title case: every word capitalised but short function words ("State of the Union", "Schweiz Aktuell");
  // a single capitalised word is a title only when nobody is said to have said it (German nouns are capitalised)
  const lexical = words.filter((w) => /^\p{L}/u.test(w) && !/^(?:of|the|and|a|an|in|on|for|to|der|die|das|und|von|im|des)$/i.test(w));
  // a full stop inside the marks (American style) does not make two or more capitalised words a sentence ("State of the Union.")
  const titleCase = words.length && words.length <= 6 && lexical.length && lexical.every((w) => /^\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(words[0]) && (!/[.!?]$/.test(inner) || (/[^.!?]\.$/.test(inner) && lexical.length >= 2));
  if (titleCase && (words.length > 1 || !attributed)) return 'title';
  if (!attributed && words.length <= 2 && !/[.!?]$/.test(inner)) return 'scare';
  // a simile or set phrase inside a sentence: an adjective compared with a noun, no verb ("frech wie ein Wiesel",
  // "fit as a fiddle", "quiet as a mouse")
  if (words.length <= 5 && /^\p{Ll}+ (?:wie|as) (?:ein|eine|einem|einer|der|die|das|a|an|the) \p{L}+$/u.test(inner.replace(/[,.!?]+$/, ''))) return 'scare';
  // a letter or a sound quoted as itself ("the short “i”")
  if (words.length === 1 && words[0].length <= 2 && !/[.!?]$/.test(inner)) return 'scare';
  return null;
}

/**
 * "Frank Newport: “We found …”", "CLINTON: “…”": a name (or short noun phrase) right before a colon that
 * opens the quotation; in English also a comma after "according to X" or after a statement ("Trump issued
 * a statement, “…”").
 */
function introducedBefore(tokens: FrameToken[], cands: Candidate[], lex: SpeechLexicon, lang: string, mentions: MentionRef[], block: number): Speaker | null {
  const q = tokens.findIndex((t) => t.quoted);
  if (q < 2) return null;
  if (lang === 'en' && tokens[q - 1].text === ',') {
    // "Trump issued a statement, “…”"; "According to the newspaper, “…”"
    const head = tokens.slice(0, q - 1);
    const at = head.findIndex((t, i) => t.lower === 'according' && head[i + 1]?.lower === 'to');
    if (at >= 0) {
      const named = cands.find((c) => c.tok > at + 1 && c.tok < q - 1);
      if (named) return resolve(named, mentions);
      if (lex.determiners.has(head[at + 2]?.lower ?? '')) return nounPhrase(tokens, at + 2, 1, lex, lang, block);
    }
    if (head.some((t) => /^(?:statement|message|letter|tweet|post|note|email)$/.test(t.lower))) {
      const c = pick(cands.filter((x) => x.tok < q - 1 && x.kind !== 'group'));
      return c ? resolve(c, mentions) : null;
    }
    return null;
  }
  if (tokens[q - 1].text !== ':') return null;
  let cs = q - 2;
  while (cs >= 0 && !/^[,;:.]$/.test(tokens[cs].text) && !tokens[cs].quoted) cs--;
  const c = pick(cands.filter((x) => x.tok > cs && x.tok < q - 1));
  if (c) return resolve(c, mentions);
  if (lang !== 'en' || q - 1 - (cs + 1) > 4) return null; // "Ernster Nachsatz:" is no speaker
  const np = nounPhrase(tokens, q - 2, -1, lex, lang, block);
  return np && np.name.split(' ').every((w) => /^\p{Lu}/u.test(w) || /^(?:and|of)$/.test(w)) ? np : null;
}

const INTRO_ADVERBS = new Set(['meanwhile', 'earlier', 'later', 'however', 'instead', 'still', 'now', 'yesterday', 'today', 'last', 'this', 'recently', 'previously', 'also', 'again', 'indeed']);

/** The candidate at the very start of the clause, after articles and adjectives: the grammatical subject. */
function subjectAtStart(tokens: FrameToken[], cands: Candidate[], lex: SpeechLexicon, lang: string, limit: number): Candidate | undefined {
  let i = 0;
  let intro = false;
  while (i < limit && (tokens[i].quoted || !isWordTok(tokens[i]))) i++;
  // past an opening adverbial up to its comma ("In recent weeks, Reid has gone after Trump as a “…”"); German
  // puts the verb right after such a phrase, and a comma there ends the main clause ("zu dem Vorwurf, der Bundesrat …")
  if (lang === 'en' && i < limit && (ATTRIBUTION.prepositionsEn.has(tokens[i].lower) || INTRO_ADVERBS.has(tokens[i].lower))) {
    let j = i + 1;
    while (j < limit && j < i + 9 && !tokens[j].quoted && !/^[,;:.]$/.test(tokens[j].text)) j++;
    if (j < limit && tokens[j].text === ',') {
      i = j + 1;
      intro = true;
    }
  }
  const c = cands.find((x) => x.tok >= i && x.tok < limit);
  if (!c) return undefined;
  // after an adverbial only a name or he/she ("Instead, they are problems in which we know “right” answers")
  if (intro && c.kind !== 'entity' && !c.gender) return undefined;
  for (let j = i; j < c.tok; j++) {
    if (!lex.determiners.has(tokens[j].lower)) return undefined;
  }
  return c;
}

function resolve(c: Candidate, mentions: MentionRef[]): Speaker | null {
  const at = { block: c.block, start: c.at, end: c.end };
  if (c.kind === 'entity') return { entity: c.entity!, name: c.entity!.name, group: false, at };
  if (c.kind === 'group') return { entity: null, name: c.text!, group: true, at };
  // "they", "it": the last organisation named before, else the pronoun itself (its words are still the source)
  if (c.text) {
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i];
      if (m.block > c.block || (m.block === c.block && m.start >= c.at)) continue;
      if (c.block - m.block > 1) break;
      if (m.entity.type === 'organization' && !m.partOfWord) return { entity: m.entity, name: m.entity.name, group: false, at };
    }
    return { entity: null, name: c.text, group: true, at };
  }
  // pronoun: the last person mentioned before it, of a compatible gender, within a few blocks
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.block > c.block || (m.block === c.block && m.start >= c.at)) continue;
    if (c.block - m.block > ATTRIBUTION.lookbackBlocks) break;
    if (m.entity.type !== 'person' || m.partOfWord) continue;
    if (m.entity.gender && c.gender && m.entity.gender !== c.gender) continue;
    return { entity: m.entity, name: m.entity.name, group: false, at };
  }
  // nobody named: "he"/"she" stands for the speaker (findQuotes may still find who it is); German
  // "sie"/"Sie" may as well be "they" or the reader, so it stays unattributed
  return c.word && /^(?:he|she)$/i.test(c.word) ? { entity: null, name: c.word, group: false, at, unresolved: true } : null;
}

/** Reported speech in a frame that has a speaker and a speech verb: the dass-/that-clause, a zu-infinitive, Konjunktiv I, or a denial's object. */
/** Words that open a subordinate clause before the main one ("While X assured …, Y acknowledged that …"). */
const SUBORDINATE_OPENER = new Set(['while', 'although', 'though', 'whereas', 'während', 'obwohl', 'wohingegen', 'obgleich']);

function indirect(text: string, tokens: FrameToken[], lex: SpeechLexicon, lang: string): [number, number] | null {
  const v = speechVerbAt(tokens, lex);
  if (v < 0) return null;
  // a speech verb in a subordinate clause that opens the sentence is not what the sentence reports: its
  // words and its speaker are not told apart from the main clause's, so nothing is reported rather than a mix
  const first = tokens.findIndex(isWordTok);
  if (first >= 0 && SUBORDINATE_OPENER.has(tokens[first].lower) && !tokens.slice(first, v).some((t) => t.text === ',')) return null;
  const trimEnd = (end: number) => {
    let e = end;
    while (e > 0 && /[\s.!?;:]/.test(text[e - 1])) e--;
    return e;
  };
  const frameEnd = tokens[tokens.length - 1].end;
  for (let i = v + 1; i < tokens.length; i++) {
    if (lex.complementizers.has(tokens[i].lower) && (tokens[i].lower === 'dass' || tokens[i].lower === 'that' || tokens[i].lower === 'wonach') && (tokens[i - 1].text === ',' || lang === 'en') && i - v <= 12) {
      return [tokens[i].start, trimEnd(frameEnd)];
    }
  }
  if (lang === 'de') {
    // comma right after the verb (or its particle), then a clause ending in a zu-infinitive or carrying Konjunktiv I
    let c = v + 1;
    if (tokens[c] && lex.separable.get(tokens[v].lower)?.includes(tokens[c].lower)) c++;
    if (tokens[c]?.text === ',' && tokens[c + 1] && !/^(?:in|mit|als|wie|um|weil|wenn|bevor|nachdem|obwohl|während)$/.test(tokens[c + 1].lower)) {
      for (let j = c + 1; j < tokens.length && tokens[j].text !== ','; j++) {
        if (ATTRIBUTION.zuInfinitive.test(tokens[j].lower) || (tokens[j - 1]?.lower === 'zu' && /\p{Ll}+n$/u.test(tokens[j].text))) return [tokens[c + 1].start, tokens[j].end];
      }
      for (let j = c + 1; j < tokens.length; j++) {
        if (ATTRIBUTION.konjunktiv.has(tokens[j].lower)) return [tokens[c + 1].start, trimEnd(frameEnd)];
      }
    }
  }
  if (lex.denial.has(tokens[v].lower) && !tokens.some((t, i) => i > v && t.text === ',')) {
    return [tokens[0].start, frameEnd];
  }
  return null;
}
