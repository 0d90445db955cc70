import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEX, LexIndex, decodeLexicon, encodeLexicon, freqBucket } from './lexicon.ts';
import { DEFAULT_FEATURE_CONFIG, SentenceBuffer, T, commonWord, intrinsicSlots, lexNameSlots, lowerHash, type FeatureConfig, type Resources } from './features.ts';
import { mix } from './hash.ts';
import { decodeModel, encodeModel, parseModel } from './model.ts';
import { handModel } from './hand-model.ts';
import { setTokenCacheSize, tagDocument } from './tagger.ts';
import { train } from './trainer.ts';
import { spansFromLabels } from './labels.ts';

function lexOf(entries: [string, number][]): { keys: Uint32Array; masks: Uint16Array } {
  const m = new Map(entries.map(([w, b]) => [lowerHash(w), b]));
  const d = decodeLexicon(encodeLexicon(m, new Set()));
  return { keys: d.keys, masks: d.masks };
}

describe('word lexicon file and index', () => {
  it('round-trips words, masks and phrases, and finds exactly the words it holds', () => {
    const words = new Map<number, number>([[5, 1], [0xffffffff, LEX.NOUN], [0x10000, LEX.PLACE | 3], [0xffff, 2]]);
    const d = decodeLexicon(encodeLexicon(words, new Set([7, 3])));
    expect([...d.keys]).toEqual([5, 0xffff, 0x10000, 0xffffffff]);
    expect([...d.masks]).toEqual([1, 2, LEX.PLACE | 3, LEX.NOUN]);
    expect([...d.phrases]).toEqual([3, 7]);
    const ix = new LexIndex(d.keys, d.masks);
    for (const [k, v] of words) expect(ix.get(k)).toBe(v);
    for (const k of [0, 4, 6, 0xfffe, 0x10001, 0xfffffffe]) expect(ix.get(k)).toBe(-1);
    expect(() => decodeLexicon(new Uint8Array(16))).toThrow();
  });
  it('buckets frequency ranks', () => {
    expect([0, 99, 100, 999, 1000, 4999, 5000, 14999, 15000, 39999, 40000].map(freqBucket)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
  });
  it('travels inside the model file', () => {
    const d = handModel(() => [[mix(T.BIAS, 0), [[0, 1]]]], { scale: 1, features: { lex: true } });
    const l = lexOf([['Klingel', LEX.NOUN | 2], ['Anna', LEX.FIRST]]);
    d.lexKeys = l.keys;
    d.lexMasks = l.masks;
    const back = parseModel(encodeModel(d));
    expect(back.lexKeys).toEqual(d.lexKeys);
    expect(back.lexMasks).toEqual(d.lexMasks);
    expect(decodeModel(encodeModel(d)).res.lex?.get(lowerHash('anna'))).toBe(LEX.FIRST);
  });
});

describe('lexicon features', () => {
  const cfg: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, lex: true, lexHead: true, lexGen: true };
  const lx = lexOf([['Klingel', 3], ['Hannover', LEX.PLACE | 2], ['Anna', LEX.FIRST | 4], ['Bims', LEX.NOUN]]);
  const res: Resources = { clusters: null, gaz: null, gazMaxLen: 0, lex: new LexIndex(lx.keys, lx.masks) };
  const featsOf = (tokens: string[]) => {
    const b = new SentenceBuffer(cfg);
    b.extract(cfg, res, tokens);
    return tokens.map((_, i) => [...b.feats.subarray(i * b.slots, i * b.slots + intrinsicSlots(cfg))]);
  };
  it('marks a common word, a compound whose head is one, a capitalised unknown word and a place genitive', () => {
    const [klingel, tuerklingel, wunderlich, hannovers, anna, bims] = featsOf(['Klingel', 'Türklingel', 'Wunderlich', 'Hannovers', 'Anna', 'Bims']);
    expect(klingel).toContain(mix(T.LEX_NOUN, 4 | 1)); // frequent and in no name list
    expect(bims).toContain(mix(T.LEX_NOUN, 4 | 1)); // a known noun form
    expect(anna).toContain(mix(T.LEX_NOUN, 1)); // frequent, but a first name
    expect(tuerklingel).toContain(mix(T.LEX_NOUN, 2 | 1));
    expect(wunderlich).toContain(mix(T.LEX_NOUN, 1));
    expect(wunderlich).toContain(mix(T.LEX, 1)); // capitalised and in no list
    expect(hannovers).toContain(mix(T.LEX_GEN, LEX.PLACE));
    expect(anna).toContain(mix(T.LEX_NAME, (LEX.FIRST << 1) | 1));
    expect(anna).toContain(mix(T.LEX_FREQ, (4 << 1) | 1));
  });
  it('names the slots that gazetteer dropout hides', () => {
    const [anna] = featsOf(['Anna']);
    const slots = lexNameSlots(cfg);
    expect(slots.map((k) => anna[k])).toEqual([mix(T.LEX, ((LEX.FIRST | 4) << 2) | 1), 0, mix(T.LEX_NAME, (LEX.FIRST << 1) | 1)]);
  });
});

