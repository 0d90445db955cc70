/** Greedy left-to-right BILOU decoding with document history. Pure TypeScript. */
import { mix, mix2 } from './hash.ts';
import { CTX_SLOT, SentenceBuffer, T, neighbourHashes, type FeatureConfig } from './features.ts';
import { addRow, rowOf, type NerModel } from './model.ts';
import { MAX_S2, buildDocStats, stage2Features, type DocStats, type Stage1Sentence } from './stage2.ts';
import { beamDecode, labelFeatures, prepareBeam } from './beam.ts';

export const MAX_DYNAMIC = 8;

const labelHashes = new Uint32Array(5);

/**
 * Label-history / document features for token i given the previous two predicted labels
 * (-1 = sentence start). `hist` is the document history value for the token (-1 = none).
 * Writes hashes into `out` and returns how many were written.
 */
export function dynamicFeatures(
  cfg: FeatureConfig,
  prev: number,
  prev2: number,
  lowerHash: number,
  shortShape: number,
  cap: number,
  hist: number,
  out: Uint32Array,
): number {
  // PREV, PREV2, PREV_SS and (when on) PREV_W, hashed as the beam hashes them
  labelFeatures(cfg, prev, prev2, lowerHash, shortShape, 0, labelHashes);
  let k = 0;
  out[k++] = labelHashes[0];
  out[k++] = labelHashes[1];
  out[k++] = labelHashes[2];
  if (cfg.prevWord) out[k++] = labelHashes[3];
  if (cfg.history && hist >= 0) {
    out[k++] = mix(T.HIST, hist * 2 + cap);
    out[k++] = mix2(T.HIST_SS, hist, shortShape);
  }
  return k;
}

/** Per-document history map update: remember the entity type (or O) given to capitalised tokens. */
export function updateHistory(
  hist: Map<number, number>,
  buf: { n: number; cap: ArrayLike<number>; hL: ArrayLike<number> },
  labels: ArrayLike<number>,
  typeOf: Int32Array,
): void {
  for (let i = 0; i < buf.n; i++) {
    if (!buf.cap[i]) continue;
    const t = typeOf[labels[i]];
    if (i === 0 && t < 0) continue; // sentence-initial capitalisation is uninformative
    hist.set(buf.hL[i], t + 1);
  }
}

/** Max tokens whose token-only partial scores are cached per model. */
export let TOKEN_CACHE_SIZE = 16384;

/** Change the token cache size for models first used after this call (tests, memory-constrained hosts). */
export function setTokenCacheSize(n: number): void {
  TOKEN_CACHE_SIZE = Math.max(1, n | 0);
}

const taggers = new WeakMap<NerModel, TaggerState>();

/**
 * Per-model tagging state. For every distinct token the tagger caches five partial score vectors
 * (each L ints): [0] its intrinsic features, [1] what it contributes as left neighbour (i-1),
 * [2] as right neighbour (i+1), [3] as i-2, [4] as i+2. A token seen before then costs only the
 * pairwise context features and gazetteer slots.
 *
 * A class, not an object literal, so that a second model's tagger keeps V8's optimised code (see model.ts).
 */
