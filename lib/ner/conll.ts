/** Readers for CoNLL-style NER files and the conlleval-style span scorer. Pure TypeScript. */
import { spansFromLabels } from './labels.ts';

export interface LabeledSentence {
  tokens: string[];
  labels: string[];
}
export type LabeledDoc = LabeledSentence[];

export type ConllFormat = 'germeval-tsv' | 'iob2' | 'conll2003';

export interface ParsedConll {
  format: ConllFormat;
  lang: 'de' | 'en';
  docs: LabeledDoc[];
}

/**
 * Parse GermEval 2014 TSV (`#` source lines, index column), the 3-column iob2 conversion
 * (token, outer, inner) or CoNLL-2003 (token POS chunk NER, -DOCSTART- lines).
 * Documents: CoNLL -DOCSTART- blocks; GermEval TSV consecutive sentences with the same source;
 * otherwise each sentence is its own document.
 */
export function parseConll(text: string): ParsedConll {
  const lines = text.split(/\r?\n/);
  const docs: LabeledDoc[] = [];
  let doc: LabeledDoc = [];
  let sent: LabeledSentence = { tokens: [], labels: [] };
  let format: ConllFormat | null = null;
  let sawDocstart = false;
  let lastSource: string | null = null;
  let pendingSource: string | null = null;
  const endSentence = () => {
    if (sent.tokens.length) {
      if (format === 'germeval-tsv') {
        if (pendingSource !== lastSource && doc.length) {
          docs.push(doc);
          doc = [];
        }
        lastSource = pendingSource;
      }
      doc.push(sent);
      if (!sawDocstart && format !== 'germeval-tsv') {
        docs.push(doc);
        doc = [];
      }
    }
    sent = { tokens: [], labels: [] };
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line === '') {
      endSentence();
      continue;
    }
    if (line.startsWith('#') && (line.length === 1 || line[1] === '\t' || line[1] === ' ')) {
      // GermEval comment line (a single "#" token would have a tab-separated label column after it)
      const parts = raw.split('\t');
      if (parts.length >= 2 && !/^[BIO](-|$)/.test(parts[1]) && !(parts.length >= 3 && /^[BIO](-|$)/.test(parts[2] ?? ''))) {
        endSentence();
        format = 'germeval-tsv';
        pendingSource = parts[1] ?? '';
        continue;
      }
    }
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.length) docs.push(doc);
      doc = [];
      sawDocstart = true;
      format = 'conll2003';
      continue;
    }
    let token: string, label: string;
    if (line.includes('\t')) {
      const cols = line.split('\t');
      if (cols.length >= 4 && /^\d+$/.test(cols[0])) {
        token = cols[1];
        label = cols[2];
        if (!format) format = 'germeval-tsv';
      } else {
        token = cols[0];
        label = cols[1] ?? 'O';
        if (!format) format = 'iob2';
      }
    } else {
      const cols = line.split(/ +/);
      token = cols[0];
      label = cols.length > 1 ? cols[cols.length - 1] : 'O';
      if (!format) format = cols.length >= 4 ? 'conll2003' : 'iob2';
    }
    sent.tokens.push(token);
    sent.labels.push(label || 'O');
  }
  endSentence();
  if (doc.length) docs.push(doc);
  const f = format ?? 'iob2';
  return { format: f, lang: f === 'conll2003' ? 'en' : 'de', docs };
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}
export interface ScoreCounts {
  tp: number;
  pred: number;
  gold: number;
}

/** Keep only the given types; every other label (deriv/part/OTH/MISC) becomes O. */
export function restrictLabels(labels: readonly string[], types: readonly string[]): string[] {
  return labels.map((l) => {
    if (l === 'O') return l;
    const d = l.indexOf('-');
    const type = d < 0 ? '' : l.slice(d + 1);
    return types.includes(type) ? l : 'O';
  });
}

/** Exact-span scoring (conlleval chunk rules) per type plus micro-averaged overall. */
export class SpanScorer {
  readonly types: readonly string[];
  counts: Record<string, ScoreCounts> = {};

  constructor(types: readonly string[] = ['PER', 'LOC', 'ORG']) {
    this.types = types;
    for (const t of types) this.counts[t] = { tp: 0, pred: 0, gold: 0 };
  }

  add(gold: readonly string[], pred: readonly string[]): void {
    const g = spansFromLabels(restrictLabels(gold, this.types));
    const p = spansFromLabels(restrictLabels(pred, this.types));
    const gs = new Set(g.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of g) this.counts[s.type].gold++;
    for (const s of p) {
      this.counts[s.type].pred++;
      if (gs.has(`${s.start}:${s.end}:${s.type}`)) this.counts[s.type].tp++;
    }
  }

  static prf(c: ScoreCounts): PRF {
    const p = c.pred ? c.tp / c.pred : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    return { p, r, f1 };
  }

  result(): Record<string, PRF> {
    const out: Record<string, PRF> = {};
    const all: ScoreCounts = { tp: 0, pred: 0, gold: 0 };
    for (const t of this.types) {
      const c = this.counts[t];
      out[t] = SpanScorer.prf(c);
      all.tp += c.tp; all.pred += c.pred; all.gold += c.gold;
    }
    out.overall = SpanScorer.prf(all);
    return out;
  }
}
