/**
 * Roles in the article's own words, from titles and appositions around a person's name:
 *   de: "dem russischen Präsidenten Wladimir Putin" → "russischer Präsident"
 *       "Juri Uschakow, Putins oberster außenpolitischer Berater," → verbatim
 *       "die Pressesprecherin des Weißen Hauses, Karoline Leavitt" → "Pressesprecherin des Weißen Hauses"
 *       "Donald Trumps Schwiegersohn Jared Kushner" → "Schwiegersohn von Donald Trump"
 *   en: "Kremlin spokesman Dmitry Peskov", "Karoline Leavitt, the White House press secretary,"
 */
import { DETERMINERS, isAdjectiveForm, lexiconGender, personNounNominative, strongNominative } from './german';
import type { Entity, Token } from './types';

export const ROLES = {
  maxTokens: 10,
  /** Nouns that never head a role: abstract nouns and times ("am Dienstag Putin"). */
  notRoleNoun: /(?:ung|heit|keit|schaft|ion|tät|ismus|nis|tum|ment|tag|woche|monat|jahr|abend|morgen|nacht|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|ing|ness|day)$/i,
  enRoleNouns: new Set(['spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'president', 'minister', 'adviser', 'advisor', 'aide', 'chief', 'leader', 'director', 'official', 'envoy', 'ambassador', 'senator', 'governor', 'mayor', 'chairman', 'chairwoman', 'chair', 'founder', 'analyst', 'expert', 'commentator', 'correspondent', 'editor', 'reporter', 'professor', 'economist', 'general', 'commander', 'officer', 'lawyer', 'attorney', 'judge', 'candidate', 'representative', 'congressman', 'congresswoman', 'lawmaker', 'strategist', 'executive', 'ceo', 'head', 'manager', 'coach', 'negotiator', 'son-in-law', 'daughter', 'son', 'wife', 'husband', 'deputy', 'premier', 'chancellor', 'king', 'queen', 'prince', 'pope', 'member', 'researcher', 'scientist', 'author', 'owner', 'partner', 'adviser', 'counsel', 'prosecutor', 'investigator', 'activist', 'journalist', 'writer', 'host', 'press']),
  enModifiers: new Set(['former', 'deputy', 'acting', 'chief', 'senior', 'top', 'then', 'vice', 'foreign', 'prime', 'special', 'press', 'longtime', 'veteran', 'political', 'economic', 'national', 'security', 'defense', 'defence', 'white', 'house', 'state', 'interior', 'finance', 'health']),
  enDeterminers: new Set(['the', 'a', 'an']),
} as const;

export interface RoleContext {
  tokens: Token[];
  /** Entity covering token i, if any. */
  entityAt: (i: number) => Entity | null;
  lang: string;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const isWord = (t: string) => /^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(t);

export function roleFor(ctx: RoleContext, start: number, end: number, person: Entity): { role: string; gender: 'm' | 'f' | null } | null {
  return ctx.lang === 'de' ? roleDe(ctx, start, end, person) : ctx.lang === 'en' ? roleEn(ctx, start, end, person) : null;
}

function genderOfRoleNoun(noun: string, lang: string): 'm' | 'f' | null {
  if (lang === 'de') return /in(?:nen)?$/.test(noun) && noun.length > 5 ? 'f' : 'm';
  if (/(?:woman|wife|daughter|queen|mother|sister|princess)$/i.test(noun)) return 'f';
  if (/(?:man|husband|son|king|father|brother|prince)$/i.test(noun)) return 'm';
  return null;
}

/** A role noun: capitalised, not a name, not abstract. */
function isRoleNounDe(ctx: RoleContext, i: number): boolean {
  const t = ctx.tokens[i]?.text;
  return !!t && isCap(t) && isWord(t) && !ctx.entityAt(i) && !ROLES.notRoleNoun.test(t) && !DETERMINERS.has(t.toLowerCase());
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
    while (i >= 0 && /^\p{Ll}/u.test(toks[i].text) && isAdjectiveForm(toks[i].text) && !DETERMINERS.has(toks[i].text)) i--;
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
function normaliseDe(ctx: RoleContext, from: number, headIdx: number, to: number, det: string | null): { role: string; gender: 'm' | 'f' | null } {
  const toks = ctx.tokens;
  const head = toks[headIdx].text;
  const gender = genderOfRoleNoun(head, 'de')!;
  // das Partygirl, das Mitglied: neuter person nouns take neuter endings ("früheres Partygirl")
  const agree = lexiconGender(head) === 'n' ? 'n' : gender;
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    const t = toks[i].text;
    if (i < headIdx && det !== null && /^\p{Ll}/u.test(t) && isAdjectiveForm(t)) words.push(strongNominative(t, agree));
    else if (i === headIdx && det !== null) words.push(personNounNominative(t, gender));
    else words.push(t);
  }
  return { role: joinTokens(ctx, from, to, words), gender };
}

function joinTokens(ctx: RoleContext, from: number, to: number, words?: string[]): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const w = words ? words[i - from] : ctx.tokens[i].text;
    s += (i > from && ctx.tokens[i].start > ctx.tokens[i - 1].end ? ' ' : '') + w;
  }
  return s;
}

function roleDe(ctx: RoleContext, start: number, end: number, person: Entity): { role: string; gender: 'm' | 'f' | null } | null {
  const toks = ctx.tokens;
  const after = toks[end]?.text;
  // c) "die Pressesprecherin des Weißen Hauses, Karoline Leavitt," — apposition before the name
  if (toks[start - 1]?.text === ',' && (after === undefined || /^[,.;)]$/.test(after))) {
    const np = npLeft(ctx, start - 2, person);
    if (np && np.det && isRoleNounDe(ctx, np.head)) return normaliseDe(ctx, np.from + 1, np.head, start - 1, np.det);
  }
  // a) "dem russischen Präsidenten Wladimir Putin", "Donald Trumps Schwiegersohn Jared Kushner", "Bundeskanzler Scholz"
  if (isRoleNounDe(ctx, start - 1)) {
    let i = start - 2;
    while (i >= 0 && /^\p{Ll}/u.test(toks[i].text) && isAdjectiveForm(toks[i].text) && !DETERMINERS.has(toks[i].text)) i--;
    const det = i >= 0 ? toks[i].text.toLowerCase() : null;
    const possessor = i >= 0 ? ctx.entityAt(i) : null;
    if (possessor && possessor !== person && possessor.type === 'person' && /s$/.test(toks[i].text)) {
      const base = normaliseDe(ctx, i + 1, start - 1, start, 'poss');
      // the possessor stands in the genitive ("Donald Trumps"); the role names it in its base form
      const owner = possessor.name.endsWith(toks[i].text) ? possessor.name.slice(0, -1) : possessor.name;
      return { role: `${base.role} von ${owner}`, gender: base.gender };
    }
    if (det && DETERMINERS.has(det)) return normaliseDe(ctx, i + 1, start - 1, start, det);
    // bare title ("Bundeskanzler Scholz"), never after a preposition ("auf Drängen Berlusconis") nor an oblique -en form
    if (i === start - 2 && !(i >= 0 && /^(?:auf|in|im|an|am|bei|beim|mit|nach|von|vom|zu|zum|zur|für|gegen|ohne|um|über|unter|vor|aus|seit|trotz|wegen|durch)$/i.test(toks[i].text)) && !/en$/.test(toks[start - 1].text)) {
      return normaliseDe(ctx, start - 1, start - 1, start, null);
    }
  }
  // b) "Juri Uschakow, Putins oberster außenpolitischer Berater," — apposition after the name
  if (after === ',') {
    let j = end + 1;
    const first = toks[j]?.text ?? '';
    const det = DETERMINERS.has(first.toLowerCase()) ? first.toLowerCase() : null;
    const possessor = ctx.entityAt(j);
    if (!det && !(possessor && /s$/.test(first)) && !(isAdjectiveForm(first) && /^\p{Ll}/u.test(first))) return null;
    if (det && (det === 'der' || det === 'die' || det === 'das') && toks[j + 1] && !isCap(toks[j + 1].text) && !isAdjectiveForm(toks[j + 1].text)) return null; // relative clause
    let k = j + 1;
    let head = -1;
    while (k < toks.length && k - j < ROLES.maxTokens && !/^[,.;:!?)]$/.test(toks[k].text)) {
      const t = toks[k].text;
      if (isCap(t) && head < 0 && !ctx.entityAt(k)) head = k;
      else if (!isCap(t) && !isAdjectiveForm(t) && !DETERMINERS.has(t) && t !== 'von' && t !== 'und') return null;
      k++;
    }
    if (head < 0 || ROLES.notRoleNoun.test(toks[head].text) || k >= toks.length + 1) return null;
    const from = det ? j + 1 : j;
    if (det === 'der' || det === 'die' || det === 'das') return normaliseDe(ctx, from, head, k, det);
    return { role: joinTokens(ctx, from, k), gender: genderOfRoleNoun(toks[head].text, 'de') };
  }
  return null;
}

