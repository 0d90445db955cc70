/**
 * Beam search over BILOU labels for the NER tagger (opt-in: FeatureConfig.beam > 1).
 *
 * The label-dependent features (PREV, PREV2, PREV_SS, PREV_W) only look at the previous two labels,
 * so hypotheses with the same (previous, current) label pair are interchangeable for the rest of the
 * sentence: the beam keeps only the best of them (recombination), i.e. it is a pruned second-order Viterbi.
 * Used by the tagger (int16 weights) and by the structured-perceptron trainer (float weights).
 */
import { mix, mix2 } from './hash.ts';
import { T, type FeatureConfig } from './features.ts';
import { rowOf, type NerModel } from './model.ts';

/**
 * One step of the beam: up to `size` hypotheses sorted by descending score, each with a label,
 * the index of its parent in the previous step (-1 at the sentence start) and its state key.
 */
export class BeamStep {
  m = 0;
  score: Float64Array;
  label: Int32Array;
  parent: Int32Array;
  key: Int32Array;
  constructor(readonly size: number) {
    this.score = new Float64Array(size);
    this.label = new Int32Array(size);
    this.parent = new Int32Array(size);
    this.key = new Int32Array(size);
  }

  /** Offer a candidate; keeps the best `size` distinct states (ties: the earlier candidate wins). */
  push(s: number, parent: number, label: number, key: number): void {
    const { score } = this;
    let m = this.m;
    if (m === this.size && s <= score[m - 1]) return; // cannot enter (nor beat its own state, which scores >= the worst)
    let at = -1;
    for (let j = 0; j < m; j++) if (this.key[j] === key) { at = j; break; }
    if (at >= 0) {
      if (s <= score[at]) return;
      // remove the old entry of this state, then insert as usual
      for (let j = at; j < m - 1; j++) this.move(j + 1, j);
      m--;
    } else if (m === this.size) {
      if (s <= score[m - 1]) return;
      m--;
    }
    let j = m;
    while (j > 0 && score[j - 1] < s) { this.move(j - 1, j); j--; }
    score[j] = s;
    this.label[j] = label;
    this.parent[j] = parent;
    this.key[j] = key;
    this.m = m + 1;
  }

  private move(from: number, to: number): void {
    this.score[to] = this.score[from];
    this.label[to] = this.label[from];
    this.parent[to] = this.parent[from];
    this.key[to] = this.key[from];
  }
}

/** Per-sentence beam lattice (reused between sentences). */
export class BeamLattice {
  steps: BeamStep[] = [];
  constructor(readonly size: number) {}
  ensure(n: number): void {
    while (this.steps.length < n) this.steps.push(new BeamStep(this.size));
  }
  /** Label sequence of hypothesis `b` at step `i`, written into out[0..i]. */
  backtrack(i: number, b: number, out: Uint8Array | Int32Array): void {
    for (let t = i; t >= 0; t--) {
      const st = this.steps[t];
      out[t] = st.label[b];
      b = st.parent[b];
    }
  }
}

/** PREV_CL feature of previous label p and a token's cluster code (0 = no cluster). */
export function prevClusterFeature(cfg: FeatureConfig, p: number, cl: number): number {
  const f = cfg.clusterFields && cfg.clusterCtxField !== undefined ? cfg.clusterFields[cfg.clusterCtxField] : null;
  const v = !cl ? 0xffff : f ? (cl >>> f[0]) & ((1 << f[1]) - 1) : cl;
  return mix2(T.PREV_CL, p + 1, v);
}

/**
 * Hashes of the label-dependent features for a token with the previous two labels p, p2 (-1 = none):
 * out[0] PREV, out[1] PREV2, out[2] PREV_SS, out[3] PREV_W, out[4] PREV_CL (0 when off). Same hashes as dynamicFeatures().
 */
export function labelFeatures(cfg: FeatureConfig, p: number, p2: number, lowerHash: number, shortShape: number, cl: number, out: Uint32Array): void {
  out[0] = mix(T.PREV, p + 1);
  out[1] = mix(T.PREV2, (p2 + 1) * 256 + p + 1);
  out[2] = mix2(T.PREV_SS, p + 1, shortShape);
  out[3] = cfg.prevWord ? mix2(T.PREV_W, p + 1, lowerHash) : 0;
  out[4] = cfg.prevCluster ? prevClusterFeature(cfg, p, cl) : 0;
}

/** slots of the direct-mapped cache of label-feature vectors (PREV_SS [+ PREV_W] [+ PREV_CL]) */
const PV_BITS = 12;
const PV_SLOTS = 1 << PV_BITS;

