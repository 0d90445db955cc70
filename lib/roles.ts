/**
 * Roles in the article's own words, from titles and appositions around a person's name:
 *   de: "dem russischen Präsidenten Wladimir Putin" → "russischer Präsident"
 *       "Juri Uschakow, Putins oberster außenpolitischer Berater," → verbatim
 *       "die Pressesprecherin des Weißen Hauses, Karoline Leavitt" → "Pressesprecherin des Weißen Hauses"
 *       "Donald Trumps Schwiegersohn Jared Kushner" → "Schwiegersohn von Donald Trump"
 *       "Gian Domenico Borasio ist ein deutsch-italienischer Arzt" → "deutsch-italienischer Arzt"
 *   en: "Kremlin spokesman Dmitry Peskov", "Karoline Leavitt, the White House press secretary,",
 *       "Bolger's lawyer, Jeremy Robinson,", "Acting U.S. Attorney for the District of Massachusetts Joshua Levy"
 * A role is headed by a noun that names a person (lexicons in assets/lexicon): never a function word at the
 * start of a sentence ("Nach"), a thing ("Fall"), a form of address or academic title alone ("Frau",
 * "Mrs", "Dr."), nor a part of the person's own name. The role's noun gives the person's gender where it
 * shows it (Sprecherin → f, Minister → m).
 */
import enNouns from '../assets/lexicon/en-person-nouns.json';
import roleLists from '../assets/lexicon/roles.json';
import { DETERMINER_GENDER, DETERMINERS, isAdjectiveForm, isPersonNoun, lexiconGender, nounGender, personNounNominative, strongNominative } from './german';
import type { Entity, Token } from './types';

export const ROLES = {
  maxTokens: 10,
  /** Longest apposition after a name, in tokens ("a former director of student services who now advises …"). */
  maxApposition: 18,
  /** Nouns that never head a role: abstract nouns and times ("am Dienstag Putin"). */
  notRoleNoun: /(?:ung|heit|keit|schaft|ion|tät|ismus|nis|tum|ment|tag|woche|monat|jahr|abend|morgen|nacht|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|ing|ness|day)$/i,
  /** Words before an English role noun that belong to the role ("former", "acting", "then"). */
  enModifiers: new Set(['former', 'deputy', 'acting', 'chief', 'senior', 'top', 'then', 'vice', 'foreign', 'prime', 'special', 'press', 'longtime', 'veteran', 'political', 'economic', 'national', 'security', 'defense', 'defence', 'state', 'interior', 'finance', 'health', 'alleged', 'assistant', 'associate', 'executive', 'general', 'managing', 'new', 'incoming', 'outgoing', 'interim', 'founding', 'lead', 'local', 'regional', 'federal', 'county', 'city', 'district', 'presumptive', 'retired', 'late', 'current', 'fellow']),
  /** Lower-case words that end an English role chain to the left (verbs of saying, prepositions, conjunctions). */
  enStop: new Set(['said', 'says', 'told', 'tells', 'added', 'asked', 'asks', 'wrote', 'writes', 'noted', 'explained', 'according', 'with', 'by', 'for', 'to', 'from', 'and', 'or', 'but', 'as', 'at', 'on', 'in', 'of', 'when', 'that', 'who', 'which', 'while', 'after', 'before', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'had', 'have', 'will', 'would', 'not', 'also', 'than', 'like', 'about', 'against', 'under', 'over', 'into', 'about', 'this', 'these', 'those', 'if', 'so', 'because', 'since', 'until', 'night', 'morning', 'evening', 'afternoon', 'week', 'weekend', 'month', 'year', 'today', 'yesterday', 'tonight', 'day', 'time', 'then,']),
  enDeterminers: new Set(['the', 'a', 'an']),
  enPossessives: new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']),
  /** German possessive determiners: the role is the noun phrase after them ("seinem Trainingspartner" → Trainingspartner). */
  dePossessives: /^(?:mein|dein|sein|ihr|unser|euer|eur)(?:e|em|en|er|es)?$/i,
  /** German prepositions inside a role ("Präsident des BSV Stans", "Professor für Palliativmedizin an der Universität Lausanne"). */
  dePrepositions: new Set(['von', 'vom', 'für', 'bei', 'beim', 'an', 'am', 'im', 'in', 'aus', 'zu', 'zum', 'zur', 'und', 'der', 'des', 'dem', 'den', 'die', 'das']),
} as const;

