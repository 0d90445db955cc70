/**
 * From the mention that speaks to who it is: a name is its entity; a pronoun is the person or body it
 * refers to (gender, number, recency, subjects first); a role noun or description is the person the
 * article introduced with that role ("der Virologe" → the person whose role is Virologe), or stays the
 * article's own description of an unnamed speaker ("ein Sprecher des Konzerns"), linked to the
 * organisation it names. Each answer carries how sure it is.
 */
import type { MentionRef } from '../quotes';
import type { Entity, Span } from '../types';
import { sentenceStart, type Candidate, type Doc, type PrevSpeaker } from './candidates';
import { firstNameGender, nounInfo, type Gender } from './lexicon';

export const RESOLVE = {
  /** Blocks back a pronoun or a role noun looks for the person it stands for. */
  lookbackBlocks: 3,
  /** How sure a pronoun is with one compatible person in reach, and with several. */
  pronounAlone: 0.95,
  pronounNearest: 0.75,
  /** …and with people described but not named nearer to it than the name. */
  pronounRival: 0.4,
  /** A role noun that matches a person's role; a definite one that matches nobody's. */
  roleMatch: 0.9,
  definiteUnmatched: 0.7,
  description: 0.85,
  /** A description whose noun names no person or body the lexicon knows (below `ambiguous`: withheld). */
  unknownNoun: 0.45,
  /** A pronoun with nobody it could stand for. */
  unresolved: 0.2,
  /** Below this a resolution is ambiguous and the speaker is withheld whatever the calibration says. */
  ambiguous: 0.5,
} as const;

/** Word shapes (constants: esbuild compiles a literal with \p{…} to a `new RegExp` made each time it runs). */
const LETTER = /[\p{L}]/u;
const LETTER_OR_COMMA = /[\p{L},]/u;
const CAP = /^\p{Lu}/u;
/** a German verb form after "sie" that is plural, or singular */
const PLURAL_VERB = /^\p{Ll}{3,}(?:en|ten)$/u;
const SINGULAR_VERB = /^\p{Ll}{2,}(?:t|te)$/u;
/** what may stand between a person noun and the name after it: an article or "of", and up to two capitalised words */
const TITLE_BETWEEN = /^\s+(?:(?:der|des|den|dem|the|of|at)\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,2}$/u;
/** what stands between a document's noun and its author's name: "a statement from", "einem Papier der" */
const AUTHOR_BEFORE = /(?:^|\s)(?:from|by|of|von|vom|der|des)\s+(?:(?:the|dem|der|des)\s+)?$/i;
/** a German noun made of a participle ("der Angeklagte", "die Betroffene") */
const PARTICIPLE_NOUN = /^(?:\p{Lu}\p{Ll}*ge|Ge|Ver|Be|Er|Ent|Zer)\p{Ll}{3,}(?:t|en)e$/u;

export interface Resolved {
  entity: Entity | null;
  /** the entity's name, or the article's description of an unnamed speaker */
  name: string;
  /** the article's own words for the speaker when it used a description ("der Virologe") */
  description: string | null;
  /** an organisation a description names ("ein Sprecher des Konzerns X") */
  organization: Entity | null;
  group: boolean;
  at: Span | null;
  confidence: number;
}

/** The gender an entity shows: set by its role, else by its first name. */
export function entityGender(e: Entity): Gender | null {
  if (e.gender) return e.gender;
  if (e.type !== 'person' && !isPersonLike(e)) return null;
  return firstNameGender(e.name.split(' ')[0]);
}

/** What resolution may look at besides the candidate: the speaker before, the names, the quotation's other candidates. */
export interface ResolveContext {
  prev: PrevSpeaker | null;
  mentions: MentionRef[];
  cands: Candidate[];
}

export function resolveCandidate(doc: Doc, c: Candidate, ctx: ResolveContext): Resolved | null {
  const at = c.kind === 'prev' ? c.prev!.at : { block: c.block, start: c.start, end: c.end };
  if (c.kind === 'name') return { entity: c.entity!, name: c.entity!.name, description: null, organization: null, group: false, at, confidence: 1 };
  if (c.kind === 'prev') {
    const p = c.prev!;
    return { entity: p.entity, name: p.name, description: p.description ?? null, organization: null, group: false, at: p.at, confidence: 1 };
  }
  if (c.kind === 'pron') return resolvePronoun(doc, c, ctx);
  return resolveNounPhrase(doc, c, ctx);
}

