/**
 * Extractive summary: 3–5 sentences in article order, chosen for centrality (shared content words
 * with the rest of the article) and for covering the most-mentioned entities, with redundancy
 * removed by maximal marginal relevance.
 */
import { findQuoteSpans } from './quotemarks';
import { frames } from './quotes';
import type { Block, Entity } from './types';

export const SUMMARY = {
  minSentences: 3,
  maxSentences: 5,
  /** Target length as a share of the article's sentences. */
  share: 0.2,
  /** MMR trade-off between relevance and novelty. */
  lambda: 0.7,
  minWords: 6,
  maxWords: 60,
  stop: {
    de: 'der die das und ist nicht mit den von sich auf für dem ein eine auch wurde im zu dass wie bei nach aus wir sie er es hat sind zum zur einer einem einen eines des am an als auch noch so wenn aber oder nur war waren wird werden haben hatte sei seien über unter vor bis durch gegen ohne um diese dieser dieses diesem diesen man mehr sehr schon hier dort nun ihr ihre sein seine ihm ihn uns'.split(' '),
    en: 'the and of to is in that it was for on with as he she be at by this have from or an they which were has said but not his her their its are had been will would could should can we you i our us them who what when where than then there these those also into about after before over more'.split(' '),
  } as Record<string, string[]>,
} as const;

const words = (s: string) => s.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [];

/** Sentences that never split a quotation ("„… gesagt. Aber …“, sagte Putin" is one). */
function quoteAwareSentences(blocks: Block[]): { block: number; start: number; end: number; words: number }[] {
  const out: { block: number; start: number; end: number; words: number }[] = [];
  blocks.forEach((b, i) => {
    const qs = findQuoteSpans([b.text]).map((q) => ({ open: q.open, close: q.pieces.length > 1 ? b.text.length : q.close }));
    for (const [s, e] of frames(b.text, qs)) out.push({ block: i, start: s, end: e, words: words(b.text.slice(s, e)).length });
  });
  return out;
}

export function summarize(blocks: Block[], entities: Entity[], lang: string, teaser: string | null = null): string[] {
  const sentences = quoteAwareSentences(blocks);
  const teaserWords = new Set(words(teaser ?? ''));
  const stop = new Set(SUMMARY.stop[lang] ?? []);
  const cands = sentences
    .map((s, i) => ({ i, s, text: blocks[s.block].text.slice(s.start, s.end).trim() }))
    .filter((c) => blocks[c.s.block].kind !== 'heading')
    // the publisher's teaser is shown on its own; do not repeat it
    .filter((c) => !teaserWords.size || words(c.text).some((w) => !teaserWords.has(w)))
    .filter((c) => {
      const n = c.s.words;
      return n >= SUMMARY.minWords && n <= SUMMARY.maxWords && /[.!?…"“”»«]$/.test(c.text) && /^[\p{Lu}\p{N}„“"»«]/u.test(c.text);
    });
  if (!cands.length) return [];
  // document frequencies over sentences
  const bags = cands.map((c) => new Set(words(c.text).filter((w) => w.length > 2 && !stop.has(w))));
  const df = new Map<string, number>();
  for (const b of bags) for (const w of b) df.set(w, (df.get(w) ?? 0) + 1);
  const N = bags.length;
  const weight = (w: string) => Math.log(1 + N / (df.get(w) ?? 1)) * ((df.get(w) ?? 1) > 1 ? 1 : 0.3);
  const top = [...entities].sort((a, b) => b.mentions - a.mentions).slice(0, 5);
  const rel = cands.map((c, k) => {
    let centrality = 0;
    for (const w of bags[k]) centrality += ((df.get(w) ?? 1) - 1) * weight(w);
    centrality /= Math.sqrt(bags[k].size + 1);
    const covers = top.filter((e) => e.occurrences.some((o) => o.block === c.s.block && o.start >= c.s.start && o.end <= c.s.end)).length;
    const lead = 1 / (1 + c.i * 0.15);
    return centrality + covers * 1.5 + lead * 2;
  });
  const maxRel = Math.max(...rel, 1e-9);
  const sim = (a: number, b: number) => {
    let inter = 0;
    for (const w of bags[a]) if (bags[b].has(w)) inter++;
    return inter / Math.sqrt((bags[a].size || 1) * (bags[b].size || 1));
  };
  const want = Math.max(SUMMARY.minSentences, Math.min(SUMMARY.maxSentences, Math.round(sentences.length * SUMMARY.share)));
  const chosen: number[] = [];
  while (chosen.length < Math.min(want, cands.length)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let k = 0; k < cands.length; k++) {
      if (chosen.includes(k)) continue;
      const red = chosen.length ? Math.max(...chosen.map((j) => sim(k, j))) : 0;
      if (red > 0.8) continue; // near-duplicate (teaser repeated as lead)
      const score = SUMMARY.lambda * (rel[k] / maxRel) - (1 - SUMMARY.lambda) * red;
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen.sort((a, b) => a - b).map((k) => cands[k].text);
}