/** Uninflected adjectives used as adverbs before an adjective ("international gefeierter", "politisch erfahrene"). */
const UNINFLECTED_ADJ = /^\p{Ll}{4,}(?:al|isch|lich|ig|bar|voll|los|iv|ell)$/u;

const TITLES = { de: new Set(roleLists.titles.de), en: new Set(roleLists.titles.en) };
const EN_ROLE_TITLES = new Set(roleLists.enRoleTitles);
const EN_PERSON = new Set([...enNouns.nouns.split('|'), ...roleLists.enPersonNouns]);
const DE_PERSON_EXTRA = roleLists.dePersonNouns.map((w) => w.toLowerCase());
const FEMININE_TITLES = new Set(['frau', 'fräulein', 'madame', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'madam', 'mme', 'mlle']);
const MASCULINE_TITLES = new Set(['herr', 'herrn', 'monsieur', 'mr', 'mr.', 'sir']);

export interface RoleContext {
  tokens: Token[];
  /** Entity covering token i, if any. */
  entityAt: (i: number) => Entity | null;
  lang: string;
}
export interface Role {
  role: string;
  gender: 'm' | 'f' | null;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const isWord = (t: string) => /^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(t);
const isPunct = (t: string | undefined) => t === undefined || /^[,.;:!?()[\]„“”"«»–—-]$/.test(t);

/** A form of address or academic title ("Frau", "Dr.", "Mrs") that is no role on its own. */
export function isCourtesyTitle(word: string, lang: string): boolean {
  return (lang === 'de' ? TITLES.de : TITLES.en).has(word);
}

/** The gender a form of address shows ("Frau" → f, "Mr" → m). */
export function titleGender(word: string): 'm' | 'f' | null {
  const l = word.toLowerCase();
  return FEMININE_TITLES.has(l) ? 'f' : MASCULINE_TITLES.has(l) ? 'm' : null;
}

export function roleFor(ctx: RoleContext, start: number, end: number, person: Entity): Role | null {
  const role = ctx.lang === 'de' ? roleDe(ctx, start, end, person) : ctx.lang === 'en' ? roleEn(ctx, start, end, person) : null;
  if (!role) return null;
  // never the person's own name, a bare title or a single function word
  const words = role.role.split(/\s+/);
  const own = new Set(person.forms.flatMap((f) => f.split(/\s+/)).concat(person.name.split(/\s+/)));
  if (words.every((w) => own.has(w) || isCourtesyTitle(w, ctx.lang))) return null;
  return role;
}

// ------------------------------------------------------------------ German

/** A German noun that names a person: the lexicon's person nouns, or a compound ending in a listed one ("Adoptivsohn"). */
export function isPersonNounDe(word: string): boolean {
  if (!/^\p{Lu}/u.test(word) || TITLES.de.has(word) || ROLES.notRoleNoun.test(word)) return false;
  if (isPersonNoun(word)) return true;
  const l = word.toLowerCase().replace(/(?:s|n|en|es)$/, '');
  const full = word.toLowerCase();
  return DE_PERSON_EXTRA.some((n) => full === n || l === n || (n.length >= 4 && (full.endsWith(n) || l.endsWith(n)) && full !== n + 'e'));
}

function genderDe(noun: string): 'm' | 'f' | null {
  // a nominalised adjective without its determiner: "Vorsitzende" may be either
  if (/(?:ende|te)$/.test(noun) && isPersonNoun(noun)) return null;
  const g = lexiconGender(noun) ?? nounGender(noun);
  if (/innen$|in$/.test(noun) && noun.length > 5 && g !== 'n') return 'f';
  if (g === 'f') return /(?:frau|mutter|tochter|schwester|tante|nichte|witwe|gattin|cousine|nonne|prinzessin|fürstin|gräfin|herzogin|dame)$/i.test(noun) ? 'f' : null;
  if (g === 'n') return null;
  return 'm';
}

/** A German adjective before a noun: inflected, lower case, no determiner or pronoun ("ihre", "diese", "eine"). */
function isAdjDe(t: string): boolean {
  return /^\p{Ll}/u.test(t) && isAdjectiveForm(t) && !DETERMINERS.has(t) && !ROLES.dePossessives.test(t) && !/^(?:k?eine[mnrs]?|diese[mnrs]?|jene[mnrs]?|welche[mnrs]?|solche[mnrs]?|manche[mnrs]?|alle[mnrs]?|beide[mnrs]?|andere[mnrs]?|jede[mnrs]?)$/.test(t);
}

/** A role noun: capitalised, names a person, not a name itself. */
function isRoleNounDe(ctx: RoleContext, i: number): boolean {
  const t = ctx.tokens[i]?.text;
  return !!t && isCap(t) && isWord(t) && !ctx.entityAt(i) && !DETERMINERS.has(t.toLowerCase()) && isPersonNounDe(t);
}

/** Reads a German noun phrase leftwards from `last` (inclusive): chunks "det adj* Noun+", genitive chunks chained. */
function npLeft(ctx: RoleContext, last: number, person: Entity): { from: number; det: string | null; head: number } | null {
  const toks = ctx.tokens;
  let i = last;
  let head = -1;
  for (let guard = 0; guard < 4; guard++) {
    // nouns and capitalised words (names inside a genitive: "des Weißen Hauses")
    const chunkEnd = i;
    while (i >= 0 && i > last - ROLES.maxTokens && isCap(toks[i].text) && isWord(toks[i].text) && !DETERMINERS.has(toks[i].text.toLowerCase())) {
      if (ctx.entityAt(i) === person) return null;
      i--;
    }
    while (i >= 0 && isAdjDe(toks[i].text)) i--;
    if (i === chunkEnd) return null;
    head = i + 1;
    while (head <= chunkEnd && !isCap(toks[head].text)) head++;
    const det = i >= 0 ? toks[i].text.toLowerCase() : null;
    if (det && DETERMINERS.has(det)) {
      // genitive chunk ("des Präsidenten"): the role noun stands before it
      if ((det === 'des' || det === 'der' || det === 'eines' || det === 'einer') && i > 0 && isRoleNounDe(ctx, i - 1)) {
        i = i - 1;
        continue;
      }
      return { from: i, det, head };
    }
    return { from: i + 1, det: null, head };
  }
  return null;
}

/** Base form of a German role phrase whose determiner was `det` (dem russischen Präsidenten → russischer Präsident). */
function normaliseDe(ctx: RoleContext, from: number, headIdx: number, to: number, det: string | null): Role {
  const toks = ctx.tokens;
  const head = toks[headIdx].text;
  const gender = genderDe(head) ?? 'm';
  // das Partygirl, das Mitglied: neuter person nouns take neuter endings ("früheres Partygirl")
  const agree = lexiconGender(head) === 'n' ? 'n' : gender;
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    const t = toks[i].text;
    if (i < headIdx && det !== null && /^\p{Ll}/u.test(t) && isAdjectiveForm(t)) words.push(strongNominative(t, agree));
    else if (i === headIdx && det !== null) words.push(nominativeHead(t, gender, det));
    else words.push(t);
  }
  return { role: joinTokens(ctx, from, to, words), gender: genderDe(head) };
}

/** The head noun in the nominative: weak forms (Präsidenten → Präsident) and the genitive (des Kenianers → Kenianer). */
function nominativeHead(noun: string, gender: 'm' | 'f', det: string): string {
  if (gender === 'm' && (det === 'des' || det === 'eines' || /s$/.test(det)) && /[^s]s$/.test(noun) && isPersonNounDe(noun.slice(0, -1))) return noun.slice(0, -1);
  return personNounNominative(noun, gender);
}

function joinTokens(ctx: RoleContext, from: number, to: number, words?: string[]): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const w = words ? words[i - from] : ctx.tokens[i].text;
    s += (i > from && ctx.tokens[i].start > ctx.tokens[i - 1].end ? ' ' : '') + w;
  }
  return s;
}

