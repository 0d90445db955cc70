/** Binary model format (little-endian) and decoding. Pure: runs in browsers, workers and Node. */
import { HashIndex } from './hash.ts';
import { DEFAULT_FEATURE_CONFIG, makeGazFilter, type FeatureConfig, type Resources } from './features.ts';
import { makeLabelSpace, type LabelSpace } from './labels.ts';
import { lexIndex, type LexIndex } from './lexicon.ts';

export const MODEL_MAGIC = 0x3152454e; // "NER1"
export const MODEL_VERSION = 1;
const STAGE2_MAGIC = 0x21325453; // "ST2!"
const LEX_MAGIC = 0x3158454c; // "LEX1"


export interface ModelHeader {
  lang: string;
  types: string[];
  features: FeatureConfig;
  gazMaxLen: number;
  /** gazetteer table includes phrase prefixes (mask 0) */
  gazPrefixes?: boolean;
  /** gazetteer masks are stored as 32-bit values (more than 16 categories) */
  gazMask32?: boolean;
  /** dequantisation scale: weight = int16 * scale */
  scale: number;
  /** present when the file carries a second-pass (stacking) table */
  stage2?: { scale: number; mult?: number };
  info?: Record<string, unknown>;
}

/** A sparse weight table: rows of (label, int16 weight) entries keyed by feature hash. */
export interface WeightTable {
  featKeys: Uint32Array;
  featCounts: Uint8Array;
  entryLabels: Uint8Array;
  entryWeights: Int16Array;
}

/** Runtime form of a weight table. */
export interface PackedTable {
  table: Uint32Array;
  mask: number;
  entries: Int32Array;
  scale: number;
  /** multiplier applied to the first-pass scores (second pass only) */
  mult?: number;
}

