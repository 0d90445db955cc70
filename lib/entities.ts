/**
 * Entities: the tagger's spans → mentions → document-level consistency → merged entities.
 * - a name tagged once is found everywhere in the article (and as a genitive, "Putins");
 * - compounds count for the card ("Trump-Regierung" mentions Trump) without being a separate entity;
 * - full name, surname and genitive forms of one person become one entity; two people who share
 *   a surname stay apart and a bare surname goes to the first of them named before it;
 * - names get their base form ("dem Schwarzen Meer" → "Schwarzes Meer") and roles (lib/roles.ts).
 */
import { spansFromLabels } from './ner/index';
import { contextual, firstNames, isBusinessHead, isCompanyRoleNoun, isInstitutionBeforeTown, isSeatWord, isTownCompanyHead, townOfAdjective, isOrganizationPlural, gazetteer, gazetteerFirstStems, headStem, isAwardName, isEventName, isInstitutionHead, isLandmarkWord, isStreetWord, usState, isTownName, knownFirstNames, opensName, stemKey, stemWord, typeByClassifier, typeByHead } from './gazetteer';
import { DETERMINER_GENDER, DETERMINERS, isAdjective, isAdjectiveBase, isAdjectiveForm, isAlsoName, isCommonNoun, nounGender, strongNominative, type Gender } from './german';
import { isCourtesyTitle, isPersonNounDe, isPersonNounEn, roleFor, titleGender } from './roles';
import type { MentionRef } from './quotes';
import { speechLexicon, type SpeechLexicon } from './speech';
import { splitBlocks } from './tokenize';
import type { Block, Entity, EntityType, Sentence } from './types';

/** Tags each sentence's tokens with IOB2 labels (GermEval or CoNLL label set). */
export type Tagger = (sentences: string[][]) => string[][];

export const ENTITIES = {
  /** Longest name (in tokens) that document-level matching looks for. */
  maxNameTokens: 5,
  /** Words never taken for a name on their own, whatever the tagger says. */
  // (also the pronouns and greetings a blog capitalises when it speaks to its reader: "Du", "Dich", "Hey"; and the codes
  // that label an account's or a book's number: "IBAN: DE12 …", "ISBN 978-…")
  stopNames: new Set(['der', 'die', 'das', 'the', 'a', 'ein', 'eine', 'er', 'sie', 'es', 'he', 'she', 'it', 'we', 'wir', 'ich', 'i', 'und', 'and', 'du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'euch', 'euer', 'eure', 'ihr', 'ihm', 'ihn', 'uns', 'you', 'your', 'hey', 'hallo', 'iban', 'bic', 'isbn', 'issn']),
} as const;

/** Particles inside people's names ("von der Leyen", "van Gogh", "bin Salman", "de Gaulle"). */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'bin', 'ibn', 'bint', 'al', 'el', 'ter', 'ten', 'zu', 'y']);

/** Particles that are articles too: inside a name only after another particle ("von der", "van den"). */
const ARTICLE_PARTICLES = new Set(['der', 'den', 'des']);

/** Top-level domains of web addresses ("handball.ch", "Amazon.com"). */
const TLD = /^(?:de|ch|at|com|org|net|eu|ie|uk|info|fr|it|es|nl|be|io)$/;

