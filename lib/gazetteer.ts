/** Gazetteers as data: assets/lexicon/gazetteer.json plus country names and aliases (i18n-iso-countries, MIT). */
import countriesDe from 'i18n-iso-countries/langs/de.json';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import gaz from '../assets/lexicon/gazetteer.json';
import firstNameList from '../assets/lexicon/first-names.json';
import { adjectiveStem } from './german';
import type { EntityType } from './types';

export interface GazetteerEntry {
  type: EntityType;
  /** Stable id shared by aliases (ISO code for countries). */
  id: string;
  tokens: string[];
}

/**
 * Word-stem key of a name, so inflected forms meet: "Weißen Hauses" and "Weiße Haus" → "weiß haus".
 * The last word is the head noun: only its genitive ending goes ("Norwegers" is no "Norwegen").
 */
export function stemKey(tokens: string[]): string {
  return tokens.map((t, i) => (i < tokens.length - 1 ? stemWord(t) : headStem(t))).join(' ');
}

/** The head noun of a name without its genitive ending ("Hauses" → "haus", "Moskaus" → "moskau"). */
export function headStem(t: string): string {
  const l = t.toLowerCase();
  if (l.length <= 4 || /^\p{Lu}+$/u.test(t)) return l;
  return l.replace(/(?:es|s)$/, (m) => (l.length > 5 ? '' : m));
}

const stemCache = new Map<string, string>();

export function stemWord(t: string): string {
  const hit = stemCache.get(t);
  if (hit !== undefined) return hit;
  const out = computeStem(t);
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(t, out);
  return out;
}

function computeStem(t: string): string {
  const l = t.toLowerCase();
  if (l.length <= 4 || /^\p{Lu}+$/u.test(t)) return l;
  return adjectiveStem(l.replace(/(?:es|s)$/, (m) => (l.length > 5 ? '' : m)));
}

let index: Map<string, GazetteerEntry[]> | null = null;
let firstStems: Set<string> | null = null;

/** Stems that begin some gazetteer name: a cheap test before building multi-word keys. */
export function gazetteerFirstStems(): Set<string> {
  if (!firstStems) {
    firstStems = new Set();
    for (const list of gazetteer().values()) for (const e of list) firstStems.add(e.tokens.length > 1 ? stemWord(e.tokens[0]) : headStem(e.tokens[0]));
  }
  return firstStems;
}

function add(map: Map<string, GazetteerEntry[]>, name: string, type: EntityType, id: string) {
  const tokens = name.split(/\s+/);
  const key = stemKey(tokens);
  const list = map.get(key) ?? [];
  if (!list.some((e) => e.id === id)) list.push({ type, id, tokens });
  map.set(key, list);
}

export function gazetteer(): Map<string, GazetteerEntry[]> {
  if (index) return index;
  const map = new Map<string, GazetteerEntry[]>();
  for (const src of [countriesDe, countriesEn] as { countries: Record<string, string | string[]> }[]) {
    for (const [code, names] of Object.entries(src.countries)) {
      for (const n of Array.isArray(names) ? names : [names]) if (!/[(),]/.test(n)) add(map, n, 'place', `country:${code}`);
    }
  }
  for (const n of gaz.organization) add(map, n, 'organization', `org:${stemKey(n.split(' '))}`);
  for (const n of gaz.place) add(map, n, 'place', `place:${stemKey(n.split(' '))}`);
  index = map;
  return map;
}

export function contextual(): Record<string, { type: EntityType; after: Set<string> }> {
  const out: Record<string, { type: EntityType; after: Set<string> }> = {};
  for (const [name, after] of Object.entries(gaz.contextual.organization)) out[name] = { type: 'organization', after: new Set(after) };
  return out;
}

let firsts: Set<string> | null = null;
/** First names learned from the NER training sets (scripts/build-lexicons.ts). */
export function firstNames(): Set<string> {
  return (firsts ??= new Set(firstNameList.names));
}