/** Plain, serialisable model content (what the trainer produces). */
export interface ModelData {
  header: ModelHeader;
  clusterKeys: Uint32Array;
  clusterCodes: Uint32Array;
  gazKeys: Uint32Array;
  gazMasks: Uint16Array | Uint32Array;
  /** feature hashes, one per row */
  featKeys: Uint32Array;
  /** entries per row */
  featCounts: Uint8Array;
  /** internal label id per entry */
  entryLabels: Uint8Array;
  /** quantised weight per entry */
  entryWeights: Int16Array;
  /** optional second-pass table (header.stage2.scale) */
  stage2?: WeightTable;
  /** optional word lexicon (lexicon.ts): lowercase-word hashes and their lexicon bits */
  lexKeys?: Uint32Array;
  lexMasks?: Uint16Array;
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
  stage2: PackedTable | null;
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
  const st = m.stage2;
  let size = 16 + pad4(headerBytes.length);
  if (st) size += 4 + 4 + st.featKeys.length * 4 + pad4(st.featKeys.length) + 4 + pad4(st.entryLabels.length) + pad4(st.entryLabels.length * 2);
  size += 4 + nC * 8;
  const g32 = !!m.header.gazMask32;
  size += 4 + nG * 4 + (g32 ? nG * 4 : pad4(nG * 2));
  size += 4 + nF * 4 + pad4(nF);
  size += 4 + pad4(nE) + pad4(nE * 2);
  const nL = m.lexKeys?.length ?? 0;
  if (nL) size += 8 + nL * 4 + pad4(nL * 2);
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
  if (g32) putU32(Uint32Array.from(m.gazMasks));
  else {
    for (let i = 0; i < nG; i++) dv.setUint16(o + i * 2, m.gazMasks[i], true);
    o += pad4(nG * 2);
  }
  dv.setUint32(o, nF, true); o += 4;
  putU32(m.featKeys);
  u8.set(m.featCounts, o); o += pad4(nF);
  dv.setUint32(o, nE, true); o += 4;
  u8.set(m.entryLabels, o); o += pad4(nE);
  for (let i = 0; i < nE; i++) dv.setInt16(o + i * 2, m.entryWeights[i], true);
  o += pad4(nE * 2);
  if (st) {
    dv.setUint32(o, STAGE2_MAGIC, true); o += 4;
    dv.setUint32(o, st.featKeys.length, true); o += 4;
    putU32(st.featKeys);
    u8.set(st.featCounts, o); o += pad4(st.featKeys.length);
    dv.setUint32(o, st.entryLabels.length, true); o += 4;
    u8.set(st.entryLabels, o); o += pad4(st.entryLabels.length);
    for (let i = 0; i < st.entryWeights.length; i++) dv.setInt16(o + i * 2, st.entryWeights[i], true);
    o += pad4(st.entryWeights.length * 2);
  }
  if (nL) {
    dv.setUint32(o, LEX_MAGIC, true); o += 4;
    dv.setUint32(o, nL, true); o += 4;
    putU32(m.lexKeys!);
    for (let i = 0; i < nL; i++) dv.setUint16(o + i * 2, m.lexMasks![i], true);
    o += pad4(nL * 2);
  }
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
  let gazMasks: Uint16Array | Uint32Array;
  if (header.gazMask32) gazMasks = getU32(nG);
  else {
    gazMasks = new Uint16Array(nG);
    for (let i = 0; i < nG; i++) gazMasks[i] = dv.getUint16(o + i * 2, true);
    o += pad4(nG * 2);
  }
  const nF = dv.getUint32(o, true); o += 4;
  const featKeys = getU32(nF);
  const featCounts = bytes.slice(o, o + nF); o += pad4(nF);
  const nE = dv.getUint32(o, true); o += 4;
  const entryLabels = bytes.slice(o, o + nE); o += pad4(nE);
  const getI16 = (n: number): Int16Array => {
    const a = new Int16Array(n);
    if (littleEndian) new Uint8Array(a.buffer).set(bytes.subarray(o, o + n * 2));
    else for (let i = 0; i < n; i++) a[i] = dv.getInt16(o + i * 2, true);
    o += pad4(n * 2);
    return a;
  };
  const entryWeights = getI16(nE);
  const out: ModelData = { header, clusterKeys, clusterCodes, gazKeys, gazMasks, featKeys, featCounts, entryLabels, entryWeights };
  if (o + 8 <= bytes.byteLength && dv.getUint32(o, true) === STAGE2_MAGIC) {
    o += 4;
    const n2 = dv.getUint32(o, true); o += 4;
    const k2 = getU32(n2);
    const c2 = bytes.slice(o, o + n2); o += pad4(n2);
    const e2 = dv.getUint32(o, true); o += 4;
    const l2 = bytes.slice(o, o + e2); o += pad4(e2);
    const w2 = getI16(e2);
    out.stage2 = { featKeys: k2, featCounts: c2, entryLabels: l2, entryWeights: w2 };
  }
  if (o + 8 <= bytes.byteLength && dv.getUint32(o, true) === LEX_MAGIC) {
    o += 4;
    const nL = dv.getUint32(o, true); o += 4;
    out.lexKeys = getU32(nL);
    const lm = new Uint16Array(nL);
    if (littleEndian) new Uint8Array(lm.buffer).set(bytes.subarray(o, o + nL * 2));
    else for (let i = 0; i < nL; i++) lm[i] = dv.getUint16(o + i * 2, true);
    o += pad4(nL * 2);
    out.lexMasks = lm;
  }
  return out;
}

/** Build the open-addressing runtime table of a weight table. */
export function packTable(d: WeightTable, scale: number): PackedTable {
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
  return { table, mask, entries, scale };
}

/**
 * The row of feature f in a packed table: (first entry << 8) | entry count, or -1 when the model
 * has no weights for f. Open addressing with linear probing; key 0 marks an empty slot.
 */
export function rowOf(table: Uint32Array | Int32Array, mask: number, f: number): number {
  let j = slotOf(f, mask);
  let k = table[j << 1];
  while (k !== f && k !== 0) {
    j = (j + 1) & mask;
    k = table[j << 1];
  }
  return k === 0 ? -1 : table[(j << 1) + 1];
}

/** Add the weights of feature f (if present) to scores, multiplied by `mult`. */
export function addRow(t: PackedTable, f: number, scores: Float32Array | Float64Array, mult: number): void {
  const { entries } = t;
  const v = rowOf(t.table, t.mask, f);
  if (v < 0) return;
  for (let e = v >>> 8, end = e + (v & 255); e < end; e++) {
    const x = entries[e];
    scores[x >>> 16] += ((x << 16) >> 16) * mult;
  }
}