/**
 * Where a role may stand around a name: `from`, the first token with the titles before it ("Prof. Dr.
 * Hartmut Zohm" → "Prof."), and `after`, the token after it with a short bracket skipped ("Patrick Breyer
 * (PIRATEN), der Berichterstatter …").
 */
function around(ctx: RoleContext, start: number, end: number): { from: number; after: number; next: string | undefined } {
  const toks = ctx.tokens;
  let after = end;
  if (toks[after]?.text === '(') {
    const close = toks.findIndex((t, k) => k > after && t.text === ')');
    if (close > 0 && close - after <= 6) after = close + 1;
  }
  return { from: skipTitlesLeft(ctx, start), after, next: toks[after]?.text };
}

/** Index of the first token of the name with the titles before it skipped ("Prof. Dr. Hartmut Zohm" → "Prof."). */
function skipTitlesLeft(ctx: RoleContext, start: number): number {
  let i = start;
  while (i > 0 && isCourtesyTitle(ctx.tokens[i - 1].text, ctx.lang)) i--;
  return i;
}

/** The person a possessive determiner at token i refers to: the last other person named before it in the sentence, of its gender if known. */
function ownerBefore(ctx: RoleContext, i: number, person: Entity, gender: 'm' | 'f' | null): Entity | null {
  let depth = 0;
  for (let k = i - 1; k >= 0; k--) {
    const t = ctx.tokens[k].text;
    if (t === ')') depth++;
    else if (t === '(') depth = Math.max(0, depth - 1);
    const e = ctx.entityAt(k);
    if (!e || e === person || depth > 0) continue;
    if (e.type !== 'person') return null;
    return !gender || !e.gender || e.gender === gender ? e : null;
  }
  return null;
}