/**
 * A class, not an object literal: creating a second model's state from a literal invalidated the
 * field assumptions of beamDecode's optimised code (V8 deoptimised it at every new model).
 */
class DecodeState {
  /** flat lattice, B hypotheses per token: score, label, parent index, state key */
  sc: Float64Array;
  lb: Int32Array;
  pa: Int32Array;
  ky: Int32Array;
  /** cached PREV_SS (+ PREV_W) score vectors: slot * L, their keys (0 = empty) and maxima */
  pv: Int32Array;
  pvKey: Uint32Array;
  pvMax: Int32Array;
  /** per previous label p + 1: the pv slot found for it at token pTag[p + 1] - 1 (0 = none yet) */
  pTag: Int32Array;
  pSlot: Int32Array;
  pKey: Uint32Array;
  constructor(
    cap: number,
    L: number,
    /** max over labels of each row of the PREV/PREV2 table */
    readonly transMax: Int32Array,
    /** allowed successors of previous label p (p = -1 at the start: row L): succ[row * L ..], succN[row]; last token: succLast/succLastN */
    readonly succ: Int32Array,
    readonly succN: Int32Array,
    readonly succLast: Int32Array,
    readonly succLastN: Int32Array,
  ) {
    const K = L + 1;
    this.sc = new Float64Array(cap);
    this.lb = new Int32Array(cap);
    this.pa = new Int32Array(cap);
    this.ky = new Int32Array(cap);
    this.pv = new Int32Array(PV_SLOTS * L);
    this.pvKey = new Uint32Array(PV_SLOTS);
    this.pvMax = new Int32Array(PV_SLOTS);
    this.pTag = new Int32Array(K);
    this.pSlot = new Int32Array(K);
    this.pKey = new Uint32Array(K);
  }
}

const lattices = new WeakMap<NerModel, DecodeState>();

function decodeState(model: NerModel, B: number, trans: Int32Array): DecodeState {
  const { allowed, kindOf } = model.space;
  const L = model.space.labels.length;
  const K = L + 1;
  const succ = new Int32Array(K * L), succN = new Int32Array(K);
  const succLast = new Int32Array(K * L), succLastN = new Int32Array(K);
  for (let r = 0; r < K; r++) {
    for (let c = 0; c < L; c++) {
      if (!allowed[r * L + c]) continue;
      succ[r * L + succN[r]++] = c;
      if (kindOf[c] !== 1 && kindOf[c] !== 2) succLast[r * L + succLastN[r]++] = c; // must close at the end
    }
  }
  const transMax = new Int32Array(K * K);
  for (let r = 0; r < K * K; r++) {
    let m = -Infinity;
    for (let c = 0; c < L; c++) m = Math.max(m, trans[r * L + c]);
    transMax[r] = m;
  }
  return new DecodeState(64 * B, L, transMax, succ, succN, succLast, succLastN);
}

/**
 * Create the decoding state of a model ahead of its first sentence (the tagger does this when it sets up
 * a model), so that beamDecode's optimised code does not meet its set-up branch for every new model.
 */
export function prepareBeam(model: NerModel, trans: Int32Array): void {
  if (!lattices.has(model)) lattices.set(model, decodeState(model, model.cfg.beam ?? 1, trans));
}

/**
 * Beam decoding for the tagger. `statics` holds, per token, the scores of every feature that does not
 * depend on the labels (n * L ints); `trans` is the dense PREV/PREV2 table ((p2+1)*(L+1) + p+1) * L.
 * Writes the best label sequence into out.
 */
