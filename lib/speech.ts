/** The speech-cue lexicon (assets/lexicon/speech.json) expanded into fast look-up sets. */
import lexicon from '../assets/lexicon/speech.json';

export interface SpeechLexicon {
  verbs: Set<string>;
  separable: Map<string, string[]>;
  denial: Set<string>;
  cuesBefore: string[][];
  cuesAfter: Set<string>;
  complementizers: Set<string>;
  pronouns: Map<string, 'm' | 'f'>;
  groupNouns: Set<string>;
  determiners: Set<string>;
  /** nouns for something said ("statement", "Erklärung") */
  nouns: Set<string>;
  /** nouns that name the quotation after them a saying nobody here says ("nach dem Motto", "the old adage"), lower case */
  sayings: Set<string>;
  /** nouns for events and works that do not speak: words in quotation marks right after one are a title ("die Tagung „…“") */
  titleNouns: string[];
  /** prepositions after which a noun phrase is a place, time, cause or addressee, never a speaker ("in der Stadt") */
  placePrepositions: Set<string>;
  /** verbs of hearing: a quotation heard is not the hearer's */
  hearing: Set<string>;
}

/** German weak verbs: present, past and participle forms from the stem. */
export function inflectWeak(stem: string): string[] {
  const e = /(?:[td]|(?:ch|[^aeioulrh])[mn])$/.test(stem) ? 'e' : ''; // bericht-e-te, bezeichn-e-te, but wohn-te, lern-te
  const ge = /ier$/.test(stem) || /^(?:be|er|ver|zer|ent|emp|ge|über|unter|wider)/.test(stem) ? '' : 'ge';
  // a stem in -er or -el takes -n where others take -en: fordern, schildern, erinnern, murmeln (not bilanzieren)
  const n = /(?:[^i]er|el)$/.test(stem) ? 'n' : 'en';
  return [
    stem + 'e', stem + e + 'st', stem + e + 't', stem + n, stem + e + 'te', stem + e + 'ten', stem + e + 'test', stem + e + 'tet',
    ge + stem + e + 't', stem + n + 'd',
  ];
}

const cache = new Map<string, SpeechLexicon | null>();

interface LexiconData {
  separable?: Record<string, string[]>;
  denial: string[];
  cuesBefore: string[];
  cuesAfter: string[];
  complementizers: string[];
  pronouns: Record<string, string>;
  groupNouns: string[];
  determiners: string[];
  nouns?: string[];
  sayings?: string[];
  titleNouns?: string[];
  placePrepositions?: string[];
  hearing?: string[];
}

function build(d: LexiconData, verbs: Iterable<string>): SpeechLexicon {
  return {
    verbs: new Set(verbs),
    separable: new Map(Object.entries(d.separable ?? {})),
    denial: new Set(d.denial),
    cuesBefore: d.cuesBefore.map((c) => c.split(' ')),
    cuesAfter: new Set(d.cuesAfter),
    complementizers: new Set(d.complementizers),
    pronouns: new Map(Object.entries(d.pronouns) as [string, 'm' | 'f'][]),
    groupNouns: new Set(d.groupNouns),
    determiners: new Set(d.determiners),
    nouns: new Set((d.nouns ?? []).map((n) => n.toLowerCase())),
    sayings: new Set((d.sayings ?? []).map((n) => n.toLowerCase())),
    titleNouns: (d.titleNouns ?? []).map((n) => n.toLowerCase()),
    placePrepositions: new Set(d.placePrepositions ?? []),
    hearing: new Set(d.hearing ?? []),
  };
}

export function speechLexicon(lang: string): SpeechLexicon | null {
  if (cache.has(lang)) return cache.get(lang)!;
  let lex: SpeechLexicon | null = null;
  if (lang === 'de') {
    const d = lexicon.de;
    lex = build(d, [...d.weakStems.flatMap(inflectWeak), ...d.strongForms, ...d.prefixedParticiples]);
  } else if (lang === 'en') {
    lex = build(lexicon.en, lexicon.en.verbs);
  }
  cache.set(lang, lex);
  return lex;
}