function isEnRoleWord(t: string): boolean {
  const l = t.toLowerCase();
  return ROLES.enRoleNouns.has(l) || ROLES.enModifiers.has(l);
}

function roleEn(ctx: RoleContext, start: number, end: number, person: Entity): { role: string; gender: 'm' | 'f' | null } | null {
  const toks = ctx.tokens;
  const after = toks[end]?.text;
  const hasRoleNoun = (from: number, to: number) => toks.slice(from, to).some((t) => ROLES.enRoleNouns.has(t.text.toLowerCase()));
  // a) "Kremlin spokesman Dmitry Peskov", "Russian President Vladimir Putin"
  let i = start - 1;
  while (i >= 0 && isWord(toks[i].text) && !ROLES.enDeterminers.has(toks[i].text.toLowerCase()) && (isCap(toks[i].text) || isEnRoleWord(toks[i].text)) && ctx.entityAt(i) !== person) {
    i--;
  }
  if (i < start - 1 && hasRoleNoun(i + 1, start)) {
    const noun = toks[start - 1].text;
    return { role: joinTokens(ctx, i + 1, start), gender: genderOfRoleNoun(noun, 'en') };
  }
  // b) "Karoline Leavitt, the White House press secretary,"
  if (after === ',') {
    let k = end + 1;
    const from = ROLES.enDeterminers.has((toks[k]?.text ?? '').toLowerCase()) ? k + 1 : k;
    k = from;
    while (k < toks.length && k - from < ROLES.maxTokens && !/^[,.;:!?)]$/.test(toks[k].text) && (isCap(toks[k].text) || isEnRoleWord(toks[k].text) || /^(?:of|for|to|'s|’s|and)$/.test(toks[k].text))) k++;
    if (k > from && (k >= toks.length || /^[,.;:!?)]$/.test(toks[k].text)) && hasRoleNoun(from, k)) {
      return { role: joinTokens(ctx, from, k), gender: genderOfRoleNoun(toks[k - 1].text, 'en') };
    }
  }
  // c) "The White House press secretary, Karoline Leavitt,"
  if (toks[start - 1]?.text === ',' && (after === undefined || /^[,.;)]$/.test(after))) {
    let j = start - 2;
    while (j >= 0 && (isCap(toks[j].text) || isEnRoleWord(toks[j].text) || /^(?:of|'s|’s)$/.test(toks[j].text)) && !ROLES.enDeterminers.has(toks[j].text.toLowerCase())) j--;
    if (j >= 0 && ROLES.enDeterminers.has(toks[j].text.toLowerCase()) && hasRoleNoun(j + 1, start - 1)) {
      return { role: joinTokens(ctx, j + 1, start - 1), gender: genderOfRoleNoun(toks[start - 2].text, 'en') };
    }
  }
  return null;
}
