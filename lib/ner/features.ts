/**
 * Feature extraction for the NER tagger. Every feature is a 32-bit hash of a template id and
 * a value hash; values are hashed incrementally over char codes (no per-token string building
 * except for the normalised token itself, which is usually the input string).
 */
import { FNV_OFFSET, FNV_PRIME, HashIndex, fnvStep, mix, mix2 } from './hash.ts';
import { normalizeToken } from './normalize.ts';
import { LEX, LEX_NAME_BITS, type LexIndex } from './lexicon.ts';

/** Options stored in the model header so older models keep working when features evolve. */
export interface FeatureConfig {
  prefixMax: number; // 0..4
  suffixMax: number; // 0..6
  /** cluster bit-prefix lengths used as features (0 = full path) */
  clusterPrefixes: number[];
  /** document history feature (how the token was tagged earlier in the document) */
  history: boolean;
  /** prev label x current lowercase word feature */
  prevWord: boolean;
  /** max gazetteer slots per token */
  gazSlots: number;
  /** German-style adjective stem feature (lowercase minus -e/-en/-er/-es/-em) */
  stem?: boolean;
  /** gazetteer lookup of the first/last part of hyphenated compounds */
  hyphGaz?: boolean;
  /** flat cluster ids packed in the cluster code: [shift, width] per granularity (exchange clusters) */
  clusterFields?: [number, number][];
  /** which clusterFields entry is used for the neighbour-cluster features */
  clusterCtxField?: number;
  /** word profile (case ratio / frequency bucket) packed in the cluster code: [shift, width] */
  profileField?: [number, number];
  /** leave out the +-2 word/shape window features (faster) */
  noWindow2?: boolean;
  /** number of word-internal character trigram features per token (0 = off) */
  charNgrams?: number;
  /**
   * German compound head: the longest proper suffix (>= 4 chars, leaving >= 3) that is itself a word in the
   * cluster vocabulary (e.g. "ministerium" in "Bundesjustizministerium"), as a word and as its cluster
   */
  compoundHead?: boolean;
  /** with compoundHead: also the gazetteer mask of the head as a one-word phrase */
  headGaz?: boolean;
  /** minimum compound-head length (default 4) */
  headMin?: number;
  /** German compound modifier: the longest proper prefix (>= 4 chars, leaving >= 3) that is a known word, as a word and as its cluster */
  compoundMod?: boolean;
  /** German genitive: for a capitalised word ending in -s/-es, the gazetteer mask and cluster of the word without it */
  genitive?: boolean;
  /** beam decoding only: previous label x the token's cluster (label feature) */
  prevCluster?: boolean;
  /** beam size for decoding (and structured training); 1 or absent = greedy */
  beam?: number;
  /**
   * word-lexicon features (Resources.lex, see lexicon.ts): the token's lexicon bits x capitalisation as one
   * value, and separately its common-noun state, its frequency bucket and its name-list bits (4 slots)
   */
  lex?: boolean;
  /** with lex: a capitalised word that is no common word (see commonWord) but whose compound head is one counts as one */
  lexHead?: boolean;
  /** with lex: the previous and the next word's lexicon classes (name lists, noun, legal form) x capitalisation (2 context slots after the gazetteer slots) */
  lexCtx?: boolean;
  /** with lex: a capitalised word's lexicon class (noun, listed name, frequent word, unknown) x the next token's short shape (1 context slot, "Kundenhotline :") */
  lexNext?: boolean;
  /** with lex: a capitalised word's lexicon class x the previous word ("zum Saisonstart", "in Hallschlag"; 1 context slot) */
  lexPrevWord?: boolean;
  /** with lex: for a capitalised word ending in -s that is no known place, the name-list bits of the word without -s / -es (Hannovers) */
  lexGen?: boolean;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  prefixMax: 4,
  suffixMax: 5,
  clusterPrefixes: [4, 6, 10, 0],
  history: true,
  prevWord: false,
  gazSlots: 6,
};

/** Lookup resources used by the extractor (clusters, gazetteers), decoded from the model. */
export interface Resources {
  /** lowercase-word hash -> cluster path code (bits with a leading 1) */
  clusters: HashIndex | null;
  /** phrase hash (see phraseHash) -> bit mask of gazetteer categories */
  gaz: HashIndex | null;
  gazMaxLen: number;
  /** the gazetteer table also holds every proper prefix of its phrases (mask 0), so lookups can stop early */
  gazPrefixes?: boolean;
  /** optional 2^20-bit presence filter over the gazetteer keys (see makeGazFilter); only skips certain misses */
  gazFilter?: Uint32Array;
  /** word lexicon: lowercase-word hash -> lexicon bits (lexicon.ts) */
  lex?: LexIndex | null;
}