/**
 * The runtime objects below are class instances, not object literals: V8 (Node 20) throws away
 * optimised code that read fields of a literal-built object as soon as a second object of that
 * shape is built (e.g. decoding a second model), while class instances keep it. The feature config
 * also gets one fixed shape (a spread over the defaults gave each model's config its own hidden class).
 */
class RuntimeFeatureConfig implements FeatureConfig {
  prefixMax: number;
  suffixMax: number;
  clusterPrefixes: number[];
  history: boolean;
  prevWord: boolean;
  gazSlots: number;
  stem: boolean;
  hyphGaz: boolean;
  clusterFields: [number, number][] | undefined;
  clusterCtxField: number | undefined;
  profileField: [number, number] | undefined;
  noWindow2: boolean;
  charNgrams: number;
  compoundHead: boolean;
  headGaz: boolean;
  headMin: number | undefined;
  compoundMod: boolean;
  genitive: boolean;
  prevCluster: boolean;
  beam: number;
  lex: boolean;
  lexHead: boolean;
  lexGen: boolean;
  lexCtx: boolean;
  lexNext: boolean;
  lexPrevWord: boolean;
  constructor(f: Partial<FeatureConfig>) {
    const d = DEFAULT_FEATURE_CONFIG;
    this.prefixMax = f.prefixMax ?? d.prefixMax;
    this.suffixMax = f.suffixMax ?? d.suffixMax;
    this.clusterPrefixes = f.clusterPrefixes ?? d.clusterPrefixes;
    this.history = f.history ?? d.history;
    this.prevWord = f.prevWord ?? d.prevWord;
    this.gazSlots = f.gazSlots ?? d.gazSlots;
    this.stem = f.stem ?? false;
    this.hyphGaz = f.hyphGaz ?? false;
    this.clusterFields = f.clusterFields;
    this.clusterCtxField = f.clusterCtxField;
    this.profileField = f.profileField;
    this.noWindow2 = f.noWindow2 ?? false;
    this.charNgrams = f.charNgrams ?? 0;
    this.compoundHead = f.compoundHead ?? false;
    this.headGaz = f.headGaz ?? false;
    this.headMin = f.headMin;
    this.compoundMod = f.compoundMod ?? false;
    this.genitive = f.genitive ?? false;
    this.prevCluster = f.prevCluster ?? false;
    this.beam = f.beam ?? 1;
    this.lex = f.lex ?? false;
    this.lexHead = f.lexHead ?? false;
    this.lexGen = f.lexGen ?? false;
    this.lexCtx = f.lexCtx ?? false;
    this.lexNext = f.lexNext ?? false;
    this.lexPrevWord = f.lexPrevWord ?? false;
  }
}

class ModelResources implements Resources {
  constructor(
    public clusters: HashIndex | null,
    public gaz: HashIndex | null,
    public gazMaxLen: number,
    public gazPrefixes: boolean,
    public gazFilter: Uint32Array | undefined,
    public lex: LexIndex | null,
  ) {}
}

class Model implements NerModel {
  constructor(
    public lang: string,
    public types: readonly string[],
    public space: LabelSpace,
    public cfg: FeatureConfig,
    public res: Resources,
    public table: Uint32Array,
    public mask: number,
    public entries: Int32Array,
    public scale: number,
    public stage2: PackedTable | null,
    public header: ModelHeader,
  ) {}
}

/** Build a ready-to-use model from plain data. */
export function modelFromData(d: ModelData): NerModel {
  const h = d.header;
  const cfg = new RuntimeFeatureConfig(h.features);
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
  let lex: LexIndex | null = null;
  if (d.lexKeys && d.lexMasks && d.lexKeys.length) lex = lexIndex(d.lexKeys, d.lexMasks);
  const main = packTable(d, h.scale);
  const stage2 = d.stage2 && h.stage2 ? { ...packTable(d.stage2, h.stage2.scale), mult: h.stage2.mult ?? 1 } : null;
  const res = new ModelResources(clusters, gaz, h.gazMaxLen, !!h.gazPrefixes, d.gazKeys.length ? makeGazFilter(d.gazKeys) : undefined, lex);
  return new Model(h.lang, h.types, makeLabelSpace(h.types), cfg, res, main.table, main.mask, main.entries, h.scale, stage2, h);
}

/** Decode a model file (bytes of assets/models/ner-<lang>.bin). */
export function decodeModel(bytes: Uint8Array): NerModel {
  return modelFromData(parseModel(bytes));
}