describe('training with the lexicon', () => {
  // Nothing but the lexicon tells the unseen noun "Schrank" from the unseen name "Zorbak" in the same place.
  const lx = lexOf([['Klingel', 3], ['Tür', 2], ['Wand', 3], ['Schrank', 4]]);
  const s = (text: string, per: string[]) => {
    const tokens = text.split(' ');
    return { tokens, labels: tokens.map((t) => (per.includes(t) ? 'B-PER' : 'O')) };
  };
  const docs = [
    [s('Gestern sagte Huber , der Klingel sei kaputt .', ['Huber']), s('Gestern sagte Maier , der Tür sei kaputt .', ['Maier'])],
    [s('Gestern sagte Wand , der Brandt sei kaputt .', ['Brandt']), s('Gestern sagte Klingel , der Huber sei kaputt .', ['Huber'])],
    [s('Gestern sagte Brandt , der Wand sei kaputt .', ['Brandt']), s('Gestern sagte Tür , der Maier sei kaputt .', ['Maier'])],
  ];
  const run = (lexDrop: number) =>
    train(docs, {
      lang: 'xx', types: ['PER', 'LOC'], epochs: 10, seed: 1, minCount: 1, maxFeatureBytes: 1e6, lex: lx, lexDrop,
      features: { clusterPrefixes: [], beam: 4, lex: true, lexHead: true, lexGen: true, lexCtx: true, lexNext: true, lexPrevWord: true }, beamUpdate: 'early',
    });
  it('tells an unseen name from an unseen known noun in the same sentence, deterministically', () => {
    const bytes = encodeModel(run(0.1));
    expect(encodeModel(run(0.1))).toEqual(bytes);
    const m = decodeModel(bytes);
    const test = [['Gestern', 'sagte', 'Zorbak', ',', 'der', 'Schrank', 'sei', 'kaputt', '.']];
    const want = [['O', 'O', 'B-PER', 'O', 'O', 'O', 'O', 'O', 'O']];
    expect(tagDocument(m, test)).toEqual(want);
    // the same from the token cache, and with a cache too small to hold the sentence
    expect(tagDocument(m, test)).toEqual(want);
    setTokenCacheSize(2);
    const small = decodeModel(bytes);
    expect(tagDocument(small, [...test, ...test])).toEqual([...want, ...want]);
    setTokenCacheSize(40000);
  });
});

describe('the shipped German model with its lexicon', () => {
  const model = decodeModel(new Uint8Array(readFileSync(join(import.meta.dirname, '../../assets/models/ner-de.bin'))));
  const spans = (s: string) => {
    const toks = s.split(' ');
    return spansFromLabels(tagDocument(model, [toks])[0]).map((x) => `${x.type}:${toks.slice(x.start, x.end).join(' ')}`);
  };
  it('carries the lexicon', () => {
    expect(model.cfg.lex).toBe(true);
    expect(model.res.lex?.get(lowerHash('Kundenhotline'))).toBe(-1);
    expect(commonWord(model.res.lex?.get(lowerHash('Klingel')) ?? 0)).toBe(true);
    expect(commonWord(model.res.lex?.get(lowerHash('Anna')) ?? 0)).toBe(false);
  });
  it('does not take a common noun after "an der" for a place, while the real name in the sentence is a person', () => {
    // the model before the lexicon tagged Türklingel LOC here (a compound whose head, Klingel, is a common word)
    expect(spans('Zum Saisonstart klingelte Petra Wunderlich an der Türklingel .')).toEqual(['PER:Petra Wunderlich']);
  });
});