const OPEN_QUOTE = /^[„“”"«»‚‘’'´]$/;
const CLOSE_QUOTE = /^[“”"«»‘’'`]$/;

/** Small words inside organisations' names between capitalised words ("Housing Justice for All", "Bank of America"). */
const CONNECTORS = new Set(['for', 'of', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'für', 'und']);

/** Months and days, which are towns too ("in March", "in Mai"). */
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)$/;

/** English street words after a name ("Princes Street", "Cornmarket St"). */
const EN_STREETS = new Set(['Street', 'St', 'St.', 'Road', 'Rd', 'Rd.', 'Avenue', 'Ave', 'Ave.', 'Boulevard', 'Quay', 'Square']);

/** Prepositions before a town's name. */
const TOWN_PREPOSITIONS = new Set(['in', 'In', 'aus', 'Aus', 'nach', 'Nach', 'bei', 'Bei', 'from', 'From', 'near', 'Near']);

/** A region's name made of a point of the compass and a name ("Nordhessen", "Oberrheingraben", "Südtirol"). */
const COMPASS_REGION = /^(?:Nord|Süd|Ost|West|Ober|Nieder|Mittel|Unter)\p{Ll}{4,}$/u;
/** A capitalised word of letters (a constant: tsx compiles a literal with \p{…} to a `new RegExp` each time it runs). */
const CAP_WORD = /^\p{Lu}\p{Ll}+$/u;

/** Prepositions that put a bare name in a place ("in Dormagen", "aus Villach", "from Cork"). */
const PLACE_PREPOSITIONS = new Set(['in', 'aus', 'im', 'from', 'near']);

const TYPE_OF: Record<string, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization' };

interface Raw {
  sent: number;
  tokStart: number;
  tokEnd: number;
  block: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  part: boolean;
  /** How sure: 2 = tagger or gazetteer, 1 = propagated from elsewhere in the article. */
  source: number;
  key?: string;
  gazId?: string;
}

export interface Recognition {
  entities: Entity[];
  mentions: MentionRef[];
  /** Adjectives that point to a place ("russischen" → Russland), per stem. */
  demonyms: { block: number; start: number; end: number; text: string }[];
}

const isCap = (s: string) => /^\p{Lu}/u.test(s);

/** Stages of the entity layer above the tagger; all on in the product, switchable for evaluation. */
export interface RecognizeOptions {
  firstNames?: boolean;
  gazetteer?: boolean;
  propagate?: boolean;
  vote?: boolean;
  surnames?: boolean;
}

export function recognize(blocks: Block[], sentences: Sentence[], lang: string, tag: Tagger | null, opts: RecognizeOptions = {}): Recognition {
  const on = { firstNames: true, gazetteer: true, propagate: true, vote: false, surnames: true, ...opts };
  if (!tag || !sentences.length) return { entities: [], mentions: [], demonyms: [] };
  const toks = sentences.map((s) => s.tokens.map((t) => t.text));
  const labels = tag(toks);
  const raws: Raw[] = [];
  const demonyms: Recognition['demonyms'] = [];
  const covered = sentences.map((s) => new Uint8Array(s.tokens.length));
  const inOther = sentences.map((s) => new Uint8Array(s.tokens.length));
  const lowerSeen = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) if (/^\p{Ll}/u.test(t.text)) lowerSeen.add(t.text.toLowerCase());

  const anyCovered = (si: number, a: number, b: number) => {
    for (let k = a; k < b; k++) if (covered[si][k]) return true;
    return false;
  };
  const push = (r: Raw) => {
    raws.push(r);
    for (let i = r.tokStart; i < r.tokEnd; i++) covered[r.sent][i] = 1;
  };
  const drop = (r: Raw) => {
    raws.splice(raws.indexOf(r), 1);
    for (let i = r.tokStart; i < r.tokEnd; i++) covered[r.sent][i] = 0;
  };
  const mk = (si: number, a: number, b: number, type: EntityType, source: number, part = false, charStart?: number, charEnd?: number): Raw => {
    const s = sentences[si];
    const start = charStart ?? s.tokens[a].start;
    const end = charEnd ?? s.tokens[b - 1].end;
    return { sent: si, tokStart: a, tokEnd: b, block: s.block, start, end, text: blocks[s.block].text.slice(start, end), type, part, source };
  };

  // a capitalised word that is no common noun, no function word and not written in lower case here: a name's word
  const unknownName = (w: string) => /^\p{Lu}\p{L}/u.test(w) && !lowerSeen.has(w.toLowerCase()) && !ENTITIES.stopNames.has(w.toLowerCase()) && !(lang === 'de' && isCommonNoun(w));

  // 1. the tagger
  sentences.forEach((s, si) => {
    for (const sp of spansFromLabels(labels[si])) {
      const base = sp.type.replace(/(?:deriv|part)$/, '');
      const type = TYPE_OF[base];
      const tokens = s.tokens.slice(sp.start, sp.end);
      // CoNLL tags demonyms as MISC ("Ukrainian", "Russian")
      if (sp.type === 'MISC' && sp.end - sp.start === 1 && /(?:an|ish|ese|ic|i)$/.test(s.tokens[sp.start].text)) {
        demonyms.push({ block: s.block, start: s.tokens[sp.start].start, end: s.tokens[sp.start].end, text: s.tokens[sp.start].text });
        continue;
      }
      if (sp.type.endsWith('deriv')) {
        if (base === 'LOC') demonyms.push({ block: s.block, start: tokens[0].start, end: tokens[tokens.length - 1].end, text: tokens.map((t) => t.text).join(' ') });
        continue;
      }
      // a lower-case word inside a handle, an address or a tag is no name ("@susann.hoffmann", "#berlin")
      const before = blocks[s.block].text[tokens[0].start - 1] ?? '';
      if (/[@._/#]/.test(before) && !tokens.some((t) => /\p{Lu}/u.test(t.text))) continue;
      // words in another script inside a German or English text (a Greek greeting, a Russian title) are not read
      if (!tokens.some((t) => /\p{Script=Latin}/u.test(t.text))) continue;
      if (!type) {
        // a work, event or other name (GermEval OTH, CoNLL MISC): no town is found inside it ("Fear and Loathing in Las Vegas")
        for (let k = sp.start; k < sp.end; k++) inOther[si][k] = 1;
        continue;
      }
      if (sp.type.endsWith('part')) {
        // a compound whose last part heads places' names is a place itself: a district ("Essen-Westviertel")
        const whole = sp.end - sp.start === 1 ? typeByHead([s.tokens[sp.start].text]) : null;
        if (whole?.type === 'place' && whole.strong) {
          push(mk(si, sp.start, sp.end, 'place', 2));
          continue;
        }
        const r = compoundPart(s, si, sp.start, type, blocks);
        if (r) push(r);
        continue;
      }
      // a name never runs across brackets or clause punctuation ("Nancy ( September" → "Nancy"); a dash between
      // two names parts them ("HSC Suhr Aarau – Kadetten Schaffhausen")
      let end = sp.end;
      for (let k = sp.start + 1; k < end; k++) if (/^[()[\]{},;:!?„“”"«»]$/.test(s.tokens[k].text)) end = k;
      for (let a = sp.start; a < end; ) {
        let b = a + 1;
        while (b < end && !/^[–—-]$/.test(s.tokens[b].text)) b++;
        const next = b + 1;
        while (a < b && (ENTITIES.stopNames.has(s.tokens[a].text.toLowerCase()) || !/[\p{L}\p{N}]/u.test(s.tokens[a].text))) a++;
        while (b > a && !/[\p{L}\p{N}]/u.test(s.tokens[b - 1].text)) b--;
        // a title or role before a person's name is not part of it ("Dr Fauci", "Mr Cummins", "Papst Franziskus"),
        // nor a noun that only says what kind of thing the name is ("im Bundesstaat Illinois", "die Partei Ennahda")
        while (type === 'person' && b - a >= 2 && isTitleWord(s.tokens[a].text, lang) && /^\p{Lu}/u.test(s.tokens[a + 1].text)) a++;
        if (type !== 'person' && b - a >= 2 && isClassifier(s.tokens[a].text) && /^\p{Lu}\p{L}/u.test(s.tokens[a + 1].text)) a++;
        // a word with a letter drawn out is an exclamation, no name ("Jaaaaa", "Neeein")
        if (a < b && !s.tokens.slice(a, b).some((t) => /(\p{Ll})\1\1/u.test(t.text))) push(mk(si, a, b, type, 2));
        a = next;
      }
    }
  });

  // 1c. an organisation's name runs on to the end of the bracket it fills ("(LG Ohra Energie; 11:43 min)",
  //     "(TV Wattenscheid 01)"), and a place adjective before it is part of it ("Gothaer LAC", "Kasseler Sparkasse")
  for (const r of [...raws]) {
    if (r.type !== 'organization' || r.part) continue;
    const t = sentences[r.sent].tokens;
    let b = r.tokEnd;
    if (t[r.tokStart - 1]?.text === '(') {
      let k = b;
      // (also over an exclamation mark written onto a word of the name, "(SV GO! Saar 05)", and a place the tagger saw in it)
      const placeAt = (k: number) => raws.find((x) => x.sent === r.sent && !x.part && x.type === 'place' && x.tokStart === k);
      while (k < t.length && k - b < 4) {
        if (t[k].text === '!' && t[k].start === t[k - 1].end && /^(?:\p{Lu}|\d{2})/u.test(t[k + 1]?.text ?? '')) k++;
        else if (!covered[r.sent][k] && /^(?:\p{Lu}[\p{L}.-]*|\d{2})$/u.test(t[k].text)) k++;
        else if (placeAt(k) && placeAt(k)!.tokEnd - k === 1) k++;
        else break;
      }
      if (k > b && /^[);]$/.test(t[k]?.text ?? '')) {
        for (const x of raws.filter((x) => x.sent === r.sent && !x.part && x !== r && x.tokStart >= b && x.tokEnd <= k)) drop(x);
        b = k;
      }
    }
    let a = r.tokStart;
    const before = t[a - 1]?.text ?? '';
    if (lang === 'de' && a > 0 && !covered[r.sent][a - 1] && /^\p{Lu}\p{Ll}+er$/u.test(before) && demonyms.some((d) => d.block === r.block && d.start === t[a - 1].start)) a--;
    if (a === r.tokStart && b === r.tokEnd) continue;
    raws.splice(raws.indexOf(r), 1);
    push(mk(r.sent, a, b, 'organization', 2));
  }

  // 1c'''. a name before a bracket that counts its seats is a party ("die panarabische Echaab (16 Sitze)", "Destourien
  //        Libre (16 von 217 Sitzen)", "Labour (202 seats)"), whatever the tagger took it for or where it left it
  sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 1; i + 2 < t.length; i++) {
      if (t[i].text !== '(' || !/^\d+$/.test(t[i + 1].text)) continue;
      let k = i + 2;
      if (/^(?:von|of)$/.test(t[k].text) && /^\d+$/.test(t[k + 1]?.text ?? '')) k += 2;
      if (!isSeatWord(t[k]?.text ?? '')) continue;
      const r = raws.find((x) => x.sent === si && !x.part && x.tokEnd === i);
      if (r) {
        if (r.type !== 'person') r.type = 'organization';
      } else if (!covered[si][i - 1] && unknownName(t[i - 1].text) && /^\p{Lu}\p{Ll}/u.test(t[i - 1].text)) push(mk(si, i - 1, i, 'organization', 2));
    }
  });

  // 1c''''. a name with an apposition headed by a noun for an organisation is one ("Umfragen von Afrobarometer, einem
  //         pan-afrikanischen, überparteiischen Forschungsnetzwerk,"): the name the tagger found there retyped (not a
  //         person named with a first name), one capitalised word it left found (not on a list)
  if (lang === 'de') sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 1; i + 2 < t.length; i++) {
      if (t[i].text !== ',' || !/^(?:ein|eine|einem|einer|eines|der|die|das|dem|des)$/.test(t[i + 1].text)) continue;
      let j = i + 2;
      while (j < t.length && j - i < 8 && (t[j].text === ',' || (/^\p{Ll}/u.test(t[j].text) && isAdjectiveForm(t[j].text.slice(t[j].text.lastIndexOf('-') + 1))))) j++;
      const noun = t[j]?.text ?? '';
      // (the apposition ends with its noun: "eine Akademie sowie ein Hotel" goes on a list)
      if (!/^\p{Lu}\p{Ll}/u.test(noun) || !/^[,.;:)–—]?$/.test(t[j + 1]?.text ?? '') || ![noun, noun.replace(/e?s$/, '')].some(isInstitutionHead)) continue;
      const r = raws.find((x) => x.sent === si && !x.part && x.tokEnd === i);
      if (r) {
        if (r.type !== 'person' || !knownFirstNames().has(t[r.tokStart].text)) r.type = 'organization';
      } else if (!covered[si][i - 1] && CAP_WORD.test(t[i - 1].text) && unknownName(t[i - 1].text) && !/^(?:\p{Lu}|[„“"«»,]$|und$|oder$|sowie$)/u.test(t[i - 2]?.text ?? '')) push(mk(si, i - 1, i, 'organization', 2));
    }
  });

  // 1c''. a company's name runs on over the country its branch is named after ("Airbus Helicopters Deutschland", "Kabel
  //       Deutschland", "Microsoft Germany"), also over one or two capitalised words the tagger left between; not across
  //       a preposition or punctuation ("die Stahl AG in Deutschland")
  const isCountry = (w: string) => !!gazetteer().get(stemKey([w]))?.some((e) => e.id.startsWith('country:'));
  for (const r of [...raws]) {
    if (r.type !== 'organization' || r.part) continue;
    const t = sentences[r.sent].tokens;
    let k = r.tokEnd;
    while (k < t.length && k - r.tokEnd < 2 && !covered[r.sent][k] && /^\p{Lu}\p{L}+$/u.test(t[k].text) && !isCountry(t[k].text) && !(lang === 'de' && isCommonNoun(t[k].text))) k++;
    const country = raws.find((x) => x.sent === r.sent && !x.part && x.type === 'place' && x.tokStart === k && x.tokEnd === k + 1);
    if (!country || !isCountry(t[k].text) || /^\p{Lu}/u.test(t[k + 1]?.text ?? '')) continue;
    drop(r);
    drop(country);
    push(mk(r.sent, r.tokStart, k + 1, 'organization', 2));
  }

  // 1c'. the bracket right after a person's name that holds a name in capitals the tagger left is the person's party or
  //      club ("Anna Roth (PIRATEN)", "Jan Hoff (SFD 75 Düsseldorf-Süd)", "(TuS Nord; 4:12 min)"): one word of four
  //      capitals or more, or an abbreviation with a number or capitalised words after it; no country ("(USA)")
  for (const p of raws.filter((x) => x.type === 'person' && !x.part)) {
    const t = sentences[p.sent].tokens;
    const a = p.tokEnd + 1;
    if (t[p.tokEnd]?.text !== '(' || a >= t.length || !/^\p{Lu}[\p{L}\d]*\p{Lu}[\p{L}\d]*$/u.test(t[a].text)) continue;
    let b = a + 1;
    while (b < t.length && b - a < 5 && /^(?:\p{Lu}[\p{L}.-]*|\d{2,4})$/u.test(t[b].text)) b++;
    if (!/^[);]$/.test(t[b]?.text ?? '') || (b - a === 1 && !/^\p{Lu}{4,}$/u.test(t[a].text))) continue;
    const inside = raws.filter((x) => x.sent === p.sent && x.tokStart < b && x.tokEnd > a);
    const words = t.slice(a, b).map((x) => x.text);
    if (inside.some((x) => !x.part && (x.type !== 'place' || x.gazId)) || gazetteer().has(stemKey(words)) || words.some((w) => gazetteer().get(stemKey([w]))?.some((e) => e.id.startsWith('country:')))) continue;
    for (const x of inside) drop(x);
    push(mk(p.sent, a, b, 'organization', 2));
  }

  // 1d. English: a capitalised "The" inside a sentence opens a name, with the capitalised words after it and the place
  //     or organisation the tagger found there ("at The Oval", "drinking hole The Idle Hour", "In Youghal The Old
  //     Imperial will …"; an organisation where the tagger found nothing); at the start of a sentence or a quotation it
  //     is only the article, and a title-case line, every word capitalised, says nothing
  if (lang === 'en') sentences.forEach((s, si) => {
    const t = s.tokens;
    const words = t.filter((x) => /^\p{L}/u.test(x.text));
    if (words.filter((x) => /^\p{Lu}/u.test(x.text)).length * 10 > words.length * 8) return;
    for (let i = 1; i + 1 < t.length; i++) {
      if (t[i].text !== 'The' || covered[si][i] || /^[.:;!?"“”‘’'«»(—–-]$/.test(t[i - 1].text) || !/^\p{Lu}\p{Ll}/u.test(t[i + 1].text)) continue;
      let j = i + 1;
      while (j < t.length && /^\p{Lu}[\p{L}'’.-]*$/u.test(t[j].text)) j++;
      const inside = raws.filter((r) => r.sent === si && r.tokStart < j && r.tokEnd > i);
      // (a person the tagger found there is left alone, and so is a name that started before "The")
      if (inside.some((r) => r.type === 'person' || r.tokStart < i)) continue;
      const end = Math.max(j, ...inside.map((r) => r.tokEnd));
      if (end - i > ENTITIES.maxNameTokens) continue;
      for (const r of inside) drop(r);
      push(mk(si, i, end, inside[0]?.type ?? 'organization', inside[0]?.source ?? 2));
      i = end - 1;
    }
  });

  // 1h. a word that ends businesses' names after a name is part of it, and so is the owner's name in the possessive before
  //     it: "Shelbourne Bar" (the tagger found "Shelbourne"), "Murphy's Pub", "Leonardo's Kimbo Cafe" (no person "Murphy")
  sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 1; i < t.length; i++) {
      if (!isBusinessHead(t[i].text) || raws.some((r) => r.sent === si && r.tokStart <= i && r.tokEnd > i + 1)) continue;
      // the capitalised words before it, and the owner: one capitalised word before "'s" ("Casey's"; of a name the tagger
      // found that starts earlier only its last word: "In Clon Casey's Bar"), else a name the tagger found ending there
      let b = i;
      while (b > 0 && b > i - 3 && /^\p{Lu}\p{Ll}/u.test(t[b - 1].text) && !ENTITIES.stopNames.has(t[b - 1].text.toLowerCase()) && !isBusinessHead(t[b - 1].text)) b--;
      let a = -1;
      if (b >= 2 && /^['’]s$/.test(t[b - 1].text) && t[b - 1].start === t[b - 2].end && /^\p{Lu}\p{Ll}/u.test(t[b - 2].text)) a = b - 2;
      else a = raws.find((r) => r.sent === si && !r.part && r.tokEnd === i && r.tokStart >= b)?.tokStart ?? (covered[si][i] ? i : -1);
      if (a < 0 || a === i) continue;
      const inside = raws.filter((r) => r.sent === si && !r.part && r.tokStart < i && r.tokEnd > a);
      // (a name that runs on past the head is left alone)
      if (inside.some((r) => r.tokEnd > i + 1)) continue;
      for (const r of inside) {
        drop(r);
        // (what stays of it before the owner after "in" is a place: "In Clon Casey's Bar")
        if (r.tokStart < a) push(mk(si, r.tokStart, a, TOWN_PREPOSITIONS.has(t[r.tokStart - 1]?.text ?? '') ? 'place' : r.type, r.source));
      }
      push(mk(si, a, i + 1, 'organization', 2));
    }
  });

  // 1i. English: a plural noun in the possessive before an organisation's name opens it ("the Citizens’ Independent
  //     Transportation Trust", "the Teachers' Union"), the tagger mostly stops after the apostrophe
  if (lang === 'en') for (const r of [...raws]) {
    if (r.type !== 'organization' || r.part || r.tokStart < 2) continue;
    const t = sentences[r.sent].tokens;
    const [w, ap] = [t[r.tokStart - 2], t[r.tokStart - 1]];
    if (!/^['’]$/.test(ap.text) || ap.start !== w.end || ap.end === t[r.tokStart].start || covered[r.sent][r.tokStart - 2] || !/^\p{Lu}\p{Ll}+s$/u.test(w.text)) continue;
    drop(r);
    push(mk(r.sent, r.tokStart - 2, r.tokEnd, 'organization', r.source));
  }

  // 1j. a place the tagger ended a word early runs on over a word that heads places' names ("Long Island Sound",
  //     "Cape Cod Bay", "Fifth Avenue")
  for (const r of [...raws]) {
    if (r.type !== 'place' || r.part) continue;
    const t = sentences[r.sent].tokens;
    const k = r.tokEnd;
    // (in German not a common noun: "in Brasilien Platz 1 der Charts", "in West Hollywood Platz genommen")
    if (k >= t.length || covered[r.sent][k] || !CAP_WORD.test(t[k].text) || (lang === 'de' && isCommonNoun(t[k].text)) || typeByHead([t[k - 1].text, t[k].text])?.type !== 'place') continue;
    drop(r);
    push(mk(r.sent, r.tokStart, k + 1, 'place', r.source));
  }

  // 1k. English: a title-case line (nearly every word capitalised) misleads the tagger into long names ("Amazon Liable
  //     for Defective Third-Party Products Rules CA"): a span of four words or more there, across a word in lower case,
  //     that no other line of the article writes is none; the names inside it are found by their other mentions (step 3)
  if (lang === 'en') for (const r of [...raws]) {
    // (a span across one of the small words such a line leaves in lower case: "for", "of")
    if (r.part || r.tokEnd - r.tokStart < 4 || !sentences[r.sent].tokens.slice(r.tokStart, r.tokEnd).some((x) => /^\p{Ll}/u.test(x.text))) continue;
    const words = sentences[r.sent].tokens.filter((x) => /^\p{L}/u.test(x.text));
    if (words.filter((x) => /^\p{Lu}/u.test(x.text)).length * 10 <= words.length * 8) continue;
    if (!blocks.some((b, k) => k !== r.block && b.text.includes(r.text))) drop(r);
  }

  // 1l. English: an organisation's abbreviation runs on over the capitalised word or short number the tagger left after
  //     it, which names one of its services or branches ("NHS Direct", "NHS 111"); not over a person's title ("FBI
  //     Director"), a day ("CNBC Friday"), a word the article also writes in lower case, nor in a table ("LG 46 5 59")
  if (lang === 'en') for (const r of [...raws]) {
    const t = sentences[r.sent].tokens;
    const k = r.tokEnd;
    if (r.type !== 'organization' || r.part || k - r.tokStart !== 1 || !/^\p{Lu}{2,5}$/u.test(t[r.tokStart].text) || k >= t.length || covered[r.sent][k]) continue;
    const w = t[k].text;
    if (!/^(?:\d{2,3}|\p{Lu}\p{Ll}+)$/u.test(w) || /^\d/.test(t[k + 1]?.text ?? '') || CALENDAR.test(w) || lowerSeen.has(w.toLowerCase()) || isPersonNounEn(w) || isTitleWord(w, lang)) continue;
    drop(r);
    push(mk(r.sent, r.tokStart, k + 1, 'organization', r.source));
  }

  // 1g. English: the state after a party letter in brackets is a place ("Rep. X (D-Calif.)", "(R-N.C.)"), no organisation "D-N"
  if (lang === 'en') sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i + 4 < t.length; i++) {
      if (t[i].text !== '(' || !/^[DRI]$/.test(t[i + 1].text) || t[i + 2].text !== '-') continue;
      let j = i + 3;
      while (j < t.length && j < i + 6 && t[j].text !== ')') j++;
      if (t[j]?.text !== ')') continue;
      const text = blocks[s.block].text.slice(t[i + 3].start, t[j - 1].end);
      const state = usState(text);
      if (!state) continue;
      for (const r of raws.filter((x) => x.sent === si && x.tokStart <= j && x.tokEnd > i)) drop(r);
      for (let k = i + 1; k < i + 3; k++) covered[si][k] = 1;
      const r = mk(si, i + 3, j, 'place', 2);
      r.gazId = `us-state:${state}`;
      push(r);
      i = j;
    }
  });

  // 1m. a name inside a title in quotation marks, two to four capitalised words, is part of that title and names
  //     nothing of its own («Schweiz Aktuell», „Berlin Calling“); a name that fills the marks is one („Nau“)
  sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      if (!OPEN_QUOTE.test(t[i].text)) continue;
      let j = i + 1;
      while (j < t.length && j - i <= 5 && /^\p{Lu}\p{L}*$/u.test(t[j].text)) j++;
      if (j - i - 1 < 2 || j - i - 1 > 4 || !CLOSE_QUOTE.test(t[j]?.text ?? '')) continue;
      const inside = raws.filter((r) => r.sent === si && !r.part && r.tokStart > i && r.tokEnd <= j);
      if (inside.some((r) => r.tokStart === i + 1 && r.tokEnd === j)) continue;
      for (const r of inside) drop(r);
      for (let k = i + 1; k < j; k++) inOther[si][k] = 1;
      i = j;
    }
  });

  // 1n. a name in quotation marks written onto a hyphen and a noun is the first part of a compound („Bunga-Bunga“-Feste,
  //     „Nordlicht“-Affäre): it counts for the card like "Trump-Regierung", no entity of its own
  for (const r of [...raws]) {
    if (r.part) continue;
    const t = sentences[r.sent].tokens;
    const text = blocks[r.block].text;
    const close = t[r.tokEnd];
    if (!OPEN_QUOTE.test(t[r.tokStart - 1]?.text ?? '') || !close || !CLOSE_QUOTE.test(close.text) || close.start !== r.end || !/^-\p{L}/u.test(text.slice(close.end, close.end + 2))) continue;
    r.part = true;
  }

  // 1e. a web address is no place "ch" or "de": it names the outlet or site that speaks or is spoken to ("sagte er
  //     handball.ch", "kulturblick.de: Wie kam es dazu?"), when it stands as a name of its own; not an address to look
  //     something up at ("unter", or a colon, "auf", "at" before it at the sentence's end; with a path, in an e-mail
  //     address, after a word for a web site), not before a noun it qualifies ("im stern.de Live-Ticker", "die stern.de
  //     – Umfrage"), and not where the article names the site without its domain too ("Amazon" … "Amazon.com")
  const bareNames = new Set(raws.map((r) => r.text.toLowerCase()));
  sentences.forEach((s, si) => {
    for (let i = 2; i < s.tokens.length; i++) {
      const [w, dot, tld] = [s.tokens[i - 2], s.tokens[i - 1], s.tokens[i]];
      if (dot.text !== '.' || !TLD.test(tld.text) || dot.start !== w.end || tld.start !== dot.end) continue;
      for (const r of raws.filter((x) => x.sent === si && !x.part && x.tokStart <= i && x.tokEnd >= i - 2)) drop(r);
      for (let k = i - 2; k <= i; k++) covered[si][k] = 1;
      const text = blocks[s.block].text;
      const before = s.tokens[i - 3]?.text ?? '';
      const after = s.tokens[i + 1];
      const last = !after || /^[.!?]$/.test(after.text);
      const link = (last && (before === ':' || /^(?:auf|at|on|visit|bei)$/i.test(before))) || /^(?:unter|via|www)$/i.test(before) || /^(?:web)?sites?$|^(?:inter)?net-?seiten?$|^webseiten?$|^homepage$/i.test(before.replace(/,$/, '')) || /^(?:web)?sites?$|^webseiten?$/i.test(s.tokens[i - 4]?.text ?? '');
      const path = text[tld.end] === '/' || text[w.start - 1] === '@' || text[w.start - 1] === '/';
      const compound = !!after && ((/^[-–]$/.test(after.text) && /^\p{Lu}/u.test(s.tokens[i + 2]?.text ?? '')) || (lang === 'de' && /^\p{Lu}\p{L}/u.test(after.text)));
      if (link || path || compound || bareNames.has(w.text.toLowerCase()) || !/^\p{L}/u.test(w.text)) continue;
      push(mk(si, i - 2, i + 1, 'organization', 2));
    }
  });

  // 1a'. a name runs across its particles: "Mohammed/PER bin Salman/PER" → "Mohammed bin Salman"
  sentences.forEach((s, si) => {
    for (const r of raws.filter((x) => x.sent === si && x.type === 'person' && !x.part)) {
      let k = r.tokEnd;
      const starter = s.tokens[k]?.text ?? '';
      if (!PARTICLES.has(starter) || ARTICLE_PARTICLES.has(starter)) continue;
      k++;
      while (k < s.tokens.length && ARTICLE_PARTICLES.has(s.tokens[k].text)) k++;
      if (k >= s.tokens.length || !isCap(s.tokens[k].text) || !/^\p{L}/u.test(s.tokens[k].text)) continue;
      // the part after the particles is a person's name the tagger found ("von", "de", "zu" are prepositions too:
      // "Hartmut Zohm von der Universität"); after "bin", "ibn" any name ("bin Salman/LOC")
      const next = raws.find((x) => x.sent === si && !x.part && x.tokStart === k);
      if (!next || (!/^(?:bin|ibn|bint)$/.test(starter) && next.type !== 'person')) continue;
      if (!raws.includes(r)) continue;
      raws.splice(raws.indexOf(r), 1);
      raws.splice(raws.indexOf(next), 1);
      push(mk(si, r.tokStart, next.tokEnd, 'person', 2));
    }
  });

  // 1a''. a German noun that classifies the name is no part of it, unless names open with it: "die Umweltorganisation
  //      Germanwatch" → "Germanwatch" ("Kanton Nidwalden", "Universität Leipzig", "Bundesverband Deutscher Stiftungen" stay whole);
  //      where the tagger saw a person, the noun tells the kind ("seine Luxusvilla Arcore" → the place "Arcore")
  if (lang === 'de') for (const r of [...raws]) {
    if (r.part || r.tokEnd - r.tokStart < 2) continue;
    const first = sentences[r.sent].tokens[r.tokStart].text;
    const kind = typeByClassifier(first);
    if (r.type === 'person' && (kind === 'none' || isPersonNounDe(first) || knownFirstNames().has(first) || isAlsoName(first))) continue;
    const rest = sentences[r.sent].tokens.slice(r.tokStart + 1, r.tokEnd).map((t) => t.text);
    // (the rest a name of its own, not adjectives and nouns that complete the first word: "Bundesverband Deutscher Stiftungen")
    if (!kind || kind === 'none' || opensName(first) || !isCommonNoun(first) || !isCap(rest[0]) || isAdjective(rest[0]) || !rest.some(unknownName)) continue;
    drop(r);
    push(mk(r.sent, r.tokStart + 1, r.tokEnd, r.type === 'person' ? kind : r.type, r.source));
  }

  // 1a'''. a German institution named by its head and what it is for: "die Bundesagentur für Arbeit", "der Ausschuss für
  //       bürgerliche Freiheiten", "das Bayerische Staatsministerium für Unterricht und Kultus" (not after "ein": "eine
  //       Stiftung für Kinder" names none)
  if (lang === 'de') sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i + 2 < t.length; i++) {
      // (the head also in the genitive: "des Ausschusses für …")
      if (t[i + 1].text !== 'für' || ![t[i].text, t[i].text.replace(/e?s$/, '')].some(isInstitutionHead) || INDEFINITE.has(t[i - 1]?.text.toLowerCase() ?? '')) continue;
      // what it is for: adjectives and nouns, joined by "und" or commas, ending in a noun
      let j = i + 2;
      let end = -1;
      while (j < t.length && j - i <= 8) {
        const w = t[j].text;
        if (/^\p{Lu}\p{Ll}/u.test(w) && !isAdjective(w)) end = j + 1;
        else if (!((/^\p{Ll}/u.test(w) && isAdjective(w)) || ((w === 'und' || w === ',') && end === j))) break;
        j++;
      }
      if (end < 0) continue;
      let from = i;
      // a capitalised adjective before it belongs to the name ("Bayerisches Staatsministerium")
      if (i > 0 && /^\p{Lu}/u.test(t[i - 1].text) && isAdjective(t[i - 1].text)) from = i - 1;
      const inside = raws.filter((r) => r.sent === si && r.tokStart < end && r.tokEnd > from);
      // (a person the tagger saw there is left alone)
      if (inside.some((r) => r.type === 'person' || r.tokStart < from || r.tokEnd > end)) continue;
      for (const r of inside) drop(r);
      push(mk(si, from, end, 'organization', 2));
      i = end - 1;
    }
  });

  // 1a''''. German: a capitalised relational adjective (-isch, -lich) inside a sentence before a noun that heads
  //        organisations' names is the name of one the tagger left: "der Katholischen Kirche", "vor dem Europäischen
  //        Parlament"; not at a sentence's start (capitalised anyway), not a describing adjective ("die Große Kirche"
  //        is a building), not a place's adjective ("der Schweizer Armee", "der Leipziger Polizei": GermEval's
  //        annotators call them no names), not after "eine" ("eine Technische Universität" names none), nor where the
  //        name runs on ("Evangelische Kirche von Westfalen")
  if (lang === 'de') sentences.forEach((s, si) => {
    const t = s.tokens;
    const word = (k: number) => k < t.length && !covered[si][k] && CAP_WORD.test(t[k].text);
    const relational = (k: number) => word(k) && /(?:isch|lich)(?:e|en|em|er|es)$/.test(t[k].text) && isAdjective(t[k].text);
    for (let i = 1; i + 1 < t.length; i++) {
      if (!relational(i) || t.slice(0, i).every((x) => !/\p{L}/u.test(x.text)) || INDEFINITE.has(t[i - 1].text.toLowerCase())) continue;
      let j = i + 1;
      while (relational(j)) j++;
      const next = t[j + 1]?.text ?? '';
      if (!word(j) || typeByHead([t[i].text, t[j].text])?.type !== 'organization' || /^\p{Lu}/u.test(next) || /^(?:von|des|der)$/.test(next)) continue;
      push(mk(si, i, j + 1, 'organization', 2));
      i = j;
    }
  });

  // 1a. a first name inside a person span, after a word that is no name, starts another person:
  //     "Donald Trumps Schwiegersohn Jared Kushner" → "Donald Trumps" + "Jared Kushner"
  const firsts = firstNames();
  for (const r of [...raws]) {
    if (r.type !== 'person' || r.part || r.tokEnd - r.tokStart < 3) continue;
    const toks = sentences[r.sent].tokens;
    for (let k = r.tokStart + 2; k < r.tokEnd - 1; k++) {
      if (!firsts.has(toks[k].text) || firsts.has(toks[k - 1].text)) continue;
      drop(r);
      push(mk(r.sent, r.tokStart, k - 1, 'person', 2));
      push(mk(r.sent, k, r.tokEnd, 'person', 2));
      break;
    }
  }

  // 1b. a known first name followed by a capitalised word is a person, whatever came before it
  //     ("Schwiegersohn Jared Kushner" tagged as one organisation → "Jared Kushner")
  //     A first name only the wider list knows, before one word the tagger took for a place or organisation, makes
  //     that word a surname ("Tareq Salem" with "Salem" a place), unless the pair is a name the gazetteer knows.
  const wideFirsts = knownFirstNames();
  if (on.firstNames) sentences.forEach((s, si) => {
    for (let i = 0; i + 1 < s.tokens.length; i++) {
      if (!firsts.has(s.tokens[i].text) && wideFirsts.has(s.tokens[i].text) && isCap(s.tokens[i + 1].text) && !anyCovered(si, i, i + 1)) {
        const r = raws.find((x) => x.sent === si && !x.part && x.tokStart === i + 1 && x.tokEnd === i + 2 && x.type !== 'person' && x.source === 2 && !x.gazId);
        if (r && !gazetteer().has(stemKey([s.tokens[i].text])) && !gazetteer().has(stemKey([s.tokens[i].text, s.tokens[i + 1].text]))) {
          drop(r);
          push(mk(si, i, i + 2, 'person', 2));
          i++;
        }
        continue;
      }
      if (!firsts.has(s.tokens[i].text) || !isCap(s.tokens[i + 1].text) || !/^\p{L}/u.test(s.tokens[i + 1].text)) continue;
      let j = i + 2;
      while (j < s.tokens.length && isCap(s.tokens[j].text) && /^\p{L}/u.test(s.tokens[j].text) && firsts.has(s.tokens[j - 1].text)) j++;
      const hit = raws.findIndex((r) => r.sent === si && !r.part && r.tokStart <= i && r.tokEnd > i);
      if (hit >= 0) {
        const r = raws[hit];
        // "Silvio" and "Berlusconis" tagged as two people: one name
        const next = raws.findIndex((x) => x.sent === si && !x.part && x.tokStart === r.tokEnd && x.tokStart === i + 1 && x.type === 'person');
        if (r.type === 'person' && r.tokStart === i && r.tokEnd === i + 1 && next >= 0) {
          const merged = mk(si, i, raws[next].tokEnd, 'person', 2);
          raws.splice(Math.max(hit, next), 1);
          raws.splice(Math.min(hit, next), 1);
          push(merged);
          continue;
        }
        if (r.type === 'person' && r.tokStart === i) {
          // "Silvio/PER Berlusconis/O": the surname after a known first name belongs to the name
          if (r.tokEnd < j && !anyCovered(si, r.tokEnd, j)) {
            raws.splice(hit, 1);
            push(mk(si, i, j, 'person', 2));
          }
          continue;
        }
        if (r.tokEnd > j || (r.type === 'person' && r.tokStart < i && r.tokEnd >= j)) continue;
        drop(r);
      } else if (anyCovered(si, i, j)) {
        // "Jay/O Stanley/PER": the first name before a person the tagger found is part of the name
        const r = raws.find((x) => x.sent === si && !x.part && x.tokStart === i + 1 && x.type === 'person');
        if (!r) continue;
        drop(r);
        push(mk(si, i, Math.max(j, r.tokEnd), 'person', 2));
        i = Math.max(j, r.tokEnd) - 1;
        continue;
      }
      push(mk(si, i, j, 'person', 2));
      i = j - 1;
    }
  });

  // 1f. one capitalised word the tagger left in a list of two people or more is a person too ("Anna Roth, Ben Kaya und
  //     Cher"; "Cher, Anna Roth and Ben Kaya"), when it is no common noun and the article never writes it in lower case
  const LIST_JOIN = /^(?:,|und|oder|sowie|and|or)$/;
  sentences.forEach((s, si) => {
    const t = s.tokens;
    const personEndingAt = (k: number) => raws.find((r) => r.sent === si && !r.part && r.type === 'person' && r.tokEnd === k);
    const personStartingAt = (k: number) => raws.find((r) => r.sent === si && !r.part && r.type === 'person' && r.tokStart === k);
    for (let i = 0; i < t.length; i++) {
      if (!(LIST_JOIN.test(t[i - 1]?.text ?? '') || LIST_JOIN.test(t[i + 1]?.text ?? '')) || covered[si][i] || (i > 0 && (covered[si][i - 1] || isCap(t[i - 1].text))) || !CAP_WORD.test(t[i].text) || isCap(t[i + 1]?.text ?? '')) continue;
      let people = 0;
      // back: "A, B und X"
      for (let k = i - 1; k > 0 && LIST_JOIN.test(t[k].text); ) {
        const r = personEndingAt(k);
        if (!r) break;
        people++;
        k = r.tokStart - 1;
      }
      // on: "X, A und B"
      for (let k = i + 1; k < t.length && LIST_JOIN.test(t[k].text); ) {
        const r = personStartingAt(k + 1);
        if (!r) break;
        people++;
        k = r.tokEnd;
      }
      if (people >= 2 && unknownName(t[i].text)) push(mk(si, i, i + 1, 'person', 2));
    }
  });

  // 1g. German: a town's adjective before a company's word is the company's name ("die Kasseler Sparkasse", "der Bremer
  //     Verlag"), not after an indefinite article ("eine Frankfurter Bank" is some bank) nor before more of a name
  if (lang === 'de') sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i + 1 < t.length; i++) {
      if (!isTownCompanyHead(t[i + 1].text) || covered[si][i] || covered[si][i + 1] || isCap(t[i + 2]?.text ?? '') || INDEFINITE.has(t[i - 1]?.text.toLowerCase() ?? '') || !townOfAdjective(t[i].text)) continue;
      push(mk(si, i, i + 2, 'organization', 2));
    }
  });

  // 1o. German: an institution's word before the town it serves is one name with it, where the tagger saw only the town
  //     ("zum Finanzamt Essen-NordOst", "die Realschule Spaichingen"); not before a street or a country
  if (lang === 'de') sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i + 1 < t.length; i++) {
      if (covered[si][i] || !isInstitutionBeforeTown(t[i].text)) continue;
      const r = raws.find((x) => x.sent === si && x.tokStart === i + 1 && x.tokEnd === i + 2 && x.type === 'place');
      const town = t[i + 1].text;
      if (r ? isCountry(town.split('-')[0]) || isStreetWord(town) : covered[si][i + 1] || !isTownName(town)) continue;
      if (/^\p{Lu}/u.test(t[i + 2]?.text ?? '')) continue;
      if (r) drop(r);
      push(mk(si, i, i + 2, 'organization', 2));
    }
  });

  // 2. gazetteers fill gaps the tagger left (and settle the type of known institutions); not inside the name of a work or
  //    event the tagger found ("Hong Kong Open", "Air Jordan")
  const gz = gazetteer();
  const gzFirst = gazetteerFirstStems();
  const ctxNames = contextual();
  if (on.gazetteer) sentences.forEach((s, si) => {
    for (let i = 0; i < s.tokens.length; i++) {
      if (!isCap(s.tokens[i].text) || inOther[si][i]) continue;
      for (let n = gzFirst.has(stemWord(s.tokens[i].text)) || gzFirst.has(headStem(s.tokens[i].text)) ? Math.min(ENTITIES.maxNameTokens, s.tokens.length - i) : 0; n >= 1; n--) {
        const words = s.tokens.slice(i, i + n).map((t) => t.text);
        if (!words.every((w, k) => isCap(w) || (k > 0 && k < n - 1 && /^(?:of|von|der|the)$/.test(w)))) continue;
        const entries = gz.get(stemKey(words));
        if (!entries) continue;
        const e = entries[0];
        const existing = raws.find((r) => r.sent === si && !r.part && r.tokStart <= i && r.tokEnd >= i + n);
        if (existing) {
          if (existing.tokStart === i && existing.tokEnd === i + n) {
            existing.gazId = e.id;
            if (e.type === 'organization') existing.type = 'organization';
          }
        } else if (!anyCovered(si, i, i + n)) {
          // an adjective starting a multi-word name needs the name's capitalised adjective ("Schwarzen Meer")
          const r = mk(si, i, i + n, e.type, 2);
          r.gazId = e.id;
          push(r);
        }
        i += n - 1;
        break;
      }
      // a one-word street name where an address stands ("in der Kruppstraße", "Kortumstr. 46", "im Bargkoppelstieg"), with
      // its abbreviation's dot; not a compound of a common noun ("auf dem Truppenübungsplatz")
      if (lang === 'de' && isStreetWord(s.tokens[i].text) && unknownName(s.tokens[i].text) && addressAt(s.tokens, i, blocks[s.block].text.slice(s.tokens[i].end, s.tokens[i].end + 8))) {
        const t = s.tokens[i];
        const dot = /str$/.test(t.text) && s.tokens[i + 1]?.text === '.' && s.tokens[i + 1].start === t.end;
        const same = raws.find((r) => r.sent === si && !r.part && r.tokStart === i && r.tokEnd === i + 1);
        if (same) {
          same.type = 'place';
          if (dot) Object.assign(same, { end: t.end + 1, text: blocks[s.block].text.slice(t.start, t.end + 1) });
        } else if (!covered[si][i]) push(mk(si, i, i + 1, 'place', 2, false, t.start, dot ? t.end + 1 : t.end));
        continue;
      }
      // a landmark named in one word after an article the tagger left ("gegenüber dem Eiffelturm", "über die
      // Köhlbrandbrücke"), when it is no common noun ("der Kirchturm", "die Eisenbahnbrücke")
      if (lang === 'de' && !covered[si][i] && !inOther[si][i] && isLandmarkWord(s.tokens[i].text) && unknownName(s.tokens[i].text) && /^(?:der|die|das|dem|den|des|am|im|zum|zur|beim|vom)$/i.test(s.tokens[i - 1]?.text ?? '')) {
        push(mk(si, i, i + 1, 'place', 2));
        continue;
      }
      // a town GeoNames knows after "in", "aus", "nach" that the tagger left ("in St. Veit", "Anwurf in Stans"), when
      // it is no common noun ("in Ordnung", "aus Liebe")
      if (i > 0 && TOWN_PREPOSITIONS.has(s.tokens[i - 1].text) && !covered[si][i - 1] && !inOther[si][i]) {
        let n = 0;
        for (let k = Math.min(3, s.tokens.length - i); k >= 1 && !n; k--) {
          const words = s.tokens.slice(i, i + k).map((t) => t.text);
          if (!anyCovered(si, i, i + k) && words.every((w) => /^\p{Lu}/u.test(w)) && unknownName(words[k - 1]) && !CALENDAR.test(words[0]) && isTownName(words.join(' '))) n = k;
        }
        if (n) {
          push(mk(si, i, i + n, 'place', 2));
          i += n - 1;
          continue;
        }
      }
      // German: a town's name in the genitive before what belongs to it, the tagger left ("Villachs neuer Bahnhof",
      // "Leobens „Stadtfest“"): no article before it, a noun, adjective or quotation mark after it, not a common noun,
      // not a name people have
      if (lang === 'de' && !covered[si][i] && !inOther[si][i] && /^\p{Lu}\p{Ll}{2,}s$/u.test(s.tokens[i].text) && isTownName(s.tokens[i].text.slice(0, -1))) {
        const w = s.tokens[i].text;
        const stem = w.slice(0, -1);
        const prev = s.tokens[i - 1]?.text.toLowerCase() ?? '';
        const next = s.tokens[i + 1]?.text ?? '';
        const person = raws.some((r) => r.type === 'person' && sentences[r.sent].tokens.slice(r.tokStart, r.tokEnd).some((t) => t.text === stem || t.text === w));
        if (!DETERMINERS.has(prev) && (/^[„“"«»‚]$/.test(next) || (/^\p{L}/u.test(next) && !isCap(next) ? isAdjective(next) : /^\p{Lu}\p{Ll}/u.test(next) && isCommonNoun(next))) && unknownName(w) && unknownName(stem) && !knownFirstNames().has(stem) && !isAlsoName(stem) && !person) {
          push(mk(si, i, i + 1, 'place', 2));
          continue;
        }
      }
      // German: a region named by a point of the compass and a name after "in", "im", "aus" that the tagger left
      // ("in Nordhessen", "im Oberrheingraben", "aus Niederbayern"), when it is no common noun ("in Unterzahl")
      if (lang === 'de' && i > 0 && /^(?:in|im|aus|nach)$/i.test(s.tokens[i - 1].text) && !covered[si][i - 1] && !covered[si][i] && !inOther[si][i] && COMPASS_REGION.test(s.tokens[i].text) && unknownName(s.tokens[i].text)) {
        push(mk(si, i, i + 1, 'place', 2));
        continue;
      }
      // English: a name before a street word is a street the tagger left ("Princes Street is quiet", "on Cornmarket St")
      if (lang === 'en' && !covered[si][i] && i + 1 < s.tokens.length && CAP_WORD.test(s.tokens[i].text) && EN_STREETS.has(s.tokens[i + 1].text) && !covered[si][i + 1] && !lowerSeen.has(s.tokens[i].text.toLowerCase())) {
        push(mk(si, i, i + 2, 'place', 2));
        i++;
        continue;
      }
      // a hyphen compound of a name and a noun that heads places' names is a place ("Krupp-Park", "Opti-Gewerbepark");
      // not after an abbreviation ("US-Notenbank": GermEval counts it no name)
      if (s.tokens[i].text.includes('-') && !covered[si][i]) {
        const w = s.tokens[i].text;
        const head = typeByHead([w]);
        const first = w.slice(0, w.indexOf('-'));
        if (head?.type === 'place' && CAP_WORD.test(first) && unknownName(first)) {
          push(mk(si, i, i + 1, head.type, 2));
          continue;
        }
      }
      // a classifier noun before an unknown name gives it its kind: "im Kanton Nidwalden", "die Reederei Nordlicht";
      // the classifier belongs to the name when names open with it ("Kanton Nidwalden")
      const kind = i + 1 < s.tokens.length ? typeByClassifier(s.tokens[i].text, true) : null;
      if (kind && kind !== 'none' && !covered[si][i] && !covered[si][i + 1] && unknownName(s.tokens[i + 1].text)) {
        let j = i + 2;
        // on across the small words of foreign names ("Housing Justice for All", "Coalition al-Karama")
        const nameWord = (k: number) => k < s.tokens.length && !covered[si][k] && (unknownName(s.tokens[k].text) || /^(?:al|el|ad|as|ash|an)-\p{Lu}/u.test(s.tokens[k].text));
        const capAfter = (k: number) => k < s.tokens.length && !covered[si][k] && /^\p{Lu}\p{L}/u.test(s.tokens[k].text);
        while (nameWord(j) || (CONNECTORS.has(s.tokens[j]?.text ?? '') && capAfter(j + 1))) j += nameWord(j) ? 1 : 2;
        push(mk(si, opensName(s.tokens[i].text) ? i : i + 1, j, kind, 2));
        i = j - 1;
        continue;
      }
      // a name in quotation marks after a classifier noun, also a compound of one: 'das Klatschblatt „People“'
      const quotedKind = i + 3 < s.tokens.length && OPEN_QUOTE.test(s.tokens[i + 1].text) ? typeByClassifier(s.tokens[i].text) : null;
      if (quotedKind && quotedKind !== 'none' && !covered[si][i + 2]) {
        let j = i + 2;
        while (j < s.tokens.length && j - i <= 5 && !covered[si][j] && !CLOSE_QUOTE.test(s.tokens[j].text) && /^(?:\p{Lu}|&$|[\p{Ll}]{1,3}$)/u.test(s.tokens[j].text)) j++;
        if (j > i + 2 && CLOSE_QUOTE.test(s.tokens[j]?.text ?? '') && isCap(s.tokens[i + 2].text)) {
          push(mk(si, i + 2, j, quotedKind, 2));
          i = j;
          continue;
        }
      }
      const c = ctxNames[s.tokens[i].text];
      if (c && i > 0 && c.after.has(s.tokens[i - 1].text) && (i + 1 >= s.tokens.length || !isCap(s.tokens[i + 1].text))) {
        // "auf X", "on X": the platform, whatever the tagger made of the single letter
        const same = raws.find((r) => r.sent === si && !r.part && r.tokStart === i && r.tokEnd === i + 1);
        if (same) {
          same.type = c.type;
          same.gazId = `ctx:${s.tokens[i].text}`;
        } else if (!covered[si][i]) push(mk(si, i, i + 1, c.type, 2));
      }
    }
  });

  // 2c. German: an institution named by its head noun runs on over the country it is of ("die Evangelische Kirche in
  //     Deutschland", "der Zentralrat der Muslime in Deutschland"); not a company's seat ("die Stahl AG in Duisburg")
  if (lang === 'de') for (const r of [...raws]) {
    const t = sentences[r.sent].tokens;
    if (r.type !== 'organization' || r.part || t[r.tokEnd]?.text !== 'in') continue;
    const country = raws.find((x) => x.sent === r.sent && !x.part && x.tokStart === r.tokEnd + 1 && x.gazId?.startsWith('country:'));
    const head = typeByHead(t.slice(r.tokStart, r.tokEnd).map((x) => x.text));
    if (!country || !head || head.type !== 'organization' || head.legal) continue;
    drop(r);
    drop(country);
    push(mk(r.sent, r.tokStart, country.tokEnd, 'organization', 2));
  }

  // 2d. German: an organisation's name the tagger ran on over a common noun after it is the name the article also
  //     writes alone ("die Supermarktkette Nordkauf Container mit Waren", "Nordkauf" elsewhere); not a noun that heads
  //     organisations' names ("Nordkauf Verlag")
  if (lang === 'de') {
    const alone = new Set(raws.filter((x) => !x.part).map((x) => x.text));
    for (const r of [...raws]) {
      if (r.part || r.type !== 'organization' || r.tokEnd - r.tokStart < 2) continue;
      const t = sentences[r.sent].tokens;
      const words = t.slice(r.tokStart, r.tokEnd).map((x) => x.text);
      const last = words[words.length - 1];
      if (!isCommonNoun(last) || isInstitutionHead(last) || typeByHead(words)?.type === 'organization' || !alone.has(blocks[r.block].text.slice(r.start, t[r.tokEnd - 2].end))) continue;
      drop(r);
      push(mk(r.sent, r.tokStart, r.tokEnd - 1, 'organization', r.source));
    }
  }

  // 2b. an abbreviation in brackets right after a name is its short form: "Deutscher Wetterdienst (DWD)",
  //     "Max-Planck-Institut für Plasmaphysik (IPP)"; found everywhere else in the article by step 3
  const abbreviations = new Map<string, string>();
  for (const r of [...raws]) {
    const t = sentences[r.sent].tokens;
    if (r.part || r.type === 'person' || t[r.tokEnd]?.text !== '(' || t[r.tokEnd + 2]?.text !== ')') continue;
    const ab = t[r.tokEnd + 1].text;
    const words = t.slice(r.tokStart, r.tokEnd).map((x) => x.text);
    if (!abbreviates(ab, words)) continue;
    abbreviations.set(ab, stemKey(words));
    const there = raws.find((x) => x.sent === r.sent && !x.part && x.tokStart === r.tokEnd + 1 && x.tokEnd === r.tokEnd + 2);
    if (there) there.type = r.type;
    else if (!covered[r.sent][r.tokEnd + 1]) push(mk(r.sent, r.tokEnd + 1, r.tokEnd + 2, r.type, 2));
  }

  // 3. document-level consistency: every form found once is found everywhere
  const known = new Map<string, { type: EntityType; votes: Map<EntityType, number> }>();
  const vote = (form: string, type: EntityType, w: number) => {
    if (form.length < 2 || lowerSeen.has(form.toLowerCase()) || ENTITIES.stopNames.has(form.toLowerCase())) return;
    const k = known.get(form) ?? { type, votes: new Map() };
    k.votes.set(type, (k.votes.get(type) ?? 0) + w);
    known.set(form, k);
  };
  // surnames of people named in full that the article also writes in lower case ("Levi Pay" … "pay"): a
  // person only where the text shows it, as the speaker of a speech verb or capitalised after a lower-case word
  const commonSurnames = new Set<string>();
  for (const r of raws) {
    if (r.part) continue;
    const words = sentences[r.sent].tokens.slice(r.tokStart, r.tokEnd).map((t) => t.text);
    vote(words.join(' '), r.type, 2);
    if (r.type === 'person' && words.length >= 2) vote(words[words.length - 1], 'person', 1);
    if (r.type === 'person' && words.length >= 2 && /^\p{Lu}\p{Ll}{2,}$/u.test(words[words.length - 1]) && lowerSeen.has(words[words.length - 1].toLowerCase())) commonSurnames.add(words[words.length - 1]);
    // a first word that is no known first name may be the surname (Korean, Chinese, Hungarian order: "Xi Jinping" … "Xi")
    if (r.type === 'person' && words.length === 2 && !knownFirstNames().has(words[0]) && CAP_WORD.test(words[0])) vote(words[0], 'person', 1);
  }
  for (const k of known.values()) k.type = [...k.votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  // a surname of a known person: strip the German genitive ("Trumps" → "Trump")
  const formOf = (w: string): string | null => {
    if (known.has(w)) return w;
    if (lang === 'de' && /s$/.test(w) && known.has(w.slice(0, -1))) return w.slice(0, -1);
    if (lang === 'de' && known.has(w + 's') && known.get(w + 's')!.type === 'person') return w + 's'; // "Trumps" known, "Trump" seen
    return null;
  };
  // endings of known people's names that start with a particle: "von der leyen", "der leyen", "van gogh"
  const particleNames = new Set<string>();
  for (const r of raws) {
    if (r.type !== 'person' || r.part) continue;
    const words = sentences[r.sent].tokens.slice(r.tokStart, r.tokEnd).map((t) => t.text.toLowerCase());
    for (let k = 1; k < words.length - 1; k++) if (PARTICLES.has(words[k])) particleNames.add(words.slice(k).join(' '));
  }
  const speech = speechLexicon(lang);
  if (on.propagate) sentences.forEach((s, si) => {
    for (let i = 0; i < s.tokens.length; i++) {
      if (covered[si][i] || !isCap(s.tokens[i].text)) continue;
      let matched = 0;
      // no stand-alone mention inside the title of a work or event; the compound check below still counts
      const inTitle = !!inOther[si][i];
      for (let n = inTitle ? 0 : Math.min(ENTITIES.maxNameTokens, s.tokens.length - i); n >= 1 && !matched; n--) {
        if (anyCovered(si, i, i + n)) continue;
        const words = s.tokens.slice(i, i + n).map((t) => t.text);
        const last = formOf(words[n - 1]);
        const form = n === 1 ? last : known.has(words.join(' ')) ? words.join(' ') : null;
        if (!form) {
          if (n === 1 && commonSurnames.has(words[0]) && surnameInText(s.tokens, i, speech)) {
            push(mk(si, i, i + 1, 'person', 1));
            matched = 1;
          }
          continue;
        }
        // "von der Leyen": the particles of a known full name before the surname belong to it
        let from = i;
        if (n === 1 && known.get(form)!.type === 'person') {
          while (from > 0 && !covered[si][from - 1] && PARTICLES.has(s.tokens[from - 1].text.toLowerCase()) && particleNames.has(`${s.tokens[from - 1].text.toLowerCase()} ${s.tokens.slice(from, i + 1).map((t) => t.text).join(' ').toLowerCase()}`)) from--;
        }
        push(mk(si, from, i + n, known.get(form)!.type, 1));
        matched = n;
      }
      if (matched) {
        i += matched - 1;
        continue;
      }
      // compound: "Trump-Regierung", "Telegram-Beitrag"
      const t = s.tokens[i].text;
      if (t.includes('-')) {
        const parts = t.split('-');
        let off = 0;
        for (let p = 0; p < parts.length - 1; p++) {
          const f = formOf(parts[p]);
          const gzE = gz.get(stemKey([parts[p]]));
          const type = f ? known.get(f)!.type : gzE && gzE[0].type === 'organization' ? gzE[0].type : null;
          if (type && parts[p].length > 1) {
            const r = mk(si, i, i + 1, type, f ? 1 : 2, true, s.tokens[i].start + off, s.tokens[i].start + off + parts[p].length);
            if (!f) r.gazId = gzE![0].id;
            push(r);
            break;
          }
          off += parts[p].length + 1;
        }
      }
    }
  });
  // a place in the genitive at the end of a longer span is that place ("Zentrum Moskaus" → Moskau)
  if (lang === 'de') {
    for (const r of [...raws]) {
      if (r.type === 'person' || r.part || r.tokEnd - r.tokStart < 2) continue;
      const last = sentences[r.sent].tokens[r.tokEnd - 1].text;
      const k = /s$/.test(last) ? known.get(last.slice(0, -1)) : undefined;
      if (!k || k.type !== 'place') continue;
      drop(r);
      push(mk(r.sent, r.tokEnd - 1, r.tokEnd, 'place', 2));
    }
  }
  // settle each form's type by the article-wide vote (the tagger may call "Uschakow" a place once)
  if (on.vote) for (const r of raws) {
    if (r.part) continue;
    const k = known.get(r.text);
    if (k && !r.gazId) r.type = k.type;
  }

  // 3c. a town GeoNames knows that the tagger took for an organisation, with its region or country after a comma, is the
  //     town ("Hallig Hooge, Nordfriesland, meldete …", "Ennis, County Clare")
  sentences.forEach((s, si) => {
    const t = s.tokens;
    for (const r of raws.filter((x) => x.sent === si && !x.part && x.type === 'organization' && t[x.tokEnd]?.text === ',')) {
      const next = raws.find((x) => x.sent === si && !x.part && x.tokStart === r.tokEnd + 1 && x.type === 'place');
      if (next && /^[,.;)]?$/.test(t[next.tokEnd]?.text ?? '') && isTownName(t.slice(r.tokStart, r.tokEnd).map((x) => x.text).join(' '))) r.type = 'place';
    }
  });

  // 3b. English: names listed with a plural noun for organisations are organisations, whatever the tagger took them for
  //     ("the Leeds Beckett and Sussex universities", "colleges such as Balliol, Merton and Exeter")
  if (lang === 'en') sentences.forEach((s, si) => {
    const t = s.tokens;
    const at = (k: number, end: boolean) => raws.find((r) => r.sent === si && !r.part && (end ? r.tokEnd : r.tokStart) === k);
    const SEP = /^(?:,|and|or|&)$/;
    for (let p = 1; p < t.length; p++) {
      if (!isOrganizationPlural(t[p].text)) continue;
      const listed: Raw[] = [];
      // before it, two names or more: "Glasgow universities" alone are the universities in Glasgow
      for (let k = p, r = at(k, true); r; r = at(k, true)) {
        listed.push(r);
        k = r.tokStart;
        if (!SEP.test(t[k - 1]?.text ?? '')) break;
        k -= t[k - 2]?.text === ',' && t[k - 1].text !== ',' ? 2 : 1;
      }
      if (listed.length < 2) listed.length = 0;
      // after it: ", including A, B and C", "such as A and B", "like A"
      let k = p + 1;
      if (t[k]?.text === ',') k++;
      if (/^(?:including|like)$/.test(t[k]?.text ?? '')) k++;
      else if (t[k]?.text === 'such' && t[k + 1]?.text === 'as') k += 2;
      else k = -1;
      for (let r = k > 0 ? at(k, false) : undefined; r; r = at(k, false)) {
        listed.push(r);
        k = r.tokEnd;
        if (!SEP.test(t[k]?.text ?? '')) break;
        k += t[k + 1] && SEP.test(t[k + 1].text) ? 2 : 1;
      }
      for (const r of listed) if (r.type !== 'person') Object.assign(r, { type: 'organization', source: 3 });
    }
  });

  const result = merge(blocks, sentences, raws, demonyms, lang, on.surnames, lowerSeen, abbreviations);
  linkDemonyms(result.entities, demonyms);
  return result;
}

/**
 * recognize(), with the article's title read before the text when the page does not show it as the
 * text's first block (a headline the extraction found nowhere in the page): the names the title gives in
 * full ("Mark Meadows accused …" over a text that only says "Meadows") then name the text's people, and
 * its types and roles count as the text's. The title is no place of mention: its occurrences are taken
 * out again, and a name only the title gives is no entity of the article.
 */
export function recognizeWithTitle(blocks: Block[], sentences: Sentence[], lang: string, tag: Tagger | null, title: string | null, opts: RecognizeOptions = {}): Recognition {
  const head = title?.trim() ?? '';
  if (!head || !tag || blocks.some((b) => b.text.includes(head))) return recognize(blocks, sentences, lang, tag, opts);
  const heads = splitBlocks([{ text: head, kind: 'heading' }], lang);
  // a headline's capitals mislead the tagger ("The EU’s Green Deal isn’t enough" tags a person): of the
  // title, only a person's full name that opens with a known first name is read
  const titleTag: Tagger = (ss) => {
    const labels = tag(ss);
    for (let i = 0; i < heads.length; i++) {
      const l = (labels[i] = labels[i].slice());
      for (let k = 0; k < l.length; k++) {
        if (l[k] === 'O') continue;
        let e = k + 1;
        while (e < l.length && l[e].startsWith('I-')) e++;
        const keep = l[k] === 'B-PER' && e - k >= 2 && knownFirstNames().has(ss[i][k]);
        if (!keep) for (let j = k; j < e; j++) l[j] = 'O';
        k = e - 1;
      }
    }
    return labels;
  };
  const shifted = sentences.map((s) => ({ ...s, block: s.block + 1 }));
  const r = recognize([{ text: head, kind: 'heading' }, ...blocks], [...heads, ...shifted], lang, titleTag, opts);
  const back = <T extends { block: number }>(xs: T[]) => xs.filter((x) => x.block > 0).map((x) => ({ ...x, block: x.block - 1 }));
  const entities: Entity[] = [];
  for (const e of r.entities) {
    const inTitle = e.occurrences.filter((o) => o.block === 0 && !o.partOfWord).length;
    e.occurrences = back(e.occurrences);
    if (!e.occurrences.length || (inTitle && e.occurrences.every((o) => o.partOfWord))) continue;
    e.mentions = Math.max(0, e.mentions - inTitle);
    e.id = `e${entities.length + 1}`;
    entities.push(e);
  }
  const kept = new Set(entities);
  return { entities, mentions: back(r.mentions).filter((m) => kept.has(m.entity)), demonyms: back(r.demonyms) };
}

/** Stem of a demonym or a place name for matching them: "russischen" → "russ", "Ukrainian" → "ukrain". */
function demonymStem(w: string): string {
  return w.toLowerCase().replace(/(?:ischen|ischer|isches|ische|isch|ianer|ians|ian|ans|an|ern|er|en|es|e|n)$/, '');
}

/** Adjectives of a place are not places, but point to one: "russischen" → Russland, "Ukrainian" → Ukraine. */
function linkDemonyms(entities: Entity[], demonyms: Recognition['demonyms']) {
  const places = entities.filter((e) => e.type === 'place');
  for (const d of demonyms) {
    const stem = demonymStem(d.text.split(' ').pop() ?? '');
    if (stem.length < 4) continue;
    const place = places.find((p) => p.name.toLowerCase().startsWith(stem) || demonymStem(p.name) === stem);
    if (!place) continue;
    const adj = d.text.toLowerCase();
    place.adjectives = [...new Set([...(place.adjectives ?? []), adj])];
  }
}

/** The name inside a compound tagged as "part": every hyphen-joined element but the head noun. */
function compoundPart(s: Sentence, si: number, tok: number, type: EntityType, blocks: Block[]): Raw | null {
  const t = s.tokens[tok];
  const parts = t.text.split('-');
  if (parts.length < 2) return null;
  const name = parts.slice(0, -1).join('-');
  // "US-Delegation", "EU-Kommission": an abbreviation used as a modifier works like an adjective
  if (!isCap(name) || (/^\p{Lu}{1,3}$/u.test(name) && type === 'place')) return null;
  return { sent: si, tokStart: tok, tokEnd: tok + 1, block: s.block, start: t.start, end: t.start + name.length, text: blocks[s.block].text.slice(t.start, t.start + name.length), type, part: true, source: 2 };
}

interface Cluster {
  type: EntityType;
  raws: Raw[];
  fullTokens: string[] | null;
  key: string;
  gazId?: string;
}

function merge(blocks: Block[], sentences: Sentence[], raws: Raw[], demonyms: Recognition['demonyms'], lang: string, surnames = true, lowerSeen = new Set<string>(), abbreviations = new Map<string, string>()): Recognition {
  raws.sort((a, b) => a.block - b.block || a.start - b.start);
  const tokensOf = (r: Raw) => sentences[r.sent].tokens.slice(r.tokStart, r.tokEnd).map((t) => t.text);
  const allCaps = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) allCaps.add(t.text);
  // German genitive: "Putins" is "Putin" when the article also says "Putin"
  const base = (w: string) => (lang === 'de' && /s$/.test(w) && allCaps.has(w.slice(0, -1)) ? w.slice(0, -1) : lang === 'de' && /es$/.test(w) && allCaps.has(w.slice(0, -2)) ? w.slice(0, -2) : w);
  // "Donald Trumps Schwiegersohn": a person's name ending in -s right before a noun is a Saxon genitive
  const coveredSet = new Set<string>();
  for (const x of raws) for (let k = x.tokStart; k < x.tokEnd; k++) coveredSet.add(`${x.sent}:${k}`);
  const coveredAt = (si: number, k: number) => coveredSet.has(`${si}:${k}`);
  // the classifier noun before a mention, also across "wie"/"like" ("eine Reinigungsfirma wie Filana", "clubs like Rapid")
  // and an opening quotation mark ("vom Online-Portal «Nau»")
  const classifierBefore = (r: Raw) => {
    const toks = sentences[r.sent].tokens;
    let k = r.tokStart - 1;
    if (OPEN_QUOTE.test(toks[k]?.text ?? '')) k--;
    if (/^(?:wie|like)$/.test(toks[k]?.text ?? '')) k--;
    return k < 0 || coveredAt(r.sent, k) ? null : typeByClassifier(toks[k].text);
  };
  const genitive = (r: Raw) => {
    if (lang !== 'de' || r.type !== 'person' || r.part) return false;
    const toks = sentences[r.sent].tokens;
    const last = toks[r.tokEnd - 1].text;
    const next = toks[r.tokEnd]?.text ?? '';
    return /[^s]s$/.test(last) && last.length > 3 && /^\p{Lu}\p{Ll}/u.test(next) && !coveredAt(r.sent, r.tokEnd);
  };
  const nameTokens = (r: Raw) => {
    const toks = (r.part ? [r.text] : tokensOf(r)).map(base);
    if (genitive(r) && toks[toks.length - 1].endsWith('s')) toks[toks.length - 1] = toks[toks.length - 1].slice(0, -1);
    return toks;
  };

  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  // Full names first, so surnames find them.
  const people = raws.filter((r) => r.type === 'person' && !r.part && tokensOf(r).length >= 2);
  for (const r of people) {
    const toks = nameTokens(r);
    const key = 'p:' + toks.join(' ').toLowerCase();
    let c = byKey.get(key);
    if (!c) {
      c = { type: 'person', raws: [], fullTokens: toks, key };
      byKey.set(key, c);
      clusters.push(c);
    }
  }
  // "Van Gogh", "von der Leyen": a name that starts with a particle and ends a longer one is that person
  for (const c of [...clusters]) {
    const t = c.fullTokens!.map((x) => x.toLowerCase());
    if (!PARTICLES.has(t[0])) continue;
    const longer = clusters.find((o) => o !== c && o.fullTokens!.length > t.length && o.fullTokens!.slice(-t.length).join(' ').toLowerCase() === t.join(' '));
    if (!longer) continue;
    byKey.set(c.key, longer);
    clusters.splice(clusters.indexOf(c), 1);
  }
  const personClusters = () => clusters.filter((c) => c.type === 'person' && c.fullTokens && c.fullTokens.length >= 2);
  for (const r of raws) {
    const toks = nameTokens(r);
    if (r.type === 'person' || (toks.length === 1 && surnames)) {
      if (toks.length >= 2 && r.type === 'person') {
        byKey.get('p:' + toks.join(' ').toLowerCase())!.raws.push(r);
        continue;
      }
      // a single word: the person whose surname (or first name) it is; when two share it, the one named
      // first (news names a relative or namesake in full each time and leaves the bare surname to the
      // person the story is about: "Mark Meadows … a Scott Meadows, his brother … Meadows announced")
      const w = toks[0].toLowerCase();
      const bySurname = personClusters().filter((c) => c.fullTokens![c.fullTokens!.length - 1].toLowerCase() === w);
      const byFirst = personClusters().filter((c) => c.fullTokens![0].toLowerCase() === w);
      // or the one name of three words or more with it in the middle (a second surname: "Camille Etienne Gbedey" … "Etienne")
      const byMiddle = personClusters().filter((c) => c.fullTokens!.length >= 3 && c.fullTokens!.slice(1, -1).some((x) => x.toLowerCase() === w));
      // or, for a long word, the one surname it misspells by a letter left out or doubled ("Franzikus" … "Papst Franziskus")
      // (looked for only when nothing else matched)
      const surnameOf = (c: Cluster) => (c.fullTokens ?? (c.raws.length ? nameTokens(c.raws[0]) : [''])).at(-1)!.toLowerCase();
      const typo = bySurname.length || byFirst.length || byMiddle.length === 1 || w.length < 7 || r.type !== 'person' ? [] : clusters.filter((c) => c.type === 'person' && (c.fullTokens || c.raws.length) && oneLetterApart(surnameOf(c), w));
      const cands = bySurname.length ? bySurname : byFirst.length ? byFirst : byMiddle.length === 1 ? byMiddle : typo.length === 1 ? typo : [];
      if (cands.length) {
        const before = cands.filter((c) => c.raws.some((x) => x.block < r.block || (x.block === r.block && x.start <= r.start)));
        (before.length ? before[0] : cands[0]).raws.push(r);
        continue;
      }
    }
    const key = r.gazId ?? (r.type === 'person' ? 'p:' : 'n:') + stemKey(toks);
    const gzKey = r.gazId;
    let c = byKey.get(key) ?? (gzKey ? undefined : byKey.get('n:' + stemKey(toks)));
    if (!c && !gzKey) {
      // an alias from the gazetteer shared with an existing cluster ("USA" ~ "Vereinigte Staaten")
      const entries = gazetteer().get(stemKey(toks));
      if (entries) c = byKey.get(entries[0].id);
    }
    if (!c) {
      c = { type: r.type, raws: [], fullTokens: null, key, gazId: gzKey };
      byKey.set(key, c);
      if (!gzKey) byKey.set('n:' + stemKey(toks), c);
      clusters.push(c);
    }
    c.raws.push(r);
  }

  // one name the tagger called a person here and a place or organisation there is one entity ("Idle Hour")
  for (const c of clusters) {
    if (c.type !== 'person' || !c.fullTokens || !c.raws.length) continue;
    const other = byKey.get('n:' + stemKey(c.fullTokens));
    if (!other || other === c || other.type === 'person' || other.gazId) continue;
    const votes = (x: Cluster) => x.raws.reduce((t, r) => t + r.source, 0);
    const [keep, drop] = votes(other) >= votes(c) ? [other, c] : [c, other];
    keep.raws.push(...drop.raws);
    drop.raws = [];
    if (keep === other) for (const r of keep.raws) r.type = other.type;
  }
  // a US state abbreviated after a party letter is the state the article names in full ("Calif." … "California")
  for (const c of clusters) {
    if (!c.gazId?.startsWith('us-state:') || !c.raws.length) continue;
    const full = byKey.get('n:' + stemKey(c.gazId.slice('us-state:'.length).split(' ')));
    if (!full || full === c || full.type === 'person') continue;
    for (const r of full.raws) r.type = 'place';
    c.raws.push(...full.raws);
    full.raws = [];
  }
  // an abbreviation is the name it abbreviates: the one it stood in brackets after, or the one whose words' initials
  // it is ("NPHET" … "National Public Health Emergency Team", "HSS" … "Hanns-Seidel-Stiftung")
  const longestTokens = (c: Cluster) => c.raws.filter((r) => !r.part).map(tokensOf).sort((a, b) => b.length - a.length)[0] ?? null;
  for (const c of clusters) {
    if (!c.raws.length || (c.type === 'person' && c.fullTokens)) continue;
    const forms = new Set(c.raws.map((r) => (r.part ? r.text : tokensOf(r).join(' '))));
    if (forms.size !== 1) continue;
    const ab = [...forms][0];
    if (!isAbbreviation(ab)) continue;
    const bracketed = abbreviations.get(ab);
    const targets = clusters.filter((o) => {
      if (o === c || !o.raws.length || o.type === 'person') return false;
      const toks = longestTokens(o);
      if (!toks || toks.length < 2 && !toks[0].includes('-')) return false;
      return bracketed ? o.raws.some((r) => !r.part && stemKey(tokensOf(r)) === bracketed) : initials(toks) === ab;
    });
    if (targets.length !== 1) continue;
    const [t] = targets;
    for (const r of c.raws) r.type = t.type;
    t.raws.push(...c.raws);
    c.raws = [];
  }
  // a short form of an organisation's name is that organisation: its last words ("Telekom" … "Deutsche Telekom",
  // "Rapid" … "SK Rapid") or its first before one more word or a phrase ("IG Metall" … "IG Metall Nordhessen",
  // "Max-Planck-Institut" … "Max-Planck-Institut für Plasmaphysik");
  // a place stays a place ("Essen" … "Finanzamt Essen")
  const orgKey = (toks: string[]) => toks.map((t, i) => (i === toks.length - 1 ? headStem(t) : t.toLowerCase()));
  for (const c of clusters) {
    if (c.type !== 'organization' || !c.raws.length) continue;
    const short = longestTokens(c);
    if (!short) continue;
    const sk = orgKey(short).join(' ');
    const targets = clusters.filter((o) => {
      if (o === c || o.type !== 'organization' || !o.raws.length) return false;
      const long = longestTokens(o);
      if (!long || long.length <= short.length) return false;
      const pre = orgKey(long.slice(0, short.length)).join(' ');
      const suf = orgKey(long.slice(long.length - short.length)).join(' ');
      // the first words only when one word or a phrase after a lower-case word follows ("House" is not "House Freedom Caucus")
      const rest = long.slice(short.length);
      return suf === sk || (pre === sk && (rest.length === 1 || /^\p{Ll}/u.test(rest[0])));
    });
    if (targets.length !== 1) continue;
    targets[0].raws.push(...c.raws);
    c.raws = [];
  }
  // a street written now as one word, now as two, with a hyphen or abbreviated is one street ("Altendorfer Straße",
  // "Altendorferstraße", "Altendorfer Str.", "Lindenplatz" … "Linden-Platz")
  const streets = new Map<string, Cluster>();
  for (const c of clusters) {
    const toks = c.type === 'place' && !c.gazId && c.raws.length ? longestTokens(c) : null;
    const joined = toks ? toks.join('').replace(/-/g, '').replace(/\.$/, '') : '';
    if (!toks || !isStreetWord(joined[0] + joined.slice(1).toLowerCase())) continue;
    const k = joined.toLowerCase().replace(/(?:str|strasse)$/, 'straße');
    const first = streets.get(k);
    if (!first) {
      streets.set(k, c);
      continue;
    }
    first.raws.push(...c.raws);
    c.raws = [];
  }
  // Type by majority of the mentions the tagger or a gazetteer made.
  // a name seen only inside compounds ("Big-Data-Firmen", "SCR-Sportchef") is no entity of the article, unless
  // the gazetteer knows it ("Telegram-Beitrag": the platform)
  const live = clusters.filter((c) => c.raws.some((r) => !r.part || r.gazId));
  for (const c of live) {
    if (c.type === 'person' && c.fullTokens) continue;
    const votes = new Map<EntityType, number>();
    for (const r of c.raws) votes.set(r.type, (votes.get(r.type) ?? 0) + r.source + (r.gazId ? 2 : 0));
    c.type = [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  }
  // what the name's own words and the noun before it say it is: "Robert Koch-Institut", "die Partei Attayar"
  for (const c of live) {
    if (c.gazId) continue;
    const standalone = c.raws.filter((r) => !r.part);
    if (!standalone.length) continue;
    const longest = standalone.reduce((a, b) => (b.tokEnd - b.tokStart > a.tokEnd - a.tokStart ? b : a));
    const toks = tokensOf(longest);
    // "Grace Park" is a person: a first name outweighs a head that may be a surname
    const firstNamed = toks.length >= 2 && knownFirstNames().has(toks[0]);
    const head = typeByHead(toks);
    // the tagger tells places from organisations well ("Notts County" the club, "Soviet Union"): heads overrule it
    // only for a person, a legal form, or a head that is never the other kind ("Boulevard", "Hospital", "Cafe")
    let type: EntityType | null = head && (head.overrules || ((head.strong || !firstNamed) && (c.type === 'person' || head.legal))) ? head.type : null;
    if (!type && !firstNamed) {
      const votes = new Map<EntityType | 'none', number>();
      for (const r of standalone) {
        const t = classifierBefore(r);
        if (t) votes.set(t, (votes.get(t) ?? 0) + 1);
      }
      const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
      // one word the tagger took for a person that a classifier names something else ("eine Reinigungsfirma wie Filana")
      const single = standalone.every((r) => r.tokEnd - r.tokStart === 1);
      if (single && c.type === 'person' && best && best[0] !== 'none' && votes.size === 1) type = best[0];
      else if (best && best[1] * 2 >= standalone.length) {
        // a product, model or work is no entity ("des Hubschraubers Tiger")
        if (best[0] === 'none') {
          c.raws = [];
          continue;
        }
        type = best[0];
      }
    }
    if (!type || type === c.type) continue;
    c.type = type;
    c.fullTokens = null;
    for (const r of c.raws) r.type = type;
  }
  // a name of one or two words the tagger took for an organisation that a title or a noun for a person stands right
  // before is that person ("Co-Redaktionsleiter Renato", "Trainerin Abebe"), also across "wie" ("Legenden wie Kool
  // Savas"): no organisation bears a role; not a noun news also writes before a company's or a club's name ("der
  // Spielzeughersteller Mattel", "Konkurrent Merck")
  // (German only: an English capitalised noun before a name is as often a label, "Player Name Bar")
  const personNoun = (w: string) => isTitleWord(w, lang) || (lang === 'de' && /\p{Ll}en$/u.test(w) && isTitleWord(w.slice(0, -1), lang));
  if (lang === 'de') for (const c of live) {
    if (c.type !== 'organization' || c.gazId) continue;
    const standalone = c.raws.filter((r) => !r.part);
    if (!standalone.length || standalone.some((r) => r.tokEnd - r.tokStart > 2) || !tokensOf(standalone[0]).every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) continue;
    const titled = (r: Raw) => {
      const toks = sentences[r.sent].tokens;
      const k = /^(?:wie|like)$/.test(toks[r.tokStart - 1]?.text ?? '') ? r.tokStart - 2 : r.tokStart - 1;
      const prev = toks[k]?.text ?? '';
      return /^\p{Lu}/u.test(prev) && !coveredAt(r.sent, k) && personNoun(prev) && !isCourtesyTitle(prev, lang) && !(lang === 'de' && isCompanyRoleNoun(prev));
    };
    if (!standalone.some(titled)) continue;
    c.type = 'person';
    for (const r of c.raws) r.type = 'person';
  }
  // English: a name that always follows "the" is no person ("the Royal Mail", "the Idle Hour"): an organisation
  if (lang === 'en') for (const c of live) {
    if (c.type !== 'person' || c.gazId) continue;
    const standalone = c.raws.filter((r) => !r.part);
    if (!standalone.length || !standalone.every((r) => sentences[r.sent].tokens[r.tokStart - 1]?.text === 'the')) continue;
    c.type = 'organization';
    c.fullTokens = null;
    for (const r of c.raws) r.type = 'organization';
  }
  // a competition, event or award is no entity ("Quirinus-Cup", "Hallen-WM", "Olympische Spiele", "Super Bowl")
  for (const c of live) {
    if (c.gazId || !c.raws.length) continue;
    const longest = longestTokens(c);
    if (longest && isEventName(longest)) c.raws = [];
    // an award by its own name: one word only where an article or a number stands before it ("den Oscar", "zwei Emmys")
    const awardAt = (r: Raw) => r.tokEnd - r.tokStart > 1 || /^(?:\d+|der|den|dem|des|die|einen|einem|eines|ein|eine|the|an?|two|three|zwei|drei|vier)$/i.test(sentences[r.sent].tokens[r.tokStart - 1]?.text ?? '');
    if (longest && isAwardName(longest) && c.raws.filter((r) => !r.part).every(awardAt)) c.raws = [];
  }
  // a name of more than one word that stands alone in quotation marks in half its mentions is a title, a work or
  // product, no person («Mario Kart»)
  for (const c of live) {
    if (c.type !== 'person' || !c.raws.length || (longestTokens(c)?.length ?? 0) < 2) continue;
    const standalone = c.raws.filter((r) => !r.part);
    const quoted = standalone.filter((r) => OPEN_QUOTE.test(sentences[r.sent].tokens[r.tokStart - 1]?.text ?? '') && CLOSE_QUOTE.test(sentences[r.sent].tokens[r.tokEnd]?.text ?? ''));
    if (quoted.length * 2 >= standalone.length) c.raws = [];
  }
  // a single word taken for a person that the article uses as a place: "in Dormagen", "auf Lampedusa",
  // the town of a club ("TSV Bayer Dormagen"), of a council or hospital ("Cork County Council")
  const multiNames = live.filter((c) => c.type !== 'person').flatMap((c) => c.raws.filter((r) => !r.part && r.tokEnd - r.tokStart >= 2).map(tokensOf));
  const placeWords = new Set(live.filter((c) => c.type !== 'person').flatMap((c) => c.raws.filter((r) => !r.part).flatMap(tokensOf)));
  for (const c of live) {
    if (c.type !== 'person' || c.fullTokens) continue;
    const standalone = c.raws.filter((r) => !r.part);
    if (!standalone.length || standalone.some((r) => r.tokEnd - r.tokStart !== 1)) continue;
    const word = nameTokens(standalone[0])[0];
    if (knownFirstNames().has(word)) continue;
    // the people of a place the article names are no person ("uns Stanser" … "BSV Stans", "in Stans")
    if (lang === 'de' && /\p{Ll}er$/u.test(word) && [word.slice(0, -2), word.slice(0, -2) + 'en', word.slice(0, -3) + 'en'].some((p) => placeWords.has(p))) {
      c.raws = [];
      continue;
    }
    const before = (r: Raw) => sentences[r.sent].tokens[r.tokStart - 1]?.text;
    const placeVotes = standalone.filter((r) => r.type === 'place' || PLACE_PREPOSITIONS.has(before(r) ?? '')).length;
    // a club's name ends in its town when it is more than a first and last name ("TSV Bayer Dormagen", "FC Basel")
    const clubOf = (t: string[]) => t[t.length - 1] === word && (t.length >= 3 || /^\p{Lu}{2,4}$/u.test(t[0]));
    const placeLike = placeVotes * 2 >= standalone.length || multiNames.some((t) => clubOf(t) || (t[0] === word && /^(?:County|City|Council|Kreis|Stadt)$/.test(t[1])));
    if (!placeLike) continue;
    c.type = 'place';
    for (const r of c.raws) r.type = 'place';
  }
  // a single word that is a common noun is no name: no person without a full name ("Pyjama", "Fax"; "hope"
  // in lower case elsewhere), no English place or organisation the article also writes in lower case
  // ("level 3", "the bar"; German nouns are all capitalised, and the tagger's German places that are nouns are
  // more often right than wrong: "Rom", "Vatikan"); no model or disease as a person or place ("Covid-19")
  // where each word stands, by its form without a genitive ending (built when first asked)
  let wordsAt: Map<string, [number, number][]> | null = null;
  const positionsOf = (base: string) => {
    if (!wordsAt) {
      wordsAt = new Map();
      sentences.forEach((s, si) =>
        s.tokens.forEach((t, k) => {
          if (!/^\p{Lu}/u.test(t.text)) return;
          const key = t.text.replace(/e?s$/, '');
          const list = wordsAt!.get(key) ?? [];
          list.push([si, k]);
          wordsAt!.set(key, list);
        }),
      );
    }
    return wordsAt.get(base) ?? [];
  };
  for (const c of live) {
    if (c.fullTokens || c.gazId) continue;
    const words = c.raws.filter((r) => !r.part).map((r) => nameTokens(r));
    if (!words.length || words.some((w) => w.length !== 1)) continue;
    const common = (w: string) =>
      c.type === 'person' ? commonWord(w, lang, lowerSeen) :
      lang === 'en' && lowerSeen.has(w.toLowerCase());
    if (words.every(([w]) => common(w) || (c.type !== 'organization' && /^\p{L}+-?\d+$/u.test(w)))) c.raws = [];
    // a German adjective capitalised only where a sentence (or a list item) starts is none ("33. Hemmungslos weinen.");
    // as a person only one built with a suffix no surname has (-los, -sam, -haft; "Braun", "Fröhlich" are surnames)
    const atStart = (r: Raw) => sentences[r.sent].tokens.slice(0, r.tokStart).every((t) => !/\p{L}/u.test(t.text));
    const adjective = (w: string) => CAP_WORD.test(w) && isAdjectiveBase(w) && !isCommonNoun(w) && (c.type !== 'person' || /(?:los|sam|haft)$/.test(w));
    if (lang === 'de' && words.every(([w]) => adjective(w)) && c.raws.every((r) => !r.part && atStart(r))) c.raws = [];
    // nor an inflected adjective there before the noun it qualifies ("Linke Aktivisten protestierten.", "Grüne Wähler …")
    const attributive = (r: Raw) => {
      const next = sentences[r.sent].tokens[r.tokEnd]?.text ?? '';
      return atStart(r) && isAdjective(r.text) && /^\p{Lu}\p{Ll}/u.test(next) && isCommonNoun(next) && !coveredAt(r.sent, r.tokEnd);
    };
    if (lang === 'de' && c.raws.every((r) => !r.part && attributive(r))) c.raws = [];
    // a German word the article uses as a common noun is no place: after an indefinite article ("ein Saal", "ein dicker
    // schwarzer Wels"), a noun of the lexicon after an adjective ("der schwarze Fluss"), a plural noun ("Zwangsräumungen");
    // an adjective alone is no sign ("im sächsischen Mittweida"); no organisation after an indefinite article either
    // ("ein Magnetfeld", "wie ein Ferrari": a thing; "der konservativen Union" is one)
    if (lang === 'de' && c.type !== 'person' && c.raws.length) {
      const standalone = c.raws.filter((r) => !r.part);
      const toks = (r: Raw) => sentences[r.sent].tokens;
      const adjBefore = (r: Raw, k: number) => k >= 0 && /^\p{Ll}/u.test(toks(r)[k].text) && isAdjectiveForm(toks(r)[k].text) && !DETERMINERS.has(toks(r)[k].text);
      const indefinite = (r: Raw) => {
        let k = r.tokStart - 1;
        while (adjBefore(r, k)) k--;
        return k >= 0 && INDEFINITE.has(toks(r)[k].text.toLowerCase());
      };
      const nounAfterAdjective = (r: Raw) => adjBefore(r, r.tokStart - 1) && !r.text.includes('-') && isCommonNoun(r.text);
      const plural = words.every(([w]) => /(?:ungen|heiten|keiten|schaften)$/.test(w) && isCommonNoun(w));
      // (an organisation: also where the article writes the word again without the tagger, in another case:
      // "eines von außen angelegten Magnetfelds" … "ein Magnetfeld")
      const bases = new Set(words.filter((w) => w.length === 1).map(([w]) => w.replace(/e?s$/, '')));
      const indefiniteElsewhere = () => [...bases].some((b) => positionsOf(b).some(([si, k]) => indefinite({ ...standalone[0], sent: si, tokStart: k, tokEnd: k + 1 })));
      if (c.type === 'organization' ? standalone.some(indefinite) || (bases.size > 0 && indefiniteElsewhere()) : plural || standalone.some((r) => indefinite(r) || nounAfterAdjective(r))) c.raws = [];
    }
  }
  // English: a one-word "person" the article only ever writes after "the" ("The Briar in Douglas say they …")
  // names a business or a place, not a person (people are not called "the Smith")
  if (lang === 'en') {
    for (const c of live) {
      if (c.type !== 'person') continue;
      const standalone = c.raws.filter((r) => !r.part);
      if (standalone.length && standalone.every((r) => r.tokEnd - r.tokStart === 1 && /^the$/i.test(sentences[r.sent]?.tokens[r.tokStart - 1]?.text ?? ''))) c.type = 'organization';
    }
  }
  const kept = live.filter((c) => c.raws.length);
  live.length = 0;
  live.push(...kept);
  // only compounds and no stand-alone mention: a name inside words ("Telegram-Beitrag") still counts
  live.sort((a, b) => firstPos(a) - firstPos(b));
  const entities: Entity[] = [];
  const mentions: MentionRef[] = [];
  const entityOfRaw = new Map<Raw, Entity>();
  live.forEach((c, i) => {
    const standalone = c.raws.filter((r) => !r.part);
    const formsInOrder: string[] = [];
    for (const r of standalone) if (!formsInOrder.includes(r.text)) formsInOrder.push(r.text);
    if (!formsInOrder.length) for (const r of c.raws) if (!formsInOrder.includes(r.text)) formsInOrder.push(r.text);
    const name = canonicalName(c, formsInOrder, lang, blocks, sentences, tokensOf, base, nameTokens);
    const forms = [...formsInOrder].sort((a, b) => rankForm(b, name, formsInOrder) - rankForm(a, name, formsInOrder) || formsInOrder.indexOf(a) - formsInOrder.indexOf(b));
    const e: Entity = {
      id: `e${i + 1}`,
      type: c.type,
      name,
      forms,
      role: null,
      mentions: standalone.length || c.raws.length,
      occurrences: c.raws.map((r) => ({ block: r.block, start: r.start, end: r.end, text: r.text, ...(r.part ? { partOfWord: true } : {}), ...(r.type !== c.type ? { tagged: r.type } : {}) })),
      gender: null,
    };
    entities.push(e);
    for (const r of c.raws) {
      entityOfRaw.set(r, e);
      mentions.push({ block: r.block, start: r.start, end: r.end, entity: e, partOfWord: r.part });
    }
  });

  // Roles, in article order: the first apposition or title wins.
  const bySent = new Map<number, Raw[]>();
  for (const r of raws) bySent.set(r.sent, [...(bySent.get(r.sent) ?? []), r]);
  for (const r of raws) {
    const e = entityOfRaw.get(r);
    if (!e || e.type !== 'person' || e.role || r.part) continue;
    const inSent = bySent.get(r.sent) ?? [];
    const ctx = {
      tokens: sentences[r.sent].tokens,
      lang,
      entityAt: (i: number) => {
        const hit = inSent.find((x) => !x.part && x.tokStart <= i && i < x.tokEnd);
        return hit ? entityOfRaw.get(hit) ?? null : null;
      },
    };
    const role = roleFor(ctx, r.tokStart, r.tokEnd, e);
    if (role) {
      e.role = role.role;
      e.gender = role.gender ?? e.gender;
    }
  }
  // a form of address shows the gender where no role did ("Frau Dr. Lang", "Mrs Grant")
  for (const r of raws) {
    const e = entityOfRaw.get(r);
    if (!e || e.type !== 'person' || e.gender || r.part) continue;
    const toks = sentences[r.sent].tokens;
    for (let k = r.tokStart - 1; k >= 0 && isCourtesyTitle(toks[k].text, lang); k--) {
      const g = titleGender(toks[k].text);
      if (g) {
        e.gender = g;
        break;
      }
    }
  }
  return { entities, mentions: mentions.sort((a, b) => a.block - b.block || a.start - b.start), demonyms };
}

/** A form of address, an English role title or a German person noun: words before a name, not in it. */
function isTitleWord(w: string, lang: string): boolean {
  if (isCourtesyTitle(w, lang)) return true;
  if (knownFirstNames().has(w)) return false;
  return lang === 'de' ? isPersonNounDe(w) : lang === 'en' ? isPersonNounEn(w) && /^\p{Lu}/u.test(w) && !isAlsoName(w) : false;
}

/** A word that is a common noun here, not a name: a German noun in the lexicon, or a word this article also writes in lower case. */
/** A capitalised word that is a name where it stands: before a speech verb ("Pay says"), or after a lower-case word in running text ("said Pay"). */
function surnameInText(tokens: Sentence['tokens'], i: number, speech: SpeechLexicon | null): boolean {
  const next = tokens[i + 1]?.text.toLowerCase() ?? '';
  return (!!speech && speech.verbs.has(next)) || /^\p{Ll}/u.test(tokens[i - 1]?.text ?? '');
}

/** Two words that differ by one letter left out (or added): "franziskus" / "franzikus". */
function oneLetterApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

function commonWord(w: string, lang: string, lowerSeen: Set<string>): boolean {
  if (knownFirstNames().has(w)) return false;
  if (lowerSeen.has(w.toLowerCase())) return true;
  return lang === 'de' && isCommonNoun(w) && !isAlsoName(w);
}

function firstPos(c: Cluster): number {
  const r = c.raws.reduce((a, b) => (a.block < b.block || (a.block === b.block && a.start < b.start) ? a : b));
  return r.block * 1e7 + r.start;
}

function rankForm(form: string, name: string, forms: string[]): number {
  // the name itself first, longer forms before shorter, a base form before its genitive ("Putin", "Putins")
  return (form === name ? 100 : 0) + form.split(' ').length * 10 + (forms.some((f) => f === form + 's' || f === form + 'es') ? 5 : 0);
}

/** The fullest form in its base form: genitive removed, adjectives in the strong nominative. */
function canonicalName(c: Cluster, forms: string[], lang: string, blocks: Block[], sentences: Sentence[], tokensOf: (r: Raw) => string[], base: (w: string) => string, nameTokens: (r: Raw) => string[]): string {
  if (c.type === 'person') {
    // (in its base form: "von Daniels Gesicht" names Daniel)
    const longest = c.raws.filter((r) => !r.part).map((r) => nameTokens(r)).sort((a, b) => b.length - a.length)[0] ?? [c.raws[0].text];
    return (c.fullTokens ?? longest).join(' ');
  }
  const standalone = c.raws.filter((r) => !r.part);
  if (!standalone.length) return c.raws[0].text;
  const longestLen = Math.max(...standalone.map((r) => r.tokEnd - r.tokStart));
  const longest = standalone.filter((r) => r.tokEnd - r.tokStart === longestLen);
  // a US state abbreviated after a party letter is named in full ("Calif." → California)
  if (c.gazId?.startsWith('us-state:')) return c.gazId.slice('us-state:'.length);
  // a web address as written ("handball.ch")
  if (/^[\p{L}\d-]+\.\p{Ll}{2,4}$/u.test(longest[0].text)) return longest[0].text;
  let toks = tokensOf(longest[0]);
  // an abbreviation's dot the tokens left out ("Kortumstr.")
  if (longest[0].text.endsWith('.') && !toks[toks.length - 1].endsWith('.')) toks = [...toks.slice(0, -1), toks[toks.length - 1] + '.'];
  // (as written: "Casey's Bar", "Citizens’ Trust", not "Casey 's Bar")
  if (lang === 'en') return toks.map((x, k) => (k && !/^['’]s?$/.test(x) ? ' ' : '') + x).join('');
  if (lang !== 'de') return toks.join(' ');
  // a name the gazetteer knows is written as the gazetteer has it ("Vereinigten Staaten" → "Vereinigte Staaten")
  const listed = c.gazId ? gazetteer().get(stemKey(toks))?.find((e) => e.id === c.gazId) : undefined;
  if (listed && listed.tokens.length === toks.length) return listed.tokens.join(' ');
  // the head noun without its genitive ending, when the article shows the bare form
  const head = base(toks[toks.length - 1]);
  const headStemOk = toks.length > 1 ? stripGenitive(toks[toks.length - 1], forms) : head;
  toks = [...toks.slice(0, -1), headStemOk];
  if (toks.length === 1) return toks[0];
  // the adjectives that open the name ("Deutschen Wetterdienst"), not words after its head ("Bund Deutscher Architekten")
  let nAdj = 0;
  while (nAdj < toks.length - 1 && isAdjective(toks[nAdj])) nAdj++;
  if (!nAdj) return joinName(toks);
  // gender: the noun the adjectives qualify, or what the articles before the mentions say
  let g: Gender | null = nounGender(toks[nAdj]);
  if (!g) {
    const votes = new Map<Gender, number>();
    for (const r of longest) {
      const prev = sentences[r.sent].tokens[r.tokStart - 1]?.text.toLowerCase();
      for (const x of DETERMINER_GENDER[prev ?? ''] ?? []) votes.set(x, (votes.get(x) ?? 0) + 1);
    }
    g = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'n';
  }
  return joinName(toks.map((t, i) => (i < nAdj ? strongNominative(t, g!) : t)));
}

/** A name's words as written: an exclamation mark inside it stays on its word ("SV GO! Saar 05"). */
function joinName(toks: string[]): string {
  return toks.map((x, k) => (k && x !== '!' ? ' ' : '') + x).join('');
}

function stripGenitive(head: string, forms: string[]): string {
  for (const f of forms) {
    const h = f.split(' ').pop()!;
    if (h !== head && (head === h + 's' || head === h + 'es')) return h;
  }
  if (/[^s]es$/.test(head) && nounGender(head.slice(0, -2)) && nounGender(head.slice(0, -2)) !== 'f') return head.slice(0, -2);
  return head;
}

/** An abbreviation: two to eight capitals and digits ("DWD", "NPHET", "T3N"). */
function isAbbreviation(w: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}&]{1,7}$/u.test(w) && (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** The capitals of a name's words and hyphen parts ("Hanns-Seidel-Stiftung" → "HSS", "Vintners Federation of Ireland" → "VFI"). */
function initials(words: string[]): string {
  return words.flatMap((w) => w.split('-')).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

/**
 * Whether an abbreviation in brackets can stand for the name before it: its first letter begins a word or part of
 * the name, and its letters follow in the name in order ("IPP" ~ "Max-Planck-Institut für Plasmaphysik",
 * "IWF" ~ "Internationale Währungsfonds"; not "BRITAIN" after "Getty Images").
 */
function abbreviates(ab: string, words: string[]): boolean {
  if (!isAbbreviation(ab)) return false;
  const parts = words.flatMap((w) => w.split('-'));
  const name = parts.join(' ').toLowerCase();
  const letters = ab.toLowerCase().replace(/[^\p{L}]/gu, '');
  for (const p of parts) {
    if (p[0]?.toLowerCase() !== letters[0]) continue;
    let k = name.indexOf(p.toLowerCase()) + 1;
    let ok = true;
    for (const ch of letters.slice(1)) {
      k = name.indexOf(ch, k) + 1;
      if (!k) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** A noun that says what kind of thing the name after it is, without being part of it ("Bundesstaat", "Partei"). */
function isClassifier(w: string): boolean {
  const k = typeByClassifier(w, true);
  return !!k && k !== 'none' && !opensName(w);
}

/** Prepositions before a street's name, with an article ("in der", "an der") or fused with it ("im", "am", "zum"). */
const STREET_PREPOSITIONS = new Set(['in', 'an', 'auf', 'aus', 'von', 'bis', 'über', 'durch', 'entlang', 'nach', 'zu', 'bei', 'vor', 'hinter', 'neben', 'Ecke']);
const FUSED_PREPOSITIONS = new Set(['im', 'am', 'zum', 'zur', 'vom', 'beim', 'ins', 'ans']);
const INDEFINITE = new Set(['ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'kein', 'keine', 'keinen', 'keinem', 'keiner']);

/** Whether the word at i stands where a street's name does: after a preposition (and article), or before a house number (`after`: the text after it). */
function addressAt(toks: { text: string }[], i: number, after: string): boolean {
  const w = toks[i].text;
  // a square named by a common noun is mostly no square's name ("Truppenübungsplatz"; streets are: "Lindenstraße")
  const modifier = w.replace(/platz$/, '');
  if (modifier !== w && [modifier, modifier.replace(/(?:s|n|en|es)$/, '')].some((m) => m.length >= 3 && isCommonNoun(m))) return false;
  const p1 = toks[i - 1]?.text ?? '';
  const p2 = toks[i - 2]?.text ?? '';
  return FUSED_PREPOSITIONS.has(p1.toLowerCase()) || (DETERMINERS.has(p1.toLowerCase()) && STREET_PREPOSITIONS.has(p2)) || /^\.?\s\d{1,4}[a-z]?\b/.test(after);
}
