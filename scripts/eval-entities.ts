/**
 * npm run -s eval:entities -- <file> [--lang de|en] [--without firstNames,gazetteer,propagate,vote,surnames]
 * Scores the whole recogniser the extension uses — tagger plus the entity layer (first names,
 * gazetteers, document-level consistency, compounds) — on a CoNLL-style file, with the same rules
 * and output as eval:ner (exact spans, outer entities, deriv/part/OTH/MISC as O). Each document of
 * the file (CoNLL -DOCSTART- block, GermEval source) is analysed as one article, a sentence a block.
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../lib/engine-node';
import { recognize } from '../lib/entities';
import { parseConll, SpanScorer, tagDocument } from '../lib/ner/index';
import { splitBlocks } from '../lib/tokenize';
import type { Block } from '../lib/types';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: npm run -s eval:entities -- <file> [--lang de|en]\n');
  process.exit(2);
}
const parsed = parseConll(readFileSync(file, 'utf8'));
const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : parsed.lang;
// --without stage[,stage]: switch layer stages off to measure what each adds
const without = args.includes('--without') ? args[args.indexOf('--without') + 1].split(',') : [];
const opts = Object.fromEntries(without.map((k) => [k, false]));
const model = loadModel(lang);
if (!model) {
  process.stderr.write(`no model for ${lang}\n`);
  process.exit(2);
}
const TYPE: Record<string, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };
const scorer = new SpanScorer(['PER', 'LOC', 'ORG']);
let tokens = 0;
const t0 = performance.now();
for (const doc of parsed.docs) {
  const blocks: Block[] = doc.map((s) => ({ text: s.tokens.join(' '), kind: 'paragraph' }));
  const starts = doc.map((s) => {
    const out: number[] = [];
    let at = 0;
    for (const t of s.tokens) {
      out.push(at);
      at += t.length + 1;
    }
    return out;
  });
  const { entities } = recognize(blocks, splitBlocks(blocks, lang), lang, (ss) => tagDocument(model, ss), opts);
  const pred = doc.map((s) => s.tokens.map(() => 'O'));
  for (const e of entities) {
    for (const o of e.occurrences) {
      if (o.partOfWord) continue;
      const a = starts[o.block].indexOf(o.start);
      const b = starts[o.block].findIndex((st, k) => st + doc[o.block].tokens[k].length === o.end);
      if (a < 0 || b < a) continue;
      // the type recognised for this mention (one entity may be a city here and its team there)
      for (let k = a; k <= b; k++) pred[o.block][k] = (k === a ? 'B-' : 'I-') + TYPE[o.tagged ?? e.type];
    }
  }
  doc.forEach((s, i) => {
    scorer.add(s.labels, pred[i]);
    tokens += s.tokens.length;
  });
}
const ms = performance.now() - t0;
const r3 = (n: number) => Math.round(n * 1000) / 1000;
const res = scorer.result();
console.log(JSON.stringify({ ...Object.fromEntries(Object.entries(res).map(([k, v]) => [k, { p: r3(v.p), r: r3(v.r), f1: r3(v.f1) }])), tokens, tokensPerSecond: Math.round(tokens / (ms / 1000)) }));
