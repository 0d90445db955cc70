/** Binary model format (little-endian) and decoding. Pure: runs in browsers, workers and Node. */
import { HashIndex } from './hash.ts';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig, type Resources } from './features.ts';
import { makeLabelSpace, type LabelSpace } from './labels.ts';

export const MODEL_MAGIC = 0x3152454e; // "NER1"
export const MODEL_VERSION = 1;

export interface ModelHeader {
  lang: string;
  types: string[];
  features: FeatureConfig;
  gazMaxLen: number;
  /** dequantisation scale: weight = int16 * scale */
  scale: number;
  info?: Record<string, unknown>;
}

/** Plain, serialisable model content (what the trainer produces). */
export interface ModelData {
  header: ModelHeader;
  clusterKeys: Uint32Array;
  clusterCodes: Uint32Array;
  gazKeys: Uint32Array;
  gazMasks: Uint16Array;
  /** feature hashes, one per row */
  featKeys: Uint32Array;
  /** entries per row */
  featCounts: Uint8Array;
  /** internal label id per entry */
  entryLabels: Uint8Array;
  /** quantised weight per entry */
  entryWeights: Int16Array;
}

/** A decoded, ready-to-use model. */
export interface NerModel {
  lang: string;
  types: readonly string[];
  space: LabelSpace;
  cfg: FeatureConfig;
  res: Resources;
  /** open-addressing feature table, 2 words per slot: [feature hash (0 = empty), entryStart << 8 | entryCount] */
  table: Uint32Array;
  /** slot mask (slots - 1) */
  mask: number;
  /** packed entries: label << 16 | (int16 weight & 0xffff) */
  entries: Int32Array;
  /** weight = int16 * scale */
  scale: number;
  header: ModelHeader;
}

/** Slot of a feature hash in the model table. */
export function slotOf(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 7) & mask;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Serialise model data to bytes. */
export function encodeModel(m: ModelData): Uint8Array {
  const headerBytes = new TextEncoder().encode(JSON.stringify(m.header));
  const nC = m.clusterKeys.length, nG = m.gazKeys.length, nF = m.featKeys.length, nE = m.entryLabels.length;
  let size = 16 + pad4(headerBytes.length);
  size += 4 + nC * 8;
  size += 4 + nG * 4 + pad4(nG * 2);
  size += 4 + nF * 4 + pad4(nF);
  size += 4 + pad4(nE) + pad4(nE * 2);
  const buf = new ArrayBuffer(size);
  const dv = new DataView(buf);
  const u8 = new Uint8Array(buf);
  let o = 0;
  dv.setUint32(o, MODEL_MAGIC, true); o += 4;
  dv.setUint32(o, MODEL_VERSION, true); o += 4;
  dv.setUint32(o, headerBytes.length, true); o += 4;
  dv.setUint32(o, 0, true); o += 4;
  u8.set(headerBytes, o); o += pad4(headerBytes.length);
  const putU32 = (a: Uint32Array) => { for (let i = 0; i < a.length; i++, o += 4) dv.setUint32(o, a[i], true); };
  dv.setUint32(o, nC, true); o += 4;
  putU32(m.clusterKeys); putU32(m.clusterCodes);
  dv.setUint32(o, nG, true); o += 4;
  putU32(m.gazKeys);
  for (let i = 0; i < nG; i++) dv.setUint16(o + i * 2, m.gazMasks[i], true);
  o += pad4(nG * 2);
  dv.setUint32(o, nF, true); o += 4;
  putU32(m.featKeys);
  u8.set(m.featCounts, o); o += pad4(nF);
  dv.setUint32(o, nE, true); o += 4;
  u8.set(m.entryLabels, o); o += pad4(nE);
  for (let i = 0; i < nE; i++) dv.setInt16(o + i * 2, m.entryWeights[i], true);
  o += pad4(nE * 2);
  if (o !== size) throw new Error(`encodeModel: size mismatch ${o} != ${size}`);
  return u8;
}