interface Antecedent {
  entity: Entity;
  block: number;
  start: number;
}

/** People (or bodies) named before a position, nearest first, within the look-back. */
function before(mentions: MentionRef[], block: number, start: number, want: (e: Entity) => boolean, lookback: number = RESOLVE.lookbackBlocks): Antecedent[] {
  const out: Antecedent[] = [];
  const seen = new Set<Entity>();
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.block > block || (m.block === block && m.start >= start)) continue;
    if (block - m.block > lookback) break;
    if (m.partOfWord || !want(m.entity) || seen.has(m.entity)) continue;
    seen.add(m.entity);
    out.push({ entity: m.entity, block: m.block, start: m.start });
  }
  return out;
}

function resolvePronoun(doc: Doc, c: Candidate, ctx: ResolveContext): Resolved | null {
  const { prev, mentions } = ctx;
  const w = c.word!;
  const lower = w.toLowerCase();
  const at = { block: c.block, start: c.start, end: c.end };
  const r = doc.reading[c.block];
  // "Sie", "Ihr Buch" inside a sentence: the person addressed. In an interview the questions address
  // the interviewee and the answers the interviewer (the outlet, as far as the article says)
  const formal = doc.lang === 'de' && /^(?:Sie|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres|Ihnen)$/.test(w) && c.tok > 0 && LETTER_OR_COMMA.test(r.tokens[c.tok - 1]?.text ?? '') && doc.frameOf[c.block][c.tok - 1] === doc.frameOf[c.block][c.tok];
  // (whether the paragraph asks is looked at only in an interview)
  if (formal && doc.interviewee) {
    if (isQuestion(doc, c.block)) return { entity: doc.interviewee, name: doc.interviewee.name, description: null, organization: null, group: false, at, confidence: 0.9 };
    if (!doc.outlet) return null;
    // the outlet as the article names it ("ICON" for the site "ICON Magazine")
    const outlet = doc.outlet.toLowerCase();
    const named = mentions.find((m) => m.entity.type === 'organization' && outlet.includes(m.entity.name.toLowerCase()))?.entity;
    return { entity: named ?? null, name: named?.name ?? doc.outlet, description: null, organization: null, group: false, at, confidence: 0.8 };
  }
  if (formal) return null;
  if (/^(?:ich|i)$/.test(lower)) {
    if (doc.interviewee && !isQuestion(doc, c.block)) return { entity: doc.interviewee, name: doc.interviewee.name, description: null, organization: null, group: false, at, confidence: 0.9 };
    return null;
  }
  let gender: Gender | 'pl' | null = null;
  if (/^(?:er|he|his|sein|seine|seinem|seinen|seiner|seines)$/.test(lower)) gender = 'm';
  else if (/^(?:she|her)$/.test(lower)) gender = 'f';
  else if (/^(?:they|their|wir|we|our|unser|unsere|unserem|unseren|unserer|unseres|it|its)$/.test(lower)) gender = 'pl';
  else if (/^(?:sie|ihr|ihre|ihrem|ihren|ihrer|ihres)$/.test(lower)) gender = germanSieNumber(r.tokens, c.tok);
  else if (/^(?:who|der|die|wer|welche|welcher)$/.test(lower)) {
    // a relative pronoun: the phrase or name right before its comma ("One, who asked not to be named, said")
    const head = ctx.cands.filter((o) => o !== c && o.kind !== 'prev' && o.kind !== 'pron' && o.block === c.block && o.end <= c.start && c.start - o.end <= 3).pop();
    return head ? resolveCandidate(doc, head, ctx) : null;
  } else return null; // man, es: nobody in particular
  if (gender === 'pl') {
    // sie (plural), they: a plural noun phrase for people just before ("diese Männer … sie sagen"), in the
    // same paragraph or the last sentence of the one before
    const group = ctx.cands
      .filter((o) => o.kind === 'np' && o.np!.plural && o.np!.info && ((o.block === c.block && o.end <= c.start) || (o.block === c.block - 1 && o.loc === 'B-1last')) && !genitiveAttribute(doc, o))
      .sort((a, b) => b.block - a.block || b.start - a.start)[0];
    if (group && /^(?:sie|they)$/.test(lower)) return { entity: null, name: group.np!.text, description: group.np!.text, organization: null, group: true, at, confidence: 0.7 };
    // they, wir, it: the organisation named last (for "wir", "we" in this paragraph or the one before: an
    // author's or interviewee's "we" is nobody's body named further back)
    const firstPerson = /^(?:wir|we|our|unser|unsere|unserem|unseren|unserer|unseres)$/.test(lower);
    const orgs = before(mentions, c.block, c.start, (e) => e.type === 'organization', firstPerson ? 1 : RESOLVE.lookbackBlocks);
    if (orgs.length) return { entity: orgs[0].entity, name: orgs[0].entity.name, description: null, organization: null, group: false, at, confidence: orgs.length === 1 ? 0.75 : 0.6 };
    return null;
  }
  const people = before(mentions, c.block, c.start, isPersonLike);
  const compatible = people.filter((a) => {
    const g = entityGender(a.entity);
    return !g || !gender || g === gender;
  });
  // the speaker of the quotation just before in the same paragraph, when compatible, is the likeliest referent ("«…», findet
  // Olivier zu den Interviews, die Renato gab. «…», sagt er."), unless a nearer compatible person is the
  // subject of a sentence of its own in between
  if (prev?.entity && isPersonLike(prev.entity) && compatible.some((a) => a.entity === prev.entity) && compatible[0].entity !== prev.entity && prev.block === c.block) {
    const nearest = compatible[0];
    const nearestKnown = entityGender(nearest.entity) === gender;
    const prevKnown = entityGender(prev.entity) === gender;
    const nearestIsSubject = ctx.cands.some((o) => o.kind === 'name' && o.entity === nearest.entity && o.frameStart && (o.block > prev.block || (o.block === prev.block && (prev.at?.end ?? -1) < o.start)));
    if ((prevKnown || !nearestKnown) && !nearestIsSubject) return { entity: prev.entity, name: prev.entity.name, description: null, organization: null, group: false, at, confidence: RESOLVE.pronounNearest };
  }
  if (!compatible.length) {
    // nobody named before: a description of the quotation before ("my father … He also said")
    if (prev && !prev.entity && prev.description) return { entity: null, name: prev.name, description: prev.description, organization: null, group: false, at, confidence: 0.6 };
    // the words still say who speaks ("she said"), but not who she is: shown as uncertain
    return { entity: null, name: w, description: null, organization: null, group: false, at, confidence: RESOLVE.unresolved };
  }
  // of two or more people the pronoun fits, the subject of the sentence before (or of its own, before it)
  // rather than a nearer object: "Anna Berg traf Maria Klein. Sie sagte: …" is Anna Berg
  const subjectOf = (e: Entity) => ctx.cands.some((o) => o.kind === 'name' && o.entity === e && (o.loc === 'S-1' || (o.loc === 'S0' && o.end <= c.start)) && (o.frameStart || o.ownVerb === 'subj'));
  let first = compatible[0];
  if (compatible.length > 1 && !subjectOf(first.entity)) first = compatible.slice(1).find((a) => subjectOf(a.entity)) ?? first;
  const sure = compatible.length === 1 || (entityGender(first.entity) === gender && compatible.slice(1).every((a) => entityGender(a.entity) !== gender));
  // people described but not named between the name and the pronoun ("mehrere Besucherinnen … sagte sie"):
  // the pronoun may well be one of them
  const rival = ctx.cands.some(
    (o) =>
      o.kind === 'np' &&
      o.np!.info?.kind === 'person' &&
      // a new, unnamed referent ("mehrere Besucherinnen", "a woman"); a definite one mostly is the named person again
      (o.np!.det === 'indef' || o.np!.det === 'bare') &&
      (o.block > first.block || (o.block === first.block && o.start > first.start)) &&
      (o.block < c.block || (o.block === c.block && o.end <= c.start)) &&
      // one of several just before ("sprachen mehrere Besucherinnen … sagte sie"), or one not named of its gender
      // (several only when they are what a sentence is about, its subject, not "lives with five people")
      (o.np!.plural
        ? o.block === c.block && (o.loc === 'S-1' || o.loc === 'S0') && o.np!.info.gender !== (gender === 'f' ? 'm' : 'f') && (o.frameStart || /^(?:subj|inv)$/.test(o.ownVerb ?? o.slot))
        : !o.np!.info.gender || o.np!.info.gender === gender) &&
      !roleHas(first.entity, o.np!.info.lemma.toLowerCase()) &&
      // a description in apposition to a name is that person, no rival ("Levi Pay, a former director of …,")
      !apposedName(doc, o, mentions, 'either'),
  );
  return { entity: first.entity, name: first.entity.name, description: null, organization: null, group: false, at, confidence: rival ? RESOLVE.pronounRival : sure ? RESOLVE.pronounAlone : RESOLVE.pronounNearest };
}

