/** Writes a word list for lib/ as assets/lexicon/<name>.json: {"about": …, <key>: "word|word|…"}, sorted. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeWordList(name: string, about: string, key: string, words: Iterable<string>): void {
  const list = [...words].sort();
  const file = join(import.meta.dirname, `../assets/lexicon/${name}.json`);
  writeFileSync(file, JSON.stringify({ about, [key]: list.join('|') }) + '\n');
  console.log(`${list.length} ${key} → ${file}`);
}
