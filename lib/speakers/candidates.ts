/**
 * Who may have said a quotation: the candidates the article offers around it, each with the features
 * the ranker (lib/speakers/ranker.ts) weighs. Candidates are names the recogniser found (people,
 * organisations, also places, which rarely speak), personal pronouns, noun phrases headed by a noun
 * for a person or a body ("der Virologe", "ein Sprecher des Konzerns", "the court"), and the speaker
 * of the quotation before. The same code makes the training examples (scripts/train-attribution.ts)
 * and the decisions in the product, so the model sees at run time what it learned from.
 */
import { ATTRIBUTION, CONNECTIVES, isWordTok, nextVerb, speechVerbAt, type BlockReading, type FrameToken, type MentionRef } from '../quotes';
import type { SpeechLexicon } from '../speech';
import type { Block, Entity, Span } from '../types';
import { discourseSpeaker, unattributedInSentence } from './discourse';
import { nounInfo, type NounInfo } from './lexicon';
import { interned } from './ranker';

export const CANDIDATES = {
  /** Sentences before the quotation's own that are searched in its block, and in the blocks before. */
  framesBefore: 3,
  framesBeforeInPreviousBlock: 3,
  framesBeforeTwoBlocksBack: 2,
  /** Blocks back the speaker of the quotation before stays a candidate. */
  prevSpeakerBlocks: 3,
  /** Tokens between a speech verb and its subject or inverted subject (adverbs, auxiliaries, titles). */
  slotGap: 4,
} as const;

/** The quotation (or reported speech) whose speaker is sought. */
export interface QuoteSite {
  block: number;
  /** the words inside the marks, in the first block */
  start: number;
  end: number;
  /** block of the last piece, for a quotation over several paragraphs */
  lastBlock: number;
  partial: boolean;
  /** inside quotation marks (false for reported speech) */
  direct: boolean;
  /** a cue (speech verb) given from outside as a token index of the block (evaluation with gold cues) */
  cue?: number;
  /** where the rule-based reading (lib/quotes.ts) put the speaker, if anywhere */
  ruleAt?: Span | null;
  ruleEntity?: Entity | null;
}

export interface NounPhrase {
  text: string;
  head: string;
  /** token index of the head in its block */
  headTok: number;
  det: 'def' | 'indef' | 'dem' | 'poss' | 'bare';
  info: NounInfo | null;
  plural: boolean;
}

export interface PrevSpeaker {
  entity: Entity | null;
  name: string;
  at: Span | null;
  block: number;
  description?: string | null;
  /** how sure that quotation's speaker was: a speaker carried on is no surer than where it came from */
  confidence?: number;
}

export interface Candidate {
  kind: 'name' | 'pron' | 'np' | 'prev';
  block: number;
  start: number;
  end: number;
  /** token indices in the block, end exclusive (-1 for the previous speaker) */
  tok: number;
  tokEnd: number;
  entity?: Entity;
  /** pronoun as written */
  word?: string;
  np?: NounPhrase;
  prev?: PrevSpeaker;
  features: string[];
  /** where it stands: 'S0' the quotation's sentence, 'S-1' the one before, 'B-1' the block before, 'prev…' */
  loc: string;
  /** to the speech verb of the quotation's sentence: subj, inv, appos, pre, post, none */
  slot: string;
  /** to the speech verb of its own sentence, when that is another one */
  ownVerb: string | null;
  /** first noun phrase of its sentence (its subject, as a rule) */
  frameStart: boolean;
  /** right before a colon ("X: „…“", "X sagte:") */
  beforeColon: boolean;
  /** the site's flags conjoined with the candidate's kind, place and slot, and where in `features` they start (for the ranker: their weights are looked up once) */
  conjoined?: Conjoined | null;
  conjoinedAt?: number;
  /** …and its first features, its kind and place */
  head?: Conjoined | null;
}

/** Feature names made together, with their weights as one map of weights has them (filled by the ranker when first asked). */
export interface Conjoined {
  names: string[];
  weightsOf?: Map<string, number>;
  weights?: number[];
}

/** One article as the speaker stage reads it. */
export interface Doc {
  lang: string;
  blocks: Block[];
  reading: BlockReading[];
  lex: SpeechLexicon;
  mentionsByBlock: Map<number, MentionRef[]>;
  /** frame index of each token, per block */
  frameOf: Int32Array[];
  /** mentions per entity id, and the most mentioned person */
  topPerson: Entity | null;
  /** an interview: questions and answers, the answers by this person */
  interviewee: Entity | null;
  /** the outlet (site name), who asks an interview's questions */
  outlet: string | null;
  /** each sentence's tokens and speech verbs, per block, filled as needed */
  frames: FrameFacts[][];
  /** each block's noun phrases for people and bodies, names and pronouns, filled as needed */
  phrases: BlockPhrase[][];
  names: BlockName[][];
  pronouns: BlockPronoun[][];
}

/**
 * What candidates are made from, a block's names, pronouns and phrases, with what the candidate's own
 * words tell (`own`, filled as needed: the copies in the candidates of several quotations share it).
 */
interface Source {
  own: OwnFacts | null;
}
interface BlockName extends Source {
  m: MentionRef;
  tok: number;
  tokEnd: number;
  mute: boolean;
}
interface BlockPronoun extends Source {
  tok: number;
  personal: boolean;
}
interface BlockPhrase extends Source {
  np: Candidate;
}