/**
 * A paragraph that asks, in an interview: it ends in a question mark, or speaks of no "ich" or "mein"
 * outside quotation marks (the interviewee's answers are in the first person).
 */
export function isQuestion(doc: Doc, block: number): boolean {
  if (endsAsking(doc.blocks[block].text)) return true;
  const own = doc.reading[block].tokens.filter((t) => !t.quoted && LETTER.test(t.text));
  // a paragraph that is only a quotation is no question
  return own.length > 0 && !own.some((t) => /^(?:ich|mir|mich|mein|meine|meinem|meinen|meiner|meines|i|me|my)$/.test(t.lower));
}

const SPACE = /\s/;
/** Whether a text ends in a question mark, white space after it at most (/\?\s*$/, read from the end rather than tried at every place). */
export function endsAsking(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && SPACE.test(text[i])) i--;
  return i >= 0 && text.charCodeAt(i) === 63;
}

/** A person, or a one-word name the recogniser typed otherwise that is a known first name ("Renato"). */
function isPersonLike(e: Entity): boolean {
  return e.type === 'person' || (!e.name.includes(' ') && !!firstNameGender(e.name));
}

/**
 * A German phrase in the genitive after a noun ("den Rest der Leute", "die Sorgen der Mieter"): it
 * belongs to that noun's phrase, and a later "sie" is rarely those people.
 */