class TaggerState {
  buf: SentenceBuffer;
  scores: Int32Array;
  nb: Uint32Array;
  size: number;
  next = 0;
  full = false;
  /** the cache has been cleared at least once, so slots may hold old vectors */
  reused = false;
  cache = new Map<string, number>();
  /** partial-score vectors per token: 5, or 3 when the +-2 window is off */
  nvec: number;
  /** cached vectors: slot * nvec * L */
  cVec: Int32Array;
  cHL: Uint32Array;
  cSS: Uint32Array;
  cCL: Uint32Array;
  /** word-lexicon bits of the cached tokens */
  cLX: Uint32Array;
  cCap: Uint8Array;
  /** per-sentence vectors of uncached tokens: i * 5L */
  scratch: Int32Array;
  /** per token: offset of its vectors, and whether they live in scratch */
  off = new Int32Array(64);
  inScratch = new Uint8Array(64);
  skip = new Uint8Array(64);
  /** dense weights of the PREV2 feature: ((prev2 + 1) * (L + 1) + prev + 1) * L */
  trans: Int32Array;
  /**
   * Sentence-boundary features laid out like a token's cached vectors: [L, 2L) what the missing left
   * neighbour of the first token contributes, [2L, 3L) the missing right neighbour of the last token,
   * [3L, 4L) / [4L, 5L) the missing i-2 / i+2 neighbours.
   */
  edge: Int32Array;
  /** label-independent scores per token (n * L) when the model decodes with a beam */
  beamStatics = new Int32Array(0);
  /** L zeros: the transition row while collecting label-independent scores */
  noTrans: Int32Array;
  /** scratch for probeRows: one row per feature slot */
  rows: Int32Array;
  constructor(model: NerModel) {
    const L = model.space.labels.length;
    const size = TOKEN_CACHE_SIZE;
    const V = model.cfg.noWindow2 ? 3 : 5;
    this.buf = new SentenceBuffer(model.cfg);
    this.scores = new Int32Array(L);
    this.nb = new Uint32Array(10);
    this.size = size;
    this.nvec = V;
    this.cVec = new Int32Array(size * V * L);
    this.cHL = new Uint32Array(size);
    this.cSS = new Uint32Array(size);
    this.cCL = new Uint32Array(size);
    this.cLX = new Uint32Array(size);
    this.cCap = new Uint8Array(size);
    this.scratch = new Int32Array(64 * V * L);
    this.trans = transitionTable(model);
    this.edge = edgeVectors(model, this.buf);
    this.noTrans = new Int32Array(L);
    this.rows = new Int32Array(this.buf.slots);
    // set up beam decoding now rather than inside the first tagSentenceIds / beamDecode call of a new
    // model: a branch the optimised code has no type feedback for would deoptimise it
    if ((model.cfg.beam ?? 1) > 1) {
      this.beamStatics = new Int32Array(64 * L);
      prepareBeam(model, this.trans);
    }
  }
}

function getTagger(model: NerModel): TaggerState {
  let t = taggers.get(model);
  if (!t) {
    t = new TaggerState(model);
    taggers.set(model, t);
  }
  return t;
}

/** The boundary vectors of TaggerState.edge, read off the context slots of a one-token sentence. */
function edgeVectors(model: NerModel, buf: SentenceBuffer): Int32Array {
  const L = model.space.labels.length;
  const e = new Int32Array(5 * L);
  buf.extract(model.cfg, model.res, ['x']);
  const f = buf.feats, b = buf.intrinsic;
  for (const s of [CTX_SLOT.LOWER_M1, CTX_SLOT.SS_M1, CTX_SLOT.CL_M1]) addFeatureAt(model, f[b + s], e, L);
  for (const s of [CTX_SLOT.LOWER_P1, CTX_SLOT.SS_P1, CTX_SLOT.CL_P1]) addFeatureAt(model, f[b + s], e, 2 * L);
  for (const s of [CTX_SLOT.LOWER_M2, CTX_SLOT.SS_M2]) addFeatureAt(model, f[b + s], e, 3 * L);
  for (const s of [CTX_SLOT.LOWER_P2, CTX_SLOT.SS_P2]) addFeatureAt(model, f[b + s], e, 4 * L);
  return e;
}

/** Dense table of the label-history features PREV and PREV2 for every (prev2, prev) pair. */
function transitionTable(model: NerModel): Int32Array {
  const L = model.space.labels.length;
  const K = L + 1;
  const t = new Int32Array(K * K * L);
  const one = new Int32Array(L);
  for (let p = -1; p < L; p++) {
    one.fill(0);
    addFeature(model, mix(T.PREV, p + 1), one);
    for (let p2 = -1; p2 < L; p2++) {
      const o = ((p2 + 1) * K + p + 1) * L;
      t.set(one, o);
      addFeatureAt(model, mix(T.PREV2, (p2 + 1) * 256 + p + 1), t, o);
    }
  }
  return t;
}

/** scores += weights of feature f */
function addFeature(model: NerModel, f: number, scores: Int32Array): void {
  addFeatureAt(model, f, scores, 0);
}

