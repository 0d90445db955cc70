import { describe, it, expect } from 'vitest';
import { BeamStep } from './beam.ts';
import { encodeModel, decodeModel, type ModelData } from './model.ts';
import { DEFAULT_FEATURE_CONFIG, SentenceBuffer, T, lowerHash, type FeatureConfig } from './features.ts';
import { HashIndex, fnv, mix } from './hash.ts';
import { tagDocument } from './tagger.ts';
import { handModel } from './hand-model.ts';
import { train } from './trainer.ts';

describe('BeamStep', () => {
  it('keeps the best distinct states in descending order', () => {
    const b = new BeamStep(3);
    b.push(1, 0, 1, 10);
    b.push(5, 0, 2, 20);
    b.push(3, 0, 3, 30);
    b.push(2, 0, 4, 40); // replaces the worst (1)
    expect(Array.from(b.score.subarray(0, b.m))).toEqual([5, 3, 2]);
    b.push(4, 1, 5, 40); // same state as the entry scoring 2: recombined, not duplicated
    expect(Array.from(b.score.subarray(0, b.m))).toEqual([5, 4, 3]);
    expect(Array.from(b.key.subarray(0, b.m))).toEqual([20, 40, 30]);
    b.push(0.5, 0, 6, 50); // too low
    b.push(3.5, 0, 7, 20); // lower than its own state's entry
    expect(Array.from(b.label.subarray(0, b.m))).toEqual([2, 5, 3]);
  });
});

/** "New" slightly prefers O, but "York" is a strong L-LOC: greedy decoding cannot reach it, a beam can. */
function lookaheadModel(beam: number): ModelData {
  return handModel((id) => [
    [mix(T.BIAS, 0), [[id('O'), 10]]],
    [mix(T.WORD, fnv('New')), [[id('B-LOC'), 8]]],
    [mix(T.WORD, fnv('York')), [[id('L-LOC'), 50]]],
  ], { scale: 1, features: { beam } });
}

describe('beam decoding', () => {
  it('finds a better label sequence than greedy decoding and keeps BILOU well-formed', () => {
    const sents = [['in', 'New', 'York', '.'], ['New']];
    expect(tagDocument(decodeModel(encodeModel(lookaheadModel(1))), sents)).toEqual([['O', 'O', 'O', 'O'], ['O']]);
    const beam = tagDocument(decodeModel(encodeModel(lookaheadModel(4))), sents);
    expect(beam).toEqual([['O', 'B-LOC', 'I-LOC', 'O'], ['O']]);
  });
});

describe('compound heads', () => {
  it('fire the longest known suffix of a long word', () => {
    const cfg: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, clusterPrefixes: [], compoundHead: true };
    const clusters = new HashIndex(4);
    clusters.set(lowerHash('ministerium'), 0b1011);
    clusters.set(lowerHash('sterium'), 0b1001);
    const buf = new SentenceBuffer(cfg);
    buf.extract(cfg, { clusters, gaz: null, gazMaxLen: 0 }, ['Bundesjustizministerium', 'Amt']);
    const f0 = Array.from(buf.feats.subarray(0, buf.slots));
    expect(f0).toContain(mix(T.HEAD, lowerHash('ministerium')));
    expect(f0).not.toContain(mix(T.HEAD, lowerHash('sterium')));
    const f1 = Array.from(buf.feats.subarray(buf.slots, 2 * buf.slots));
    expect(f1.some((f) => f === mix(T.HEAD, lowerHash('amt')))).toBe(false);
  });
});

describe('structured (beam) training', () => {
  it('learns a small training set and is deterministic', () => {
    const docs = [
      [
        { tokens: ['Anna', 'Schmidt', 'wohnt', 'in', 'Bad', 'Homburg', '.'], labels: ['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'I-LOC', 'O'] },
        { tokens: ['Peter', 'fährt', 'nach', 'Bad', 'Ems', '.'], labels: ['B-PER', 'O', 'O', 'B-LOC', 'I-LOC', 'O'] },
      ],
      [{ tokens: ['Bad', 'ist', 'das', 'Wetter', 'in', 'Rom', '.'], labels: ['O', 'O', 'O', 'O', 'O', 'B-LOC', 'O'] }],
    ];
    const run = () =>
      train(docs, {
        lang: 'xx', types: ['PER', 'LOC'], epochs: 8, seed: 1, minCount: 1, maxFeatureBytes: 1e6,
        features: { clusterPrefixes: [], beam: 4 }, beamUpdate: 'early',
      });
    const a = encodeModel(run());
    expect(encodeModel(run())).toEqual(a);
    const m = decodeModel(a);
    expect(m.cfg.beam).toBe(4);
    for (const d of docs) expect(tagDocument(m, d.map((s) => s.tokens))).toEqual(d.map((s) => s.labels));
  });
});
