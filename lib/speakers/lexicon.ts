/**
 * What a word tells about who it can be (assets/lexicon/speakers.json, built by
 * scripts/build-speaker-lexicon.ts): the gender of a first name, and whether a noun names a person
 * ("Virologe", "spokeswoman") or a body that speaks ("Gericht", "the court"), with its gender.
 */
import data from '../../assets/lexicon/speakers.json';
import { gazetteer, stemKey } from '../gazetteer';

export type Gender = 'm' | 'f';

export interface NounInfo {
  kind: 'person' | 'group';
  gender: Gender | null;
  /** the word as listed (Sprecherin, court) */
  lemma: string;
  /** a plural form the lexicon lists as such ("Männer", "Leute"), whatever its ending */
  plural?: boolean;
}

let firstGender: Map<string, Gender> | null = null;
/** m, f; x: either gender; pl: a plural form */
let dePerson: Map<string, Gender | 'x' | 'pl'> | null = null;
let deInstitution: Set<string> | null = null;
let enPerson: Set<string> | null = null;
let enGroup: Set<string> | null = null;

function load() {
  if (firstGender) return;
  firstGender = new Map();
  for (const n of data.firstNames.f) firstGender.set(n, 'f');
  for (const n of data.firstNames.m) firstGender.set(n, 'm');
  dePerson = new Map(Object.entries(data.de.person) as [string, Gender | 'x' | 'pl'][]);
  deInstitution = new Set(data.de.institution);
  enPerson = new Set(data.en.person);
  enGroup = new Set(data.en.group);
}

/** Gender of a first name when the name lists it for one gender only. */
export function firstNameGender(name: string): Gender | null {
  load();
  return firstGender!.get(name) ?? null;
}

/** Per language, what each word was found to be (keyed by the word itself: a token's text keeps its hash). */
const nounCache = new Map<string, Map<string, NounInfo | null>>();

/** Whether a (capitalised, inflected, compound) German noun or an English noun names a person or a body. */
export function nounInfo(word: string, lang: string): NounInfo | null {
  let cache = nounCache.get(lang);
  if (!cache) nounCache.set(lang, (cache = new Map()));
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  load();
  const out = lang === 'de' ? deNoun(word) : lang === 'en' ? enNoun(word.toLowerCase()) : null;
  if (cache.size > 20_000) cache.clear();
  cache.set(word, out);
  return out;
}

/**
 * Endings that make a German noun a person whatever the dictionary lists: the feminine -in of a person
 * noun and -ologe ("Virologin", "Sportreporterin", "Soziologen").
 */
const DE_PERSON_SUFFIX: [RegExp, Gender][] = [
  [/(?:erin|istin|antin|entin|eurin|orin|ologin)(?:nen)?$/, 'f'],
  [/(?:ologe|ologen)$/, 'm'],
];

/** German: the word or its last compound part, in any case form (Sprecherinnen, Experten, Anwälte). */
function deNoun(word: string): NounInfo | null {
  if (!/^\p{Lu}/u.test(word)) return null;
  const last = word.split('-').pop()!;
  for (const [re, g] of DE_PERSON_SUFFIX) if (last.length >= 6 && re.test(last) && !dePerson!.has(last)) return { kind: 'person', gender: g, lemma: last.replace(/nen$/, '').replace(/ologen$/, 'ologe') };
  const forms = (w: string) => [w, w.replace(/nen$/, ''), w.replace(/n$/, ''), w.replace(/en$/, ''), w.replace(/s$/, ''), w.replace(/e$/, ''), w.replace(/en$/, 'e'), unUmlautPlural(w)];
  for (let i = 0; i <= last.length - 4; i++) {
    // the whole word first, then ever shorter heads of the compound (Sportchef → Chef)
    const part = i === 0 ? last : last[i].toUpperCase() + last.slice(i + 1);
    if (i > 0 && part.length < 4) break;
    if (i > 0 && i < 3) continue; // a compound's head follows a first part of three letters or more (Kaffee is no Affe)
    for (const f of forms(part)) {
      const g = dePerson!.get(f);
      if (g) return g === 'pl' ? { kind: 'person', gender: null, lemma: f, plural: true } : { kind: 'person', gender: g === 'x' ? null : g, lemma: f };
      if (deInstitution!.has(f)) return { kind: 'group', gender: null, lemma: f };
    }
  }
  if (isDemonym(last)) return { kind: 'person', gender: null, lemma: last.replace(/n$/, '') };
  return null;
}

/**
 * A German noun for the people of a country the gazetteer knows, by its ending: Tunesier (Tunesien),
 * Kenianer (Kenia), Ukrainer (Ukraine), Schweizer (Schweiz); also in the dative plural (Tunesiern).
 */
function isDemonym(word: string): boolean {
  const w = word.replace(/n$/, '');
  const m = /^(\p{Lu}\p{Ll}{2,}?)(ianer|aner|ier|er)$/u.exec(w);
  if (!m) return false;
  const [, stem, suffix] = m;
  const places = suffix === 'ier' ? [stem + 'ien'] : suffix === 'ianer' ? [stem + 'ien', stem + 'ia'] : suffix === 'aner' ? [stem + 'a', stem + 'ien'] : [stem + 'e', stem, stem + 'en'];
  return places.some((p) => gazetteer().get(stemKey([p]))?.some((e) => e.id.startsWith('country:')));
}

/** Anwälte → Anwalt, Ärzte → Arzt */
function unUmlautPlural(w: string): string {
  return w.replace(/e$/, '').replace(/([äöü])([^aeiouäöü]*)$/, (_, v: string, rest: string) => ({ ä: 'a', ö: 'o', ü: 'u' })[v as 'ä'] + rest).replace(/^([ÄÖÜ])/, (v) => ({ Ä: 'A', Ö: 'O', Ü: 'U' })[v as 'Ä']);
}

const EN_F = /(?:woman|women|wife|wives|daughter|queen|mother|sister|princess|girl|actress|chairwoman|spokeswoman|congresswoman|businesswoman|lady|ladies|mom|grandmother|aunt|niece|widow|bride)$/;
const EN_M = /(?:^man|[^o]man|^men|[^o]men|husband|son|king|father|brother|prince|boy|actor|chairman|spokesman|congressman|businessman|dad|grandfather|uncle|nephew|widower|groom)$/;

/** An age as a noun for the person ("the 52-year-old", "a 19-year-old"): news names people so. */
const EN_AGE_NOUN = /^\d{1,3}-year-old$/;

function enNoun(w: string): NounInfo | null {
  if (EN_AGE_NOUN.test(w)) return { kind: 'person', gender: null, lemma: 'year-old' };
  const whole = enWord(w);
  if (whole || !w.includes('-')) return whole;
  // a compound is what its last part is ("vice-chancellor", "co-founder", "ex-minister")
  const last = w.split('-').pop()!;
  return last.length >= 3 ? enWord(last) : null;
}

function enWord(w: string): NounInfo | null {
  const singulars = [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, ''), w.replace(/men$/, 'man')];
  for (const s of singulars) {
    if (enPerson!.has(s)) return { kind: 'person', gender: EN_F.test(w) ? 'f' : EN_M.test(w) ? 'm' : null, lemma: s };
  }
  for (const s of singulars) if (enGroup!.has(s)) return { kind: 'group', gender: null, lemma: s };
  return null;
}