/** vec[o .. o+L) += weights of feature f */
function addFeatureAt(model: NerModel, f: number, vec: Int32Array, o: number): void {
  if (f === 0) return;
  const v = rowOf(model.table, model.mask, f);
  if (v < 0) return;
  const entries = model.entries;
  for (let e = v >>> 8, end = e + (v & 255); e < end; e++) {
    const x = entries[e];
    vec[o + (x >>> 16)] += (x << 16) >> 16;
  }
}

/**
 * Rows of the non-zero features f[from .. to) that the model has, appended to rows from index k;
 * returns the new count. Probing all features before summing any lets the table's cache misses overlap.
 */
function probeRows(model: NerModel, f: Uint32Array, from: number, to: number, rows: Int32Array, k: number): number {
  const table = model.table, mask = model.mask;
  for (let s = from; s < to; s++) {
    const x = f[s];
    if (x === 0) continue;
    const v = rowOf(table, mask, x);
    if (v >= 0) rows[k++] = v;
  }
  return k;
}

/** vec[o .. o+L) += the weights of rows[0 .. k) (rows from probeRows) */
function addRowsAt(model: NerModel, rows: Int32Array, k: number, vec: Int32Array, o: number): void {
  const entries = model.entries;
  for (let r = 0; r < k; r++) {
    const v = rows[r];
    for (let e = v >>> 8, end = e + (v & 255); e < end; e++) {
      const x = entries[e];
      vec[o + (x >>> 16)] += (x << 16) >> 16;
    }
  }
}

/**
 * Tag one sentence with the first-pass model; returns internal BILOU label ids.
 * With `capture`, also records the scores and token hashes needed by the second pass.
 */
