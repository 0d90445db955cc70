/** Small, allocation-free 32-bit hashing helpers (browser + Node). */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `s`. */
export function fnv(s: string, seed: number = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** One FNV-1a step. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** Combine a feature-template id with a value hash (murmur3 finaliser). Never returns 0. */
export function mix(template: number, v: number): number {
  let h = (Math.imul(template + 0x9e37, 0x9e3779b1) ^ v) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** Combine a template with two value hashes. */
export function mix2(template: number, a: number, b: number): number {
  return mix(template, (Math.imul(a, 0x2545f491) ^ b ^ (a >>> 15)) >>> 0);
}

/** Open-addressing hash index: uint32 key -> int32 value (value 0 is allowed; empty slots tracked separately). */
export class HashIndex {
  keys: Uint32Array;
  vals: Int32Array;
  used: Uint8Array;
  mask: number;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  static slot(key: number, mask: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 7) & mask;
  }

  set(key: number, val: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.mask;
    let i = HashIndex.slot(key, mask);
    while (this.used[i]) {
      if (this.keys[i] === key) {
        this.vals[i] = val;
        return;
      }
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.keys[i] = key;
    this.vals[i] = val;
    this.size++;
  }

  /** Returns the value or -1 when absent. */
  get(key: number): number {
    const keys = this.keys, used = this.used, mask = this.mask;
    let i = HashIndex.slot(key, mask);
    while (used[i]) {
      if (keys[i] === key) return this.vals[i];
      i = (i + 1) & mask;
    }
    return -1;
  }

  private grow(): void {
    const ok = this.keys, ov = this.vals, ou = this.used;
    const cap = ok.length * 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < ok.length; i++) if (ou[i]) this.set(ok[i], ov[i]);
  }
}
