import { describe, it, expect } from 'vitest';
import { normalizeToken } from './normalize.ts';
import { SentenceBuffer, DEFAULT_FEATURE_CONFIG, staticSlots, intrinsicSlots, lowerHash, phraseHash, prefixCode, T, neighbourHashes, CTX_SLOT, type Resources, type FeatureConfig } from './features.ts';
import { fnv, mix, HashIndex } from './hash.ts';

const cfg = { ...DEFAULT_FEATURE_CONFIG, stem: true, hyphGaz: true };
const noRes: Resources = { clusters: null, gaz: null, gazMaxLen: 0 };

function featsOf(tokens: string[], res = noRes) {
  const b = new SentenceBuffer(cfg);
  b.extract(cfg, res, tokens);
  const out: number[][] = [];
  for (let i = 0; i < b.n; i++) out.push([...b.feats.subarray(i * b.slots, (i + 1) * b.slots)]);
  return out;
}

describe('normalizeToken', () => {
  it('maps typographic quotes and dashes to ASCII', () => {
    expect(normalizeToken('„')).toBe('"');
    expect(normalizeToken('“')).toBe('"');
    expect(normalizeToken('»')).toBe('"');
    expect(normalizeToken('‚')).toBe("'");
    expect(normalizeToken('’s')).toBe("'s");
    expect(normalizeToken('–')).toBe('-');
    expect(normalizeToken('Nord—Süd')).toBe('Nord-Süd');
    expect(normalizeToken('Ber\u00adlin')).toBe('Berlin');
    expect(normalizeToken('Berlin')).toBe('Berlin');
  });
});

describe('feature extraction', () => {
  it('is deterministic and fills the configured number of slots', () => {
    const a = featsOf(['Angela', 'Merkel', 'kam', '.']);
    const b = featsOf(['Angela', 'Merkel', 'kam', '.']);
    expect(a).toEqual(b);
    expect(a[0].length).toBe(staticSlots(cfg));
    expect(intrinsicSlots(cfg)).toBeLessThan(staticSlots(cfg));
    expect(a[0]).toContain(mix(T.LOWER, fnv('angela')));
  });
  it('gives typographic and ASCII punctuation the same features', () => {
    expect(featsOf(['„', 'Bild', '“'])).toEqual(featsOf(['"', 'Bild', '"']));
    expect(featsOf(['Trump', '’s'])).toEqual(featsOf(['Trump', "'s"]));
  });
  it('distinguishes case through word and shape features but shares the lowercase feature', () => {
    const [up] = featsOf(['Berlin']);
    const [low] = featsOf(['berlin']);
    expect(up).not.toEqual(low);
    expect(up[2]).toBe(low[2]); // LOWER slot
    expect(up[1]).not.toBe(low[1]); // WORD slot
  });
  it('context features depend on neighbours', () => {
    const a = featsOf(['in', 'Berlin']);
    const b = featsOf(['aus', 'Berlin']);
    const I = intrinsicSlots(cfg);
    expect(a[1].slice(0, I)).toEqual(b[1].slice(0, I));
    expect(a[1].slice(I)).not.toEqual(b[1].slice(I));
  });
  it('fires gazetteer features with BILOU positions for multi-token matches', () => {
    const gaz = new HashIndex(4);
    gaz.set(phraseHash(['new', 'york']), 1 << 2);
    const res = { clusters: null, gaz, gazMaxLen: 3 };
    const f = featsOf(['in', 'New', 'York', 'City'], res);
    const g0 = mix(T.GAZ, 2 * 4 + 0 + 64), g2 = mix(T.GAZ, 2 * 4 + 2 + 64);
    expect(f[1]).toContain(g0);
    expect(f[2]).toContain(g2);
    expect(f[0]).not.toContain(g0);
  });
  it('uses cluster path prefixes', () => {
    expect(prefixCode(0b1101101, 2)).toBe(0b110);
    expect(prefixCode(0b1101101, 0)).toBe(0b1101101);
    expect(prefixCode(0b11, 6)).toBe(0b11);
    const clusters = new HashIndex(2);
    clusters.set(lowerHash('Paris'), 0b110101);
    const f = featsOf(['Paris'], { clusters, gaz: null, gazMaxLen: 0 });
    expect(f[0]).toContain(mix(T.CLUSTER, mix(4, 0b11010)));
  });
});

describe('neighbour-decomposable features', () => {
  const check = (c: FeatureConfig, res: Resources) => {
    const toks = ['Der', 'Präsident', 'Wladimir', 'Putin', 'sagte', 'am', 'Montag', '.'];
    const b = new SentenceBuffer(c);
    b.extract(c, res, toks);
    const I = intrinsicSlots(c);
    const nb = new Uint32Array(10);
    for (let j = 0; j < toks.length; j++) {
      neighbourHashes(c, b.hL[j], b.ss[j], b.cl[j], nb);
      const slot = (i: number, s: number) => b.feats[i * b.slots + I + s];
      if (j + 1 < toks.length) expect([nb[0], nb[1], nb[2]]).toEqual([slot(j + 1, CTX_SLOT.LOWER_M1), slot(j + 1, CTX_SLOT.SS_M1), slot(j + 1, CTX_SLOT.CL_M1)]);
      if (j > 0) expect([nb[3], nb[4], nb[5]]).toEqual([slot(j - 1, CTX_SLOT.LOWER_P1), slot(j - 1, CTX_SLOT.SS_P1), slot(j - 1, CTX_SLOT.CL_P1)]);
      if (j + 2 < toks.length) expect([nb[6], nb[7]]).toEqual([slot(j + 2, CTX_SLOT.LOWER_M2), slot(j + 2, CTX_SLOT.SS_M2)]);
      if (j > 1) expect([nb[8], nb[9]]).toEqual([slot(j - 2, CTX_SLOT.LOWER_P2), slot(j - 2, CTX_SLOT.SS_P2)]);
    }
  };
  it('agree with the extractor (path clusters)', () => {
    const clusters = new HashIndex(4);
    clusters.set(lowerHash('Putin'), 0b1011011);
    clusters.set(lowerHash('Montag'), 0b110);
    check(cfg, { clusters, gaz: null, gazMaxLen: 0 });
  });
  it('agree with the extractor (exchange cluster fields, no +-2 window)', () => {
    const c: FeatureConfig = { ...cfg, clusterPrefixes: [], clusterFields: [[0, 6], [6, 8]], clusterCtxField: 1, profileField: [24, 6], noWindow2: true };
    const clusters = new HashIndex(4);
    clusters.set(lowerHash('Putin'), (1 << 30) | (5 << 24) | (77 << 6) | 3);
    check(c, { clusters, gaz: null, gazMaxLen: 0 });
  });
});