/** Parse bytes into plain model data (inverse of encodeModel). */
export function parseModel(bytes: Uint8Array): ModelData {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  if (bytes.byteLength < 16 || dv.getUint32(0, true) !== MODEL_MAGIC) throw new Error('not an NER model (bad magic)');
  const version = dv.getUint32(4, true);
  if (version !== MODEL_VERSION) throw new Error(`unsupported NER model version ${version}`);
  const hl = dv.getUint32(8, true);
  o = 16;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(o, o + hl))) as ModelHeader;
  o += pad4(hl);
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const getU32 = (n: number): Uint32Array => {
    let a: Uint32Array;
    if (littleEndian) {
      a = new Uint32Array(n);
      new Uint8Array(a.buffer).set(bytes.subarray(o, o + n * 4));
    } else {
      a = new Uint32Array(n);
      for (let i = 0; i < n; i++) a[i] = dv.getUint32(o + i * 4, true);
    }
    o += n * 4;
    return a;
  };
  const nC = dv.getUint32(o, true); o += 4;
  const clusterKeys = getU32(nC);
  const clusterCodes = getU32(nC);
  const nG = dv.getUint32(o, true); o += 4;
  const gazKeys = getU32(nG);
  const gazMasks = new Uint16Array(nG);
  for (let i = 0; i < nG; i++) gazMasks[i] = dv.getUint16(o + i * 2, true);
  o += pad4(nG * 2);
  const nF = dv.getUint32(o, true); o += 4;
  const featKeys = getU32(nF);
  const featCounts = bytes.slice(o, o + nF); o += pad4(nF);
  const nE = dv.getUint32(o, true); o += 4;
  const entryLabels = bytes.slice(o, o + nE); o += pad4(nE);
  let entryWeights: Int16Array;
  if (littleEndian) {
    entryWeights = new Int16Array(nE);
    new Uint8Array(entryWeights.buffer).set(bytes.subarray(o, o + nE * 2));
  } else {
    entryWeights = new Int16Array(nE);
    for (let i = 0; i < nE; i++) entryWeights[i] = dv.getInt16(o + i * 2, true);
  }
  return { header, clusterKeys, clusterCodes, gazKeys, gazMasks, featKeys, featCounts, entryLabels, entryWeights };
}

/** Build a ready-to-use model from plain data. */
export function modelFromData(d: ModelData): NerModel {
  const h = d.header;
  const cfg: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, ...h.features };
  let clusters: HashIndex | null = null;
  if (d.clusterKeys.length) {
    clusters = new HashIndex(d.clusterKeys.length);
    for (let i = 0; i < d.clusterKeys.length; i++) clusters.set(d.clusterKeys[i], d.clusterCodes[i]);
  }
  let gaz: HashIndex | null = null;
  if (d.gazKeys.length) {
    gaz = new HashIndex(d.gazKeys.length);
    for (let i = 0; i < d.gazKeys.length; i++) gaz.set(d.gazKeys[i], d.gazMasks[i]);
  }
  const nF = d.featKeys.length;
  let slots = 16;
  while (slots < nF * 2) slots <<= 1;
  const mask = slots - 1;
  const table = new Uint32Array(slots * 2);
  const entries = new Int32Array(d.entryWeights.length);
  let start = 0;
  for (let i = 0; i < nF; i++) {
    const key = d.featKeys[i];
    const cnt = d.featCounts[i];
    if (key === 0) throw new Error('feature hash 0 is reserved');
    let s = slotOf(key, mask);
    while (table[s * 2] !== 0 && table[s * 2] !== key) s = (s + 1) & mask;
    table[s * 2] = key;
    table[s * 2 + 1] = ((start << 8) | cnt) >>> 0;
    for (let e = start; e < start + cnt; e++) entries[e] = (d.entryLabels[e] << 16) | (d.entryWeights[e] & 0xffff);
    start += cnt;
  }
  return {
    lang: h.lang,
    types: h.types,
    space: makeLabelSpace(h.types),
    cfg,
    res: { clusters, gaz, gazMaxLen: h.gazMaxLen },
    table,
    mask,
    entries,
    scale: h.scale,
    header: h,
  };
}

/** Decode a model file (bytes of assets/models/ner-<lang>.bin). */
export function decodeModel(bytes: Uint8Array): NerModel {
  return modelFromData(parseModel(bytes));
}