/** "vom Max-Planck-Institut für Plasmaphysik", "von der Universität Lausanne" right after a name: an institution, to the next punctuation or verb. */
function institutionAfter(ctx: RoleContext, end: number): string | null {
  const toks = ctx.tokens;
  const first = toks[end]?.text;
  let j = end + 1;
  if (first === 'von' && /^(?:der|des|dem)$/.test(toks[j]?.text ?? '')) j++;
  else if (first !== 'vom') return null;
  let k = j;
  let org = false;
  while (k < toks.length && k - j < 8 && (isCap(toks[k].text) || /^(?:für|und|der|des|de|of)$/.test(toks[k].text)) && !isPunct(toks[k].text)) {
    const e = ctx.entityAt(k);
    if (e && e.type === 'organization') org = true;
    k++;
  }
  while (k > j && !isCap(toks[k - 1].text)) k--;
  return org && k > j ? joinTokens(ctx, end, k) : null;
}

/**
 * A German role phrase that starts at token j and runs to the next clause punctuation: determiners,
 * adjectives, prepositions and capitalised words only, headed by a person noun. Returns its end (exclusive)
 * and head, or null.
 */
function phraseRightDe(ctx: RoleContext, j: number, maxLen: number): { end: number; head: number; cut: boolean } | null {
  const toks = ctx.tokens;
  let k = j;
  let head = -1;
  while (k < toks.length && k - j < maxLen && !/^[,.;:!?()–—]$/.test(toks[k].text)) {
    const t = toks[k].text;
    const e = ctx.entityAt(k);
    // another person's name: the phrase is a list or a new clause, not a role ("…, ihre Landsfrau Naomi Korir")
    if (e && e.type === 'person' && k > j) return null;
    if (isCap(t)) {
      if (head < 0 && !ctx.entityAt(k) && isPersonNounDe(t)) head = k;
      else if (head < 0 && !ctx.entityAt(k) && !isPersonNounDe(t) && !/-/.test(t) && k + 1 < toks.length && !isCap(toks[k + 1].text) && !isPunct(toks[k + 1].text)) {
        // a capitalised word that is no person noun, before lower-case words: not a role ("Sie", "Anfang")
        if (!isAdjectiveForm(t.toLowerCase())) return null;
      }
    } else if (!isAdjectiveForm(t) && !DETERMINERS.has(t) && !ROLES.dePrepositions.has(t) && !/^[\d./]+$/.test(t) && !/^\p{Ll}+-\p{Ll}+$/u.test(t)) {
      // "… von Mahdia und steht dieser vor": the role ends before a clause joined by "und"
      if (toks[k - 1]?.text === 'und' && head >= 0 && k - 1 > head) return { end: k - 1, head, cut: true };
      return null;
    }
    k++;
  }
  if (head < 0 || k - j >= maxLen) return null;
  return { end: k, head, cut: false };
}

