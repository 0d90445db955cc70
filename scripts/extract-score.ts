/** Scores for article extraction against the saved pages' expectations (scripts/eval-extract.ts). */
import { normalizeSpace } from '../lib/extract';

export const fold = (s: string) => normalizeSpace(s).toLowerCase();
const words = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Precision, recall and F1 of the word multiset of `got` against `want`. */
export function wordOverlap(got: string, want: string): { p: number; r: number; f1: number } {
  const count = new Map<string, number>();
  const w = words(want);
  for (const x of w) count.set(x, (count.get(x) ?? 0) + 1);
  const g = words(got);
  let hit = 0;
  for (const x of g) {
    const n = count.get(x) ?? 0;
    if (n > 0) {
      hit++;
      count.set(x, n - 1);
    }
  }
  const p = g.length ? hit / g.length : w.length ? 0 : 1;
  const r = w.length ? hit / w.length : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

