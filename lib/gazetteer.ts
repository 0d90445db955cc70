/** Gazetteers as data: assets/lexicon/gazetteer.json plus country names and aliases (i18n-iso-countries, MIT). */
import countriesDe from 'i18n-iso-countries/langs/de.json';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import gaz from '../assets/lexicon/gazetteer.json';
import firstNameList from '../assets/lexicon/first-names.json';
import heads from '../assets/lexicon/name-heads.json';
import places from '../assets/lexicon/places.json';
import { adjectiveStem, isCommonNoun } from './german';
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

let anyFirsts: Set<string> | null = null;
/** First names as evidence that a name is a person's: the training-set list and compromise's (assets/lexicon/first-names.json). */
export function knownFirstNames(): Set<string> {
  return (anyFirsts ??= new Set([...firstNameList.names, ...firstNameList.more]));
}

let firsts: Set<string> | null = null;
/** First names learned from the NER training sets (scripts/build-lexicons.ts). */
export function firstNames(): Set<string> {
  return (firsts ??= new Set(firstNameList.names));
}

// --- what kind of thing a name is, by its words (assets/lexicon/name-heads.json) ---

type HeadLists = { last: string[]; first: string[]; before: string[] };
const HEAD_TYPES: [EntityType, HeadLists][] = [
  ['organization', heads.organization],
  ['place', heads.place],
];

/** A word matches a listed head exactly, or (German compounds, hyphen compounds) by the ending of a long enough head. */
function headMatch(word: string, list: string[], byEnding: boolean): boolean {
  if (list.includes(word)) return true;
  if (!byEnding) return false;
  const l = word.toLowerCase();
  return list.some((h) => h.length >= 4 && /^\p{Lu}/u.test(h) && l.endsWith(h.toLowerCase()) && l.length > h.length && (word[word.length - h.length - 1] === '-' || /\p{Ll}/u.test(word[word.length - h.length - 1])));
}

/**
 * The kind of thing a name's own words say it is: its last word ("Autonomous Tenant Union",
 * "Robert Koch-Institut", "Albany Park"), or its first ("Universität Leipzig", "Lake Como").
 * A single word counts only as a hyphen compound ("Hanns-Seidel-Stiftung").
 * `strong` is true for legal forms, compounds and words no surname is ('Quay', 'Straße'); `overrules` for the
 * heads that decide against the tagger too ('Berthold-Beitz-Boulevard', 'Cork University Hospital').
 */
export function typeByHead(tokens: string[]): { type: EntityType; strong: boolean; legal: boolean; overrules: boolean } | null {
  const last = tokens[tokens.length - 1];
  const multi = tokens.length > 1;
  const hyphen = last.includes('-');
  const lastPart = last.slice(last.lastIndexOf('-') + 1);
  // a legal form at the end of a compound ("Saar-Elektrizitäts-AG")
  if (hyphen && LEGAL_FORM.test(lastPart)) return { type: 'organization', strong: true, legal: true, overrules: true };
  for (const [type, h] of HEAD_TYPES) {
    if (!(multi || hyphen) || !headMatch(last, h.last, true)) continue;
    const legal = LEGAL_FORM.test(last);
    const overrules = heads.overrules.includes(lastPart) && h.last.includes(lastPart);
    return { type, strong: hyphen || legal || last.length > 12 || heads.neverSurname.includes(last), legal, overrules };
  }
  if (multi) for (const [type, h] of HEAD_TYPES) if (h.first.includes(tokens[0])) return { type, strong: true, legal: false, overrules: false };
  return null;
}

/** A German word that ends in an organisation's head ("Bundesagentur", "Kammer", "Staatsministerium"): an institution's name may run on from it ("… für Arbeit"). */
export function isInstitutionHead(word: string): boolean {
  return /^\p{Lu}\p{Ll}{3,}$/u.test(word) && (heads.organization.first.includes(word) || headMatch(word, heads.organization.last, true));
}

/** A company's word that makes one name with its town's adjective before it ("Kasseler Sparkasse"). */
const AFTER_TOWN_END = new RegExp(`^\\p{Lu}\\p{Ll}{3,}(?:${heads.afterTownEndings.join('|')})$`, 'u');
export function isTownCompanyHead(word: string): boolean {
  return heads.afterTown.includes(word) || AFTER_TOWN_END.test(word);
}

const BEFORE_TOWN = new RegExp(`^\\p{Lu}\\p{Ll}*(?:${heads.beforeTown.join('|')})$`, 'u');
/** A German institution's word that makes one name with the town after it ("Finanzamt Essen", "Realschule Spaichingen"). */
export function isInstitutionBeforeTown(word: string): boolean {
  return BEFORE_TOWN.test(word);
}

/** The town an adjective in -er names, if the town list knows it ("Kasseler" → Kassel, "Münchner" → München, "Bremer" → Bremen). */
export function townOfAdjective(word: string): string | null {
  if (!/^\p{Lu}\p{Ll}+er$/u.test(word)) return null;
  const base = word.slice(0, -2);
  return [base, base + 'en', base.replace(/n$/, 'en'), base + 'e'].find((t) => t.length >= 3 && isTownName(t)) ?? null;
}