function roleDe(ctx: RoleContext, start: number, end: number, person: Entity): Role | null {
  const toks = ctx.tokens;
  const { from, after, next } = around(ctx, start, end);
  // c) "die Pressesprecherin des Weißen Hauses, Karoline Leavitt," — apposition before the name
  if (toks[from - 1]?.text === ',' && (next === undefined || /^[,.;)]$/.test(next))) {
    const np = npLeft(ctx, from - 2, person);
    if (np && np.det && isRoleNounDe(ctx, np.head)) return normaliseDe(ctx, np.from + 1, np.head, from - 1, np.det);
  }
  // a) "dem russischen Präsidenten Wladimir Putin", "Donald Trumps Schwiegersohn Jared Kushner", "Bundeskanzler Scholz"
  if (isRoleNounDe(ctx, from - 1)) {
    const noun = from - 1;
    let i = noun - 1;
    // adjectives, and an uninflected one before them ("den international gefeierten Künstler")
    while (i >= 0 && (isAdjDe(toks[i].text) || (i < noun - 1 && UNINFLECTED_ADJ.test(toks[i].text)))) i--;
    const det = i >= 0 ? toks[i].text.toLowerCase() : null;
    const possessor = i >= 0 ? ctx.entityAt(i) : null;
    if (possessor && possessor !== person && /s$/.test(toks[i].text)) {
      if (possessor.type !== 'person') return { role: joinTokens(ctx, i, noun + 1), gender: genderDe(toks[noun].text) };
      const base = normaliseDe(ctx, i + 1, noun, noun + 1, 'poss');
      // the possessor stands in the genitive ("Donald Trumps"); the role names it in its base form
      const owner = possessor.name.endsWith(toks[i].text) ? possessor.name.slice(0, -1) : possessor.name;
      return { role: `${base.role} von ${owner}`, gender: base.gender };
    }
    // the determiner agrees with the noun ("Das sagte Professor X": "sagte" is a verb, not an adjective)
    const g = lexiconGender(toks[noun].text) ?? nounGender(toks[noun].text);
    const agrees = !g || (DETERMINER_GENDER[det ?? ''] ?? []).some((x) => x === g || x === 'pl');
    if (det && DETERMINERS.has(det) && agrees) return normaliseDe(ctx, i + 1, noun, noun + 1, det);
    if (det && ROLES.dePossessives.test(det)) {
      // "Linke siegte vor seinem Trainingspartner Brembach": the owner is the person named before in the sentence
      const base = normaliseDe(ctx, i + 1, noun, noun + 1, 'poss');
      const owner = ownerBefore(ctx, i, person, /^sein/i.test(det) ? 'm' : /^ihr/i.test(det) ? 'f' : null);
      return owner ? { role: `${base.role} von ${owner.name}`, gender: base.gender } : base;
    }
    // a bare title ("Bundeskanzler Scholz", "erläuterte Abteilungsleiter Udo Lehmann"), with the institution
    // named after the name ("Professor Hartmut Zohm vom Max-Planck-Institut für Plasmaphysik")
    if (!/en$/.test(toks[noun].text) || isPersonNounDe(toks[noun].text.replace(/en$/, ''))) {
      const title = normaliseDe(ctx, noun, noun, noun + 1, null);
      const of = institutionAfter(ctx, end);
      return of ? { role: `${title.role} ${of}`, gender: title.gender } : title;
    }
  }
  // f) "mit namhaften Regisseuren wie Steven Soderbergh": one of a class named in the plural
  if (toks[from - 1]?.text === 'wie' && from >= 2) {
    const plural = toks[from - 2].text;
    const single = [plural.replace(/nen$/, ''), plural.replace(/en$/, ''), plural.replace(/n$/, ''), plural.replace(/e$/, ''), plural.replace(/s$/, '')].find((x) => x !== plural && isPersonNounDe(x));
    if (single && !ctx.entityAt(from - 2)) {
      let i = from - 3;
      while (i >= 0 && isAdjDe(toks[i].text)) i--;
      const g = genderDe(single);
      const adjs = toks.slice(i + 1, from - 2).map((t) => strongNominative(t.text, g ?? 'm'));
      return { role: [...adjs, single].join(' '), gender: null };
    }
  }
  // b) "Juri Uschakow, Putins oberster außenpolitischer Berater," — apposition after the name
  if (next === ',') {
    const j = after + 1;
    const first = toks[j]?.text ?? '';
    const det = DETERMINERS.has(first.toLowerCase()) ? first.toLowerCase() : null;
    const possessor = ctx.entityAt(j);
    if (det && (det === 'der' || det === 'die' || det === 'das') && toks[j + 1] && !isCap(toks[j + 1].text) && !isAdjectiveForm(toks[j + 1].text)) return null; // relative clause
    if (det || (possessor && possessor !== person) || (isAdjectiveForm(first) && /^\p{Ll}/u.test(first)) || (isCap(first) && possessor !== person)) {
      const ph = phraseRightDe(ctx, j, ROLES.maxTokens + 4);
      if (ph && toks[ph.end] && !/^[,.;:()–—]$/.test(toks[ph.end].text)) return null;
      if (ph) {
        const fromTok = det ? j + 1 : j;
        if (det === 'der' || det === 'die' || det === 'das') return normaliseDe(ctx, fromTok, ph.head, ph.end, det);
        return { role: joinTokens(ctx, fromTok, ph.end), gender: genderDe(toks[ph.head].text) };
      }
    }
  }
  // e) "Nicolas Brandt (Athletik)", "Lukas Abele (SSC Hanau-Rodenbach) als Tempomacher"
  if (toks[end]?.text === '(' && toks[end + 2]?.text === ')' && isPersonNounDe(toks[end + 1].text) && !ctx.entityAt(end + 1)) {
    return { role: toks[end + 1].text, gender: genderDe(toks[end + 1].text) };
  }
  if (next === 'als') {
    let j = after + 1;
    while (j < toks.length && /^\p{Ll}/u.test(toks[j].text) && isAdjectiveForm(toks[j].text)) j++;
    if (isRoleNounDe(ctx, j) && (j + 1 >= toks.length || !isCap(toks[j + 1].text) || isPunct(toks[j + 1].text))) return { role: joinTokens(ctx, after + 1, j + 1), gender: genderDe(toks[j].text) };
  }
  // g) "Louisa Serghini vom Büro der Hanns-Seidel-Stiftung Tunis": the institution a person comes from
  const of = institutionAfter(ctx, end);
  if (of) return { role: of, gender: null };
  // d) "Gian Domenico Borasio ist ein deutsch-italienischer Arzt und Professor …"
  if (next === 'ist' || next === 'war') {
    let j = after + 1;
    const det = toks[j]?.text.toLowerCase();
    if (det === 'ein' || det === 'eine') j++;
    else if (det === 'der' || det === 'die') return null; // "ist der erste, der …": a ranking, not a role
    const ph = phraseRightDe(ctx, j, ROLES.maxTokens + 4);
    if (ph && (ph.cut || ph.end >= toks.length || /^[,.;:!?]$/.test(toks[ph.end].text))) return { role: joinTokens(ctx, j, ph.end), gender: genderDe(toks[ph.head].text) };
  }
  return null;
}