export function beamDecode(
  model: NerModel,
  statics: Int32Array,
  n: number,
  hL: Uint32Array,
  ss: Uint32Array,
  cl: Uint32Array,
  trans: Int32Array,
  out: Uint8Array,
): void {
  const L = model.space.labels.length;
  const K = L + 1;
  const B = model.cfg.beam ?? 1;
  let st = lattices.get(model);
  if (!st) {
    st = decodeState(model, B, trans);
    lattices.set(model, st);
  }
  if (st.sc.length < n * B) {
    st.sc = new Float64Array(n * 2 * B);
    st.lb = new Int32Array(n * 2 * B);
    st.pa = new Int32Array(n * 2 * B);
    st.ky = new Int32Array(n * 2 * B);
  }
  const { sc, lb, pa, ky, pv, pvKey, pvMax, transMax, pTag, pSlot, pKey } = st;
  const entries = model.entries;
  const table = model.table, mask = model.mask;
  const prevW = !!model.cfg.prevWord;
  const prevC = !!model.cfg.prevCluster;
  pTag.fill(0);
  let mPrev = 1;
  for (let i = 0; i < n; i++) {
    const o = i * B;
    const op = o - B;
    let m = 0;
    const last = i === n - 1;
    const list = last ? st.succLast : st.succ;
    const listN = last ? st.succLastN : st.succN;
    const so = i * L;
    let maxStatic = -Infinity;
    for (let c = 0; c < L; c++) if (statics[so + c] > maxStatic) maxStatic = statics[so + c];
    for (let b = 0; b < mPrev; b++) {
      const p = i > 0 ? lb[op + b] : -1;
      const p2 = i > 1 ? lb[op - B + pa[op + b]] : -1;
      const base = i > 0 ? sc[op + b] : 0;
      // label-feature vector of (p, token i): the slot already found for p at this token, else from the cache
      let slot = pSlot[p + 1];
      if (pTag[p + 1] !== i + 1 || pvKey[slot] !== pKey[p + 1]) {
        const f1 = mix2(T.PREV_SS, p + 1, ss[i]);
        const f2 = prevW ? mix2(T.PREV_W, p + 1, hL[i]) : 0;
        const f3 = prevC ? prevClusterFeature(model.cfg, p, cl[i]) : 0;
        const pk = (f1 ^ Math.imul(f2, 0x9e3779b1) ^ Math.imul(f3, 0x2545f491)) >>> 0 || 1;
        slot = (Math.imul(pk, 0x85ebca6b) >>> (32 - PV_BITS)) & (PV_SLOTS - 1);
        pTag[p + 1] = i + 1;
        pSlot[p + 1] = slot;
        pKey[p + 1] = pk;
        if (pvKey[slot] !== pk) {
          const po = slot * L;
          pvKey[slot] = pk;
          pv.fill(0, po, po + L);
          let v = rowOf(table, mask, f1);
          if (v >= 0) for (let e = v >>> 8, end = e + (v & 255); e < end; e++) { const x = entries[e]; pv[po + (x >>> 16)] += (x << 16) >> 16; }
          if (f2) {
            v = rowOf(table, mask, f2);
            if (v >= 0) for (let e = v >>> 8, end = e + (v & 255); e < end; e++) { const x = entries[e]; pv[po + (x >>> 16)] += (x << 16) >> 16; }
          }
          if (f3) {
            v = rowOf(table, mask, f3);
            if (v >= 0) for (let e = v >>> 8, end = e + (v & 255); e < end; e++) { const x = entries[e]; pv[po + (x >>> 16)] += (x << 16) >> 16; }
          }
          let mx = -Infinity;
          for (let c = 0; c < L; c++) if (pv[po + c] > mx) mx = pv[po + c];
          pvMax[slot] = mx;
        }
      }
      const po = slot * L;
      const tr = (p2 + 1) * K + p + 1;
      let thr = m === B ? sc[o + B - 1] : -Infinity;
      // no candidate of this hypothesis can enter a full beam
      if (base + maxStatic + transMax[tr] + pvMax[slot] <= thr) continue;
      const to = tr * L;
      const row = p < 0 ? L : p;
      const cnt = listN[row];
      const keyBase = (p + 1) * K;
      for (let j = row * L, e = j + cnt; j < e; j++) {
        const c = list[j];
        const s = base + statics[so + c] + trans[to + c] + pv[po + c];
        if (s <= thr) continue;
        // insert (same state: keep the better one; full beam: drop the worst), sorted by descending score
        const key = keyBase + c;
        let at = -1;
        for (let q = 0; q < m; q++) if (ky[o + q] === key) { at = q; break; }
        if (at >= 0) {
          if (s <= sc[o + at]) continue;
          for (let q = at; q < m - 1; q++) { sc[o + q] = sc[o + q + 1]; lb[o + q] = lb[o + q + 1]; pa[o + q] = pa[o + q + 1]; ky[o + q] = ky[o + q + 1]; }
          m--;
        } else if (m === B) m--;
        let q = m;
        while (q > 0 && sc[o + q - 1] < s) { sc[o + q] = sc[o + q - 1]; lb[o + q] = lb[o + q - 1]; pa[o + q] = pa[o + q - 1]; ky[o + q] = ky[o + q - 1]; q--; }
        sc[o + q] = s; lb[o + q] = c; pa[o + q] = b; ky[o + q] = key;
        m++;
        if (m === B) thr = sc[o + B - 1];
      }
    }
    mPrev = m;
  }
  for (let t = n - 1, b = 0; t >= 0; t--) {
    out[t] = lb[t * B + b];
    b = pa[t * B + b];
  }
}
