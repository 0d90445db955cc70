/**
 * Token normalisation shared by training and tagging: typographic quotes and dashes
 * become the ASCII forms of the training data, soft hyphens and C1 control
 * characters (cp1252 mojibake in GermEval 2014 train) are repaired or removed.
 */

const MAP: Record<number, string> = {
  0x201e: '"', 0x201c: '"', 0x201d: '"', 0x00bb: '"', 0x00ab: '"', 0x201f: '"', 0x2033: '"', 0x301d: '"', 0x301e: '"',
  0x201a: "'", 0x2018: "'", 0x2019: "'", 0x201b: "'", 0x2039: "'", 0x203a: "'", 0x2032: "'", 0x00b4: "'", 0x0060: "'",
  0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2014: '-', 0x2015: '-', 0x2212: '-', 0xfe58: '-', 0xfe63: '-', 0xff0d: '-',
  0x2026: '...',
  0x00a0: ' ', 0x202f: ' ', 0x2009: ' ',
  // cp1252 bytes that leaked in as C1 controls
  0x0080: '€', 0x0091: "'", 0x0092: "'", 0x0093: '"', 0x0094: '"', 0x0096: '-', 0x0097: '-', 0x0085: '...',
};

/** Characters below U+2000 that normalisation replaces or removes. */
const CHANGES = new Uint8Array(0x2000);
for (const k of Object.keys(MAP)) if (+k < 0x2000) CHANGES[+k] = 1;
CHANGES[0x00ad] = 1;
for (let c = 0x80; c <= 0x9f; c++) CHANGES[c] = 1;

/** Whether normalisation replaces or removes char code c. */
function changes(c: number): boolean {
  if (c < 0x2000) return CHANGES[c] === 1;
  return MAP[c] !== undefined || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff;
}

/**
 * Normalise one token. Fast path returns the input unchanged when no character needs replacing
 * (plain ASCII, but also umlauts, ß and other letters).
 */
export function normalizeToken(t: string): string {
  let i = 0;
  const n = t.length;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if ((c > 126 || c === 0x60) && changes(c)) break;
  }
  if (i === n) return t;
  let out = t.slice(0, i);
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 127 && c !== 0x60) {
      out += t[i];
      continue;
    }
    const m = MAP[c];
    if (m !== undefined) out += m;
    else if (c === 0x00ad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff) continue;
    else if (c >= 0x80 && c <= 0x9f) continue;
    else out += t[i];
  }
  return out.length ? out : t;
}