/** Pronouns that may stand for a speaker, by class (Maps: "constructor" or "toString" is no pronoun). */
const PRONOUN_CLASSES: Record<string, [string, string][]> = {
  de: Object.entries({
    er: '3sg-m', sie: 'sie', ich: '1sg', wir: '1pl', man: 'man', es: 'es', mich: 'obj', mir: 'obj', uns: 'obj', ihm: 'obj', ihn: 'obj', ihnen: 'obj',
    wer: 'rel', welche: 'rel', welcher: 'rel', einige: 'quant', andere: 'quant', jeder: 'quant', viele: 'quant', manche: 'quant', alle: 'quant', niemand: 'quant', jemand: 'quant', keiner: 'quant', beide: 'quant',
  }),
  en: Object.entries({ he: '3sg-m', she: '3sg-f', they: '3pl', i: '1sg', we: '1pl', it: 'it', who: 'rel', some: 'quant', others: 'quant', many: 'quant', everyone: 'quant', nobody: 'quant', someone: 'quant', both: 'quant' }),
};
const PRONOUNS = new Map(Object.entries(PRONOUN_CLASSES).map(([lang, words]) => [lang, new Map(words)]));
const POSSESSIVES = new Set(['sein', 'seine', 'seinem', 'seinen', 'seiner', 'seines', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'ihres', 'mein', 'meine', 'meinem', 'meinen', 'meiner', 'meines', 'unser', 'unsere', 'unserem', 'unseren', 'unserer', 'unseres', 'his', 'her', 'their', 'its', 'my', 'our']);
const PREPOSITIONS: Record<string, Set<string>> = {
  de: new Set([...ATTRIBUTION.prepositionsDe, 'ins', 'ans', 'aufs', 'als', 'wie']),
  en: new Set(['in', 'on', 'at', 'by', 'after', 'before', 'with', 'from', 'of', 'to', 'for', 'during', 'since', 'about', 'over', 'under', 'through', 'without', 'into', 'against', 'between', 'like', 'as', 'than', 'toward', 'towards', 'among']),
};
const DEFINITE = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'the']);
const INDEFINITE = new Set(['ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'a', 'an', 'one', 'another']);
const DEMONSTRATIVE = new Set(['dieser', 'diese', 'dieses', 'diesen', 'diesem', 'jener', 'jene', 'this', 'that', 'these', 'those']);
const QUANT = new Set(['viele', 'einige', 'mehrere', 'manche', 'zahlreiche', 'andere', 'beide', 'alle', 'tausende', 'hunderte', 'dutzende', 'tausenden', 'hunderten', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'wenige', 'some', 'many', 'several', 'other', 'both', 'all', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'most', 'thousands', 'hundreds', 'dozens']);
/** Words that may stand between a subject and its verb, or a verb and its inverted subject. */
const GAP = new Set([
  'has', 'had', 'have', 'will', 'would', 'also', 'later', 'then', 'once', 'previously', 'recently', 'again', 'often', 'always', 'never', 'still', 'already', 'however', 'initially', 'earlier', 'further', 'publicly', 'privately', 'repeatedly', 'reportedly', 'simply', 'finally', 'now',
  'hat', 'habe', 'hatte', 'hatten', 'haben', 'wird', 'würde', 'auch', 'dann', 'später', 'bereits', 'schon', 'noch', 'oft', 'immer', 'wiederholt', 'dazu', 'damals', 'jedoch', 'aber', 'nun', 'jetzt', 'gestern', 'heute', 'zudem', 'außerdem', 'allerdings', 'sogar', 'erneut', 'ebenfalls', 'weiter', 'zuletzt', 'kürzlich', 'dabei', 'darauf', 'daraufhin', 'halblaut', 'lachend', 'offen', 'etwa', 'gerne', 'gern', 'selbst',
]);

/** What a German article says of its noun's case: oblique for den/dem/einen/einem, genitive for des/eines. */
const GERMAN_CASE: Record<string, string> = { den: 'obl', dem: 'obl', einen: 'obl', einem: 'obl', des: 'gen', eines: 'gen' };
/** German words that end like an inflected adjective and are none (besides the determiners, prepositions, connectives and gap words above). */
const DE_FUNCTION_WORDS = new Set(['wieder', 'sondern', 'deren', 'dessen', 'denen', 'jede', 'jeden', 'jedem', 'jeder', 'jedes', 'solche', 'solchen', 'welche', 'welchen', 'selber', 'eher', 'weniger', 'keine', 'keinen', 'keinem', 'keiner']);
/**
 * The word lists above as the tests below ask them, one look-up each instead of one per list: no
 * modifier (isModifier), per language; no head of a phrase besides the lexicon's verbs and determiners
 * (nounPhrases), per language; no English common noun besides the verbs (nounLike).
 */
const union = (...sets: Iterable<string>[]) => new Set(sets.flatMap((x) => [...x]));
const NOT_MODIFIER_DE = union(DEFINITE, INDEFINITE, POSSESSIVES, DEMONSTRATIVE, QUANT, GAP, PREPOSITIONS.de, CONNECTIVES, DE_FUNCTION_WORDS);
const NOT_MODIFIER_EN = union(DEFINITE, INDEFINITE, POSSESSIVES, DEMONSTRATIVE, PREPOSITIONS.en, GAP);
const NOT_HEAD = new Map(Object.keys(PRONOUN_CLASSES).map((lang) => [lang, union(GAP, PREPOSITIONS[lang] ?? [], POSSESSIVES, PRONOUNS.get(lang)!.keys())]));
const NOT_HEAD_OTHER = union(GAP, POSSESSIVES);
/** …a determiner or a possessive (prevWord); an article or a demonstrative (firstInFrame); a gap word or an article (the slots) */
const DET_OR_POSSESSIVE = union(DEFINITE, INDEFINITE, POSSESSIVES);
const DETERMINER = union(DEFINITE, INDEFINITE, DEMONSTRATIVE);
const GAP_OR_ARTICLE = union(GAP, DEFINITE, INDEFINITE);
const NOT_NOUN_EN = union(GAP, PREPOSITIONS.en, DEFINITE, INDEFINITE, DEMONSTRATIVE, POSSESSIVES, QUANT, PRONOUNS.get('en')!.keys());
/**
 * Word shapes, as constants: a literal with \p{…} is compiled to `new RegExp(…)` by esbuild (tsx, the
 * extension's build), a fresh object each time the expression runs.
 */
const CAP = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
/** Whether a word starts with a capital (a lower-case letter); ASCII by its code, else by the pattern. */
const isCap = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : CAP.test(s);
};
const isLower = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER.test(s);
};
const CAP_LOWER = /^\p{Lu}\p{Ll}/u;
const CAP_WORD = /^\p{Lu}\p{Ll}+$/u;
const CAP_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:e|en|er|es|em)$/u;
const LOWER_ADJECTIVE = /^\p{Ll}+(?:e|en|er)$/u;
const LETTER_START = /^\p{L}/u;
const LETTER_WORD = /^\p{L}[\p{L}-]*$/u;
/** LETTER_WORD's test, an ASCII word by its codes (a letter, then letters and hyphens), else by the pattern. */
function isLetterWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return LETTER_WORD.test(s);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c === 45 && i > 0))) return false;
  }
  return s.length > 0;
}
const LOWER_WORD = /^\p{Ll}[\p{Ll}-]*$/u;
/** an English age as a noun ("52-year-old") */
const AGE_WORD = /^\d{1,3}-year-old$/;
/** a capitalised word in -s otherwise in lower case ("Residents") */
const CAP_PLURAL = /^\p{Lu}\p{Ll}+s$/u;
const ALNUM_WORD = /^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u;
const LETTERS_DOTS = /^[\p{L}.-]+$/u;
/** An English word that may modify a noun: an adjective by its ending, a title word, a capitalised word. */
const EN_MODIFIER = /^(?:\p{Ll}+(?:al|an|ive|ous|ic|ed|ing|er|ior|ent|ant|ary|ful|less|ish)|senior|top|chief|former|acting|deputy|local|young|old|new|second|first|third|vice|[\p{Lu}][\p{L}.-]*)$/u;
/** The bucket a number falls in: the first edge it does not pass, or past the last (edges.length). */
const bucketIndex = (n: number, edges: number[]) => {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return i;
};

/** A candidate without its features yet; every candidate has the same fields in the same order (one shape for V8). */
function candidate(kind: Candidate['kind'], block: number, start: number, end: number, tok: number, tokEnd: number, who: { entity?: Entity; word?: string; np?: NounPhrase; prev?: PrevSpeaker }): Candidate {
  return { kind, block, start, end, tok, tokEnd, entity: who.entity, word: who.word, np: who.np, prev: who.prev, features: [], loc: '', slot: 'none', ownVerb: null, frameStart: false, beforeColon: false, conjoined: null, conjoinedAt: -1, head: null };
}

function possessor(tokens: FrameToken[], tokEnd: number, m: MentionRef, lang: string): boolean {
  const next = tokens[tokEnd];
  if (!next || next.quoted) return false;
  const last = tokens[tokEnd - 1]?.text ?? '';
  if (lang === 'en') {
    // "Baker’s wife, Mary, said", "Trump’s former lawyer said": the person the phrase names speaks, not its owner
    // ("Trump’s campaign said" stays Trump's: a body is no person noun)
    if (!/^['’]s$/.test(next.text)) return false;
    for (let k = tokEnd + 1; k < tokens.length && k <= tokEnd + 3 && !tokens[k].quoted && LOWER_WORD.test(tokens[k].text); k++) {
      if (nounInfo(tokens[k].text, 'en')?.kind === 'person') return true;
    }
    return false;
  }
  return lang === 'de' && /s$/.test(last) && CAP_LOWER.test(next.text) && nounInfo(next.text, 'de')?.kind === 'person';
}

/**
 * A block's names, once per article: where each stands in tokens, and whether it never speaks (`mute`):
 * it only modifies the noun after it (a German genitive before a title, "Dormagens Geschäftsführer"; an
 * English name before a common noun, "the Trump campaign said", "the Albert Quay spot", or before a title,
 * "VFI Chief Executive, Jane Roe, said"; an English possessive before a person noun, "Baker’s wife"), or a
 * preposition of place governs it ("in Berlin"). (Other English possessives stay speakers: PolNeAR's sources
 * often are the whole phrase, "Trump’s campaign".)
 */
function blockNames(doc: Doc, b: number): BlockName[] {
  let list = doc.names[b];
  if (!list) {
    const toks = doc.reading[b].tokens;
    list = doc.names[b] = [];
    for (const m of doc.mentionsByBlock.get(b) ?? []) {
      if (m.partOfWord) continue;
      const tok = tokenAt(toks, m.start);
      const tokEnd = tokenAt(toks, m.end);
      if (tok >= toks.length) continue;
      const modifier = possessor(toks, tokEnd, m, doc.lang) || (doc.lang === 'en' && ((nounLike(toks[tokEnd], doc) && !!nounInfo(toks[tokEnd].text, 'en')) || titleAfter(toks[tokEnd])));
      list.push({ m, tok, tokEnd, mute: modifier || afterPlacePreposition(doc, toks, tok), own: null });
    }
  }
  return list;
}

/**
 * A name or phrase governed by a preposition of place, time, cause or address never speaks ("…, dass in der
 * Stadt „…“", "auf Twitter", "across the region"; speech.json placePrepositions).
 */
function afterPlacePreposition(doc: Doc, tokens: FrameToken[], tok: number): boolean {
  const k = prevWord(tokens, tok, doc.lang === 'de');
  return k >= 0 && doc.lex.placePrepositions.has(tokens[k].lower);
}

/** An English title after a name, capitalised as titles before a name are ("VFI Chief Executive, Jane Roe, said"). */
function titleAfter(t: FrameToken | undefined): boolean {
  return !!t && !t.quoted && CAP_WORD.test(t.text) && nounInfo(t.text, 'en')?.kind === 'person';
}

const RELATIVE_DE = new Set(['der', 'die', 'das', 'denen', 'dem']);
/** Every word blockPronouns may take, per language: a pronoun, a possessive, a German relative pronoun. */
const PRONOUN_LIKE = new Map(Object.keys(PRONOUN_CLASSES).map((lang) => [lang, union(PRONOUNS.get(lang)!.keys(), POSSESSIVES, lang === 'de' ? RELATIVE_DE : [])]));
/** The classes of personal pronouns: he, she, they, I, we. */
const PERSONAL = /^(?:3|1|sie)/;

/** German conjunctions that join main clauses without a place of their own before the verb. */
const COORDINATORS_DE = new Set(['und', 'oder', 'aber', 'sondern']);
/** …and those of both languages, before a speech verb whose subject is left out */
const COORDINATORS = new Set([...COORDINATORS_DE, 'and', 'or', 'but']);
/** a German finite verb by its form: lower case, ending in -t, -te, -ten or -en */
const FINITE_VERB_DE = /^\p{Ll}{2,}(?:t|te|ten|en)$/u;

/** A block's pronouns that may stand for a speaker, once per article; `personal`: he, she, they, I, we. */
function blockPronouns(doc: Doc, b: number): BlockPronoun[] {
  let list = doc.pronouns[b];
  if (!list) {
    const toks = doc.reading[b].tokens;
    const pron = PRONOUNS.get(doc.lang);
    const like = PRONOUN_LIKE.get(doc.lang);
    const found: BlockPronoun[] = [];
    const de = doc.lang === 'de';
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.quoted) continue;
      // (most words are none of the three this takes: no pronoun, no possessive, no German relative)
      if (like && !like.has(t.lower)) continue;
      const cls = pron?.get(t.lower);
      // (a German relative pronoun after a comma: ", der …", not before a noun)
      const relative = de && i > 0 && toks[i - 1].text === ',' && RELATIVE_DE.has(t.lower) && !isCap(toks[i + 1]?.text ?? 'x');
      // "einige", "some" stand alone, not before their noun ("einige Experten")
      const next = toks[i + 1];
      if (cls === 'quant' && next && LETTER_START.test(next.text) && !doc.lex.verbs.has(next.lower) && (!de || isCap(next.text))) continue;
      // German: a pronoun right after the verb of a clause joined by "und", "oder", "aber" is its object, the
      // subject left out as the first clause's ("Christoph sucht Worte und findet sie: …"); a subject stands
      // before the verb there ("und sie findet")
      if (de && i >= 2 && COORDINATORS_DE.has(toks[i - 2].lower) && FINITE_VERB_DE.test(toks[i - 1].text) && !toks[i - 1].quoted) continue;
      // German "sein" with no word after it is the verb ("… eingeloggt sein."), not a possessive
      if (de && t.lower === 'sein' && !(next && LETTER_START.test(next.text))) continue;
      if (cls || POSSESSIVES.has(t.lower) || relative) found.push({ tok: i, personal: !!cls && PERSONAL.test(cls), own: null });
    }
    list = doc.pronouns[b] = found;
  }
  return list;
}

