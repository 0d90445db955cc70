import { describe, it, expect } from 'vitest';
import { spansFromLabels, makeLabelSpace, toBilou, NER_LABELS, GERMEVAL_TYPES } from './labels.ts';

describe('spansFromLabels', () => {
  it('extracts IOB2 spans with exclusive ends', () => {
    expect(spansFromLabels(['B-PER', 'I-PER', 'O', 'B-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
  });
  it('handles deriv/part types', () => {
    expect(spansFromLabels(['O', 'B-LOCderiv', 'B-ORGpart', 'I-ORGpart'])).toEqual([
      { start: 1, end: 2, type: 'LOCderiv' },
      { start: 2, end: 4, type: 'ORGpart' },
    ]);
  });
  it('follows conlleval: I- after O starts a chunk, a type change splits, B after B splits', () => {
    expect(spansFromLabels(['I-PER', 'I-PER'])).toEqual([{ start: 0, end: 2, type: 'PER' }]);
    expect(spansFromLabels(['B-PER', 'I-LOC'])).toEqual([
      { start: 0, end: 1, type: 'PER' },
      { start: 1, end: 2, type: 'LOC' },
    ]);
    expect(spansFromLabels(['B-ORG', 'B-ORG', 'I-ORG'])).toEqual([
      { start: 0, end: 1, type: 'ORG' },
      { start: 1, end: 3, type: 'ORG' },
    ]);
    expect(spansFromLabels(['O', 'O'])).toEqual([]);
    expect(spansFromLabels([])).toEqual([]);
  });
  it('understands BILOU', () => {
    expect(spansFromLabels(['U-PER', 'B-LOC', 'I-LOC', 'L-LOC', 'U-LOC'])).toEqual([
      { start: 0, end: 1, type: 'PER' },
      { start: 1, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
  });
});

describe('label space', () => {
  it('exposes the GermEval outer label set', () => {
    expect(NER_LABELS.de).toContain('B-LOCderiv');
    expect(NER_LABELS.de).toContain('I-ORGpart');
    expect(NER_LABELS.de).toContain('B-OTH');
    expect(NER_LABELS.de.length).toBe(1 + 2 * GERMEVAL_TYPES.length);
    expect(NER_LABELS.en).toEqual(['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC']);
  });
  it('converts IOB2 to BILOU and constrains transitions', () => {
    const sp = makeLabelSpace(['PER', 'LOC']);
    const ids = toBilou(sp, ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-MISC']);
    expect([...ids].map((i) => sp.labels[i])).toEqual(['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC', 'O']);
    const n = sp.labels.length;
    const B = sp.labels.indexOf('B-PER'), L = sp.labels.indexOf('L-PER'), O = 0, ILOC = sp.labels.indexOf('I-LOC');
    expect(sp.allowed[B * n + L]).toBe(1);
    expect(sp.allowed[B * n + O]).toBe(0);
    expect(sp.allowed[B * n + ILOC]).toBe(0);
    expect(sp.allowed[n * n + B]).toBe(1); // sentence start
    expect(sp.allowed[n * n + L]).toBe(0);
    expect(sp.iob2[L]).toBe('I-PER');
    expect(sp.iob2[sp.labels.indexOf('U-LOC')]).toBe('B-LOC');
  });
});
