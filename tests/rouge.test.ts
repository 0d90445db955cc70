import { describe, expect, it } from 'vitest';
import { rougeN } from '../scripts/rouge';

describe('ROUGE-N', () => {
  it('scores unigram and bigram overlap with clipped counts', () => {
    const r1 = rougeN('the cat sat on the mat', 'the cat was on the mat', 1);
    // overlap: the×2, cat, on, mat = 5 of 6 on both sides
    expect(r1.p).toBeCloseTo(5 / 6);
    expect(r1.r).toBeCloseTo(5 / 6);
    const r2 = rougeN('the cat sat on the mat', 'the cat was on the mat', 2);
    // bigrams shared: "the cat", "on the", "the mat" = 3 of 5
    expect(r2.f1).toBeCloseTo(3 / 5);
  });

  it('ignores case and punctuation and is 0 without overlap', () => {
    expect(rougeN('Putin, Witkoff!', 'putin witkoff', 1).f1).toBe(1);
    expect(rougeN('a b c', 'd e f', 2).f1).toBe(0);
    expect(rougeN('', 'x', 1).f1).toBe(0);
  });
});
