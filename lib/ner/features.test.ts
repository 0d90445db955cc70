import { describe, it, expect } from 'vitest';
import { normalizeToken } from './normalize.ts';
import { SentenceBuffer, DEFAULT_FEATURE_CONFIG, staticSlots, intrinsicSlots, lowerHash, phraseHash, prefixCode, T, type Resources } from './features.ts';
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