// ------------------------------------------------------------------ English

/** An English noun that names a person: the lexicon, -man/-woman/-person compounds, hyphenated titles ("Vice-President", "co-host"). */
export function isPersonNounEn(word: string): boolean {
  if (EN_ROLE_TITLES.has(word)) return true;
  const l = word.toLowerCase();
  if (TITLES.en.has(word)) return false;
  const sing = l.replace(/(?:ies)$/, 'y').replace(/(?:men)$/, 'man').replace(/s$/, '');
  if (EN_PERSON.has(l) || EN_PERSON.has(sing)) return true;
  if (/^[a-z-]*(?:man|woman|person|ist)$/.test(sing) && sing.length > 5 && !/(?:human|german|roman|norman|list|mist|twist|exist|assist|insist|resist|persist)$/.test(sing)) return true;
  const hy = l.lastIndexOf('-');
  return hy > 0 && EN_PERSON.has(l.slice(hy + 1));
}

const enGender = (noun: string): 'm' | 'f' | null => {
  if (/(?:woman|women|wife|daughter|queen|mother|sister|princess|actress|chairwoman|spokeswoman|congresswoman|businesswoman|girl|niece|aunt|widow|grandmother|granddaughter|fiancee)$/i.test(noun)) return 'f';
  if (/(?:man|men|husband|son|king|father|brother|prince|actor|boy|nephew|uncle|widower|grandfather|grandson)$/i.test(noun) && !/(?:human|woman)$/i.test(noun)) return 'm';
  return null;
};