export function tagSentenceIds(
  model: NerModel,
  tokens: readonly string[],
  hist: Map<number, number> | null,
  capture?: Stage1Sentence,
): Uint8Array {
  const tg = getTagger(model);
  const { buf, scores, nb, cache, cVec, cHL, cSS, cCL, cCap, trans } = tg;
  const { cfg, space } = model;
  const L = space.labels.length;
  const L5 = tg.nvec * L;
  const n = tokens.length;
  if (tg.off.length < n) {
    tg.off = new Int32Array(n * 2);
    tg.inScratch = new Uint8Array(n * 2);
    tg.skip = new Uint8Array(n * 2);
    tg.scratch = new Int32Array(n * 2 * L5);
  }
  const { off, inScratch, skip, scratch, rows } = tg;
  if (tg.full) {
    cache.clear();
    tg.next = 0;
    tg.full = false;
    tg.reused = true;
  }
  buf.ensure(n);
  for (let i = 0; i < n; i++) {
    const c = cache.get(tokens[i]);
    if (c === undefined) {
      skip[i] = 0;
      inScratch[i] = 0;
    } else {
      skip[i] = 1;
      inScratch[i] = 0;
      off[i] = c * L5;
      buf.hL[i] = cHL[c];
      buf.ss[i] = cSS[c];
      buf.cl[i] = cCL[c];
      buf.lx[i] = tg.cLX[c];
      buf.cap[i] = cCap[c];
    }
  }
  buf.extract(cfg, model.res, tokens, skip);
  const S = buf.slots;
  const I = buf.intrinsic;
  const feats = buf.feats;

  // vectors for tokens not in the cache, written straight into a new cache slot (or into scratch
  // once the cache is full); a token repeated within the sentence reuses the slot of its first occurrence
  const nv = tg.nvec;
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    const again = cache.get(tokens[i]);
    if (again !== undefined) {
      off[i] = again * L5;
      continue;
    }
    let v: Int32Array, o: number;
    if (tg.next >= tg.size) {
      tg.full = true; // cleared before the next sentence
      v = scratch;
      o = i * L5;
      inScratch[i] = 1;
    } else {
      const slot = tg.next++;
      cache.set(tokens[i], slot);
      v = cVec;
      o = slot * L5;
      inScratch[i] = 0;
      cHL[slot] = buf.hL[i];
      cSS[slot] = buf.ss[i];
      cCL[slot] = buf.cl[i];
      tg.cLX[slot] = buf.lx[i];
      cCap[slot] = buf.cap[i];
    }
    off[i] = o;
    if (v === scratch || tg.reused) v.fill(0, o, o + L5); // a never-used slot is still zero
    const base = i * S;
    addRowsAt(model, rows, probeRows(model, feats, base, base + I, rows, 0), v, o);
    neighbourHashes(cfg, buf.hL[i], buf.ss[i], buf.cl[i], nb);
    addFeatureAt(model, nb[0], v, o + L);
    addFeatureAt(model, nb[1], v, o + L);
    addFeatureAt(model, nb[2], v, o + L);
    addFeatureAt(model, nb[3], v, o + 2 * L);
    addFeatureAt(model, nb[4], v, o + 2 * L);
    addFeatureAt(model, nb[5], v, o + 2 * L);
    if (nv === 5) {
      addFeatureAt(model, nb[6], v, o + 3 * L);
      addFeatureAt(model, nb[7], v, o + 3 * L);
      addFeatureAt(model, nb[8], v, o + 4 * L);
      addFeatureAt(model, nb[9], v, o + 4 * L);
    }
  }

  const allowed = space.allowed;
  const out = new Uint8Array(n);
  const w2 = !cfg.noWindow2;
  const edge = tg.edge;
  const history = hist !== null && cfg.history;
  // beam decoding: the loop collects the label-independent scores, beamDecode chooses the labels
  let beamStatics: Int32Array | null = null;
  if ((cfg.beam ?? 1) > 1 && !capture) {
    if (tg.beamStatics.length < n * L) tg.beamStatics = new Int32Array(n * 2 * L);
    beamStatics = tg.beamStatics;
  }
  const tv = beamStatics ? tg.noTrans : trans;
  let prev = -1, prev2 = -1;
  for (let i = 0; i < n; i++) {
    const base = i * S + I;
    // own vector, the neighbours' vectors (or the sentence-boundary vectors at the edges) and the
    // dense PREV/PREV2 transition weights, summed in one pass
    const vo = inScratch[i] ? scratch : cVec, oo = off[i];
    const va = i > 0 ? (inScratch[i - 1] ? scratch : cVec) : edge, oa = i > 0 ? off[i - 1] + L : L;
    const vb = i + 1 < n ? (inScratch[i + 1] ? scratch : cVec) : edge, ob = i + 1 < n ? off[i + 1] + 2 * L : 2 * L;
    const to = beamStatics ? 0 : ((prev2 + 1) * (L + 1) + prev + 1) * L;
    if (w2) {
      const vc = i > 1 ? (inScratch[i - 2] ? scratch : cVec) : edge, oc = i > 1 ? off[i - 2] + 3 * L : 3 * L;
      const vd = i + 2 < n ? (inScratch[i + 2] ? scratch : cVec) : edge, od = i + 2 < n ? off[i + 2] + 4 * L : 4 * L;
      for (let l = 0; l < L; l++) scores[l] = (vo[oo + l] + va[oa + l] + vb[ob + l] + vc[oc + l] + vd[od + l] + tv[to + l]) | 0;
    } else {
      for (let l = 0; l < L; l++) scores[l] = (vo[oo + l] + va[oa + l] + vb[ob + l] + tv[to + l]) | 0;
    }
    // pairwise context features and gazetteer slots
    const k = probeRows(model, feats, base + CTX_SLOT.SS_TRI, base + CTX_SLOT.WORD_FIRST + 1, rows, 0);
    addRowsAt(model, rows, probeRows(model, feats, base + CTX_SLOT.GAZ, i * S + S, rows, k), scores, 0);
    // label-history / document features as in dynamicFeatures (PREV and PREV2 are in the dense table)
    const hL = buf.hL[i], ss = buf.ss[i];
    if (beamStatics) {
      if (history) {
        const hv = hist!.get(hL);
        if (hv !== undefined && hv >= 0) {
          addFeature(model, mix(T.HIST, hv * 2 + buf.cap[i]), scores);
          addFeature(model, mix2(T.HIST_SS, hv, ss), scores);
        }
      }
      beamStatics.set(scores, i * L);
      continue;
    }
    addFeature(model, mix2(T.PREV_SS, prev + 1, ss), scores);
    if (cfg.prevWord) addFeature(model, mix2(T.PREV_W, prev + 1, hL), scores);
    if (history) {
      const hv = hist!.get(hL);
      if (hv !== undefined && hv >= 0) {
        addFeature(model, mix(T.HIST, hv * 2 + buf.cap[i]), scores);
        addFeature(model, mix2(T.HIST_SS, hv, ss), scores);
      }
    }
    if (capture) {
      const co = i * L, sc = model.scale;
      for (let l = 0; l < L; l++) capture.scores[co + l] = scores[l] * sc;
    }
    const aBase = (prev < 0 ? L : prev) * L;
    let best = -1, bestScore = -Infinity;
    for (let c = 0; c < L; c++) {
      if (!allowed[aBase + c]) continue;
      if (i === n - 1 && (space.kindOf[c] === 1 || space.kindOf[c] === 2)) continue; // must close at end
      if (scores[c] > bestScore) {
        bestScore = scores[c];
        best = c;
      }
    }
    out[i] = best;
    prev2 = prev;
    prev = best;
  }
  if (beamStatics && n > 0) beamDecode(model, beamStatics, n, buf.hL, buf.ss, buf.cl, trans, out);
  if (hist && cfg.history) updateHistory(hist, buf, out, space.typeOf);
  if (capture) {
    capture.ids = out;
    capture.hL.set(buf.hL.subarray(0, n));
    capture.ss.set(buf.ss.subarray(0, n));
    capture.cap.set(buf.cap.subarray(0, n));
  }
  return out;
}

