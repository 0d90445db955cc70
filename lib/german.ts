/** Just enough German morphology to give names and roles in their base form. */
import nouns from '../assets/lexicon/de-nouns.json';
import common from '../assets/lexicon/de-common-nouns.json';
import adjectives from '../assets/lexicon/de-adjectives.json';

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
  const lemma = nounLemma(word);
  const g = lemma ? COMMON().gender.get(lemma.head) : undefined;
  if (g && g !== 'x') return g;
  for (const [re, g] of SUFFIX_GENDER) if (re.test(w)) return g;
  return null;
}

// --- common nouns (assets/lexicon/de-common-nouns.json, built by scripts/build-german-nouns.ts) ---

let commonIndex: { gender: Map<string, Gender | 'x'>; person: Set<string>; alsoNames: Set<string> } | null = null;
function COMMON() {
  if (!commonIndex) {
    const gender = new Map<string, Gender | 'x'>();
    for (const g of ['m', 'f', 'n', 'x'] as const) for (const w of common[g].split('|')) gender.set(w, g);
    commonIndex = { gender, person: new Set(common.person.split('|')), alsoNames: new Set(common.alsoNames.split('|')) };
  }
  return commonIndex;
}

/** Inflectional endings a noun may carry in the text (Staaten, Kunden, Hauses, Sprecherinnen). */
const NOUN_ENDINGS = ['', 's', 'es', 'n', 'en', 'e', 'nen'];
/**
 * Last parts of compounds that also end German surnames and place names (Zimmermann, Hartberg,
 * Dormagen): a word ending in one of them is no common noun by its last part alone.
 */
const NAME_HEADS = /^(?:mann|männer|berg|burg|dorf|feld|bach|hausen|heim|stein|hof|au|furt|brück|brücke|tal|magen|see|wald|hagen|horst|haus|kirchen|kirch|ingen|ung|stedt|stadt|leben|rode|land|garten|meier|mayer|maier|bauer|schmidt|müller|meister)$/;

function listedNoun(w: string): string | null {
  const idx = COMMON().gender;
  for (const e of NOUN_ENDINGS) {
    if (e && !w.endsWith(e)) continue;
    const stem = w.slice(0, w.length - e.length);
    if (stem.length >= 2 && idx.has(stem)) return stem;
  }
  return null;
}

/**
 * A capitalised word as a common noun: its lemma and the lemma of its last part ("Kundenhotline" →
 * head "Hotline"). A compound counts only when its first part is a noun too (with a linking s or n),
 * and never by a last part that also ends names ("Dormagen" is no "Magen").
 */
export function nounLemma(word: string): { lemma: string; head: string } | null {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return null;
  const hy = word.lastIndexOf('-');
  if (hy > 0) {
    const last = word.slice(hy + 1);
    const head = /^\p{Lu}/u.test(last) ? listedNoun(last) ?? nounLemma(last)?.head : null;
    return head ? { lemma: word, head } : null;
  }
  const exact = listedNoun(word);
  if (exact) return { lemma: exact, head: exact };
  for (let i = 3; i <= word.length - 4; i++) {
    const tail = word[i].toUpperCase() + word.slice(i + 1);
    const head = listedNoun(tail);
    if (!head) continue;
    const first = word.slice(0, i);
    // "Einrichtungshaus": a linking s after a noun suffix makes it a compound of common nouns, not a name ("Neuhaus")
    const nounLink = /(?:ung|heit|keit|schaft|ion|tät)s$/.test(first);
    if (NAME_HEADS.test(head.toLowerCase()) && !nounLink) return null;
    const firstOk = nounLink || [first, first.replace(/(?:s|n|en|es|e)$/, ''), first + 'e'].some((f) => f.length >= 3 && COMMON().gender.has(f));
    return firstOk ? { lemma: word, head } : null;
  }
  return null;
}

export function isCommonNoun(word: string): boolean {
  return nounLemma(word) !== null;
}

/** A noun that is also a person's name in the NER training data ("Müller", "Wolf", "Fischer"). */
export function isAlsoName(word: string): boolean {
  return COMMON().alsoNames.has(word);
}

/** Nominalised adjectives and participles that name people (Vorsitzende, Beauftragter, Abgeordneten). */
const NOMINALISED_PERSON = /(?:vorsitzende|beauftragte|abgeordnete|angestellte|gesandte|bevollmächtigte|verantwortliche|verwandte|bekannte|angehörige|delegierte|sachverständige|vertraute|geistliche|gelehrte|verletzte|verdächtige|angeklagte|beschuldigte|betroffene|jugendliche|erwachsene|deutsche|selbständige|selbstständige|beamte)(?:r|n|s)?$/;

/** Feminine agent nouns (Demokratin, Whistleblowerin, Physikerin) and masculine ones the lexicon may lack (Politiker, Spezialist). */
const PERSON_SUFFIX_F = /(?:erin|istin|entin|antin|atin|orin|eurin|login|ikerin|ierin)(?:nen)?$/;
const PERSON_SUFFIX_M = /(?:eur|ologe|ist|iker|(?<!gener|transform|akkumul|ventil|kalkul|indik|katalys|radi|äqu|inhal|simul|isol|vibr|separ|regul|modul|oszill|kompar|aggreg|termin)ator)(?:s|en|n|e)?$/;

/** A noun that names a person ("Sprecherin", "Regierungschef", "Vorsitzende"), in any case form. */
export function isPersonNoun(word: string): boolean {
  const hy = word.lastIndexOf('-');
  const w = hy > 0 ? word.slice(hy + 1) : word;
  if (!/^\p{Lu}\p{Ll}/u.test(w)) return false;
  const lw = w.toLowerCase();
  if (NOMINALISED_PERSON.test(lw) || PERSON_SUFFIX_F.test(lw) || (lw.length >= 7 && PERSON_SUFFIX_M.test(lw))) return true;
  const { person } = COMMON();
  for (let i = 0; i <= w.length - 3; i++) {
    const tail = i ? w[i].toUpperCase() + w.slice(i + 1) : w;
    for (const e of NOUN_ENDINGS) {
      if (e && !tail.endsWith(e)) continue;
      if (person.has(tail.slice(0, tail.length - e.length))) return true;
    }
  }
  return false;
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

let adjectiveStems: Set<string> | null = null;

/**
 * An inflected form of a real adjective ("Schwarzen", "Europäische", "olympischen"): its stem is a listed
 * adjective (assets/lexicon/de-adjectives.json) or ends in -isch/-lich. Nouns, place-derived words and foreign
 * words that merely end like one are not ("Kadetten", "Dresdner", "Golden", "Hannover").
 */
export function isAdjective(word: string): boolean {
  if (!isAdjectiveForm(word)) return false;
  const stem = adjectiveStem(word.toLowerCase());
  adjectiveStems ??= new Set(adjectives.stems.split('|'));
  return adjectiveStems.has(stem) || (!word.endsWith('er') && /(?:isch|lich)$/.test(stem));
}

/**
 * An adjective or adverb in its base form, capitalised only at a sentence start ("Hemmungslos weinen.",
 * "Schön war es."): a listed stem, or a word built with an adjective suffix (-los, -sam, -haft, -isch, -lich).
 */
export function isAdjectiveBase(word: string): boolean {
  const w = word.toLowerCase();
  adjectiveStems ??= new Set(adjectives.stems.split('|'));
  return adjectiveStems.has(w) || (w.length >= 6 && /(?:los|sam|haft|isch|lich)$/.test(w));
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