function genitiveAttribute(doc: Doc, o: Candidate): boolean {
  if (doc.lang !== 'de') return false;
  const toks = doc.reading[o.block].tokens;
  const before = toks[o.tok - 1];
  return toks[o.tok]?.lower === 'der' && !!before && !before.quoted && CAP.test(before.text) && LETTER.test(before.text) && !sentenceStart(toks, o.tok - 1);
}

/** German sie/ihr: feminine singular or plural, by the verb beside it (sagt sie / sagen sie). */
function germanSieNumber(tokens: { lower: string; text: string }[], i: number): Gender | 'pl' {
  for (const k of [i - 1, i + 1]) {
    const t = tokens[k]?.lower ?? '';
    if (/^(?:sind|haben|werden|sagen|sagten|erklären|erklärten|betonen|betonten|fordern|forderten|schreiben|schrieben|meinen|meinten|warnen|warnten)$/.test(t)) return 'pl';
    if (/^(?:ist|hat|wird|war|sagt|sagte|erklärt|erklärte|betont|betonte|fordert|forderte|schreibt|schrieb|meint|meinte|warnt|warnte)$/.test(t)) return 'f';
  }
  // else by the ending of the verb beside it: plural -en ("sie riefen", "skandierten sie"), singular -t/-te ("sie ruft", "rannte sie")
  for (const k of [i - 1, i + 1]) {
    const t = tokens[k];
    if (!t) continue;
    if (PLURAL_VERB.test(t.text) && !/^(?:wenn|denn|eben|oben|neben|zwischen|gegen)$/.test(t.lower)) return 'pl';
    if (SINGULAR_VERB.test(t.text)) return 'f';
  }
  return 'f';
}