/** The last word of a shop's, pub's or hotel's name ("Pub", "Cafe", "Hotel"), which may follow its owner's name ("Murphy's Pub"). */
export function isBusinessHead(word: string): boolean {
  return heads.business.includes(word);
}

const COMPANY_ROLE = new RegExp(`(?:${heads.companyRoles.join('|')})(?:s|n|en|es)?$`);
/** A German noun for a person that news also writes before a company's or a club's name ("Spielzeughersteller", "Konkurrenten", "Tabellenführer"). */
export function isCompanyRoleNoun(word: string): boolean {
  return COMPANY_ROLE.test(word.toLowerCase());
}

/** A word for the seats a party holds ("Sitze", "Mandate", "seats"): a bracket counting them follows a party's name. */
export function isSeatWord(word: string): boolean {
  return heads.seats.includes(word);
}

let orgPlurals: Set<string> | null = null;
/** An English plural of an organisation's head word ("universities", "colleges", "clubs"): a list of names before or after it names organisations. */
export function isOrganizationPlural(word: string): boolean {
  orgPlurals ??= new Set(heads.organization.last.filter((w) => /^[A-Z][a-z]+$/.test(w)).map((w) => w.toLowerCase().replace(/y$/, 'ie') + 's'));
  return orgPlurals.has(word);
}

/** A US state as US news abbreviates it after a party letter ("Calif.", "N.C.", "Texas"), or null. */
export function usState(abbreviation: string): string | null {
  return (gaz.usStates as Record<string, string>)[abbreviation] ?? null;
}

/** Legal forms of companies: they make a name an organisation whatever else it looks like. */
const LEGAL_FORM = /^(?:GmbH|AG|KG|KGaA|SE|eG|mbH|OHG|Inc\.?|Corp\.?|Ltd\.?|LLC|LLP|plc|PLC|Co\.)$/;

/**
 * The kind of thing a noun right before a name says the name is ("die Partei Attayar", "die Insel Lampedusa"),
 * or 'none' for a product, model or work ("des Hubschraubers Tiger", "der Film Barbie"). `exact`: the listed word
 * itself, not a compound ending in it ("Bundesverband Deutscher Stiftungen" is a name, not a kind).
 */
export function typeByClassifier(word: string | undefined, exact = false): EntityType | 'none' | null {
  if (!word) return null;
  const byEnding = !exact && /^\p{Lu}/u.test(word);
  for (const [type, h] of HEAD_TYPES) if (headMatch(word, h.before, byEnding)) return type;
  const stem = word.replace(/(?:e?s|e?n)$/, '');
  if (headMatch(word, heads.notName.before, byEnding) || (stem !== word && headMatch(stem, heads.notName.before, byEnding))) return 'none';
  return null;
}

/** A competition, event or award by its last word or the last part of its last word ("Quirinus-Cup", "Olympische Spiele", "Super Bowl"): no entity. */
export function isEventName(tokens: string[]): boolean {
  const last = tokens[tokens.length - 1];
  const part = last.slice(last.lastIndexOf('-') + 1);
  const list: string[] = heads.notName.last;
  return (tokens.length > 1 || part !== last) && (list.includes(part) || list.includes(tokens.slice(-2).join(' ')));
}

/** An award known by a name of its own ("Oscar", "Golden Globe"): no entity where it is the award. */
export function isAwardName(tokens: string[]): boolean {
  return heads.notName.awards.includes(tokens.join(' '));
}

/** A classifier noun that is part of the name it stands before ("Kanton Nidwalden", "Universität Leipzig"), not only its kind. */
export function opensName(word: string): boolean {
  return HEAD_TYPES.some(([, h]) => h.first.includes(word));
}

// (two tests, each linear: one pattern with nested optional parts backtracks exponentially on long words)
const STREET_SHAPE = /^\p{Lu}\p{Ll}{2,}(?:-\p{Lu}?\p{Ll}+|\p{Lu}\p{Ll}+)*$/u;
const STREET_END = new RegExp(`\\p{Ll}{2}(?:${heads.streetEndings.join('|')})$`, 'u');
/** A one-word German street name by its ending ("Kruppstraße", "Kortumstr", "Bargkoppelstieg"); the caller rules out common nouns. */
export function isStreetWord(word: string): boolean {
  return STREET_SHAPE.test(word) && STREET_END.test(word);
}

const LANDMARK_END = new RegExp(`^(\\p{Lu}\\p{Ll}{3,})(?:${heads.landmarkEndings.join('|')})$`, 'u');
/** A one-word landmark's name by its ending ("Eiffelturm", "Köhlbrandbrücke"); the caller rules out common nouns. */
export function isLandmarkWord(word: string): boolean {
  const first = LANDMARK_END.exec(word)?.[1];
  // named after a name, not a common noun ("Glockenturm", "Eisenbahnbrücke")
  return !!first && ![first, first.replace(/(?:s|n|en|es|e)$/, ''), first + 'e'].some((f) => f.length >= 3 && isCommonNoun(f));
}

let towns: Set<string> | null = null;
/** A town or village GeoNames knows (assets/lexicon/places.json: "St. Veit", "Stans", "Youghal"). */
export function isTownName(name: string): boolean {
  return (towns ??= new Set(places.names.split('|'))).has(name);
}