/** A block's noun phrases for people and bodies, found once per article. */
function blockPhrases(doc: Doc, b: number): BlockPhrase[] {
  let list = doc.phrases[b];
  if (!list) {
    const rb = doc.reading[b];
    const taken = phraseTaken.get(rb.tokens.length);
    for (const m of doc.mentionsByBlock.get(b) ?? []) {
      if (m.partOfWord) continue;
      const tokEnd = tokenAt(rb.tokens, m.end);
      for (let k = tokenAt(rb.tokens, m.start); k < tokEnd; k++) taken[k] = 1;
    }
    // (every sentence of the block, outside quotation marks)
    const win: TokenWindow = { fo: doc.frameOf[b], tokens: rb.tokens, f0: 0, f1: Infinity, skipFrom: 0, skipTo: 0 };
    list = doc.phrases[b] = nounPhrases(doc, rb, b, taken, win, null).map((np) => ({ np, own: null }));
  }
  return list;
}

/** A sentence of a block: its tokens lo…hi (end exclusive), and as lib/quotes.ts reads them, its tokens alone. */
interface FrameFacts {
  lo: number;
  hi: number;
  tokens: FrameToken[];
  /** the first speech verb (token index in the sentence) or -1, and all of them in order, each found when first asked */
  first?: number;
  verbs?: number[];
}

/** A sentence's tokens, found once per sentence. */
function frameFacts(doc: Doc, block: number, frame: number): FrameFacts {
  const cache = (doc.frames[block] ??= []);
  let facts = cache[frame];
  if (!facts) {
    const fo = doc.frameOf[block];
    const toks = doc.reading[block].tokens;
    let lo = 0;
    while (lo < toks.length && fo[lo] < frame) lo++;
    let hi = lo;
    while (hi < toks.length && fo[hi] === frame) hi++;
    facts = cache[frame] = { lo, hi, tokens: toks.slice(lo, hi) };
  }
  return facts;
}

/** The first speech verb of a sentence (token index in the sentence), or -1. */
const firstVerb = (doc: Doc, f: FrameFacts) => (f.first ??= speechVerbAt(f.tokens, doc.lex));

/** The speech verbs of a sentence, in order (token indices in the sentence): speechVerbAt's first and every one after it. */
function frameVerbs(doc: Doc, f: FrameFacts): number[] {
  if (!f.verbs) {
    f.verbs = [];
    for (let i = firstVerb(doc, f); i >= 0 && i < f.tokens.length; i = nextVerb(f.tokens, doc.lex, i + 1)) f.verbs.push(i);
  }
  return f.verbs;
}

/** The first speech verb of a sentence (token index in its block), or -1; computed once per sentence. */
function frameVerb(doc: Doc, block: number, frame: number): number {
  const f = frameFacts(doc, block, frame);
  const v = firstVerb(doc, f);
  return v >= 0 ? f.lo + v : -1;
}

/**
 * speechVerbAt(tokens, lex, near) of the sentence's tokens, from its verbs found once: the speech verb
 * closest to the quotation at `near`, or, for a fragment inside the clause, the one before it.
 */