export const GAZ_FILTER_BITS = 20;

/** Bit set over the low GAZ_FILTER_BITS bits of every gazetteer key: a clear bit means "certainly absent". */
export function makeGazFilter(keys: ArrayLike<number>): Uint32Array {
  const f = new Uint32Array(1 << (GAZ_FILTER_BITS - 5));
  const m = (1 << GAZ_FILTER_BITS) - 1;
  for (let i = 0; i < keys.length; i++) {
    const b = keys[i] & m;
    f[b >>> 5] |= 1 << (b & 31);
  }
  return f;
}

// ---- character tables ---------------------------------------------------------------------
const TABLE_MAX = 0x530;
const LOWER = new Uint16Array(TABLE_MAX);
/** 0 = other, 1 = upper letter, 2 = lower letter, 3 = digit */
const CLASS = new Uint8Array(TABLE_MAX);
for (let c = 0; c < TABLE_MAX; c++) {
  const s = String.fromCharCode(c);
  const lo = s.toLowerCase();
  const up = s.toUpperCase();
  LOWER[c] = lo.length === 1 ? lo.charCodeAt(0) : c;
  if (c >= 48 && c <= 57) CLASS[c] = 3;
  else if (lo !== s) CLASS[c] = 1;
  else if (up !== s || c === 0xdf) CLASS[c] = 2;
}

export function lowerCode(c: number): number {
  if (c < TABLE_MAX) return LOWER[c];
  const s = String.fromCharCode(c).toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : c;
}

export function charClass(c: number): number {
  if (c < TABLE_MAX) return CLASS[c];
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  const s = String.fromCharCode(c);
  if (s.toLowerCase() !== s) return 1;
  if (s.toUpperCase() !== s) return 2;
  return 0;
}

// Run the beyond-the-table paths of lowerCode / charClass once per character of a small block at load
// time, so that V8 has type feedback for them: otherwise the first rare character after the extractor
// was optimised deoptimises it (and its re-optimisation takes tens of milliseconds).
for (let c = TABLE_MAX; c < TABLE_MAX + 0x100; c++) {
  lowerCode(c);
  charClass(c);
}

/** Hash of a lowercased token (same as the per-token hash used by the extractor). */
export function lowerHash(token: string): number {
  const t = normalizeToken(token);
  let h = FNV_OFFSET;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ lowerCode(t.charCodeAt(i)), FNV_PRIME);
  return h >>> 0;
}

/** Hash of a token sequence for gazetteer lookup, built from per-token lowercase hashes. */
export function phraseHashStep(prev: number, tokenLowerHash: number, first: boolean): number {
  return first ? mix(900, tokenLowerHash) : mix2(901, prev, tokenLowerHash);
}

export function phraseHash(tokens: readonly string[]): number {
  let h = 0;
  for (let i = 0; i < tokens.length; i++) h = phraseHashStep(h, lowerHash(tokens[i]), i === 0);
  return h;
}

// ---- templates ----------------------------------------------------------------------------
export const T = {
  BIAS: 1, WORD: 2, LOWER: 3, SHAPE: 4, SSHAPE: 5, PREFIX: 6, SUFFIX: 7,
  LOWER_M1: 8, LOWER_P1: 9, LOWER_M2: 10, LOWER_P2: 11,
  SS_M1: 12, SS_P1: 13, SS_M2: 14, SS_P2: 15, SS_TRI: 16,
  BI_M1: 17, BI_P1: 18, FIRST: 19, CLUSTER: 20, CL_M1: 21, CL_P1: 22,
  HYPH_FIRST: 23, HYPH_LAST: 24, GAZ: 25, NOCLUSTER: 26, WORD_FIRST: 27, STEM: 28, HYPH_GAZ_FIRST: 29, HYPH_GAZ_LAST: 30, PROFILE: 31, PROFILE_SS: 32, NGRAM: 33,
  HEAD: 34, HEAD_CL: 35, MOD: 36, MOD_CL: 37, GEN_GAZ: 38, GEN_CL: 39, HEAD_GAZ: 46,
  LEX: 48, LEX_NOUN: 49, LEX_FREQ: 50, LEX_NAME: 51, LEX_GEN: 52, LEXC_M1: 53, LEXC_P1: 54, LEXC_NS: 55, LEXC_PW: 56,
  // dynamic
  PREV: 40, PREV2: 41, PREV_SS: 42, PREV_W: 43, HIST: 44, HIST_SS: 45, PREV_CL: 47,
} as const;

