/**
 * Word lexicon of the tagger: lowercase-word hash (lowerHash) -> bit mask of what the word is known as
 * (a frequency-rank bucket, a German common-noun form, a first name, a surname, a place, a country,
 * an organisation's legal form, a frequent word of the other language). Built by
 * scripts/build-ner-lexicons.ts into assets/lexicon/ner-lex-<lang>.bin and baked into the model file by
 * scripts/train-ner.ts (an optional model section, see model.ts).
 *
 * File format (little-endian): "NLX1", word count n, phrase count m, n sorted word hashes (u32),
 * n masks (u16, padded to 4 bytes), m sorted phrase hashes (u32, multi-word place names, phraseHash).
 */
export const LEX = {
  /** frequency-rank bucket 1..6 (0 = in no frequency list), see freqBucket */
  FREQ_MASK: 7,
  NOUN: 1 << 3,
  FIRST: 1 << 4,
  SURNAME: 1 << 5,
  PLACE: 1 << 6,
  COUNTRY: 1 << 7,
  LEGAL: 1 << 8,
  FOREIGN: 1 << 9,
} as const;

/** the bits that come from name lists (hidden together by gazetteer dropout while training) */
export const LEX_NAME_BITS = LEX.FIRST | LEX.SURNAME | LEX.PLACE | LEX.COUNTRY | LEX.LEGAL;

/** bucket of a 0-based frequency rank: 1 (< 100) .. 6 (>= 40,000) */
export function freqBucket(rank: number): number {
  return rank < 100 ? 1 : rank < 1000 ? 2 : rank < 5000 ? 3 : rank < 15000 ? 4 : rank < 40000 ? 5 : 6;
}

const MAGIC = 0x31584c4e; // "NLX1"

export interface Lexicon {
  keys: Uint32Array;
  masks: Uint16Array;
  phrases: Uint32Array;
}

export function encodeLexicon(words: Map<number, number>, phrases: Set<number>): Uint8Array {
  const keys = Uint32Array.from([...words.keys()].sort((a, b) => a - b));
  const ph = Uint32Array.from([...phrases].sort((a, b) => a - b));
  const n = keys.length, m = ph.length;
  const size = 12 + n * 4 + ((n * 2 + 3) & ~3) + m * 4;
  const dv = new DataView(new ArrayBuffer(size));
  let o = 0;
  dv.setUint32(o, MAGIC, true); o += 4;
  dv.setUint32(o, n, true); o += 4;
  dv.setUint32(o, m, true); o += 4;
  for (let i = 0; i < n; i++, o += 4) dv.setUint32(o, keys[i], true);
  for (let i = 0; i < n; i++) dv.setUint16(o + i * 2, words.get(keys[i])!, true);
  o += (n * 2 + 3) & ~3;
  for (let i = 0; i < m; i++, o += 4) dv.setUint32(o, ph[i], true);
  return new Uint8Array(dv.buffer);
}

export function decodeLexicon(bytes: Uint8Array): Lexicon {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || dv.getUint32(0, true) !== MAGIC) throw new Error('not an NER lexicon');
  const n = dv.getUint32(4, true), m = dv.getUint32(8, true);
  let o = 12;
  const keys = new Uint32Array(n), masks = new Uint16Array(n), phrases = new Uint32Array(m);
  for (let i = 0; i < n; i++, o += 4) keys[i] = dv.getUint32(o, true);
  for (let i = 0; i < n; i++) masks[i] = dv.getUint16(o + i * 2, true);
  o += (n * 2 + 3) & ~3;
  for (let i = 0; i < m; i++, o += 4) phrases[i] = dv.getUint32(o, true);
  return { keys, masks, phrases };
}

/**
 * Lookup over a word lexicon's sorted hashes: the top 16 bits of a hash select a bucket (a run of the
 * sorted keys), which is scanned. Building it is one pass over the keys, so a model loads fast.
 */
export class LexIndex {
  /** bucket b holds keys[starts[b] .. starts[b + 1]) */
  private starts = new Uint32Array(65537);
  constructor(
    private keys: Uint32Array,
    private masks: Uint16Array,
  ) {
    const st = this.starts;
    let b = 0;
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && keys[i] < keys[i - 1]) throw new Error('lexicon keys must be sorted');
      const kb = keys[i] >>> 16;
      while (b <= kb) st[b++] = i;
    }
    while (b <= 65536) st[b++] = keys.length;
  }

  /** The bits of a lowercase-word hash, or -1 when the word is not in the lexicon. */
  get(h: number): number {
    const b = h >>> 16;
    const keys = this.keys;
    for (let i = this.starts[b], end = this.starts[b + 1]; i < end; i++) {
      const k = keys[i];
      if (k === h) return this.masks[i];
      if (k > h) return -1;
    }
    return -1;
  }
}

/** Lookup index of a word lexicon (keys sorted ascending, and their bit masks). */
export function lexIndex(keys: Uint32Array, masks: Uint16Array): LexIndex {
  return new LexIndex(keys, masks);
}
