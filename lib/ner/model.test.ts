import { describe, it, expect } from 'vitest';
import { encodeModel, parseModel, decodeModel, type ModelData } from './model.ts';
import { T, phraseHash } from './features.ts';
import { fnv, mix } from './hash.ts';
import { makeLabelSpace } from './labels.ts';
import { tagDocument, setTokenCacheSize } from './tagger.ts';
import { spansFromLabels } from './labels.ts';
import { S2 } from './stage2.ts';
import { handModel } from './hand-model.ts';

/** A tiny hand-made model: "Anna" is a person (U-PER), capitalised word after "in" is a place. */
function tinyModel(): ModelData {
  return handModel((id) => [
    [mix(T.BIAS, 0), [[id('O'), 10]]],
    [mix(T.WORD, fnv('Anna')), [[id('U-PER'), 50]]],
    [mix(T.LOWER_M1, fnv('in')), [[id('U-LOC'), 30], [id('O'), -5]]],
    [mix(T.LOWER, fnv('in')), [[id('U-LOC'), -100]]],
  ], { scale: 0.5, info: { note: 'test' } });
}

describe('model serialisation', () => {
  it('round-trips through encode/parse', () => {
    const d = tinyModel();
    d.clusterKeys = Uint32Array.from([1, 2, 0xffffffff]);
    d.clusterCodes = Uint32Array.from([5, 6, 7]);
    d.gazKeys = Uint32Array.from([9]);
    d.gazMasks = Uint16Array.from([0x8001]);
    d.entryWeights[0] = -32768;
    const bytes = encodeModel(d);
    expect(bytes.length % 4).toBe(0);
    const back = parseModel(bytes);
    expect(back).toEqual(d);
    // also from an unaligned copy
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(parseModel(shifted)).toEqual(d);
  });
  it('rejects garbage', () => {
    expect(() => decodeModel(new Uint8Array(32))).toThrow();
  });
});

describe('tagging with a hand-made model', () => {
  it('decodes and tags', () => {
    const m = decodeModel(encodeModel(tinyModel()));
    const out = tagDocument(m, [['Anna', 'wohnt', 'in', 'Rom', '.'], ['Anna']]);
    expect(out).toEqual([['B-PER', 'O', 'O', 'B-LOC', 'O'], ['B-PER']]);
    expect(spansFromLabels(out[0])).toEqual([
      { start: 0, end: 1, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
    expect(tagDocument(m, [[]])).toEqual([[]]);
  });
  it('gives identical results with a tiny token cache (cache overflow path)', () => {
    const sents = [['Anna', 'in', 'Rom', 'und', 'Anna', 'in', 'Paris', 'mit', 'Anna']];
    const big = tagDocument(decodeModel(encodeModel(tinyModel())), sents);
    setTokenCacheSize(2);
    const small = decodeModel(encodeModel(tinyModel()));
    const a = tagDocument(small, sents);
    const b = tagDocument(small, sents);
    setTokenCacheSize(40000);
    expect(a).toEqual(big);
    expect(b).toEqual(big);
  });
});

describe('second pass (stacking) table', () => {
  it('round-trips and is applied on top of the first pass', () => {
    const d = tinyModel();
    const sp = makeLabelSpace(d.header.types);
    const uloc = sp.labels.indexOf('U-LOC');
    // second pass: a first-pass U-LOC label strongly prefers O
    d.stage2 = {
      featKeys: Uint32Array.from([mix(S2.P0, uloc + 1)]),
      featCounts: Uint8Array.from([1]),
      entryLabels: Uint8Array.from([0]),
      entryWeights: Int16Array.from([1000]),
    };
    d.header.stage2 = { scale: 1, mult: 1 };
    const bytes = encodeModel(d);
    expect(parseModel(bytes)).toEqual(d);
    const m = decodeModel(bytes);
    expect(m.stage2).not.toBeNull();
    expect(tagDocument(m, [['Anna', 'wohnt', 'in', 'Rom']])).toEqual([['B-PER', 'O', 'O', 'O']]);
  });
});

describe('32-bit gazetteer masks', () => {
  it('round-trip and reach the tagger (category >= 16)', () => {
    const d = tinyModel();
    const sp = makeLabelSpace(d.header.types);
    const ph = phraseHash(['Zorbania']);
    d.header.gazMaxLen = 1;
    d.header.gazMask32 = true;
    d.gazKeys = Uint32Array.from([ph]);
    d.gazMasks = Uint32Array.from([1 << 17]);
    const gazFeat = mix(T.GAZ, 17 * 4 + 3);
    d.featKeys = Uint32Array.from([...d.featKeys, gazFeat]);
    d.featCounts = Uint8Array.from([...d.featCounts, 1]);
    d.entryLabels = Uint8Array.from([...d.entryLabels, sp.labels.indexOf('U-LOC')]);
    d.entryWeights = Int16Array.from([...d.entryWeights, 80]);
    const bytes = encodeModel(d);
    const back = parseModel(bytes);
    expect(back.gazMasks).toBeInstanceOf(Uint32Array);
    expect(Array.from(back.gazMasks)).toEqual([1 << 17]);
    const m = decodeModel(bytes);
    expect(spansFromLabels(tagDocument(m, [['Nach', 'Zorbania', '.']])[0])).toEqual([{ start: 1, end: 2, type: 'LOC' }]);
  });
});

describe('runtime feature config', () => {
  it('keeps every feature switch the model header sets (beam decoding, compound heads)', () => {
    const data = tinyModel();
    data.header.features = { ...data.header.features, beam: 4, compoundHead: true, headMin: 5, prevCluster: true, genitive: true, compoundMod: true, headGaz: true, lex: true, lexHead: true, lexGen: true, lexCtx: true, lexNext: true, lexPrevWord: true };
    const m = decodeModel(encodeModel(data));
    for (const [k, v] of Object.entries(data.header.features)) expect((m.cfg as unknown as Record<string, unknown>)[k], k).toEqual(v);
  });
});