function isEnRoleWord(t: string): boolean {
  return isPersonNounEn(t) || ROLES.enModifiers.has(t.toLowerCase());
}

/** Leftmost token of an English title chain ending at `last` ("Acting U.S. Attorney for the District of Massachusetts"). */
function chainLeftEn(ctx: RoleContext, last: number, person: Entity): number {
  const toks = ctx.tokens;
  let i = last;
  while (i - 1 >= 0 && last - i < ROLES.maxTokens) {
    const t = toks[i - 1].text;
    const l = t.toLowerCase();
    if (ctx.entityAt(i - 1) === person) break;
    if (t === '’s' || t === "'s") {
      i--;
      continue;
    }
    if (/^[“”"]$/.test(t)) {
      i--;
      continue;
    }
    if (isCap(t) && isWord(t) && !ROLES.enDeterminers.has(l) && !(i - 1 === 0 && !isEnRoleWord(t) && !ctx.entityAt(i - 1) && ROLES.enStop.has(l))) {
      i--;
      continue;
    }
    // "of", "for", "the" inside a title, between capitalised words
    if ((l === 'of' || l === 'for' || l === 'the') && isCap(toks[i].text) && i - 2 >= 0 && (isCap(toks[i - 2].text) || toks[i - 2].text.toLowerCase() === 'for')) {
      i--;
      continue;
    }
    // lower-case modifiers ("former", "acting", "state") and a noun right before the role noun ("education secretary")
    // (up to three nouns: "product liability lawyer"; no verb forms: "noted", "respecting", "quickly")
    // only before a role noun in lower case ("trust member"; not "to save Rep. Walker")
    if (/^\p{Ll}/u.test(t) && isWord(t) && !ROLES.enStop.has(l) && (ROLES.enModifiers.has(l) || isPersonNounEn(t) || (last - i < 3 && toks.slice(i, last + 1).every((x) => /^\p{Ll}/u.test(x.text)) && !/(?:ed|ly|ing)$/.test(l) && !ROLES.enDeterminers.has(l) && !ROLES.enPossessives.has(l)))) {
      i--;
      continue;
    }
    break;
  }
  // the chain starts with a word of its own, not "of"/"for"; a quote mark only when it quotes inside the chain
  while (i < last && /^(?:of|for|the)$/i.test(toks[i].text)) i++;
  const quotes = toks.slice(i, last + 1).filter((t) => /^[“”"]$/.test(t.text)).length;
  if (quotes % 2 === 1) {
    if (/^[“”"]$/.test(toks[i].text)) i++;
    else if (i > 0 && /^[“"]$/.test(toks[i - 1].text)) i--;
  }
  return i;
}

function roleEn(ctx: RoleContext, start: number, end: number, person: Entity): Role | null {
  const toks = ctx.tokens;
  const { from, after, next } = around(ctx, start, end);
  // a) "Kremlin spokesman Dmitry Peskov", "Acting U.S. Attorney for the District of Massachusetts Joshua Levy"
  let nounAt = from > 0 && isPersonNounEn(toks[from - 1].text) && !ctx.entityAt(from - 1) ? from - 1 : -1;
  if (nounAt < 0) {
    // the role noun before "for/of the …" with capitalised words up to the name
    for (let k = from - 1; k >= 1 && from - k <= 7 && (isCap(toks[k].text) || /^(?:of|for|the)$/.test(toks[k].text)) && ctx.entityAt(k) !== person; k--) {
      if (/^(?:of|for)$/.test(toks[k].text) && isPersonNounEn(toks[k - 1].text) && isCap(toks[k - 1].text) && isCap(toks[from - 1].text)) {
        nounAt = k - 1;
        break;
      }
    }
  }
  if (nounAt >= 0) {
    const i = chainLeftEn(ctx, nounAt, person);
    // one person of a list after a plural title: "Defendants James Lee, …" → "Defendant"
    const noun = toks[nounAt].text;
    const single = nounAt === from - 1 && /[^s]s$/.test(noun) && isPersonNounEn(noun.slice(0, -1)) ? noun.slice(0, -1) : null;
    if (i <= nounAt) return { role: single ? joinTokens(ctx, i, nounAt, undefined) + (i < nounAt ? ' ' : '') + single : joinTokens(ctx, i, from), gender: enGender(noun) };
  }
  // b) "Karoline Leavitt, the White House press secretary,", "Levi Pay, a former director of student services who …,"
  if (next === ',') {
    const j = after + 1;
    const first = (toks[j]?.text ?? '').toLowerCase();
    if (first && !/^\d/.test(first) && !ROLES.enStop.has(first)) {
      let k = j;
      let hasNoun = false;
      while (k < toks.length && k - j < ROLES.maxApposition && !/^[,.;:!?)–—]$/.test(toks[k].text)) {
        if (isPersonNounEn(toks[k].text) && !ctx.entityAt(k)) hasNoun = true;
        if (ctx.entityAt(k) === person) break;
        k++;
      }
      const closes = k >= toks.length || /^[,.;:!?)–—]$/.test(toks[k].text);
      // the role noun within the first words, not a clause that mentions one later ("who told a reporter")
      const early = toks.slice(j, Math.min(k, j + 6)).some((t) => isPersonNounEn(t.text));
      if (closes && hasNoun && early && k > j) return { role: joinTokens(ctx, j, k), gender: enGender(toks.slice(j, k).find((t) => isPersonNounEn(t.text))!.text) };
    }
  }
  // c) "The White House press secretary, Karoline Leavitt,", "Bolger's lawyer, Jeremy Robinson,", "The plaintiff of the case, Angela Bolger,"
  if (toks[from - 1]?.text === ',' && (next === undefined || /^[,.;)]$/.test(next))) {
    let j = from - 2;
    const inside = (t: string) => /^(?:of|the|for|at|a|an)$/i.test(t) || /^['’]s$/.test(t) || (isWord(t) && !ROLES.enStop.has(t.toLowerCase()));
    while (j >= 0 && from - 2 - j < ROLES.maxTokens && inside(toks[j].text) && ctx.entityAt(j) !== person) j--;
    let s0 = j + 1;
    while (s0 < from - 1 && /^(?:of|for|at)$/i.test(toks[s0].text)) s0++;
    // the phrase starts at its determiner ("to position his son, Dan Lipinski," → "his son")
    const detAt = toks.slice(s0, from - 1).findIndex((t) => ROLES.enDeterminers.has(t.text.toLowerCase()) || ROLES.enPossessives.has(t.text.toLowerCase()));
    if (detAt > 0 && !toks.slice(s0, s0 + detAt).some((t) => isPersonNounEn(t.text) || /^['’]s$/.test(t.text))) s0 += detAt;
    const bounded = j < 0 || isPunct(toks[j].text) || ROLES.enStop.has(toks[j].text.toLowerCase());
    const words = toks.slice(s0, from - 1);
    const noun = words.find((t) => isPersonNounEn(t.text));
    // the phrase ends in its role noun or continues it with "of …" ("The plaintiff of the case")
    if (bounded && noun && s0 < from - 1 && (isPersonNounEn(toks[from - 2].text) || words.some((t) => t.text.toLowerCase() === 'of'))) {
      return { role: joinTokens(ctx, s0, from - 1), gender: enGender(noun.text) };
    }
  }
  // d) "X is a …": "Debbie Meadows is the executive director of …"
  if (next === 'is' || next === 'was') {
    let j = after + 1;
    if (ROLES.enDeterminers.has((toks[j]?.text ?? '').toLowerCase())) j++;
    let k = j;
    while (k < toks.length && k - j < ROLES.maxTokens && !/^[,.;:!?]$/.test(toks[k].text) && !ROLES.enStop.has(toks[k].text.toLowerCase())) k++;
    const nounAt = toks.slice(j, k).findIndex((t) => isPersonNounEn(t.text));
    if (nounAt >= 0 && k > j) {
      // up to the role noun and what belongs to it ("of …" with capitalised words)
      return { role: joinTokens(ctx, j - (j > after + 1 ? 1 : 0), k), gender: enGender(toks[j + nounAt].text) };
    }
  }
  return null;
}