function verbNear(doc: Doc, f: FrameFacts, near: number): number {
  const embedded = near > 0 && isWordTok(f.tokens[near - 1]) && !f.tokens[near - 1].quoted;
  let best = -1;
  for (const i of frameVerbs(doc, f)) {
    if (embedded && best >= 0 && best < near && i > near) break;
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

/** Whether a sentence has a noun for something said, outside quotation marks. */
function frameSays(doc: Doc, block: number, frame: number): boolean {
  return frameFacts(doc, block, frame).tokens.some((t) => !t.quoted && doc.lex.nouns.has(t.lower));
}

/** The frame (sentence) index each token of a block falls in. */
export function frameIndex(r: BlockReading): Int32Array {
  const out = new Int32Array(r.tokens.length);
  let f = 0;
  for (let i = 0; i < r.tokens.length; i++) {
    while (f < r.frames.length - 1 && r.tokens[i].start >= r.frames[f][1]) f++;
    out[i] = f;
  }
  return out;
}

/** Token index of the first token at or after a character offset (tokens.length if none). */
export function tokenAt(tokens: FrameToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tokens of a block where candidates may stand: in sentences f0…f1, outside quotation marks, and not
 * in skipFrom…skipTo (the quotation itself; token indices, end exclusive).
 */
interface TokenWindow {
  fo: Int32Array;
  tokens: FrameToken[];
  f0: number;
  f1: number;
  skipFrom: number;
  skipTo: number;
}

function inWindow(w: TokenWindow, i: number): boolean {
  return w.fo[i] >= w.f0 && w.fo[i] <= w.f1 && !w.tokens[i].quoted && !(i >= w.skipFrom && i < w.skipTo);
}

/**
 * The tokens names take, one buffer for all windows (made anew, a typed array costs more than clearing
 * one): all zeros, longer than the block (what lies past its end is never set, and reads as unset).
 */
class Scratch {
  private buffer = new Uint8Array(256);
  get(n: number): Uint8Array {
    if (this.buffer.length <= n) this.buffer = new Uint8Array(2 * n + 1);
    else this.buffer.fill(0);
    return this.buffer;
  }
}
const windowTaken = new Scratch();
/** (another for blockPhrases, made while a window's is in use) */
const phraseTaken = new Scratch();

/** Every candidate for one quotation, with its features. */
export function candidatesFor(doc: Doc, q: QuoteSite, prev: PrevSpeaker | null): Candidate[] {
  const r = doc.reading[q.block];
  if (!r) return [];
  const fq = r.tokens.length ? doc.frameOf[q.block][Math.min(tokenAt(r.tokens, q.start), r.tokens.length - 1)] : 0;
  const qTok = tokenAt(r.tokens, q.start);
  const qTokEnd = tokenAt(r.tokens, q.end);
  const site = siteFeatures(doc, q, qTok, qTokEnd, fq);
  const out: Candidate[] = [];
  // what each candidate was made from: the block's name, pronoun or phrase, whose own facts are kept per article
  const from: (Source | null)[] = [];
  const windows: [number, number, number][] = [[q.block, Math.max(0, fq - CANDIDATES.framesBefore), fq + 1]];
  for (const [back, n] of [[1, CANDIDATES.framesBeforeInPreviousBlock], [2, CANDIDATES.framesBeforeTwoBlocksBack]] as const) {
    const b = q.block - back;
    const rb = doc.reading[b];
    if (b >= 0 && rb && doc.blocks[b].kind !== 'code') windows.push([b, Math.max(0, rb.frames.length - n), rb.frames.length - 1]);
  }
  for (const [b, f0, f1] of windows) {
    const rb = doc.reading[b];
    const fo = doc.frameOf[b];
    // words inside quotation marks speak for nobody outside them; reported speech may hold its own source ("das ist, glaube ich, …")
    const quoteHere = q.direct && b === q.block;
    const win: TokenWindow = { fo, tokens: rb.tokens, f0, f1, skipFrom: quoteHere ? qTok : 0, skipTo: quoteHere ? qTokEnd : 0 };
    const taken = windowTaken.get(rb.tokens.length);
    for (const n of blockNames(doc, b)) {
      if (!inWindow(win, n.tok)) continue;
      // a place speaks only in the quotation's own sentence ("Berlin says …"), if at all
      if (n.m.entity.type === 'place' && !(b === q.block && fo[n.tok] === fq)) continue;
      for (let k = n.tok; k < n.tokEnd; k++) taken[k] = 1;
      if (n.mute) continue;
      out.push(candidate('name', b, n.m.start, n.m.end, n.tok, Math.max(n.tokEnd, n.tok + 1), { entity: n.m.entity }));
      from.push(n);
    }
    for (const p of blockPronouns(doc, b)) {
      const i = p.tok;
      if (taken[i] || !inWindow(win, i)) continue;
      // outside the quotation's own sentence only personal pronouns refer back to a speaker
      const near = b === q.block && Math.abs(fo[i] - fq) <= 1;
      if (!near && !p.personal) continue;
      const t = rb.tokens[i];
      out.push(candidate('pron', b, t.start, t.end, i, i + 1, { word: t.text }));
      from.push(p);
    }
    // the block's phrases for people and bodies (found once per block), those in the window; and in the
    // quotation's block the phrases in the speech verb's slots, whatever their noun
    for (const phrase of blockPhrases(doc, b)) {
      const np = phrase.np;
      if (!inWindow(win, np.np!.headTok) || (quoteHere && np.start < q.end && q.start < np.end)) continue;
      out.push(candidate('np', b, np.start, np.end, np.tok, np.tokEnd, np));
      from.push(phrase);
    }
    if (b === q.block && site.verb >= 0) {
      const heads = slotHeadsOf(rb.tokens, site.verb, doc.lang === 'de');
      for (const np of nounPhrases(doc, rb, b, taken, win, heads)) {
        if (out.some((o) => o.kind === 'np' && o.np!.headTok === np.np!.headTok && o.block === b)) continue;
        out.push(np);
        from.push(null);
      }
    }
  }
  if (prev && q.block - prev.block <= CANDIDATES.prevSpeakerBlocks) {
    out.push(candidate('prev', prev.block, prev.at?.start ?? -1, prev.at?.end ?? -1, -1, -1, { entity: prev.entity ?? undefined, prev }));
    from.push(null);
  }
  out.forEach((c, i) => {
    let own: OwnFacts | null = null;
    if (c.kind !== 'prev') {
      const source = from[i];
      own = source?.own ?? null;
      if (!own) {
        own = ownFacts(doc, c);
        if (source) source.own = own;
      }
    }
    c.features = features(doc, q, c, site, prev, own);
  });
  addRecency(out, q, qTok);
  // a name inside the complement of a person noun ("der Aktivist der Mietergewerkschaft X"): the phrase speaks, not the name
  for (const c of out) {
    if (c.kind !== 'name') continue;
    const np = out.find((o) => o.kind === 'np' && o.block === c.block && o.start < c.start && c.end <= o.end && o.np!.info?.kind === 'person');
    if (np) c.features.push('inNP', F.inNP(c.features[0]));
  }
  // what the discourse rules would say, for the ranker to weigh (lib/speakers/discourse.ts)
  if (q.direct && unattributedInSentence(out)) {
    const d = discourseSpeaker(doc, q, out, prev);
    if (d && d.rule !== 'interview') d.cand.features.push(`disc:${d.rule}`, F.disc(d.rule, d.cand.features[0]));
  }
  return out;
}

const NEAR = ['near:0', 'near:1', 'near:2', 'near:3'];
const NEAR_AFTER = ['nearAfter:0', 'nearAfter:1', 'nearAfter:2', 'nearAfter:3'];

/** The candidates addRecency counts: pronouns, names of people and bodies, phrases with a noun for one. */
const recencyCounts = (c: Candidate) => c.kind === 'pron' || (c.kind === 'name' && c.entity!.type !== 'place') || (c.kind === 'np' && !!c.np!.info);
/** How far before the quotation a candidate ends (blocks, then tokens). */
const recencyPos = (c: Candidate, q: QuoteSite, qTok: number) => (q.block - c.block) * 10_000 + (c.block === q.block ? qTok - c.tokEnd : 1_000 - c.tokEnd);

/** How near each speaker-like candidate is among its kind: the nearest before the quotation is 0. */
function addRecency(cands: Candidate[], q: QuoteSite, qTok: number) {
  // (each candidate's place computed once, not at each comparison)
  const before = cands
    .filter((c) => c.kind !== 'prev' && recencyCounts(c) && (c.block < q.block || c.tokEnd <= qTok))
    .map((c) => ({ c, pos: recencyPos(c, q, qTok) }))
    .sort((a, b) => a.pos - b.pos);
  before.forEach(({ c }, i) => {
    const n = Math.min(i, 3);
    c.features.push(NEAR[n], NEAR_NAMES(c.features[0]).near[n]);
  });
  const after = cands.filter((c) => c.kind !== 'prev' && recencyCounts(c) && c.block === q.block && c.tokEnd > qTok).sort((a, b) => a.tok - b.tok);
  after.forEach((c, i) => {
    const n = Math.min(i, 3);
    c.features.push(NEAR_AFTER[n], NEAR_NAMES(c.features[0]).after[n]);
  });
}

/** F.near and F.nearAfter of one kind's name (a candidate's first feature), for 0…3: one look-up for a candidate. */
const NEAR_NAMES = memo((head: string) => ({ near: [0, 1, 2, 3].map((n) => F.near(head, n)), after: [0, 1, 2, 3].map((n) => F.nearAfter(head, n)) }));

/** Noun phrases headed by a person or body noun, or standing in a speech verb's subject slot. */
/** The heads of the phrases right before and right after a speech verb, whatever their noun. */
function slotHeadsOf(toks: FrameToken[], verb: number, de: boolean): Set<number> {
  const heads = new Set<number>();
  if (verb < 0) return heads;
  let k = verb - 1;
  while (k >= 0 && GAP.has(toks[k].lower)) k--;
  if (k >= 0) heads.add(k);
  k = verb + 1;
  while (k < toks.length && (GAP_OR_ARTICLE.has(toks[k].lower) || isModifier(toks[k], de))) k++;
  if (k < toks.length) heads.add(k);
  return heads;
}

/**
 * Noun phrases of a block headed by a person or body noun (`only` null: the whole block, as cached
 * per block), or headed by the given tokens whatever their noun (the speech verb's slots).
 */
function nounPhrases(doc: Doc, r: BlockReading, b: number, taken: Uint8Array, win: TokenWindow, only: Set<number> | null): Candidate[] {
  const out: Candidate[] = [];
  const toks = r.tokens;
  const de = doc.lang === 'de';
  const slotHeads = only ?? new Set<number>();
  const notHead = NOT_HEAD.get(doc.lang) ?? NOT_HEAD_OTHER;
  // (the given heads: only the tokens from the first to the last of them)
  let from = 0;
  let to = toks.length - 1;
  if (only) {
    from = Infinity;
    to = -Infinity;
    for (const h of only) {
      if (h < from) from = h;
      if (h > to) to = h;
    }
  }
  for (let i = Math.max(0, from); i < toks.length && i <= to; i++) {
    if (only && !only.has(i)) continue;
    const t = toks[i];
    if (taken[i] || !inWindow(win, i)) continue;
    // (a German noun is capitalised: most words fail this first, cheaper test)
    if (de && !isCap(t.text)) continue;
    if (!isLetterWord(t.text) && !(!de && AGE_WORD.test(t.text))) continue;
    // English nouns are lower case; a capitalised word is a name, or a plural noun that opens a sentence ("Residents of X say")
    if (!de && !isLower(t.text) && !slotHeads.has(i) && !(sentenceStart(toks, i) && CAP_PLURAL.test(t.text))) continue;
    if (!de && isLower(t.text) && !nounLike(t, doc)) continue;
    if (notHead.has(t.lower) || doc.lex.verbs.has(t.lower) || doc.lex.determiners.has(t.lower)) continue;
    // English: a noun before another noun modifies it ("his major issue", "a GOP operative"): the last one heads
    if (!de && nounLike(toks[i + 1], doc)) continue;
    const info = nounInfo(t.text, doc.lang);
    if (!info && !slotHeads.has(i)) continue;
    // a title right before a name is the name's ("Sportchef Zoran Barisic", "Acting U.S. Attorney Joshua Levy")
    let k = i + 1;
    while (k < toks.length && k < i + 4 && !taken[k] && isCap(toks[k].text) && !toks[k].quoted) k++;
    if (taken[k] && !toks[k].quoted) continue;
    // left: adjectives, numbers and a determiner
    let s = i;
    // (a German adjective is capitalised at the start of a sentence: "Russische Analysten meinen")
    while (s > 0 && !taken[s - 1] && !toks[s - 1].quoted && inWindow(win, s - 1) && (isModifier(toks[s - 1], de) || (de && sentenceStart(toks, s - 1) && CAP_ADJECTIVE.test(toks[s - 1].text) && !nounInfo(toks[s - 1].text, 'de')))) s--;
    // English: a bare singular noun without a determiner or a modifier is no speaker ("following")
    if (!de && s === i && !slotHeads.has(i) && !(s > 0 && (DEFINITE.has(toks[s - 1].lower) || INDEFINITE.has(toks[s - 1].lower) || POSSESSIVES.has(toks[s - 1].lower) || DEMONSTRATIVE.has(toks[s - 1].lower) || QUANT.has(toks[s - 1].lower) || /['’]s$/.test(toks[s - 1].text))) && !/s$/.test(t.lower)) continue;
    let det: NounPhrase['det'] = 'bare';
    if (s > 0 && !toks[s - 1].quoted && inWindow(win, s - 1)) {
      const d = toks[s - 1].lower;
      if (DEFINITE.has(d)) det = 'def';
      else if (INDEFINITE.has(d)) det = 'indef';
      else if (DEMONSTRATIVE.has(d)) det = 'dem';
      else if (POSSESSIVES.has(d) || /['’]s$/.test(toks[s - 1].text)) det = 'poss';
      else if (QUANT.has(d)) det = 'bare'; // "Tausende Tunesier", "viele Experten"
      if (det !== 'bare' || QUANT.has(d)) s--;
      // a possessive "’s" takes its owner's name along ("Britain’s chancellor of the Exchequer", not "’s chancellor …")
      if (/^['’]s$/.test(toks[s].text)) while (s > 0 && s > i - 6 && isCap(toks[s - 1].text) && !toks[s - 1].quoted) s--;
    }
    // right: a genitive or "von/of/for" complement, with a name or a short title in quotation marks
    let e = i + 1;
    const comp = toks[e];
    // ("der" after the noun is a genitive only before a noun: "der Sprecher der Stadt", not "der Sprecher, der …")
    let g = e + 1;
    while (de && toks[g] && isLower(toks[g].text) && isModifier(toks[g], de) && !toks[g].quoted) g++;
    if (comp && !comp.quoted && /^(?:des|der|von|vom|of|for|at|from)$/.test(comp.lower) && !(de && comp.lower === 'der' && !isCap(toks[g]?.text ?? ''))) {
      let j = e + 1;
      if (toks[j] && /^(?:des|der|dem|den|the|a|an)$/.test(toks[j].lower)) j++;
      while (toks[j] && isLower(toks[j].text) && isModifier(toks[j], de) && !toks[j].quoted) j++;
      let words = 0;
      while (toks[j] && words < 5 && (isCap(toks[j].text) || (toks[j].quoted && /^[„“”"»«‚‘’']$/.test(toks[j].text)) || (toks[j].quoted && isCap(toks[j].text)))) {
        if (isWordTok(toks[j])) words++;
        j++;
      }
      if (words) e = j;
      // English complements are mostly lower case ("one GOP operative in the state", "a spokeswoman for the ministry")
      else if (!de) {
        let w = 0;
        while (toks[j] && w < 3 && !toks[j].quoted && nounLike(toks[j], doc)) {
          j++;
          w++;
        }
        if (w) e = j;
      }
    } else if (!de && comp && /^(?:in|at|with)$/.test(comp.lower) && /^(?:the|a|an)$/.test(toks[e + 1]?.lower ?? '') && nounAfterDeterminer(toks[e + 2], doc) && !nounLike(toks[e + 3], doc)) {
      e += 3; // "in the state" (after "the", "state" is a noun though it is a verb too), not "in a statement"
    }
    // German: an abbreviation in brackets and where from ("der Aktivist der Gewerkschaft X (ATU) aus Chicago")
    if (de) {
      if (toks[e]?.text === '(' && toks[e + 2]?.text === ')' && isCap(toks[e + 1]?.text ?? '')) e += 3;
      if (/^(?:aus|von|vom|bei|beim)$/.test(toks[e]?.lower ?? '') && isCap(toks[e + 1]?.text ?? '') && !toks[e + 1].quoted && !nounInfo(toks[e + 1].text, 'de')) {
        e += 2;
        while (toks[e] && isCap(toks[e].text) && !toks[e].quoted && e < i + 12) e++;
      }
    }
    // (" 's" can only stand where a word after the first starts with an apostrophe, or a word has a space)
    let text = '';
    let apostrophe = false;
    for (let k = s; k < e; k++) {
      const w = toks[k].text;
      if (!isWordTok(toks[k])) continue;
      if (text && (w.charCodeAt(0) === 39 || w.charCodeAt(0) === 0x2019)) apostrophe = true;
      if (w.includes(' ')) apostrophe = true;
      text = text ? text + ' ' + w : w;
    }
    if (apostrophe && (text.includes(" 's") || text.includes(' ’s'))) text = text.replace(/ (['’]s)\b/g, '$1');
    // (a quantifier makes it plural whatever the noun's form: "Hunderte Ukrainer", "viele Lehrer"; so does
    // a plural article before a masculine noun whose plural is its singular: "die Sozialmanager")
    const plural = isPlural(t.text, info, doc.lang) || (s < i && (QUANT.has(toks[s].lower) || (de && info?.gender === 'm' && DE_PLURAL_ARTICLE.has(toks[s].lower))));
    const np: NounPhrase = { text, head: t.text, headTok: i, det, info, plural };
    if (!afterPlacePreposition(doc, toks, s)) out.push(candidate('np', b, toks[s].start, toks[e - 1].end, s, e, { np }));
    i = Math.max(i, e - 1);
  }
  return out;
}

/** A token that starts a sentence (or follows a quotation). */
export const sentenceStart = (toks: FrameToken[], k: number) => k === 0 || /^[.!?:;„“"»«]$/.test(toks[k - 1].text) || toks[k - 1].quoted;

/** An English common noun, as far as its form tells: a lower-case word that is no verb, adverb or function word. */
function nounLike(t: FrameToken | undefined, doc: Doc): boolean {
  if (!t || t.quoted || !LOWER_WORD.test(t.text)) return false;
  const w = t.lower;
  if (NOT_NOUN_EN.has(w) || doc.lex.verbs.has(w)) return false;
  return !/(?:ly|ed|ing)$/.test(w) && !/^(?:and|or|but|who|which|that|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not|no|so|as|if|than|then|there|here|very|also|just|only|even|still)$/.test(w);
}

/**
 * An English word after a determiner that is a noun: lower case, no function word and no speech noun
 * ("in the state", where "state" is a verb too; not "in a statement", which says how, not who).
 */
function nounAfterDeterminer(t: FrameToken | undefined, doc: Doc): boolean {
  if (!t || t.quoted || !LOWER_WORD.test(t.text) || doc.lex.nouns.has(t.lower)) return false;
  return nounLike(t, doc) || (doc.lex.verbs.has(t.lower) && !/(?:ly|ed|ing)$/.test(t.lower));
}

function isModifier(t: FrameToken, de: boolean): boolean {
  // (German function words end like adjectives too: "gegen", "oder", "wieder", "deren"; the cheaper tests first)
  if (de) return isLower(t.text) && adjectiveEnding(t.text) && !NOT_MODIFIER_DE.has(t.lower) && ALNUM_WORD.test(t.text);
  return !NOT_MODIFIER_EN.has(t.lower) && EN_MODIFIER.test(t.text) && ALNUM_WORD.test(t.text);
}

/** Whether a word ends like a German adjective: -e, -en, -em, -er, -es. */
function adjectiveEnding(w: string): boolean {
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  if (last === 101) return true; // e
  return n >= 2 && w.charCodeAt(n - 2) === 101 && (last === 110 || last === 109 || last === 114 || last === 115); // en, em, er, es
}

/** German articles and pronouns before a noun that, before a masculine one, make it plural ("die Lehrer", not "der Lehrer"). */
const DE_PLURAL_ARTICLE = new Set(['die', 'diese', 'jene', 'alle', 'keine', 'meine', 'deine', 'seine', 'ihre', 'unsere', 'eure', 'beide', 'beiden', 'manche', 'solche', 'welche']);

function isPlural(head: string, info: NounInfo | null, lang: string): boolean {
  if (lang === 'en') return /s$/.test(head) && !/(?:ss|us|is)$/.test(head) && !!info && info.lemma !== head.toLowerCase();
  // (a compound ends in its lemma when it is singular: "Polizeisprecher" is "Sprecher", not a plural of it)
  return !!info && (!!info.plural || (/(?:innen|en|er|e|s)$/.test(head) && !head.toLowerCase().endsWith(info.lemma.toLowerCase()) && !/in$/.test(head)));
}

interface SiteFeatures {
  qTok: number;
  qTokEnd: number;
  fq: number;
  /** the speech verb of the quotation's sentence (token index in its block), or -1 */
  verb: number;
  /** the quotation's circumstances, as bits of SITE_FLAGS (their conjunctions with each candidate are features) */
  flags: number;
}

function siteFeatures(doc: Doc, q: QuoteSite, qTok: number, qTokEnd: number, fq: number): SiteFeatures {
  const r = doc.reading[q.block];
  // (the quotation's sentence: fq is the frame of its first token, or of the block's last)
  const frame = frameFacts(doc, q.block, fq);
  let verb = q.cue ?? -1;
  if (q.cue === undefined) {
    const v = verbNear(doc, frame, qTok - frame.lo);
    verb = v >= 0 ? frame.lo + v : -1;
  }
  // alone: every word outside quotation marks is a connective
  let alone = true;
  for (let i = 0; i < r.tokens.length && alone; i++) {
    const t = r.tokens[i];
    if (!t.quoted && !(i >= qTok && i < qTokEnd) && !CONNECTIVES.has(t.lower) && isWordTok(t)) alone = false;
  }
  // (whether the words are in quotation marks is no flag: it is the same for every candidate, and the
  // training sets differ in it by language, which the language's own weights already tell)
  // (the flags as bits of SITE_FLAGS, in its order)
  let flags = (alone ? FLAG.alone : FLAG.inText) | (verb >= 0 ? FLAG.verb : FLAG.noVerb) | (q.partial ? FLAG.partial : FLAG.whole);
  // German reported speech: a Konjunktiv I form and no speech verb ("Vor diesem Hintergrund sei die Aktion ein „…“")
  if (doc.lang === 'de' && verb < 0 && frame.tokens.some((t) => !t.quoted && ATTRIBUTION.konjunktiv.has(t.lower))) flags |= FLAG.konjunktiv;
  const before = r.tokens[qTok - 2];
  if (before && (before.text === ':' || r.tokens[qTok - 1]?.text === ':')) flags |= FLAG.colon;
  if (doc.blocks[q.block].kind === 'heading') flags |= FLAG.heading;
  if (q.lastBlock !== q.block) flags |= FLAG.multiBlock;
  if (doc.interviewee) flags |= FLAG.interview;
  return { qTok, qTokEnd, fq, verb, flags };
}

/** A quotation's circumstances (siteFeatures), each a bit of a number, in the order their conjunctions are named. */
const SITE_FLAGS = ['alone', 'inText', 'verb', 'noVerb', 'partial', 'whole', 'konjunktiv', 'colon', 'heading', 'multiBlock', 'interview'] as const;
const FLAG = Object.fromEntries(SITE_FLAGS.map((f, i) => [f, 1 << i])) as Record<(typeof SITE_FLAGS)[number], number>;

/** Forms of German "werden" and English "be" that make a speech verb's participle passive ("wurde skandiert", "was chanted"). */
const PASSIVE_AUX: Record<string, Set<string>> = {
  de: new Set(['wurde', 'wurden', 'wird', 'werden', 'worden']),
  en: new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']),
};
/** the agent of a passive ("von den Demonstranten", "by the protesters") */
const AGENT: Record<string, Set<string>> = { de: new Set(['von', 'vom', 'durch']), en: new Set(['by']) };

/**
 * Whether the quotation's sentence says it without saying who: a passive speech verb with no agent ("„…“,
 * wurde skandiert", "“…” was chanted"), German impersonal "es" ("hieß es", "heißt es in dem Papier"), or
 * no speech verb but one of hearing ("Den Satz „…“ habe ich oft gehört").
 * Whoever the article named nearby did not necessarily say it.
 */
export function impersonalSpeech(doc: Doc, q: QuoteSite): 'impersonal' | 'heard' | null {
  const r = doc.reading[q.block];
  if (!r?.tokens.length) return null;
  const qTok = Math.min(tokenAt(r.tokens, q.start), r.tokens.length - 1);
  const fo = doc.frameOf[q.block];
  const verb = q.cue ?? frameVerb(doc, q.block, fo[qTok]);
  const toks = r.tokens;
  if (verb < 0) {
    const inFrame = (k: number) => fo[k] === fo[qTok] && !toks[k].quoted;
    // English: the speech-verb finder passes over a passive participle ("“…” was chanted"); without an agent it is said by nobody named
    if (doc.lang === 'en' && toks.some((t, k) => inFrame(k) && doc.lex.verbs.has(t.lower) && /ed$/.test(t.lower) && PASSIVE_AUX.en.has(toks[k - 1]?.lower ?? '')) && !toks.some((t, k) => inFrame(k) && AGENT.en.has(t.lower))) return 'impersonal';
    // words the sentence's subject heard, not said ("Den Satz „…“ habe ich oft gehört")
    return toks.some((t, k) => inFrame(k) && doc.lex.hearing.has(t.lower)) ? 'heard' : null;
  }
  const v = toks[verb].lower;
  if (doc.lang === 'de' && /^(?:heißt|hieß)$/.test(v) && (toks[verb + 1]?.lower === 'es' || toks[verb - 1]?.lower === 'es')) return 'impersonal';
  const aux = PASSIVE_AUX[doc.lang];
  const agent = AGENT[doc.lang];
  if (!aux || !agent) return null;
  let passive = false;
  // (the verb's sentence: frame indices only grow along the block)
  let from = verb;
  while (from > 0 && fo[from - 1] === fo[verb]) from--;
  for (let k = from; k < toks.length && fo[k] === fo[verb]; k++) {
    if (toks[k].quoted) continue;
    if (k > verb && agent.has(toks[k].lower)) return null;
    // (German: the auxiliary anywhere in the sentence; English: right before the participle, adverbs between)
    if ((doc.lang === 'de' ? Math.abs(k - verb) <= 6 : k < verb && verb - k <= 2) && aux.has(toks[k].lower)) passive = true;
  }
  return passive && (doc.lang === 'de' ? !/^(?:sagt|sagte|sagen|sagten|meint|meinte)$/.test(v) : /ed$|^(?:said|told|written|spoken|heard)$/.test(v)) ? 'impersonal' : null;
}

/**
 * The person the article's lead introduces as speaking ("Der Palliativmediziner X erklärt, warum …"): the
 * first paragraph after a headline, the person named right before or right after its speech verb. A
 * headline's quotation no sentence attributes is usually theirs.
 */
export function leadSpeaker(doc: Doc, headline: number): Entity | null {
  // (the lead may be set as a heading too, a standfirst under the headline)
  for (let k = headline + 1; k <= headline + 2 && k < doc.blocks.length; k++) {
    if (!doc.reading[k] || doc.blocks[k].kind === 'code') continue;
    const toks = doc.reading[k].tokens;
    const fo = doc.frameOf[k];
    const names = blockNames(doc, k).filter((n) => n.m.entity.type === 'person' && !n.mute);
    for (let f = 0; f < doc.reading[k].frames.length; f++) {
      const v = frameVerb(doc, k, f);
      if (v < 0) continue;
      const subject = names.filter((n) => fo[n.tok] === f && (n.tokEnd === v || (n.tok === v + 1 && !toks[v].quoted))).pop();
      if (subject) return subject.m.entity;
    }
    if (doc.blocks[k].kind !== 'heading') break;
  }
  return null;
}

/**
 * Feature names are built from their parts once and then reused: the ranker looks every name up in a
 * Map, a string made anew is hashed anew each time (the same string object keeps its hash), and most
 * names are the same few combinations over and over. (The parts are a few kinds, places and slots.)
 */
function memo<A, R>(make: (a: A) => R): (a: A) => R {
  const made = new Map<A, R>();
  return (a) => {
    let r = made.get(a);
    if (r === undefined) made.set(a, (r = interned(make(a))));
    return r;
  };
}
export function memo2<A, B, R>(make: (a: A, b: B) => R): (a: A, b: B) => R {
  const made = memo((a: A) => memo((b: B) => make(a, b)));
  return (a, b) => made(a)(b);
}
/** The name of each bucket of bucket() (by its index): `${prefix}<=3`, `${prefix}>20`. */
const bucketNames = (prefix: string, edges: number[]) => interned([...edges.map((e) => `${prefix}<=${e}`), `${prefix}>${edges[edges.length - 1]}`]);

const DIST_EDGES = [0, 1, 3, 6, 10, 20];
const NEAR_DIST_EDGES = [1, 4, 10];
const MENTION_EDGES = [1, 2, 4, 8];
const F = {
  loc: memo((loc: string) => `loc:${loc}`),
  prevB: memo((n: number) => `prevB-${n}`),
  B: memo2((n: number, last: boolean) => `B-${n}${last ? 'last' : ''}`),
  dist: bucketNames('dist:', DIST_EDGES),
  slot: memo((slot: string) => `slot:${slot}`),
  commas: ['commas:0', 'commas:1', 'commas:2'],
  ownVerb: memo((s: string) => `ownVerb:${s}`),
  kOwnVerbLoc: memo2((kind: string, s: string) => memo((loc: string) => `k:${kind}|ownVerb:${s}|loc:${loc}`)),
  type: memo((type: string) => `type:${type}`),
  mentions: bucketNames('mentions:', MENTION_EDGES),
  topPersonLoc: memo((loc: string) => `topPerson|loc:${loc}`),
  isPrevSpeakerLoc: memo((loc: string) => `isPrevSpeaker|loc:${loc}`),
  np: memo((kind: string) => `np:${kind}`),
  det: memo((det: string) => `det:${det}`),
  kDetSlot: memo2((kind: string, det: string) => memo((slot: string) => `k:${kind}|det:${det}|slot:${slot}`)),
  case: memo((gcase: string) => `case:${gcase}`),
  kCaseSlot: memo2((kind: string, gcase: string) => memo((slot: string) => `k:${kind}|case:${gcase}|slot:${slot}`)),
  prev: memo((type: string) => `prev:${type}`),
  ruleSlot: memo((slot: string) => `rule|slot:${slot}`),
  near: memo2((head: string, n: number) => `${head}|near:${n}`),
  nearAfter: memo2((head: string, n: number) => `${head}|nearAfter:${n}`),
  inNP: memo((head: string) => `${head}|inNP`),
  disc: memo2((rule: string, head: string) => `disc:${rule}|${head}`),
  /** a candidate's kind: a pronoun's class, a phrase's noun */
  pron: memo((cls: string) => `pron-${cls}`),
  npKind: memo((kind: string) => `np-${kind}`),
};
/** The names of one kind of candidate's features, made once per kind (one lookup for a candidate, not one per name). */
const F_KIND = memo((kind: string) => {
  const K = kindNames(kind);
  return {
    ...K,
    /** …at one place (loc): one lookup for the names of a place, not one per name */
    at: memo((loc: string) => ({
      /** the kind and the place: a candidate's first features */
      head: { names: interned([K.k, F.loc(loc), K.loc(loc)]) } as Conjoined,
      beforeColon: K.beforeColonLoc(loc),
      rule: K.ruleLoc(loc),
      topPerson: F.topPersonLoc(loc),
      isPrevSpeaker: F.isPrevSpeakerLoc(loc),
      ownVerb: memo((s: string) => F.kOwnVerbLoc(kind, s)(loc)),
      /** the site's flags (as siteFeatures sets their bits) conjoined with the kind, the place and a slot */
      conjoined: memo((bits: number) => memo((slot: string): Conjoined => ({ names: conjoined(bits)(kind)(loc, slot) }))),
    })),
    /** …in one slot */
    slotted: memo((slot: string) => ({
      slot: F.slot(slot),
      kSlot: K.slot(slot),
      rule: F.ruleSlot(slot),
      det: memo((det: string) => F.kDetSlot(kind, det)(slot)),
      case: memo((gcase: string) => F.kCaseSlot(kind, gcase)(slot)),
    })),
  };
});
const kindNames = (kind: string) => ({
  k: interned(`k:${kind}`),
  loc: memo((loc: string) => `k:${kind}|loc:${loc}`),
  dirDist: { b: bucketNames(`k:${kind}|dir:b|dist:`, NEAR_DIST_EDGES), a: bucketNames(`k:${kind}|dir:a|dist:`, NEAR_DIST_EDGES) },
  slot: memo((slot: string) => `k:${kind}|slot:${slot}`),
  pp: interned(`k:${kind}|pp`),
  cueBefore: interned(`k:${kind}|cueBefore`),
  genMod: interned(`k:${kind}|genMod`),
  frameStart: interned(`k:${kind}|frameStart`),
  beforeColonLoc: memo((loc: string) => `k:${kind}|beforeColon|loc:${loc}`),
  inClause: interned(`k:${kind}|inClause`),
  commas: interned([0, 1, 2].map((n) => `k:${kind}|commas:${n}`)),
  rule: interned(`rule|k:${kind}`),
  ruleLoc: memo((loc: string) => `rule|k:${kind}|loc:${loc}`),
});
/** The place of a candidate in the blocks before (F.B), by its distance and whether it is the block's last sentence. */
const B_LOC: string[][] = [];
const bLoc = (n: number, last: boolean) => ((B_LOC[n] ??= [])[last ? 1 : 0] ??= F.B(n, last));

/**
 * What a candidate's own words tell, whatever the quotation: found once per candidate and article
 * (the copies of a name, pronoun or phrase in the candidates of several quotations share it).
 */
export interface OwnFacts {
  kind: string;
  pp: boolean;
  cueBefore: boolean;
  cueAfter: boolean;
  genMod: boolean;
  genitiveForm: boolean;
  frameStart: boolean;
  beforeColon: boolean;
  beforeComma: boolean;
  /** inside a subordinate clause of its own sentence */
  inClause: boolean;
  /** the slot to the speech verb of its own sentence, 'noun' for a noun for something said, null for neither; undefined until asked */
  ownVerb?: string | null;
}

function ownFacts(doc: Doc, c: Candidate): OwnFacts {
  const r = doc.reading[c.block];
  const fo = doc.frameOf[c.block];
  const prevTok = prevWord(r.tokens, c.tok, doc.lang === 'de');
  const p1 = r.tokens[c.tok - 1];
  const p2 = r.tokens[c.tok - 2];
  const next = r.tokens[c.tokEnd];
  let inClause = false;
  for (let k = c.tok - 1; k >= 0 && fo[k] === fo[c.tok] && !r.tokens[k].quoted; k--) {
    if (r.tokens[k - 1]?.text === ',' && doc.lex.complementizers.has(r.tokens[k].lower)) {
      inClause = true;
      break;
    }
  }
  return {
    kind: candidateKind(c, doc),
    pp: prevTok >= 0 && !!PREPOSITIONS[doc.lang]?.has(r.tokens[prevTok].lower),
    cueBefore: !!p1 && cueBefore(doc.lex, p1, p2),
    cueAfter: !!next && doc.lex.cuesAfter.has(next.lower),
    genMod: !!next && !next.quoted && (/^['’]s?$/.test(next.text) || (doc.lang === 'de' && c.kind === 'name' && isCap(next.text) && LETTER_START.test(next.text))),
    genitiveForm: c.kind === 'name' && !!c.entity && /s$/.test(r.tokens[c.tokEnd - 1]?.text ?? '') && !c.entity.name.endsWith('s') && doc.lang === 'de',
    frameStart: firstInFrame(r.tokens, fo, c.tok, doc.lang),
    beforeColon: next?.text === ':' || r.tokens[c.tokEnd + 1]?.text === ':',
    beforeComma: next?.text === ',',
    inClause,
  };
}

/** The lexicon's cues before a source ("laut", "according to") by their last word, made once per lexicon. */
const CUES_BEFORE = new WeakMap<SpeechLexicon, Map<string, (string | null)[]>>();
/** Whether the word before (and the one before that) are a cue before a source: of one word, or of two. */
function cueBefore(lex: SpeechLexicon, p1: FrameToken, p2: FrameToken | undefined): boolean {
  let byLast = CUES_BEFORE.get(lex);
  if (!byLast) {
    CUES_BEFORE.set(lex, (byLast = new Map()));
    // (a cue of one word stands as null: nothing before it needed)
    for (const cue of lex.cuesBefore) {
      if (cue.length > 2) continue;
      const last = cue[cue.length - 1];
      const firsts = byLast.get(last) ?? [];
      firsts.push(cue.length === 1 ? null : cue[0]);
      byLast.set(last, firsts);
    }
  }
  const firsts = byLast.get(p1.lower);
  return !!firsts && firsts.some((w) => w === null || (!!p2 && w === p2.lower));
}

/** The candidate's own sentence has a speech verb (an introduction: "X sagte:", "X erklärt"), or a noun for something said. */
function ownVerbOf(doc: Doc, c: Candidate, own: OwnFacts): string | null {
  if (own.ownVerb === undefined) {
    const r = doc.reading[c.block];
    const fc = doc.frameOf[c.block][c.tok];
    const v = frameVerb(doc, c.block, fc);
    // its subject has a statement, words, an Erklärung: it introduces what follows
    if (v < 0) own.ownVerb = own.frameStart && frameSays(doc, c.block, fc) ? 'noun' : null;
    else own.ownVerb = verbSlot(r.tokens, c, v, doc.lang, doc.frameOf[c.block]);
  }
  return own.ownVerb;
}

/** Features of one candidate for one quotation (`own`: what its own words tell, for all but the previous speaker). */
function features(doc: Doc, q: QuoteSite, c: Candidate, site: SiteFeatures, prev: PrevSpeaker | null, own: OwnFacts | null): string[] {
  const f: string[] = [];
  const kind = own ? own.kind : candidateKind(c, doc);
  const r = doc.reading[c.block];
  let loc: string;
  let slot = 'none';
  if (c.kind === 'prev') {
    loc = c.block === q.block ? 'prevSameBlock' : F.prevB(Math.min(q.block - c.block, 3));
  } else if (c.block === q.block) {
    const fc = doc.frameOf[c.block][c.tok];
    loc = fc === site.fq ? 'S0' : fc === site.fq + 1 ? 'S+1' : fc === site.fq - 1 ? 'S-1' : 'S-2';
    if (fc === site.fq && site.verb >= 0) slot = verbSlot(r.tokens, c, site.verb, doc.lang, doc.frameOf[c.block]);
  } else {
    // the last sentence of the block before, ending in a colon or with a speech verb, introduces
    const fc = doc.frameOf[c.block][c.tok];
    loc = bLoc(q.block - c.block, fc === doc.reading[c.block].frames.length - 1);
  }
  const K = F_KIND(kind);
  const at = K.at(loc);
  const slotted = K.slotted(slot);
  f.push(...at.head.names);
  c.head = at.head;
  c.loc = loc;
  c.slot = slot;
  if (own) {
    const before = c.block < q.block || c.tokEnd <= site.qTok;
    const dist = c.block === q.block ? (before ? site.qTok - c.tokEnd : c.tok - site.qTokEnd) : 30;
    f.push(before ? 'dir:before' : 'dir:after', F.dist[bucketIndex(dist, DIST_EDGES)], K.dirDist[before ? 'b' : 'a'][bucketIndex(dist, NEAR_DIST_EDGES)]);
    f.push(slotted.slot, slotted.kSlot);
    // what surrounds the candidate
    if (own.pp) f.push('pp', K.pp);
    if (own.cueBefore) f.push('cueBefore', K.cueBefore);
    if (own.cueAfter) f.push('cueAfter');
    if (own.genMod) f.push('genMod', K.genMod);
    if (own.genitiveForm) f.push('genitiveForm');
    if (own.frameStart) {
      c.frameStart = true;
      f.push('frameStart', K.frameStart);
    }
    // the speech verb right after "und", "and": its subject is the first clause's, not one in a phrase of a
    // preposition ("X antwortet auf einen Seitenhieb von Y und erklärt ihn für „…“")
    if (loc === 'S0' && !own.pp && site.verb > 0 && c.tok < site.verb && COORDINATORS.has(r.tokens[site.verb - 1].lower)) f.push('coordSubject');
    if (own.beforeColon) {
      c.beforeColon = true;
      f.push('beforeColon', at.beforeColon);
    }
    if (own.beforeComma) f.push('beforeComma');
    // inside a subordinate clause ("…, dass in der Stadt „…“"): what is said, not who says it
    const inFrame = c.block === q.block && doc.frameOf[c.block][c.tok] === site.fq;
    if (inFrame && own.inClause) f.push('inClause', K.inClause);
    if (inFrame && site.verb >= 0) {
      const [a, b] = c.tok < site.verb ? [c.tokEnd, site.verb] : [site.verb + 1, c.tok];
      let commas = 0;
      for (let k = a; k < b; k++) if (r.tokens[k].text === ',' && !r.tokens[k].quoted) commas++;
      f.push(F.commas[Math.min(commas, 2)], K.commas[Math.min(commas, 2)]);
    }
    // the candidate's own sentence has a speech verb (an introduction: "X sagte:", "X erklärt")
    if (loc !== 'S0') {
      const s = ownVerbOf(doc, c, own);
      if (s) {
        c.ownVerb = s;
        f.push(F.ownVerb(s), at.ownVerb(s));
      }
    }
    // how many other speaker-like candidates stand between it and the quotation is added by the caller
  }
  if (c.entity) {
    f.push(F.type(c.entity.type), F.mentions[bucketIndex(c.entity.mentions, MENTION_EDGES)]);
    if (c.entity === doc.topPerson) f.push('topPerson', at.topPerson);
    if (c.entity.role) f.push('hasRole');
    if (prev?.entity && prev.entity === c.entity && c.kind !== 'prev') f.push('isPrevSpeaker', at.isPrevSpeaker);
    if (doc.interviewee && c.entity === doc.interviewee) f.push('interviewee');
  }
  if (c.kind === 'pron') {
    const w = c.word!;
    if (doc.lang === 'de' && w === 'Sie' && c.tok > 0 && !own!.frameStart) f.push('formalSie');
  }
  if (c.kind === 'np') {
    const np = c.np!;
    f.push(F.np(np.info?.kind ?? 'other'), F.det(np.det), slotted.det(np.det));
    if (np.plural) f.push('plural');
    // German: the case its article shows ("den neuen Fonds", "dem Ministerium" are no subjects; "laut dem Bericht" speaks)
    const gcase = doc.lang === 'de' ? GERMAN_CASE[r.tokens[c.tok]?.lower ?? ''] : undefined;
    if (gcase) f.push(F.case(gcase), slotted.case(gcase));
  }
  if (c.kind === 'prev') {
    f.push(F.prev(c.prev!.entity ? c.prev!.entity.type : 'description'));
    // a new paragraph about somebody else: another person named before the quotation, the previous
    // speaker not ("Dan, a student, has just returned home. He … “I was living …”")
    if (c.block !== q.block) {
      let other = false;
      let again = false;
      for (const m of doc.mentionsByBlock.get(q.block) ?? []) {
        if (m.start >= q.start || m.partOfWord) continue;
        if (m.entity === c.prev!.entity) again = true;
        else if (m.entity.type === 'person') other = true;
      }
      if (other && !again) f.push('prevShift');
    }
  }
  if (q.ruleAt !== undefined) {
    const rule = q.ruleAt;
    const hit = c.kind === 'prev' ? !!q.ruleEntity && q.ruleEntity === c.entity : !!rule && rule.block === c.block && rule.start < c.end && c.start < rule.end;
    if (hit) f.push('rule', K.rule, at.rule, slotted.rule);
    if (!rule) f.push('noRule');
  }
  // the quotation's own circumstances, conjoined with where the candidate stands
  const conj = at.conjoined(site.flags)(slot);
  c.conjoined = conj;
  c.conjoinedAt = f.length;
  f.push(...conj.names);
  // (each feature also has a weight for the language alone, added by the ranker: lib/speakers/ranker.ts)
  return f;
}

/**
 * The site's flags conjoined with a candidate's kind, place and slot (per set of flags, `bits` as
 * siteFeatures sets them, the same few combinations over and over).
 */
const conjoined = memo((bits: number) => {
  const flags = SITE_FLAGS.filter((_, i) => bits & (1 << i));
  return memo((kind: string) =>
    memo2((loc: string, slot: string) => {
      const out: string[] = [];
      for (const flag of flags) out.push(`${flag}|loc:${loc}`, `${flag}|k:${kind}|loc:${loc}`);
      if (slot !== 'none') for (const flag of flags) out.push(`${flag}|slot:${slot}`);
      return interned(out);
    }),
  );
});

/** The kind of a candidate as the features name it. */
function candidateKind(c: Candidate, doc: Doc): string {
  if (c.kind === 'name') return c.entity!.type === 'person' ? 'per' : c.entity!.type === 'organization' ? 'org' : 'loc';
  if (c.kind === 'pron') {
    const w = c.word!;
    const cls = PRONOUNS.get(doc.lang)?.get(w.toLowerCase());
    if (!cls) return POSSESSIVES.has(w.toLowerCase()) ? 'poss' : 'rel';
    if (cls === 'sie' && w === 'Sie') return 'pron-Sie';
    return F.pron(cls);
  }
  if (c.kind === 'np') return F.npKind(c.np!.info?.kind ?? 'other');
  return 'prev';
}

/** The word before a candidate's phrase: past its determiner and adjectives ("auf die geschwächte Ukraine" → auf). */
function prevWord(tokens: FrameToken[], i: number, de: boolean): number {
  let k = i - 1;
  while (k >= 0 && !tokens[k].quoted && (DET_OR_POSSESSIVE.has(tokens[k].lower) || (isLower(tokens[k].text) && isModifier(tokens[k], de)))) k--;
  return k;
}

function firstInFrame(tokens: FrameToken[], fo: Int32Array, i: number, lang: string): boolean {
  let k = i - 1;
  while (k >= 0 && fo[k] === fo[i] && !isWordTok(tokens[k])) k--;
  // a title before the name ("SCR-Sportchef Zoran Barisic ist …", "Acting U.S. Attorney Joshua Levy said")
  while (k >= 0 && fo[k] === fo[i] && !tokens[k].quoted && isCap(tokens[k].text) && nounInfo(tokens[k].text, lang)?.kind === 'person') k--;
  while (k >= 0 && fo[k] === fo[i] && (DETERMINER.has(tokens[k].lower) || isModifier(tokens[k], lang === 'de'))) k--;
  return k < 0 || fo[k] !== fo[i];
}

/**
 * Where a candidate stands to the speech verb of its sentence: 'subj' right before it (only
 * auxiliaries or adverbs between: "Putin sagte", "the aide later told"), 'inv' right after it
 * ("sagte der Sprecher", "said Trump", "erklärt dazu Hauptgeschäftsführer X"), 'appos' before it with
 * an apposition between ("X, co-founder of Y, said"), else 'pre' or 'post'.
 */
function verbSlot(tokens: FrameToken[], c: Candidate, v: number, lang: string, fo: Int32Array): string {
  // an English participle after a comma ("The court also found …, noting that “…”") says what the
  // sentence's subject did: its subject, not the phrase before the comma
  if (lang === 'en' && c.tokEnd <= v && /ing$/.test(tokens[v].lower) && tokens[v - 1]?.text === ',') return firstInFrame(tokens, fo, c.tok, lang) ? 'subj' : 'pre';
  if (c.tokEnd <= v) {
    let k = c.tokEnd;
    let gap = 0;
    while (k < v && gap <= CANDIDATES.slotGap && GAP.has(tokens[k].lower)) {
      k++;
      gap++;
    }
    if (k === v) return 'subj';
    if (tokens[c.tokEnd]?.text === ',') {
      let j = c.tokEnd + 1;
      while (j < v && j < c.tokEnd + 14 && tokens[j].text !== ',') j++;
      if (tokens[j]?.text === ',' && j + 1 <= v) {
        let g = j + 1;
        while (g < v && GAP.has(tokens[g].lower)) g++;
        if (g === v) return 'appos';
      }
    }
    return 'pre';
  }
  if (c.tok > v) {
    let k = v + 1;
    let gap = 0;
    // a separable particle, adverbs, and a title of the name ("erklärt dazu BDZV-Hauptgeschäftsführer")
    while (k < c.tok && gap <= CANDIDATES.slotGap && !tokens[k].quoted && (GAP_OR_ARTICLE.has(tokens[k].lower) || (lang === 'de' ? isCap(tokens[k].text) || LOWER_ADJECTIVE.test(tokens[k].text) : LETTERS_DOTS.test(tokens[k].text) && !PREPOSITIONS.en.has(tokens[k].lower)))) {
      k++;
      gap++;
    }
    // English inverts only right after the quotation ("…,” said Trump), German after any first part
    if (k === c.tok && (lang !== 'en' || v === 0 || tokens[v - 1].quoted || (tokens[v - 1].text === ',' && tokens[v - 2]?.quoted) || /^[,:—–-]$/.test(tokens[v - 1].text))) return 'inv';
    return 'post';
  }
  return 'at';
}
