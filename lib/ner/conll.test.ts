import { describe, it, expect } from 'vitest';
import { parseConll, SpanScorer, restrictLabels } from './conll.ts';

describe('parseConll', () => {
  it('reads GermEval TSV with # lines and index column', () => {
    const txt = '#\thttp://a\t[2010]\t\n1\tIn\tO\tO\n2\tBerlin\tB-LOC\tO\n\n#\thttp://b\t[2010]\t\n1\t#\tO\tO\n2\tdeutsche\tB-LOCderiv\tO\n';
    const p = parseConll(txt);
    expect(p.format).toBe('germeval-tsv');
    expect(p.lang).toBe('de');
    expect(p.docs.length).toBe(2);
    expect(p.docs[1][0]).toEqual({ tokens: ['#', 'deutsche'], labels: ['O', 'B-LOCderiv'] });
  });
  it('reads the 3-column iob2 conversion', () => {
    const p = parseConll('Schartau\tB-PER\tO\nsagte\tO\tO\n\n#\tO\tO\n');
    expect(p.format).toBe('iob2');
    expect(p.docs.map((d) => d[0].tokens)).toEqual([['Schartau', 'sagte'], ['#']]);
  });
  it('reads CoNLL-2003 with -DOCSTART- documents', () => {
    const p = parseConll('-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nX NN B-NP O');
    expect(p.format).toBe('conll2003');
    expect(p.lang).toBe('en');
    expect(p.docs.length).toBe(2);
    expect(p.docs[0].length).toBe(2);
    expect(p.docs[0][0].labels).toEqual(['B-ORG', 'O']);
  });
});

describe('SpanScorer (conlleval rules)', () => {
  it('scores exact spans only', () => {
    const s = new SpanScorer();
    s.add(['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'O', 'O', 'B-LOC']);
    const r = s.result();
    expect(r.PER).toEqual({ p: 0, r: 0, f1: 0 });
    expect(r.LOC).toEqual({ p: 1, r: 1, f1: 1 });
    expect(r.overall.p).toBe(0.5);
    expect(r.overall.r).toBe(0.5);
  });
  it('treats I- after O as a chunk start and counts type mismatches as errors', () => {
    const s = new SpanScorer();
    s.add(['B-ORG', 'I-ORG'], ['I-ORG', 'I-ORG']);
    s.add(['B-ORG'], ['B-LOC']);
    const r = s.result();
    expect(s.counts.ORG).toEqual({ tp: 1, pred: 1, gold: 2 });
    expect(s.counts.LOC).toEqual({ tp: 0, pred: 1, gold: 0 });
    expect(r.ORG.p).toBe(1);
    expect(r.ORG.r).toBe(0.5);
  });
  it('ignores deriv/part/OTH/MISC for PER/LOC/ORG figures', () => {
    expect(restrictLabels(['B-LOCderiv', 'B-PER', 'I-PER', 'B-MISC', 'B-OTH', 'B-ORGpart'], ['PER', 'LOC', 'ORG'])).toEqual([
      'O', 'B-PER', 'I-PER', 'O', 'O', 'O',
    ]);
    const s = new SpanScorer();
    s.add(['B-LOCderiv', 'B-MISC'], ['B-LOC', 'O']);
    expect(s.counts.LOC).toEqual({ tp: 0, pred: 1, gold: 0 });
    expect(s.result().overall.p).toBe(0);
  });
  it('handles empty input', () => {
    expect(new SpanScorer().result().overall).toEqual({ p: 0, r: 0, f1: 0 });
  });
});