function resolveNounPhrase(doc: Doc, c: Candidate, ctx: ResolveContext): Resolved {
  const { prev, mentions } = ctx;
  const np = c.np!;
  const at = { block: c.block, start: c.start, end: c.end };
  // an organisation named inside the description ("ein Sprecher von Rheinmetall")
  const inner = mentions.find((m) => m.block === c.block && m.start >= c.start && m.end <= c.end && m.entity.type === 'organization');
  const description = np.text;
  const plain = (confidence: number): Resolved => ({ entity: null, name: description, description, organization: inner?.entity ?? null, group: np.plural, at, confidence });
  if (!np.info && (np.det === 'def' || np.det === 'dem')) {
    // a word the lexicon does not know, but a role the article gave somebody ("die Virologin")
    const byRole = before(mentions, c.block, c.start, (e) => e.type === 'person' && roleHas(e, np.head.toLowerCase()));
    if (byRole.length) return { entity: byRole[0].entity, name: byRole[0].entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
    // German: a participle as a noun ("der Verletzte", "die Festgenommene", "der Gezeichnete") is somebody
    // the article has just spoken of: the person of its gender named last in this sentence or the one before
    const gender = doc.lang === 'de' ? participleGender(doc, c) : null;
    if (gender) {
      const near = ctx.cands.find((o) => o.kind === 'name' && (o.loc === 'S-1' || (o.loc === 'S0' && o.end <= c.start)) && isPersonLike(o.entity!) && (!entityGender(o.entity!) || entityGender(o.entity!) === gender));
      const named = near?.entity ?? before(mentions, c.block, c.start, (e) => isPersonLike(e) && (!entityGender(e) || entityGender(e) === gender), 1)[0]?.entity;
      if (named) return { entity: named, name: named.name, description, organization: null, group: false, at, confidence: RESOLVE.definiteUnmatched };
    }
  }
  // a description in apposition right after a name, also an indefinite one ("Levi Pay, a former director of …, says")
  if (np.info?.kind === 'person' && !np.plural) {
    const named = apposedName(doc, c, mentions, 'before');
    if (named) return { entity: named.entity, name: named.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
  }
  // a noun the lexicon knows for no person or body ("das Anpassen des Sprachstils", "the tech") is no speaker the
  // reader can be shown: withheld as ambiguous (an English capitalised head is a name: "the Times")
  if (!np.info) return plain(doc.lang === 'en' && CAP.test(np.head) ? RESOLVE.description : RESOLVE.unknownNoun);
  // a document or body of somebody the phrase names ("a statement from Initech", "laut einem Papier der EKD",
  // "a letter from Senator Jane Roe"): the one it names speaks
  if (np.info.kind === 'group' && !np.plural) {
    // (a place too: "a statement from Moscow" is its government's; not a name the phrase says where of: "the police in Kassel")
    const text = doc.blocks[c.block].text;
    const author = mentions.find((m) => m.block === c.block && m.start >= c.start && m.end <= c.end && !m.partOfWord && AUTHOR_BEFORE.test(text.slice(c.start, m.start)));
    if (author) return { entity: author.entity, name: author.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
  }
  if (np.det === 'indef' || np.plural) return plain(RESOLVE.description);
  if (np.info.kind === 'group') {
    // "the court" after "the 4th District Court of Appeal": the organisation whose name has that word
    const lemma = np.info.lemma.toLowerCase();
    // (a body is named once and referred to by its kind for the rest of the article: no look-back limit)
    const orgs = before(mentions, c.block, c.start, (e) => e.type === 'organization' && e.name.toLowerCase().split(/[\s-]+/).some((w) => w === lemma || w.endsWith(lemma)), Infinity);
    if (orgs.length) {
      // of two or more such bodies ("the court" after an appeals court overturned a lower court), the one the
      // article names most; named as often as another, it is ambiguous: withheld, not guessed by recency
      const most = orgs.reduce((a, o) => (o.entity.mentions > a.entity.mentions ? o : a));
      const tie = orgs.some((o) => o !== most && o.entity.mentions === most.entity.mentions);
      return { entity: most.entity, name: most.entity.name, description, organization: null, group: false, at, confidence: tie ? RESOLVE.pronounRival : RESOLVE.roleMatch };
    }
    if (inner) return { entity: inner.entity, name: inner.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
    // "the letter" after "the letter from the chief medical officer": who wrote it, as the article said before
    const author = authorOf(doc, lemma, c, mentions);
    if (author) return { entity: author, name: author.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
    // "die Stadt" after "Die Stadt Köln", "the city" after "the city of Boston": the place named with that noun
    if (np.det === 'def') {
      const classifier = classifierPattern(lemma);
      const place = before(mentions, c.block, c.start, (e) => e.type === 'place').find((a) => classifier.test(doc.blocks[a.block].text.slice(Math.max(0, a.start - 40), a.start)));
      if (place) return { entity: place.entity, name: place.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
    }
    // "the institution", "der Konzern": the organisation named last, in this paragraph or the one before
    if (np.det === 'def') {
      const org = before(mentions, c.block, c.start, (e) => e.type === 'organization', 1)[0];
      if (org) return { entity: org.entity, name: org.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.definiteUnmatched };
    }
    return plain(RESOLVE.description);
  }
  // a person noun: the name in apposition right after it ("die Sprecherin des Hauses, Karoline Leavitt,")
  const text = doc.blocks[c.block].text;
  const appos = mentions.find((m) => m.block === c.block && m.start > c.end && isPersonLike(m.entity) && (/^\s*,\s*$/.test(text.slice(c.end, m.start)) || TITLE_BETWEEN.test(text.slice(c.end, m.start))));
  if (appos) return { entity: appos.entity, name: appos.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
  // else the person whose role (or description) has it
  const gender = np.info.gender;
  const head = np.info.lemma.toLowerCase();
  const people = before(mentions, c.block, c.start, (e) => e.type === 'person');
  const matches = people.filter((a) => roleHas(a.entity, head));
  const compatible = (e: Entity) => !gender || !entityGender(e) || entityGender(e) === gender;
  const match = matches.find((a) => compatible(a.entity));
  if (match) return { entity: match.entity, name: match.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
  // or the person an earlier description with that noun stood in apposition to ("Ihre Leiterin, Laura Mendez, …
  // sagte die Leiterin")
  const described = ctx.cands.find((o) => o !== c && o.kind === 'np' && (o.block < c.block || (o.block === c.block && o.end <= c.start)) && o.np!.info?.kind === 'person' && o.np!.info.lemma.toLowerCase() === head);
  const apposed = described && apposedName(doc, described, mentions, 'either');
  if (apposed && compatible(apposed.entity)) return { entity: apposed.entity, name: apposed.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.roleMatch };
  // a definite role noun nobody was introduced with: the person the sentence before is about
  // ("Noch wartet X ab. Doch der Aktivist … sagt"), else the person quoted just before, when compatible
  // and the phrase does not say where it is from ("der junge Reporter vom Online-Portal X": somebody new)
  if (np.det === 'def' || np.det === 'dem') {
    const complement = c.tokEnd > np.headTok + 1;
    // (the sentence before is the last of the paragraph before when this one opens its paragraph; the
    // person may open it by name or by a description in apposition: "Die Chefin der Firma, Eva Roth, …")
    const opensBlock = doc.frameOf[c.block][c.tok] === 0;
    // (a phrase that says where the person is from, "der Journalist von Schweiz Aktuell", is somebody new to the paragraph)
    const inSentenceBefore = (o: Candidate) => o.loc === 'S-1' || (o.loc === 'S0' && o.end <= c.start);
    const sentenceBefore = (o: Candidate) => inSentenceBefore(o) || (opensBlock && !complement && o.loc === 'B-1last');
    const topic = ctx.cands.find((o) => o.kind === 'name' && o.frameStart && sentenceBefore(o) && isPersonLike(o.entity!) && compatible(o.entity!));
    let topicEntity = topic?.entity ?? null;
    for (const o of topicEntity ? [] : ctx.cands) {
      if (o.kind !== 'np' || o === c || !o.frameStart || !sentenceBefore(o) || o.np!.info?.kind !== 'person' || o.np!.plural) continue;
      topicEntity = apposedName(doc, o, mentions, 'either')?.entity ?? null;
      if (topicEntity) break;
    }
    if (topicEntity && compatible(topicEntity)) return { entity: topicEntity, name: topicEntity.name, description, organization: null, group: false, at, confidence: RESOLVE.definiteUnmatched };
    if (prev?.entity && prev.entity.type === 'person' && compatible(prev.entity) && c.block - prev.block <= 2 && !complement) {
      return { entity: prev.entity, name: prev.entity.name, description, organization: null, group: false, at, confidence: RESOLVE.definiteUnmatched };
    }
    // "die Schauspielerin" in an article about one: the person the article is about, or the interviewee
    const main = doc.interviewee ?? doc.topPerson;
    // (a phrase that says where the person is from is the main person only when the sentence before names them)
    const nearMain = (o: Candidate) => o.kind === 'name' && o.entity === main && inSentenceBefore(o);
    if (main && (!complement || ctx.cands.some(nearMain)) && compatible(main) && gender && entityGender(main) === gender && main.mentions >= 3) {
      return { entity: main, name: main.name, description, organization: null, group: false, at, confidence: RESOLVE.definiteUnmatched };
    }
  }
  return plain(np.det === 'def' ? 0.6 : RESOLVE.description);
}

/**
 * The author of a document or body the article named before by its noun and a name: "a letter from X",
 * "the affidavit by X", "das Papier der X", "ein Brief von X", "X's letter", "Xs Brief"; the latest such
 * mention before the candidate, in the article's text outside quotations.
 */
function authorOf(doc: Doc, lemma: string, c: Candidate, mentions: MentionRef[]): Entity | null {
  const { after, owner } = authorPatterns(lemma);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.block > c.block || (m.block === c.block && m.start >= c.start) || m.partOfWord) continue;
    if (m.entity.type !== 'person' && m.entity.type !== 'organization') continue;
    const text = doc.blocks[m.block].text;
    if (after.test(text.slice(Math.max(0, m.start - 60), m.start)) || owner.test(text.slice(m.end, m.end + 40))) return m.entity;
  }
  return null;
}

/** The text right before a name that classifies it by a noun ("Stadt Köln", "city of Boston"), built once per noun. */
const classifierCache = new Map<string, RegExp>();
function classifierPattern(lemma: string): RegExp {
  let p = classifierCache.get(lemma);
  if (!p) {
    const noun = lemma.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    p = new RegExp(`(?:^|[^\\p{L}])${noun}\\p{L}{0,2}\\s+(?:of\\s+)?$`, 'iu');
    classifierCache.set(lemma, p);
  }
  return p;
}

/** The text before an author's name and after an owner's name that names a document by its noun, built once per noun. */
const authorPatternCache = new Map<string, { after: RegExp; owner: RegExp }>();
function authorPatterns(lemma: string): { after: RegExp; owner: RegExp } {
  let p = authorPatternCache.get(lemma);
  if (!p) {
    const noun = lemma.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // the noun alone or as the head of a compound ("complaint affidavit", "Thesenpapier")
    p = {
      after: new RegExp(`(?:^|[^\\p{L}])\\p{L}*${noun}\\p{L}{0,3}\\s+(?:from|by|of|von|vom|der|des)\\s+(?:(?:the|dem|der|des)\\s+)?$`, 'iu'),
      owner: new RegExp(`^(?:['’]s?|s)\\s+(?:\\p{L}+\\s+)?\\p{L}*${noun}\\p{L}{0,3}(?:$|[^\\p{L}])`, 'iu'),
    };
    authorPatternCache.set(lemma, p);
  }
  return p;
}

/**
 * The gender of a German participle used as a noun for one person, from its article ("der Verletzte" m,
 * "die Festgenommene" f): a past participle with its prefix (ge-, ver-, be-, er-, ent-, zer-) and the weak
 * ending -e, which no common noun of that shape has ("die Mitte", "die Rente" have no prefix).
 */
function participleGender(doc: Doc, c: Candidate): Gender | null {
  const head = c.np!.head;
  if (c.np!.plural || !PARTICIPLE_NOUN.test(head)) return null;
  const det = doc.reading[c.block].tokens[c.tok]?.lower;
  return det === 'der' ? 'm' : det === 'die' ? 'f' : null;
}

/** The person's name a noun phrase stands in apposition to, only a comma between: "Name, <phrase>" or "<phrase>, Name". */
function apposedName(doc: Doc, c: Candidate, mentions: MentionRef[], side: 'before' | 'either'): MentionRef | undefined {
  const text = doc.blocks[c.block].text;
  return mentions.find(
    (m) => m.block === c.block && isPersonLike(m.entity) && ((m.end <= c.start && /^\s*,\s*$/.test(text.slice(m.end, c.start))) || (side === 'either' && m.start >= c.end && /^\s*,\s*$/.test(text.slice(c.end, m.start)))),
  );
}

/** Whether a person's role in the article has this noun (also inflected, or as a compound's head). */
function roleHas(e: Entity, head: string): boolean {
  const role = e.role?.toLowerCase() ?? '';
  if (!role) return false;
  const stem = head.replace(/(?:innen|in|en|e|n|s)$/, '');
  return role.split(/[\s,]+/).some((w) => w === head || (stem.length >= 4 && (w.startsWith(stem) || w.endsWith(stem) || w.includes(stem))) || sameNoun(w, head));
}

/** The same German noun in another case or number (Virologen ~ Virologe). */
function sameNoun(a: string, b: string): boolean {
  const info = nounInfo(a.charAt(0).toUpperCase() + a.slice(1), 'de');
  return !!info && info.lemma.toLowerCase() === b;
}