const BOS = 0x1b0b0b0b;
const FILT_MASK = (1 << 20) - 1;
const EOS = 0x2e0e0e0e;

/** Number of static feature slots per token for a config. */
function clusterSlots(cfg: FeatureConfig): number {
  return cfg.clusterPrefixes.length + (cfg.clusterFields?.length ?? 0) + (cfg.profileField ? 2 : 0);
}

export function staticSlots(cfg: FeatureConfig): number {
  return 23 + cfg.prefixMax + cfg.suffixMax + clusterSlots(cfg) + cfg.gazSlots + (cfg.stem ? 1 : 0) + (cfg.hyphGaz ? 2 : 0) + (cfg.charNgrams ?? 0) + (cfg.compoundHead ? (cfg.headGaz ? 3 : 2) : 0) + (cfg.compoundMod ? 2 : 0) + (cfg.genitive ? 2 : 0) + lexSlots(cfg) + lexCtxSlots(cfg);
}

/** Number of context slots with the neighbours' lexicon classes (the last static slots). */
function lexCtxSlots(cfg: FeatureConfig): number {
  return cfg.lex ? (cfg.lexCtx ? 2 : 0) + (cfg.lexNext ? 1 : 0) + (cfg.lexPrevWord ? 1 : 0) : 0;
}

/** Number of leading static slots that depend only on the token itself. */
export function intrinsicSlots(cfg: FeatureConfig): number {
  return 8 + cfg.prefixMax + cfg.suffixMax + clusterSlots(cfg) + (cfg.stem ? 1 : 0) + (cfg.hyphGaz ? 2 : 0) + (cfg.charNgrams ?? 0) + (cfg.compoundHead ? (cfg.headGaz ? 3 : 2) : 0) + (cfg.compoundMod ? 2 : 0) + (cfg.genitive ? 2 : 0) + lexSlots(cfg);
}

/**
 * A common word by the lexicon: a known noun form, or a word of the frequency lists that no name list
 * holds. Capitalised, in German, it is rarely a name; a compound whose head is one rarely either.
 */
export function commonWord(bits: number): boolean {
  return (bits & LEX.NOUN) !== 0 || ((bits & LEX.FREQ_MASK) !== 0 && (bits & LEX_NAME_BITS) === 0);
}

/** Number of lexicon slots: LEX, [LEX_GEN], LEX_NOUN, LEX_FREQ, LEX_NAME; they close the intrinsic block. */
function lexSlots(cfg: FeatureConfig): number {
  return cfg.lex ? (cfg.lexGen ? 5 : 4) : 0;
}

/** Static slots that carry name-list bits (LEX, LEX_GEN, LEX_NAME: hidden by gazetteer dropout while training). */
export function lexNameSlots(cfg: FeatureConfig): number[] {
  if (!cfg.lex) return [];
  const end = intrinsicSlots(cfg), n = lexSlots(cfg);
  const out = cfg.lexGen ? [end - n, end - n + 1, end - 1] : [end - n, end - 1];
  for (let k = staticSlots(cfg) - lexCtxSlots(cfg); k < staticSlots(cfg); k++) out.push(k);
  return out;
}

/** Reusable per-sentence buffers. */
export class SentenceBuffer {
  n = 0;
  slots: number;
  feats: Uint32Array;
  hL: Uint32Array;
  ss: Uint32Array;
  /** 1 if the token starts with an upper-case letter */
  cap: Uint8Array;
  private shp: Uint32Array;
  /** cluster path code per token (0 = none) */
  cl: Uint32Array;
  /** word-lexicon bits per token (0 = none; filled only with features.lex) */
  lx: Uint32Array;
  private hW: Uint32Array;
  private gazUsed = new Uint8Array(256);

  /** number of leading slots that depend on the token alone */
  intrinsic: number;

  constructor(cfg: FeatureConfig, capacity = 256) {
    this.slots = staticSlots(cfg);
    this.intrinsic = intrinsicSlots(cfg);
    this.feats = new Uint32Array(capacity * this.slots);
    this.hL = new Uint32Array(capacity);
    this.ss = new Uint32Array(capacity);
    this.cap = new Uint8Array(capacity);
    this.shp = new Uint32Array(capacity);
    this.cl = new Uint32Array(capacity);
    this.hW = new Uint32Array(capacity);
    this.lx = new Uint32Array(capacity);
  }