/** First pass over one sentence, keeping what the second pass needs. */
export function stage1Sentence(model: NerModel, tokens: readonly string[], hist: Map<number, number> | null): Stage1Sentence {
  const n = tokens.length;
  const L = model.space.labels.length;
  const s: Stage1Sentence = {
    n,
    ids: new Uint8Array(n),
    scores: new Float32Array(n * L),
    hL: new Uint32Array(n),
    ss: new Uint32Array(n),
    cap: new Uint8Array(n),
  };
  tagSentenceIds(model, tokens, hist, s);
  return s;
}

const s2feats = new Uint32Array(MAX_S2);

/** Second pass over one sentence (requires model.stage2). */
export function stage2SentenceIds(model: NerModel, s: Stage1Sentence, doc: DocStats): Uint8Array {
  const st = model.stage2!;
  const space = model.space;
  const L = space.labels.length;
  const sc = new Float64Array(L);
  const out = new Uint8Array(s.n);
  let prev = -1;
  for (let i = 0; i < s.n; i++) {
    const m = st.mult ?? 1;
    for (let l = 0; l < L; l++) sc[l] = s.scores[i * L + l] * m;
    const nf = stage2Features(s, i, prev, doc, space, s2feats);
    for (let k = 0; k < nf; k++) addRow(st, s2feats[k], sc, st.scale);
    const aBase = (prev < 0 ? L : prev) * L;
    let best = 0, bs = -Infinity;
    for (let c = 0; c < L; c++) {
      if (!space.allowed[aBase + c]) continue;
      if (i === s.n - 1 && (space.kindOf[c] === 1 || space.kindOf[c] === 2)) continue;
      if (sc[c] > bs) { bs = sc[c]; best = c; }
    }
    out[i] = best;
    prev = best;
  }
  return out;
}

/** Internal BILOU ids for a whole document (first pass, plus second pass when the model has one). */
export function tagDocumentIds(model: NerModel, sentences: readonly (readonly string[])[]): Uint8Array[] {
  const hist = new Map<number, number>();
  getTagger(model); // a new model's state is created here, outside tagSentenceIds' optimised code
  if (!model.stage2) return sentences.map((s) => (s.length ? tagSentenceIds(model, s, hist) : new Uint8Array(0)));
  const s1 = sentences.map((s) => stage1Sentence(model, s, hist));
  const doc = buildDocStats(s1, model.space);
  return s1.map((s) => (s.n ? stage2SentenceIds(model, s, doc) : new Uint8Array(0)));
}

/**
 * Tag a document given as tokenised sentences. Returns IOB2 labels per token
 * (GermEval outer labels for German models, CoNLL labels for English ones).
 */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const iob = model.space.iob2;
  return tagDocumentIds(model, sentences).map((ids) => {
    const labels = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) labels[i] = iob[ids[i]];
    return labels;
  });
}
