/**
 * ROUGE-N (Lin 2004) on lower-cased word tokens, without stemming or stop-word removal:
 * clipped n-gram overlap between a candidate and one reference, as precision, recall and F1.
 */
export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export const rougeTokens = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function ngrams(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export function rougeN(candidate: string, reference: string, n: number): Prf {
  const c = ngrams(rougeTokens(candidate), n);
  const r = ngrams(rougeTokens(reference), n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const p = total(c) ? overlap / total(c) : 0;
  const rec = total(r) ? overlap / total(r) : 0;
  return { p, r: rec, f1: p + rec ? (2 * p * rec) / (p + rec) : 0 };
}
