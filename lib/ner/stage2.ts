/**
 * Second pass ("stacking"): a small residual model on top of the first-pass scores that sees the
 * first-pass labels of both neighbours and how the same word was tagged elsewhere in the document.
 * Final score = stage-1 score + stage-2 weights; decoding is greedy with BILOU constraints.
 */
import { mix, mix2 } from './hash.ts';
import type { LabelSpace } from './labels.ts';

export const S2 = {
  P0: 60, PM1: 61, PP1: 62, PM2: 63, PP2: 64, TRI: 65, DOC: 66, DOC_P0: 67, P0_SS: 68, MARGIN: 69, PREV: 70, DOC_ANY: 71,
} as const;

export const MAX_S2 = 16;

/** First-pass output for one sentence. */
export interface Stage1Sentence {
  n: number;
  ids: Uint8Array;
  /** stage-1 scores (float, already scaled), n * L */
  scores: Float32Array;
  hL: Uint32Array;
  ss: Uint32Array;
  cap: Uint8Array;
}

/** Per-document counts of first-pass types for capitalised words: hL -> counts[0 = O, t + 1 = type t]. */
export type DocStats = Map<number, Int32Array>;

export function buildDocStats(sents: readonly Stage1Sentence[], space: LabelSpace): DocStats {
  const T = space.types.length;
  const m: DocStats = new Map();
  for (const s of sents) {
    for (let i = 0; i < s.n; i++) {
      if (!s.cap[i]) continue;
      let c = m.get(s.hL[i]);
      if (!c) m.set(s.hL[i], (c = new Int32Array(T + 1)));
      c[space.typeOf[s.ids[i]] + 1]++;
    }
  }
  return m;
}

/** Stage-2 feature hashes for token i (prev2 = stage-2 label of token i-1, -1 at start). */
export function stage2Features(s: Stage1Sentence, i: number, prev2: number, doc: DocStats, space: LabelSpace, out: Uint32Array): number {
  const p = s.ids;
  const n = s.n;
  const L = space.labels.length;
  let k = 0;
  const p0 = p[i] + 1;
  const pm1 = i > 0 ? p[i - 1] + 1 : 0, pp1 = i + 1 < n ? p[i + 1] + 1 : 0;
  const pm2 = i > 1 ? p[i - 2] + 1 : 0, pp2 = i + 2 < n ? p[i + 2] + 1 : 0;
  out[k++] = mix(S2.P0, p0);
  out[k++] = mix(S2.PM1, pm1);
  out[k++] = mix(S2.PP1, pp1);
  out[k++] = mix(S2.PM2, pm2);
  out[k++] = mix(S2.PP2, pp2);
  out[k++] = mix(S2.TRI, (pm1 * 256 + p0) * 256 + pp1);
  out[k++] = mix2(S2.P0_SS, p0, s.ss[i]);
  out[k++] = mix(S2.PREV, prev2 + 1);
  // confidence of the first pass
  let b1 = -Infinity, b2 = -Infinity;
  const o = i * L;
  for (let l = 0; l < L; l++) {
    const v = s.scores[o + l];
    if (v > b1) { b2 = b1; b1 = v; } else if (v > b2) b2 = v;
  }
  const margin = Math.min(7, Math.floor(Math.log2(1 + Math.max(0, b1 - b2))));
  out[k++] = mix(S2.MARGIN, p0 * 8 + margin);
  if (s.cap[i]) {
    const c = doc.get(s.hL[i]);
    if (c) {
      const self = space.typeOf[p[i]] + 1;
      let best = -1, bestC = 0, ent = 0;
      for (let t = 0; t < c.length; t++) {
        const v = c[t] - (t === self ? 1 : 0);
        if (t > 0) ent += v;
        if (v > bestC) { bestC = v; best = t; }
      }
      if (best >= 0) {
        const bucket = bestC >= 3 ? 3 : bestC;
        out[k++] = mix(S2.DOC, best * 4 + bucket);
        out[k++] = mix2(S2.DOC_P0, best, p0);
      }
      if (ent > 0) {
        // strongest entity type among the other occurrences
        let bt = 1;
        for (let t = 2; t < c.length; t++) if (c[t] - (t === self ? 1 : 0) > c[bt] - (bt === self ? 1 : 0)) bt = t;
        out[k++] = mix2(S2.DOC_ANY, bt, self);
      }
    }
  }
  return k;
}