  ensure(n: number): void {
    if (this.hL.length >= n) return;
    let c = this.hL.length;
    while (c < n) c *= 2;
    this.feats = new Uint32Array(c * this.slots);
    this.hL = new Uint32Array(c);
    this.ss = new Uint32Array(c);
    this.cap = new Uint8Array(c);
    this.shp = new Uint32Array(c);
    this.cl = new Uint32Array(c);
    this.hW = new Uint32Array(c);
    this.lx = new Uint32Array(c);
  }

  /**
   * Fill `feats` (n * slots, 0 = unused slot) for one tokenised sentence.
   * Tokens with skip[i] set keep whatever is in their intrinsic slots (the caller has cached scores),
   * and the caller must have written their hL / ss / cap / clusterCode entries (after ensure(n)).
   */
  extract(cfg: FeatureConfig, res: Resources, tokens: readonly string[], skip?: Uint8Array): void {
    const n = tokens.length;
    this.n = n;
    this.ensure(n);
    const S = this.slots;
    const feats = this.feats, hL = this.hL, ss = this.ss, shp = this.shp, cl = this.cl, hW = this.hW, cap = this.cap;
    const clusters = res.clusters;
    const lx = this.lx, lexOn = !!cfg.lex, lexIx = res.lex ?? null;

    // pass 1: per-token hashes (for skipped tokens the caller has filled hL, ss, cap and the cluster code)
    for (let i = 0; i < n; i++) {
      if (skip && skip[i]) continue;
      const t = normalizeToken(tokens[i]);
      let w = FNV_OFFSET, l = FNV_OFFSET, s = FNV_OFFSET, sh = FNV_OFFSET;
      let lastCls = -1, run = 0;
      const len = t.length;
      for (let k = 0; k < len; k++) {
        const c = t.charCodeAt(k);
        const lc = lowerCode(c);
        w = Math.imul(w ^ c, FNV_PRIME);
        l = Math.imul(l ^ lc, FNV_PRIME);
        const cls = charClass(c);
        const sc = cls === 1 ? 88 : cls === 2 ? 120 : cls === 3 ? 100 : c;
        if (sc !== lastCls) {
          sh = Math.imul(sh ^ sc, FNV_PRIME);
          run = 1;
          s = Math.imul(s ^ sc, FNV_PRIME);
        } else if (run < 4) {
          run++;
          s = Math.imul(s ^ sc, FNV_PRIME);
        }
        lastCls = sc;
      }
      hW[i] = w >>> 0;
      hL[i] = l >>> 0;
      shp[i] = s >>> 0;
      ss[i] = sh >>> 0;
      cap[i] = len > 0 && charClass(t.charCodeAt(0)) === 1 ? 1 : 0;
      let code = 0;
      if (clusters) {
        const v = clusters.get(hL[i]);
        if (v > 0) code = v;
      }
      cl[i] = code;
      if (lexOn) {
        const v = lexIx ? lexIx.get(hL[i]) : -1;
        lx[i] = v > 0 ? v : 0;
      }
    }

    // pass 2: assemble static features. Slots [0, intrinsic) depend on the token alone
    // (callers may skip them for cached tokens); the rest depend on the context.
    const I = this.intrinsic;
    for (let i = 0; i < n; i++) {
      const base = i * S;
      if (!skip || !skip[i]) {
        let k = base;
        const t = normalizeToken(tokens[i]);
        const len = t.length;
        const l = hL[i];
        feats[k++] = mix(T.BIAS, 0);
        feats[k++] = mix(T.WORD, hW[i]);
        feats[k++] = mix(T.LOWER, l);
        feats[k++] = mix(T.SHAPE, shp[i]);
        feats[k++] = mix(T.SSHAPE, ss[i]);
        // prefixes / suffixes over lowercase chars
        let h = FNV_OFFSET;
        for (let p = 0; p < cfg.prefixMax; p++) {
          let f = 0;
          if (p < len - 1) {
            h = fnvStep(h, lowerCode(t.charCodeAt(p)));
            f = mix(T.PREFIX, mix(p, h));
          }
          feats[k++] = f;
        }
        h = FNV_OFFSET;
        for (let p = 0; p < cfg.suffixMax; p++) {
          let f = 0;
          if (p < len - 1) {
            h = fnvStep(h, lowerCode(t.charCodeAt(len - 1 - p)));
            f = mix(T.SUFFIX, mix(p, h));
          }
          feats[k++] = f;
        }
        const c0 = cl[i];
        const cps = cfg.clusterPrefixes;
        for (let q = 0; q < cps.length; q++) feats[k++] = c0 ? mix(T.CLUSTER, mix(cps[q], prefixCode(c0, cps[q]))) : 0;
        const cf = cfg.clusterFields;
        if (cf) for (let q = 0; q < cf.length; q++) feats[k++] = c0 ? mix(T.CLUSTER, mix(200 + q, (c0 >>> cf[q][0]) & ((1 << cf[q][1]) - 1))) : 0;
        const pf = cfg.profileField;
        if (pf) {
          const pv = c0 ? (c0 >>> pf[0]) & ((1 << pf[1]) - 1) : 1 << pf[1];
          feats[k++] = mix(T.PROFILE, pv);
          feats[k++] = mix2(T.PROFILE_SS, pv, ss[i]);
        }
        feats[k++] = c0 ? 0 : mix(T.NOCLUSTER, ss[i]);
        // hyphenated compounds
        const fh = t.indexOf('-');
        if (fh > 0 && fh < len - 1) {
          const lh = t.lastIndexOf('-');
          let a = FNV_OFFSET;
          for (let q = 0; q < fh; q++) a = fnvStep(a, lowerCode(t.charCodeAt(q)));
          let b = FNV_OFFSET;
          for (let q = lh + 1; q < len; q++) b = fnvStep(b, lowerCode(t.charCodeAt(q)));
          feats[k++] = mix(T.HYPH_FIRST, a);
          feats[k++] = mix(T.HYPH_LAST, b);
          if (cfg.hyphGaz) {
            const ga = res.gaz ? res.gaz.get(phraseHashStep(0, a >>> 0, true)) : -1;
            const gb = res.gaz ? res.gaz.get(phraseHashStep(0, b >>> 0, true)) : -1;
            feats[k++] = ga > 0 ? mix(T.HYPH_GAZ_FIRST, ga) : 0;
            feats[k++] = gb > 0 ? mix(T.HYPH_GAZ_LAST, gb) : 0;
          }
        } else {
          feats[k++] = 0;
          feats[k++] = 0;
          if (cfg.hyphGaz) {
            feats[k++] = 0;
            feats[k++] = 0;
          }
        }
        if (cfg.stem) {
          // strip one German adjective/noun inflection ending from the lowercase form
          let e = len;
          const c1 = e > 0 ? lowerCode(t.charCodeAt(e - 1)) : 0;
          const c2 = e > 1 ? lowerCode(t.charCodeAt(e - 2)) : 0;
          if (len > 4 && c2 === 101 && (c1 === 110 || c1 === 114 || c1 === 115 || c1 === 109)) e -= 2; // -en -er -es -em
          else if (len > 3 && c1 === 101) e -= 1; // -e
          let st = FNV_OFFSET;
          for (let q = 0; q < e; q++) st = fnvStep(st, lowerCode(t.charCodeAt(q)));
          feats[k++] = mix(T.STEM, st);
        }
        const ng = cfg.charNgrams ?? 0;
        if (ng > 0) {
          // interior trigrams (positions 1 .. len-4), prefixes/suffixes already cover the ends
          let q = 1;
          for (let g = 0; g < ng; g++, q++) {
            if (q + 3 < len) {
              let h3 = fnvStep(FNV_OFFSET, lowerCode(t.charCodeAt(q)));
              h3 = fnvStep(h3, lowerCode(t.charCodeAt(q + 1)));
              h3 = fnvStep(h3, lowerCode(t.charCodeAt(q + 2)));
              feats[k++] = mix(T.NGRAM, h3);
            } else feats[k++] = 0;
          }
        }
        if (cfg.compoundHead) {
          let f1 = 0, f2 = 0, f3 = 0;
          const hm = cfg.headMin ?? 4;
          if (clusters && len >= 3 + hm) {
            for (let q = 3; q <= len - hm; q++) {
              let hh = FNV_OFFSET;
              for (let r = q; r < len; r++) hh = Math.imul(hh ^ lowerCode(t.charCodeAt(r)), FNV_PRIME);
              hh >>>= 0;
              const v = clusters.get(hh);
              if (v > 0) {
                f1 = mix(T.HEAD, hh);
                const ctxF = cfg.clusterFields && cfg.clusterCtxField !== undefined ? cfg.clusterFields[cfg.clusterCtxField] : null;
                f2 = mix(T.HEAD_CL, ctxF ? (v >>> ctxF[0]) & ((1 << ctxF[1]) - 1) : prefixCode(v, 8));
                const g = cfg.headGaz && res.gaz ? res.gaz.get(phraseHashStep(0, hh, true)) : -1;
                if (g > 0) f3 = mix(T.HEAD_GAZ, g);
                break;
              }
            }
          }
          feats[k++] = f1;
          feats[k++] = f2;
          if (cfg.headGaz) feats[k++] = f3;
        }
        if (cfg.compoundMod) {
          let f1 = 0, f2 = 0;
          if (clusters && len >= 7) {
            let hh = FNV_OFFSET;
            let best = 0, bestV = 0;
            for (let q = 0; q < len - 3; q++) {
              hh = Math.imul(hh ^ lowerCode(t.charCodeAt(q)), FNV_PRIME);
              if (q < 3) continue; // prefix t[0..q] has q + 1 >= 4 chars
              const v = clusters.get(hh >>> 0);
              if (v > 0) { best = hh >>> 0; bestV = v; }
            }
            if (bestV) {
              f1 = mix(T.MOD, best);
              const ctxF = cfg.clusterFields && cfg.clusterCtxField !== undefined ? cfg.clusterFields[cfg.clusterCtxField] : null;
              f2 = mix(T.MOD_CL, ctxF ? (bestV >>> ctxF[0]) & ((1 << ctxF[1]) - 1) : prefixCode(bestV, 8));
            }
          }
          feats[k++] = f1;
          feats[k++] = f2;
        }
        if (cfg.genitive) {
          let f1 = 0, f2 = 0;
          if (len >= 4 && cap[i] && lowerCode(t.charCodeAt(len - 1)) === 115 && lowerCode(t.charCodeAt(len - 2)) !== 115) {
            // stems without -s and (for -es) without -es; the first with a gazetteer or cluster hit wins
            for (let cut = 1; cut <= 2 && !f1 && !f2; cut++) {
              if (cut === 2 && lowerCode(t.charCodeAt(len - 2)) !== 101) break;
              let hh = FNV_OFFSET;
              for (let q = 0; q < len - cut; q++) hh = Math.imul(hh ^ lowerCode(t.charCodeAt(q)), FNV_PRIME);
              hh >>>= 0;
              const g = res.gaz ? res.gaz.get(phraseHashStep(0, hh, true)) : -1;
              if (g > 0) f1 = mix(T.GEN_GAZ, g);
              const v = clusters ? clusters.get(hh) : -1;
              if (v > 0) {
                const ctxF = cfg.clusterFields && cfg.clusterCtxField !== undefined ? cfg.clusterFields[cfg.clusterCtxField] : null;
                f2 = mix(T.GEN_CL, ctxF ? (v >>> ctxF[0]) & ((1 << ctxF[1]) - 1) : prefixCode(v, 8));
              }
            }
          }
          feats[k++] = f1;
          feats[k++] = f2;
        }
        if (cfg.lex) {
          const lex = res.lex;
          const m = lx[i];
          let head = 0;
          if (lex) {
            if (cfg.lexHead && cap[i] && !commonWord(m) && len >= 7) {
              // the longest proper suffix (>= 4 chars, leaving >= 3) that is a common word ("Tür|klingel")
              for (let q = 3; q <= len - 4 && !head; q++) {
                let hh = FNV_OFFSET;
                for (let r = q; r < len; r++) hh = Math.imul(hh ^ lowerCode(t.charCodeAt(r)), FNV_PRIME);
                const hv = lex.get(hh >>> 0);
                if (hv > 0 && commonWord(hv)) head = 1;
              }
            }
          }
          const c = cap[i];
          feats[k++] = mix(T.LEX, (m << 2) | (head << 1) | c);
          if (cfg.lexGen) {
            let g = 0;
            if (lex && c && len >= 4 && (m & LEX.PLACE) === 0 && lowerCode(t.charCodeAt(len - 1)) === 115 && lowerCode(t.charCodeAt(len - 2)) !== 115) {
              for (let cut = 1; cut <= 2 && !g; cut++) {
                if (cut === 2 && lowerCode(t.charCodeAt(len - 2)) !== 101) break;
                let hh = FNV_OFFSET;
                for (let q = 0; q < len - cut; q++) hh = Math.imul(hh ^ lowerCode(t.charCodeAt(q)), FNV_PRIME);
                const v = lex.get(hh >>> 0);
                if (v > 0) g = v & LEX_NAME_BITS;
              }
            }
            feats[k++] = g ? mix(T.LEX_GEN, g) : 0;
          }
          feats[k++] = mix(T.LEX_NOUN, (commonWord(m) ? 4 : 0) | (head << 1) | c);
          feats[k++] = mix(T.LEX_FREQ, ((m & LEX.FREQ_MASK) << 1) | c);
          feats[k++] = mix(T.LEX_NAME, ((m & LEX_NAME_BITS) << 1) | c);
        }
      }
      let k = base + I;
      const l = hL[i];
      const lm1 = i > 0 ? hL[i - 1] : BOS, lp1 = i + 1 < n ? hL[i + 1] : EOS;
      const lm2 = i > 1 ? hL[i - 2] : BOS, lp2 = i + 2 < n ? hL[i + 2] : EOS;
      const sm1 = i > 0 ? ss[i - 1] : BOS, sp1 = i + 1 < n ? ss[i + 1] : EOS;
      const sm2 = i > 1 ? ss[i - 2] : BOS, sp2 = i + 2 < n ? ss[i + 2] : EOS;
      feats[k++] = mix(T.LOWER_M1, lm1);
      feats[k++] = mix(T.LOWER_P1, lp1);
      const w2 = !cfg.noWindow2;
      feats[k++] = w2 ? mix(T.LOWER_M2, lm2) : 0;
      feats[k++] = w2 ? mix(T.LOWER_P2, lp2) : 0;
      feats[k++] = mix(T.SS_M1, sm1);
      feats[k++] = mix(T.SS_P1, sp1);
      feats[k++] = w2 ? mix(T.SS_M2, sm2) : 0;
      feats[k++] = w2 ? mix(T.SS_P2, sp2) : 0;
      feats[k++] = mix2(T.SS_TRI, mix2(0, sm1, ss[i]), sp1);
      feats[k++] = mix2(T.BI_M1, lm1, l);
      feats[k++] = mix2(T.BI_P1, l, lp1);
      feats[k++] = i === 0 ? mix(T.FIRST, ss[i]) : 0;
      feats[k++] = i === 0 ? mix(T.WORD_FIRST, l) : mix(T.WORD_FIRST, mix(cap[i - 1], cap[i]));
      const cm1 = i > 0 ? cl[i - 1] : 1, cp1 = i + 1 < n ? cl[i + 1] : 1;
      const ctxF = cfg.clusterFields && cfg.clusterCtxField !== undefined ? cfg.clusterFields[cfg.clusterCtxField] : null;
      if (ctxF) {
        const m = (1 << ctxF[1]) - 1;
        feats[k++] = cm1 ? mix(T.CL_M1, cm1 === 1 ? 0x7fffffff : mix(300, (cm1 >>> ctxF[0]) & m)) : 0;
        feats[k++] = cp1 ? mix(T.CL_P1, cp1 === 1 ? 0x7fffffff : mix(300, (cp1 >>> ctxF[0]) & m)) : 0;
      } else {
        feats[k++] = cm1 ? mix(T.CL_M1, prefixCode(cm1, 8)) : 0;
        feats[k++] = cp1 ? mix(T.CL_P1, prefixCode(cp1, 8)) : 0;
      }
      // gazetteer slots are filled below
      for (let g = 0; g < cfg.gazSlots; g++) feats[k + g] = 0;
      k += cfg.gazSlots;
      if (cfg.lexCtx && lexOn) {
        // the neighbours' lexicon classes (noun, first name, surname, place, country, legal form)
        const c0 = cap[i];
        const cm = i > 0 ? cap[i - 1] : 0, cp = i + 1 < n ? cap[i + 1] : 0;
        const am = i > 0 ? (lx[i - 1] >>> 3) & 0x3f : 0, ap = i + 1 < n ? (lx[i + 1] >>> 3) & 0x3f : 0;
        feats[k++] = (am | c0) && cm ? mix(T.LEXC_M1, (am << 1) | c0) : 0;
        feats[k++] = (ap | c0) && (cp || (ap & 0x20) !== 0) ? mix(T.LEXC_P1, (ap << 2) | (cp << 1) | c0) : 0;
      }
      if ((cfg.lexNext || cfg.lexPrevWord) && lexOn) {
        const m = lx[i];
        const v = commonWord(m) ? 1 : (m & LEX_NAME_BITS) !== 0 ? 2 : (m & LEX.FREQ_MASK) !== 0 ? 3 : 4;
        if (cfg.lexNext) feats[k++] = cap[i] ? mix2(T.LEXC_NS, v, sp1) : 0;
        if (cfg.lexPrevWord) feats[k++] = cap[i] && i > 0 ? mix2(T.LEXC_PW, v, lm1) : 0;
      }
    }

    // gazetteer matches (longest-first per start), BILOU position x category
    const gaz = res.gaz;
    const filt = res.gazFilter;
    if (gaz && cfg.gazSlots > 0) {
      const gazBase = S - cfg.gazSlots - lexCtxSlots(cfg);
      if (this.gazUsed.length < n) this.gazUsed = new Uint8Array(this.hL.length);
      const used = this.gazUsed;
      for (let i = 0; i < n; i++) used[i] = 0;
      for (let i = 0; i < n; i++) {
        let ph = 0;
        const maxLen = Math.min(res.gazMaxLen, n - i);
        for (let len = 1; len <= maxLen; len++) {
          ph = phraseHashStep(ph, hL[i + len - 1], len === 1);
          if (filt) {
            const b = ph & FILT_MASK;
            if ((filt[b >>> 5] & (1 << (b & 31))) === 0) {
              if (res.gazPrefixes) break;
              continue;
            }
          }
          const mask = gaz.get(ph);
          if (mask < 0 && res.gazPrefixes) break; // no phrase starts like this
          if (mask <= 0) continue;
          for (let bits = mask; bits; bits &= bits - 1) {
            const cat = 31 - Math.clz32(bits & -bits); // lowest set bit first
            for (let j = i; j < i + len; j++) {
              const pos = len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1;
              if (used[j] < cfg.gazSlots) {
                feats[j * S + gazBase + used[j]] = mix(T.GAZ, cat * 4 + pos + (len > 1 ? 64 : 0));
                used[j]++;
              }
            }
          }
        }
      }
    }
  }
}

