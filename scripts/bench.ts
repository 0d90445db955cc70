/**
 * npm run -s bench [-- --json]: speed and size figures (printed, never asserted).
 *   ner:            our tagger's tokens/s on English news text — on new text with a model that has read
 *                   other articles (the background keeps one model), and also with a fresh model and on
 *                   the same text again — and compromise's people()+places() on the same text, same run
 *   demo:           extraction and analysis of the demo article, warm median; quotes and attribution alone, and the speaker stage (lib/speakers) alone
 *   long article:   analysis of a 10,000-word article
 *   model:          bytes on disk and decode time per language
 *   bundles:        content script, background and popup of the Chrome build
 *   in Chromium:    the content script on a 10,000-word article and a 5 MB page: longest slice of
 *                   main-thread work, long tasks, longest frame blocking (scripts/bench-browser.ts)
 * With --json the last line is one JSON object (fields in ../shared/DESIGN.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import nlp from 'compromise';
import { analyze } from '../lib/analyze';
import { loadModel, modelPath, nodeEngine } from '../lib/engine-node';
import { recognize } from '../lib/entities';
import { extractArticle } from '../lib/extract';
import { decodeModel, tagDocument } from '../lib/ner/index';
import { findQuotes, type BlockReading } from '../lib/quotes';
import { attributeSpeakers } from '../lib/speakers/index';
import { splitBlocks, tokenize } from '../lib/tokenize';
import type { Article } from '../lib/types';

const ROOT = join(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const SHARED = process.env.SHARED_DATA ?? join(ROOT, '../shared/data');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => void, { warmup = 3, runs = 15, minMs = 300 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  const t0 = performance.now();
  while (out.length < runs || performance.now() - t0 < minMs) {
    const s = performance.now();
    fn();
    out.push(performance.now() - s);
    if (out.length > 2000) break;
  }
  return median(out);
}
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** English news text: CoNLL-2003 valid when the shared data is there, else the English sentences we ship in tests. */
function englishText(): { text: string; prime?: string; source: string } {
  const f = join(SHARED, 'conll2003-en/valid.txt');
  if (existsSync(f)) {
    const sents: string[] = [];
    let cur: string[] = [];
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('-DOCSTART-')) {
        if (cur.length) sents.push(cur.join(' '));
        cur = [];
      } else cur.push(line.split(' ')[0]);
    }
    return { text: sents.slice(0, 1500).join('\n'), prime: sents.slice(1500, 3000).join('\n'), source: 'CoNLL-2003 valid, first 1,500 sentences' };
  }
  return { text: readFileSync(join(ROOT, 'tests/fixtures/seed-article/index.html'), 'utf8'), source: 'demo page (shared data not found)' };
}

// --- demo article (first, before compromise's allocations make the collector busy)
const demoHtml = readFileSync(join(ROOT, 'tests/fixtures/seed-article/index.html'), 'utf8');
const demo = extractArticle(demoHtml, 'http://127.0.0.1/demo');
const extractMs = time(() => extractArticle(demoHtml, 'http://127.0.0.1/demo'));
const analyzeMs = time(() => analyze(demo, nodeEngine), { warmup: 30, runs: 200, minMs: 500 });
const sentences = splitBlocks(demo.blocks, 'de');
const { mentions, entities } = recognize(demo.blocks, sentences, 'de', (s) => tagDocument(loadModel('de')!, s));
// quotation marks, cues and the rule-based reading, then the speaker stage (candidates, ranker, resolution)
const quotesMs = time(
  () => {
    const reading: BlockReading[] = [];
    attributeSpeakers(findQuotes(demo.blocks, 'de', mentions, undefined, reading), { blocks: demo.blocks, lang: 'de', reading, mentions, entities, outlet: demo.siteName });
  },
  { runs: 50 },
);
const speakersReading: BlockReading[] = [];
const demoQuotes = findQuotes(demo.blocks, 'de', mentions, undefined, speakersReading);
// (copies made with Object.assign: the analysis hands the stage fresh objects, and in V8 a spread copy
// makes adding the stage's fields slow, 2 µs a field here, a cost the extension never pays)
const speakersMs = time(() => attributeSpeakers(demoQuotes.map((q) => Object.assign({}, q)), { blocks: demo.blocks, lang: 'de', reading: speakersReading, mentions, entities, outlet: demo.siteName }), { runs: 50 });

// --- tagger vs compromise, same English text, same run
const { text: en, prime: enPrime, source: enSource } = englishText();
const enSentences = en.split('\n').map((s) => tokenize(s, 'en').map((t) => t.text));
const enTokens = enSentences.reduce((n, s) => n + s.length, 0);
const enModel = loadModel('en')!;
// fresh model object per pass would measure loading; tag the text as separate documents of ~30 sentences, like articles
const docs: string[][][] = [];
for (let i = 0; i < enSentences.length; i += 30) docs.push(enSentences.slice(i, i + 30));
// cold: a freshly decoded model (empty token cache) tags the text once, as a new article would be
const enBytes = new Uint8Array(readFileSync(modelPath('en')));
const coldRuns: number[] = [];
for (let r = 0; r < 5; r++) {
  const fresh = decodeModel(enBytes);
  const s = performance.now();
  for (const d of docs) tagDocument(fresh, d);
  coldRuns.push(performance.now() - s);
}
const nerColdMs = median(coldRuns);
// steady state: the background keeps one model, so by the next article common words are cached;
// prime a fresh model on other sentences, then tag this (new) text once
const steadyRuns: number[] = [];
const primeDocs = (enPrime ?? '').split('\n').filter(Boolean).map((x) => tokenize(x, 'en').map((t) => t.text));
for (let r = 0; r < 5; r++) {
  const fresh = decodeModel(enBytes);
  for (let i = 0; i < primeDocs.length; i += 30) tagDocument(fresh, primeDocs.slice(i, i + 30));
  const s = performance.now();
  for (const d of docs) tagDocument(fresh, d);
  steadyRuns.push(performance.now() - s);
}
const nerMs = median(steadyRuns);
// warm: the same text again, every token's scores cached
const nerWarmMs = time(() => {
  for (const d of docs) tagDocument(enModel, d);
}, { warmup: 1, runs: 5, minMs: 500 });
const compromiseMs = time(() => {
  const doc = nlp(en);
  doc.people().out('array');
  doc.places().out('array');
}, { warmup: 1, runs: 3, minMs: 500 });

