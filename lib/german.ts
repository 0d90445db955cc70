/** Just enough German morphology to give names and roles in their base form. */
import nouns from '../assets/lexicon/de-nouns.json';

export type Gender = 'm' | 'f' | 'n' | 'pl';

const GENDER = new Map<string, Gender>();
for (const g of ['m', 'f', 'n', 'pl'] as const) for (const w of nouns[g]) GENDER.set(w, g);
const GENDER_KEYS = [...GENDER.keys()].sort((a, b) => b.length - a.length);

const SUFFIX_GENDER: [RegExp, Gender][] = [
  [/(?:ung|heit|keit|schaft|ion|tät|ei|ie|ik|ur|enz|anz)$/, 'f'],
  [/(?:um|chen|lein|ment|tum|nis)$/, 'n'],
  [/(?:ismus|ling|or|ant|ent|ist|ig|ich)$/, 'm'],
];

/** Gender of a noun only when the lexicon lists the word itself. */
export function lexiconGender(word: string): Gender | null {
  return GENDER.get(word.toLowerCase()) ?? null;
}

/** Gender of a noun, by the lexicon (also as the last part of a compound) or by its suffix. */
export function nounGender(word: string): Gender | null {
  const w = word.toLowerCase();
  const exact = GENDER.get(w);
  if (exact) return exact;
  for (const k of GENDER_KEYS) if (k.length >= 4 && w.endsWith(k)) return GENDER.get(k)!;
  for (const [re, g] of SUFFIX_GENDER) if (re.test(w)) return g;
  return null;
}

export const DETERMINER_GENDER: Record<string, Gender[]> = {
  das: ['n'], dem: ['m', 'n'], des: ['m', 'n'], den: ['m', 'pl'], die: ['f', 'pl'], der: ['m', 'f', 'pl'],
  ein: ['m', 'n'], eines: ['m', 'n'], einem: ['m', 'n'], einen: ['m'], eine: ['f'], einer: ['f'],
};

export const DETERMINERS = new Set(Object.keys(DETERMINER_GENDER));

/** An inflected adjective ("russischen", "Weißen", "oberster"). */
export function isAdjectiveForm(word: string): boolean {
  return /^\p{L}{3,}(?:e|en|em|er|es)$/u.test(word) && !/(?:ungen|heiten|keiten)$/.test(word);
}

export function adjectiveStem(word: string): string {
  return word.replace(/(?:en|em|er|es|e)$/, '');
}

const STRONG_NOM: Record<Gender, string> = { m: 'er', f: 'e', n: 'es', pl: 'e' };

/** "Weißen" + neuter → "Weißes"; "russischen" + masculine → "russischer". */
export function strongNominative(adjective: string, gender: Gender): string {
  return adjectiveStem(adjective) + STRONG_NOM[gender];
}

/** Masculine nouns of the weak declension (dem Präsidenten → Präsident). */
const WEAK_SUFFIX = /(?:ent|ant|ist|at|og|graf|soph|nom|ot|et|arch|ant|and)$/;
const WEAK_E = /(?:oge|e)$/;
const NOMINALISED = /(?:[^r]te|nde|ige|liche|ene|sche|ische)$/; // Beauftragte, Vorsitzende; not Experte

/** A person noun in the nominative singular, from an oblique form (masculine unless it ends in -in). */
export function personNounNominative(noun: string, gender: 'm' | 'f'): string {
  if (gender === 'f') return noun;
  if (noun.endsWith('en') && WEAK_SUFFIX.test(noun.slice(0, -2))) return noun.slice(0, -2);
  if (noun.endsWith('n')) {
    const e = noun.slice(0, -1);
    if (NOMINALISED.test(e)) return e + 'r'; // Sonderbeauftragten → Sonderbeauftragter
    if (WEAK_E.test(e) && e.length > 4) return e; // Experten → Experte
  }
  if (NOMINALISED.test(noun)) return noun + 'r'; // der Sonderbeauftragte → Sonderbeauftragter
  return noun;
}
