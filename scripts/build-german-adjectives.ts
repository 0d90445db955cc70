/**
 * Builds assets/lexicon/de-adjectives.json: stems of German adjectives (and participles used as adjectives),
 * for the entity layer (lib/german.ts isAdjective): only a real adjective is put back into its base form
 * in a name ("dem Schwarzen Meer" → "Schwarzes Meer"), never a noun, a place-derived word or a foreign
 * word that merely ends like one ("Kadetten Schaffhausen", "Dresdner SC", "Golden Globe", "Hannover 96").
 *
 * Source: the German word-frequency lists of @zxcvbn-ts/language-de (MIT; © Dan Wheeler, Dropbox, Inc.
 * and the zxcvbn-ts authors), lower-cased words from Wikipedia and common usage. A stem counts as an
 * adjective when the lists hold its declension: stem+e, stem+en and at least two of stem+er, stem+es,
 * stem+em ("schwarz": schwarze, schwarzen, schwarzer, schwarzes). Nouns rarely show that paradigm
 * ("kadett": kadetten only; "gold": golden only).
 *   npx tsx scripts/build-german-adjectives.ts
 */
import { createRequire } from 'node:module';
import { writeWordList } from './word-list-file';

const req = createRequire(import.meta.url);
const words = new Set<string>([
  ...(req('@zxcvbn-ts/language-de/src/commonWords.json') as string[]),
  ...(req('@zxcvbn-ts/language-de/src/wikipedia.json') as string[]),
]);
const stems: string[] = [];
for (const w of words) {
  if (!w.endsWith('en') || !/^\p{Ll}+$/u.test(w)) continue;
  const stem = w.slice(0, -2);
  if (stem.length < 3 || !words.has(stem + 'e')) continue;
  if (['er', 'es', 'em'].filter((e) => words.has(stem + e)).length >= 2) stems.push(stem);
}
writeWordList(
  'de-adjectives',
  'Stems of German adjectives, built by scripts/build-german-adjectives.ts from the word-frequency lists of @zxcvbn-ts/language-de (MIT): a stem whose declined forms (-e, -en and two of -er, -es, -em) are all listed.',
  'stems',
  stems,
);
