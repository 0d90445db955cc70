/**
 * Builds assets/lexicon/en-person-nouns.json: English nouns that name a person by what they do or are
 * (spokeswoman, lawyer, commissioner, founder), for role extraction (lib/roles.ts). Source: the lexicon
 * of compromise (npm, devDependency, MIT licence): every word it tags Actor. Hand additions for news
 * titles it lacks are in assets/lexicon/roles.json.
 *   npx tsx scripts/build-en-person-nouns.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';

const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
const words = new Set<string>();
for (const [w, tags] of Object.entries(lex)) {
  const list = Array.isArray(tags) ? tags : String(tags).split(',');
  if (list.includes('Actor') && /^[a-z][a-z-]+$/.test(w)) words.add(w);
}
const out = {
  about: 'English nouns that name a person (compromise 14 lexicon, words tagged Actor; MIT licence), joined by "|". Built by scripts/build-en-person-nouns.ts.',
  licence: 'MIT (compromise)',
  nouns: [...words].sort().join('|'),
};
writeFileSync(join(import.meta.dirname, '../assets/lexicon/en-person-nouns.json'), JSON.stringify(out) + '\n');
console.log(`${words.size} English person nouns`);
