/**
 * Brown-like hierarchical word clusters from unlabelled text (pure TypeScript, used by the trainer):
 * PPMI vectors over left/right neighbour words -> random projection -> recursive spherical 2-means.
 * Each word gets a bit path (leading-1 encoded), so prefixes of several lengths act as coarse-to-fine clusters.
 */
import { lowerHash } from './features.ts';
import { normalizeToken } from './normalize.ts';
import { mulberry32 } from './trainer.ts';

export interface ClusterOptions {
  minCount: number;
  contextWords: number;
  dims: number;
  maxDepth: number;
  seed: number;
  log?: (m: string) => void;
}

export function learnClusters(sentences: Iterable<string[]>, opts: ClusterOptions): { keys: Uint32Array; codes: Uint32Array; words: string[] } {
  const log = opts.log ?? (() => {});
  // 1. vocabulary
  const freq = new Map<string, number>();
  const corpus: string[][] = [];
  for (const s of sentences) {
    const low = s.map((t) => normalizeToken(t).toLowerCase());
    corpus.push(low);
    for (const w of low) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const vocab = [...freq].filter(([, c]) => c >= opts.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const wid = new Map<string, number>();
  vocab.forEach(([w], i) => wid.set(w, i));
  const V = vocab.length;
  const K = Math.min(opts.contextWords, V);
  log(`clusters: ${corpus.length} sentences, ${V} words (count >= ${opts.minCount}), ${K} context words`);
  // 2. co-occurrence counts: context id = (left ? 0 : K) + neighbour rank, plus boundary contexts
  const C = 2 * K + 2;
  const rows: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  const colSum = new Float64Array(C);
  let total = 0;
  for (const s of corpus) {
    for (let i = 0; i < s.length; i++) {
      const w = wid.get(s[i]);
      if (w === undefined) continue;
      const l = i > 0 ? wid.get(s[i - 1]) : -1;
      const r = i + 1 < s.length ? wid.get(s[i + 1]) : -1;
      const ctx: number[] = [];
      if (l === -1) ctx.push(2 * K);
      else if (l !== undefined && l < K) ctx.push(l);
      if (r === -1) ctx.push(2 * K + 1);
      else if (r !== undefined && r < K) ctx.push(K + r);
      for (const c of ctx) {
        rows[w].set(c, (rows[w].get(c) ?? 0) + 1);
        colSum[c]++;
        total++;
      }
    }
  }
  // 3. PPMI + random projection
  const D = opts.dims;
  const rng = mulberry32(opts.seed);
  const gauss = () => {
    const u = Math.max(rng(), 1e-12), v = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const R = new Float32Array(C * D);
  for (let i = 0; i < R.length; i++) R[i] = gauss();
  const X = new Float32Array(V * D);
  for (let w = 0; w < V; w++) {
    let rs = 0;
    for (const v of rows[w].values()) rs += v;
    const o = w * D;
    for (const [c, v] of rows[w]) {
      const pmi = Math.log((v * total) / (rs * Math.pow(colSum[c], 0.75) * Math.pow(total, 0.25)));
      if (pmi <= 0) continue;
      const ro = c * D;
      for (let d = 0; d < D; d++) X[o + d] += pmi * R[ro + d];
    }
    let n = 0;
    for (let d = 0; d < D; d++) n += X[o + d] * X[o + d];
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < D; d++) X[o + d] /= n;
  }
  // 4. recursive spherical 2-means
  const codes = new Uint32Array(V);
  const c0 = new Float64Array(D), c1 = new Float64Array(D);
  const split = (members: Int32Array, code: number, depth: number) => {
    if (depth >= opts.maxDepth || members.length < 2) {
      for (const m of members) codes[m] = code;
      return;
    }
    // init: most frequent member and the member least similar to it
    const a = members[0];
    let b = members[1], worst = Infinity;
    for (const m of members) {
      let s = 0;
      for (let d = 0; d < D; d++) s += X[a * D + d] * X[m * D + d];
      if (s < worst) { worst = s; b = m; }
    }
    for (let d = 0; d < D; d++) { c0[d] = X[a * D + d]; c1[d] = X[b * D + d]; }
    const assign = new Uint8Array(members.length);
    for (let it = 0; it < 8; it++) {
      let changed = 0;
      for (let k = 0; k < members.length; k++) {
        const o = members[k] * D;
        let s0 = 0, s1 = 0;
        for (let d = 0; d < D; d++) { s0 += c0[d] * X[o + d]; s1 += c1[d] * X[o + d]; }
        const g = s1 > s0 ? 1 : 0;
        if (g !== assign[k]) changed++;
        assign[k] = g;
      }
      if (it > 0 && changed === 0) break;
      c0.fill(0); c1.fill(0);
      for (let k = 0; k < members.length; k++) {
        const o = members[k] * D;
        const c = assign[k] ? c1 : c0;
        for (let d = 0; d < D; d++) c[d] += X[o + d];
      }
      for (const c of [c0, c1]) {
        let nn = 0;
        for (let d = 0; d < D; d++) nn += c[d] * c[d];
        nn = Math.sqrt(nn) || 1;
        for (let d = 0; d < D; d++) c[d] /= nn;
      }
    }
    const left: number[] = [], right: number[] = [];
    for (let k = 0; k < members.length; k++) (assign[k] ? right : left).push(members[k]);
    if (!left.length || !right.length) {
      for (const m of members) codes[m] = code;
      return;
    }
    split(Int32Array.from(left), code * 2, depth + 1);
    split(Int32Array.from(right), code * 2 + 1, depth + 1);
  };
  split(Int32Array.from({ length: V }, (_, i) => i), 1, 0);
  const keys = new Uint32Array(V);
  for (let i = 0; i < V; i++) keys[i] = lowerHash(vocab[i][0]);
  return { keys, codes, words: vocab.map((v) => v[0]) };
}

/** Crude tokeniser for unlabelled text: whitespace split, punctuation split off token edges. */
export function roughTokenize(text: string): string[][] {
  const out: string[][] = [];
  for (const para of text.split(/\n+/)) {
    const toks: string[] = [];
    for (let w of para.split(/\s+/)) {
      if (!w) continue;
      const pre: string[] = [], post: string[] = [];
      while (w.length > 1 && /^[("'„“”«»‚‘’\[{¿¡]/.test(w)) { pre.push(w[0]); w = w.slice(1); }
      while (w.length > 1 && /[)"'“”«»‘’\]},.;:!?]$/.test(w)) {
        if (w.endsWith("'s") || w.endsWith('’s')) break;
        post.unshift(w[w.length - 1]); w = w.slice(0, -1);
      }
      toks.push(...pre);
      if (/^[A-Za-z]+'s$/.test(w)) toks.push(w.slice(0, -2), "'s");
      else toks.push(w);
      toks.push(...post);
    }
    // sentence split at . ! ? tokens
    let cur: string[] = [];
    for (const t of toks) {
      cur.push(t);
      if (t === '.' || t === '!' || t === '?') { out.push(cur); cur = []; }
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Predictive exchange clustering (one-sided class bigram model, Uszkoreit & Brants 2008 style):
// maximise sum_{c,w} N(c,w) log N(c,w) - sum_c N(c) log N(c), where N(c,w) counts word w
// following a word of class c. Several granularities give coarse-to-fine cluster ids.

export interface ExchangeOptions {
  minCount: number;
  classes: number[];
  passes: number;
  log?: (m: string) => void;
}

export interface ExchangeResult {
  words: string[];
  keys: Uint32Array;
  /** class id per granularity per word: ids[g][word] */
  ids: Uint16Array[];
  /** lowercase corpus statistics per word: count, non-initial count, capitalised non-initial count, all-caps count */
  stats: { count: Uint32Array; mid: Uint32Array; capMid: Uint32Array };
}

export function exchangeClusters(sentences: Iterable<string[]>, opts: ExchangeOptions): ExchangeResult {
  const log = opts.log ?? (() => {});
  const freq = new Map<string, number>();
  const corpus: string[][] = [];
  const rawCorpus: string[][] = [];
  for (const s of sentences) {
    const norm = s.map((t) => normalizeToken(t));
    rawCorpus.push(norm);
    const low = norm.map((t) => t.toLowerCase());
    corpus.push(low);
    for (const w of low) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const vocab = [...freq].filter(([, c]) => c >= opts.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const V = vocab.length;
  const wid = new Map<string, number>();
  vocab.forEach(([w], i) => wid.set(w, i));
  const UNK = V, EOS = V + 1, W = V + 2;
  // successor lists with counts + predecessor counts + case statistics
  const succMaps: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  const npred = new Float64Array(V);
  const count = new Uint32Array(V), mid = new Uint32Array(V), capMid = new Uint32Array(V);
  for (let si = 0; si < corpus.length; si++) {
    const s = corpus[si], raw = rawCorpus[si];
    for (let i = 0; i < s.length; i++) {
      const v = wid.get(s[i]);
      if (v === undefined) continue;
      count[v]++;
      if (i > 0 && !/^["'(\-:]$/.test(raw[i - 1])) {
        mid[v]++;
        const c = raw[i].charCodeAt(0);
        const ch = raw[i][0];
        if (ch !== ch.toLowerCase() && c !== 0) capMid[v]++;
      }
      const w = i + 1 < s.length ? wid.get(s[i + 1]) ?? UNK : EOS;
      succMaps[v].set(w, (succMaps[v].get(w) ?? 0) + 1);
      npred[v]++;
    }
  }
  const succStart = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) succStart[v + 1] = succStart[v] + succMaps[v].size;
  const succW = new Int32Array(succStart[V]);
  const succN = new Int32Array(succStart[V]);
  for (let v = 0; v < V; v++) {
    let k = succStart[v];
    for (const [w, n] of succMaps[v]) { succW[k] = w; succN[k] = n; k++; }
    succMaps[v].clear();
  }
  log(`exchange: ${corpus.length} sentences, ${V} words, ${succW.length} bigram types`);
  const FT = 1 << 16;
  const flog = new Float64Array(FT);
  for (let x = 1; x < FT; x++) flog[x] = x * Math.log(x);
  const f = (x: number) => (x < FT ? flog[x] : x * Math.log(x));

  const ids: Uint16Array[] = [];
  for (const C of opts.classes) {
    const t0 = Date.now();
    const cls = new Uint16Array(V);
    for (let v = 0; v < V; v++) cls[v] = v < C ? v : v % C;
    const N = new Int32Array(W * C);
    const Nc = new Float64Array(C);
    for (let v = 0; v < V; v++) {
      const c = cls[v];
      Nc[c] += npred[v];
      for (let k = succStart[v]; k < succStart[v + 1]; k++) N[succW[k] * C + c] += succN[k];
    }
    const delta = new Float64Array(C);
    for (let pass = 0; pass < opts.passes; pass++) {
      let moved = 0;
      for (let v = 0; v < V; v++) {
        const a = cls[v];
        const ks = succStart[v], ke = succStart[v + 1];
        for (let k = ks; k < ke; k++) N[succW[k] * C + a] -= succN[k];
        Nc[a] -= npred[v];
        delta.fill(0);
        for (let k = ks; k < ke; k++) {
          const o = succW[k] * C, n = succN[k];
          for (let b = 0; b < C; b++) {
            const x = N[o + b];
            delta[b] += f(x + n) - f(x);
          }
        }
        const np = npred[v];
        let best = a, bestD = -Infinity;
        for (let b = 0; b < C; b++) {
          const d = delta[b] - (f(Nc[b] + np) - f(Nc[b]));
          if (d > bestD + 1e-9 || (b === a && d >= bestD - 1e-9)) {
            if (b === a || d > bestD + 1e-9) { bestD = d; best = b; }
          }
        }
        if (best !== a) moved++;
        cls[v] = best;
        for (let k = ks; k < ke; k++) N[succW[k] * C + best] += succN[k];
        Nc[best] += np;
      }
      log(`exchange C=${C} pass ${pass + 1}: moved ${moved} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      if (moved < V * 0.002) break;
    }
    ids.push(cls);
  }
  const keys = new Uint32Array(V);
  for (let i = 0; i < V; i++) keys[i] = lowerHash(vocab[i][0]);
  return { words: vocab.map((v) => v[0]), keys, ids, stats: { count, mid, capMid } };
}
