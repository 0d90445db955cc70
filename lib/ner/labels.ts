/** Label sets, IOB2 <-> BILOU conversion and span extraction (conlleval chunk rules). */

export const GERMEVAL_BASE_TYPES = ['PER', 'LOC', 'ORG', 'OTH'] as const;
/** GermEval 2014 outer types: PER, LOC, ORG, OTH and their `deriv` / `part` variants. */
export const GERMEVAL_TYPES: readonly string[] = GERMEVAL_BASE_TYPES.flatMap((t) => [t, `${t}deriv`, `${t}part`]);
/** CoNLL-2003 types. */
export const CONLL_TYPES: readonly string[] = ['PER', 'LOC', 'ORG', 'MISC'];

/** Entity types per language. */
export const NER_TYPES: Readonly<Record<'de' | 'en', readonly string[]>> = { de: GERMEVAL_TYPES, en: CONLL_TYPES };

/** IOB2 label set (what tagDocument returns) for a list of entity types. */
export function iob2Labels(types: readonly string[]): string[] {
  const out = ['O'];
  for (const t of types) out.push(`B-${t}`, `I-${t}`);
  return out;
}

/** IOB2 label sets per language: `NER_LABELS.de` contains e.g. B-PER, I-LOC, B-LOCderiv, B-ORGpart, B-OTH. */
export const NER_LABELS: Readonly<Record<'de' | 'en', readonly string[]>> = {
  de: iob2Labels(GERMEVAL_TYPES),
  en: iob2Labels(CONLL_TYPES),
};

export interface Span {
  start: number;
  /** exclusive */
  end: number;
  type: string;
}

function splitTag(label: string): [string, string] {
  if (!label || label === 'O') return ['O', ''];
  const dash = label.indexOf('-');
  if (dash < 0) return [label, ''];
  return [label.slice(0, dash), label.slice(dash + 1)];
}

/**
 * Entity spans from IOB-style labels following conlleval's chunk rules
 * (an I- after O or after a different type starts a new chunk; E-/S-/L-/U- are understood too).
 */
export function spansFromLabels(labels: readonly string[]): Span[] {
  const spans: Span[] = [];
  let prevTag = 'O';
  let prevType = '';
  let start = -1;
  for (let i = 0; i <= labels.length; i++) {
    let [tag, type] = i < labels.length ? splitTag(labels[i]) : ['O', ''];
    if (tag === 'L') tag = 'E';
    if (tag === 'U') tag = 'S';
    // end of chunk?
    let end = false;
    if (prevTag === 'B' && (tag === 'B' || tag === 'S' || tag === 'O')) end = true;
    if (prevTag === 'I' && (tag === 'B' || tag === 'S' || tag === 'O')) end = true;
    if (prevTag === 'E' || prevTag === 'S') end = true;
    if (prevTag !== 'O' && prevType !== type) end = true;
    if (end && start >= 0) {
      spans.push({ start, end: i, type: prevType });
      start = -1;
    }
    let begin = false;
    if (tag === 'B' || tag === 'S') begin = true;
    if ((prevTag === 'E' || prevTag === 'S' || prevTag === 'O') && (tag === 'E' || tag === 'I')) begin = true;
    if (tag !== 'O' && prevType !== type) begin = true;
    if (begin) start = i;
    if (tag === 'O') start = -1;
    prevTag = tag;
    prevType = type;
  }
  return spans;
}

/** Internal BILOU label space: index 0 = O, then B,I,L,U for each type. */
export interface LabelSpace {
  types: readonly string[];
  /** BILOU label strings, index = internal label id. */
  labels: string[];
  /** IOB2 output label per internal id. */
  iob2: string[];
  /** type index per internal id (-1 for O). */
  typeOf: Int32Array;
  /** 0=O 1=B 2=I 3=L 4=U per internal id. */
  kindOf: Uint8Array;
  /** allowed[prev * n + cur] (prev = n means sentence start). */
  allowed: Uint8Array;
}

export function makeLabelSpace(types: readonly string[]): LabelSpace {
  const labels = ['O'];
  const iob2 = ['O'];
  for (const t of types) {
    labels.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`);
    iob2.push(`B-${t}`, `I-${t}`, `I-${t}`, `B-${t}`);
  }
  const n = labels.length;
  const typeOf = new Int32Array(n).fill(-1);
  const kindOf = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    typeOf[i] = (i - 1) >> 2;
    kindOf[i] = ((i - 1) & 3) + 1;
  }
  const allowed = new Uint8Array((n + 1) * n);
  for (let p = 0; p <= n; p++) {
    const open = p < n && (kindOf[p] === 1 || kindOf[p] === 2);
    for (let c = 0; c < n; c++) {
      let ok: boolean;
      if (open) ok = (kindOf[c] === 2 || kindOf[c] === 3) && typeOf[c] === typeOf[p];
      else ok = kindOf[c] === 0 || kindOf[c] === 1 || kindOf[c] === 4;
      allowed[p * n + c] = ok ? 1 : 0;
    }
  }
  return new Space(types, labels, iob2, typeOf, kindOf, allowed);
}

/**
 * A class rather than an object literal: V8 (Node 20) throws away optimised code that read fields of
 * a literal-built object as soon as a second object of that shape is built (a second decoded model),
 * while class instances keep it.
 */
class Space implements LabelSpace {
  constructor(
    readonly types: readonly string[],
    readonly labels: string[],
    readonly iob2: string[],
    readonly typeOf: Int32Array,
    readonly kindOf: Uint8Array,
    readonly allowed: Uint8Array,
  ) {}
}

/** Convert IOB2 (or IOB1-ish) labels to internal BILOU ids; unknown types become O. */
export function toBilou(space: LabelSpace, labels: readonly string[]): Uint8Array {
  const spans = spansFromLabels(labels);
  const out = new Uint8Array(labels.length);
  for (const s of spans) {
    const t = space.types.indexOf(s.type);
    if (t < 0) continue;
    const base = 1 + t * 4;
    if (s.end - s.start === 1) out[s.start] = base + 3;
    else {
      out[s.start] = base;
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = base + 1;
      out[s.end - 1] = base + 2;
    }
  }
  return out;
}