// --- a 10,000-word article (the demo's paragraphs, renumbered so the tagger's cache cannot help)
const longBlocks: Article['blocks'] = [];
let words = 0;
for (let i = 0; words < 10_000; i++) {
  const b = demo.blocks[i % demo.blocks.length];
  const text = `${b.text} (Absatz ${i + 1}.)`;
  longBlocks.push({ text, kind: b.kind });
  words += text.split(' ').length;
}
const long: Article = { ...demo, blocks: longBlocks };
const longMs = time(() => analyze(long, nodeEngine), { warmup: 1, runs: 5, minMs: 0 });

// --- models
const modelBytes: Record<string, number> = {};
const modelLoadMs: Record<string, number> = {};
for (const lang of ['de', 'en']) {
  const bytes = new Uint8Array(readFileSync(modelPath(lang)));
  modelBytes[lang] = bytes.length;
  modelLoadMs[lang] = time(() => decodeModel(bytes), { warmup: 1, runs: 7, minMs: 0 });
}

// --- bundles (Chrome production build)
const out = join(ROOT, '.output/chrome-mv3');
// built afresh: a build left from earlier would report the sizes of older code
spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'ignore' });
const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
const chunk = (prefix: string) => (existsSync(join(out, 'chunks')) ? readdirSync(join(out, 'chunks')).filter((f) => f.startsWith(prefix)).reduce((n, f) => n + size(join(out, 'chunks', f)), 0) : 0);
const bundleBytes = {
  content: size(join(out, 'content-scripts/content.js')),
  background: size(join(out, 'background.js')),
  popup: size(join(out, 'popup.html')) + chunk('popup-'),
};

const result = {
  ner: {
    tokensPerSecond: Math.round(enTokens / (nerMs / 1000)),
    coldTokensPerSecond: Math.round(enTokens / (nerColdMs / 1000)),
    warmTokensPerSecond: Math.round(enTokens / (nerWarmMs / 1000)),
    tokens: enTokens,
    text: enSource,
  },
  compromise: { tokensPerSecond: Math.round(enTokens / (compromiseMs / 1000)) },
  demoExtractMs: round(extractMs),
  demoAnalyzeMs: round(analyzeMs),
  demoQuotesMs: round(quotesMs, 3),
  demoSpeakersMs: round(speakersMs, 3),
  longArticleAnalyzeMs: round(longMs, 1),
  longArticleWords: words,
  modelLoadMs: round(Math.max(...Object.values(modelLoadMs)), 1),
  modelLoadMsByLang: Object.fromEntries(Object.entries(modelLoadMs).map(([k, v]) => [k, round(v, 1)])),
  modelBytes: Math.max(...Object.values(modelBytes)),
  modelBytesByLang: modelBytes,
  bundleBytes,
};

// --- the content script in Chromium on the 10,000-word article and a 5 MB page (scripts/bench-browser.ts)
const browserRun = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/bench-browser.ts'), '--json'], { cwd: ROOT, encoding: 'utf8' });
const browserLines = browserRun.stdout.trim().split('\n');
const browser = (() => {
  try {
    return JSON.parse(browserLines.at(-1) ?? '');
  } catch {
    return { skipped: `bench-browser failed: ${(browserRun.stderr || browserRun.stdout).trim().split('\n').at(-1)}` };
  }
})();
Object.assign(result, { browser });

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const lines = [
  `tagger (en)        ${result.ner.tokensPerSecond.toLocaleString('en')} tokens/s on new text after other articles (cold model ${result.ner.coldTokensPerSecond.toLocaleString('en')}, same text again ${result.ner.warmTokensPerSecond.toLocaleString('en')})  (${enTokens.toLocaleString('en')} tokens, ${enSource})`,
  `compromise         ${result.compromise.tokensPerSecond.toLocaleString('en')} tokens/s  (people() + places(), same text)  → ${(result.ner.tokensPerSecond / result.compromise.tokensPerSecond).toFixed(1)}×`,
  `demo extraction    ${result.demoExtractMs} ms (warm median)`,
  `demo analysis      ${result.demoAnalyzeMs} ms (warm median), of which quotes + attribution ${result.demoQuotesMs} ms (the speaker stage ${result.demoSpeakersMs} ms)`,
  `10,000-word article ${result.longArticleAnalyzeMs} ms (${words.toLocaleString('en')} words)`,
  `models             ${Object.entries(modelBytes).map(([k, v]) => `${k} ${kb(v)}, load ${modelLoadMs[k].toFixed(1)} ms`).join('; ')}`,
  `bundles            content ${kb(bundleBytes.content)}, background ${kb(bundleBytes.background)}, popup ${kb(bundleBytes.popup)}`,
];
lines.push(...(browser.skipped ? [`in Chromium        ${browser.skipped}`] : browserLines.slice(0, -1).map((l) => `in Chromium        ${l}`)));
console.log(lines.join('\n'));
if (json) console.log(JSON.stringify(result));
