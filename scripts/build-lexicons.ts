/**
 * Builds assets/lexicon/first-names.json from the NER training sets: words that begin a
 * multi-word person name (B-PER followed by I-PER) at least twice and never stand in lower case.
 *   npx tsx scripts/build-lexicons.ts [dataDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';

const dir = process.argv[2] ?? process.env.NER_DATA_DIR ?? join(import.meta.dirname, '../../shared/data');
const files: [string, number, string][] = [
  [join(dir, 'germeval2014/germ.train.iob2'), 1, 'de'],
  [join(dir, 'conll2003-en/train.txt'), 3, 'en'],
];
const first = new Map<string, number>();
const other = new Map<string, number>();
const lower = new Set<string>();
for (const [file, col] of files) {
  const rows = readFileSync(file, 'utf8').split('\n').map((l) => l.split(/[\t ]/));
  for (let i = 0; i < rows.length; i++) {
    const [tok] = rows[i];
    const tag = rows[i][col];
    if (!tok || !tag) continue;
    if (/^\p{Ll}/u.test(tok)) lower.add(tok.toLowerCase());
    if (tag === 'B-PER' && rows[i + 1]?.[col] === 'I-PER') first.set(tok, (first.get(tok) ?? 0) + 1);
    else if (tag !== 'O') other.set(tok, (other.get(tok) ?? 0) + 1);
  }
}
const names = [...first.entries()]
  .filter(([w, n]) => n >= 2 && /^\p{Lu}\p{Ll}+$/u.test(w) && !lower.has(w.toLowerCase()) && (other.get(w) ?? 0) < n)
  .map(([w]) => w)
  .sort();
// more first names, as evidence only (a first name before "Park" makes a person): compromise's lexicon (MIT)
const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
const known = new Set(names);
const more = Object.entries(lex)
  .filter(([w, t]) => /^[a-z]{2,}$/.test(w) && (Array.isArray(t) ? t : String(t).split(',')).some((x) => /^(?:FirstName|MaleName|FemaleName)$/.test(x)))
  .map(([w]) => w[0].toUpperCase() + w.slice(1))
  .filter((w) => !known.has(w))
  .sort();
writeFileSync(
  join(import.meta.dirname, '../assets/lexicon/first-names.json'),
  JSON.stringify({
    about: 'names: first names seen at the start of a multi-word person name at least twice in GermEval 2014 train (CC BY 4.0) and CoNLL-2003 train; more: further first names from the lexicon of compromise (MIT), used only as evidence that a name is a person\'s. Built by scripts/build-lexicons.ts.',
    names,
    more,
  }) + '\n',
);
console.log(`${names.length} first names, ${more.length} more`);