/**
 * Context features that depend on a single neighbour token j, as seen from the token they describe:
 * out[0..2] = features of token j+1 that mention j as left neighbour (LOWER_M1, SS_M1, CL_M1),
 * out[3..5] = features of token j-1 (LOWER_P1, SS_P1, CL_P1), out[6..7] = features of token j+2
 * (LOWER_M2, SS_M2), out[8..9] = features of token j-2 (LOWER_P2, SS_P2). 0 = no feature.
 * Must agree with SentenceBuffer.extract (checked by a unit test).
 */
export function neighbourHashes(cfg: FeatureConfig, hL: number, ss: number, cl: number, out: Uint32Array): void {
  let cm: number, cp: number;
  const ctxF = cfg.clusterFields && cfg.clusterCtxField !== undefined ? cfg.clusterFields[cfg.clusterCtxField] : null;
  if (!cl) {
    cm = 0;
    cp = 0;
  } else if (ctxF) {
    const v = mix(300, (cl >>> ctxF[0]) & ((1 << ctxF[1]) - 1));
    cm = mix(T.CL_M1, v);
    cp = mix(T.CL_P1, v);
  } else {
    cm = mix(T.CL_M1, prefixCode(cl, 8));
    cp = mix(T.CL_P1, prefixCode(cl, 8));
  }
  out[0] = mix(T.LOWER_M1, hL);
  out[1] = mix(T.SS_M1, ss);
  out[2] = cm;
  out[3] = mix(T.LOWER_P1, hL);
  out[4] = mix(T.SS_P1, ss);
  out[5] = cp;
  const w2 = !cfg.noWindow2;
  out[6] = w2 ? mix(T.LOWER_M2, hL) : 0;
  out[7] = w2 ? mix(T.SS_M2, ss) : 0;
  out[8] = w2 ? mix(T.LOWER_P2, hL) : 0;
  out[9] = w2 ? mix(T.SS_P2, ss) : 0;
}

/** Contextual slot offsets (relative to the intrinsic block end) of the neighbour-decomposable features. */
export const CTX_SLOT = {
  LOWER_M1: 0, LOWER_P1: 1, LOWER_M2: 2, LOWER_P2: 3, SS_M1: 4, SS_P1: 5, SS_M2: 6, SS_P2: 7,
  SS_TRI: 8, BI_M1: 9, BI_P1: 10, FIRST: 11, WORD_FIRST: 12, CL_M1: 13, CL_P1: 14, GAZ: 15,
} as const;

/** Bit-prefix of a cluster path code (leading-1 encoding); p = 0 means the full path. */
export function prefixCode(code: number, p: number): number {
  if (p === 0) return code;
  const len = 31 - Math.clz32(code);
  return len > p ? code >>> (len - p) : code;
}
