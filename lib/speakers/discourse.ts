/**
 * Quotations whose own sentence names nobody who could have said them ("„Es ist intensiver denn
 * je.“", a paragraph that is only a quotation, an interview's answer): the speaker comes from the
 * discourse, nearest first —
 *   intro:     a person (or body) introduced as speaking since the last quotation ("X sagte:", "X erklärt")
 *   prev:      the speaker of the quotation before, within a paragraph or two
 *   topic:     the person the sentences just before are about (their subject: "Barisic ist auf Achse.")
 *   interview: in an interview, the interviewee
 *   credit:    a paragraph that is only a quotation and a credit line after it, with no verb: the name
 *              there ("„…“ Bloggerin Maria Sedgwick (@masha)", "“…” (Jane Doe)", "“…” — Jane Doe, CEO")
 * Each reading has a confidence, measured on the development sets (scripts/train-attribution.ts reports
 * each rule's share right on PolNeAR train; eval:pages on news-gold).
 */
import type { Candidate, Doc, PrevSpeaker, QuoteSite } from './candidates';
import { isPersonNoun } from '../german';
import { isWordTok, type FrameToken } from '../quotes';
import { nounInfo } from './lexicon';
import { isQuestion, RESOLVE, type Resolved } from './resolve';

export const DISCOURSE = {
  /** blocks back the quotation before still speaks on */
  prevBlocks: 2,
  confidence: { intro: 0.85, prev: 0.85, topic: 0.7, interview: 0.85, credit: 0.9 },
  /** Words a credit line after a quotation may hold besides the name (its role, a handle in brackets). */
  creditWords: 12,
} as const;

export type DiscourseRule = keyof typeof DISCOURSE.confidence;

/** A candidate that can speak: a person or a body, a personal pronoun, a noun for a person or body. */
export function speakerLike(c: Candidate): boolean {
  if (c.kind === 'name') return c.entity!.type !== 'place';
  if (c.kind === 'pron') return !/^(?:es|man|it|mich|mir|uns|ihm|ihn|ihnen)$/i.test(c.word ?? '');
  if (c.kind === 'np') return !!c.np!.info;
  return false;
}

/**
 * Whether the quotation's own sentence offers nobody who could have said it, nor the sentence right
 * after it with its speech verb ("“…?” Clinton said.").
 */
export function unattributedInSentence(cands: Candidate[]): boolean {
  // German reported speech without a speech verb of its own continues the speaker before
  // (the feature is the site's flag conjoined with the candidate's place: only a candidate at S0 can have it)
  if (cands.some((c) => c.loc === 'S0' && c.features.includes('konjunktiv|loc:S0'))) return true;
  return !cands.some((c) => speakerLike(c) && (c.loc === 'S0' || (c.loc === 'S+1' && (c.ownVerb === 'subj' || c.ownVerb === 'inv') && c.features.includes('nearAfter:0'))));
}

const order = (c: Candidate) => c.block * 100_000 + c.tok;

/** The interviewee, for a quotation in an interview's answer (a paragraph that does not ask). */
export function interviewSpeaker(doc: Doc, q: QuoteSite): Candidate | null {
  const e = doc.interviewee;
  if (!e || isQuestion(doc, q.block)) return null;
  return { kind: 'prev', block: q.block, start: -1, end: -1, tok: -1, tokEnd: -1, entity: e, prev: { entity: e, name: e.name, at: null, block: q.block }, features: [], loc: 'interview', slot: 'none', ownVerb: null, frameStart: false, beforeColon: false };
}

/** Introduced as speaking: before a colon, or the subject of a speech verb or of a noun for something said. */
const introduced = (c: Candidate) => c.beforeColon || c.ownVerb === 'subj' || c.ownVerb === 'inv' || c.ownVerb === 'appos' || c.ownVerb === 'noun';
/** What its sentence is about: a person (or a pronoun, a noun for one) first in it. (A heading names what a section is about, not who speaks in it.) */
const topical = (doc: Doc, c: Candidate) => c.frameStart && doc.blocks[c.block].kind !== 'heading' && (c.kind === 'name' ? c.entity!.type === 'person' : c.kind === 'pron' || c.np?.info?.kind === 'person');

export function discourseSpeaker(doc: Doc, q: QuoteSite, cands: Candidate[], prev: PrevSpeaker | null): { cand: Candidate; rule: DiscourseRule } | null {
  const iv = interviewSpeaker(doc, q);
  if (iv) return { cand: iv, rule: 'interview' };
  const before = cands.filter((c) => c.kind !== 'prev' && c.loc !== 'S0' && c.loc !== 'S+1' && speakerLike(c)).sort((a, b) => order(b) - order(a));
  const prevCand = cands.find((c) => c.kind === 'prev');
  const afterPrev = (c: Candidate) => !prev?.at || c.block > prev.at.block || (c.block === prev.at.block && c.start > prev.at.end);
  // nearest first: somebody introduced as speaking, or the person the sentence before is about,
  // unless the quotation before comes first
  const near = before.find((c) => afterPrev(c) && (introduced(c) || topical(doc, c)));
  if (near) return { cand: near, rule: introduced(near) ? 'intro' : 'topic' };
  if (prevCand && prev && q.block - prev.block <= DISCOURSE.prevBlocks) return { cand: prevCand, rule: 'prev' };
  const topic = before.find((c) => topical(doc, c));
  if (topic) return { cand: topic, rule: 'topic' };
  return null;
}

/** Small words a credit line may hold between a role and the name ("Journalistin und Moderatorin X", "Head of Y Z"). */
const CREDIT_JOINERS = /^(?:und|and|&|of|for|der|die|das|des|von|vom|the|de)$/;
/** (a constant: esbuild compiles a literal with \p{…} to a `new RegExp` made each time it runs) */
const CAP = /^\p{Lu}/u;

/**
 * A quotation that stands alone in its paragraph (after a list number at most), followed by nothing but
 * a credit line: an optional role in capitalised words, then a name, then at most a bracket ("@handle")
 * or, after a dash, a comma and the role. The name speaks; a credit line whose name the recogniser did
 * not know is the words after its role nouns ("Sänger und Content-Creator Strify" → Strify). A line with any other
 * word (a verb, a pronoun) is a sentence, for the ranker.
 */
export function creditSpeaker(doc: Doc, q: QuoteSite, cands: Candidate[]): { cand: Candidate; res: Resolved } | null {
  if (!q.direct || q.partial || q.lastBlock !== q.block) return null;
  const toks = doc.reading[q.block]?.tokens;
  if (!toks) return null;
  // (loops that stop at the first word that rules the line out)
  for (const t of toks) if (t.end <= q.start && !t.quoted && isWordTok(t) && !/^\d+$/.test(t.text)) return null;
  const rest: FrameToken[] = [];
  let restWords = 0;
  for (const t of toks) {
    if (t.start < q.end || /^[„“”"»«‚‘’'‹›]+$/u.test(t.text)) continue;
    if (t.quoted || (isWordTok(t) && ++restWords > DISCOURSE.creditWords)) return null;
    rest.push(t);
  }
  if (!rest.length) return null;
  const dash = /^[-–—]$/.test(rest[0].text);
  // the credit: a dash or an opening bracket, capitalised words (role and name) and small joining words
  let k = dash ? 1 : 0;
  const bracketed = rest[k]?.text === '(';
  if (bracketed) k++;
  while (k < rest.length && (CAP.test(rest[k].text) || CREDIT_JOINERS.test(rest[k].text))) k++;
  // a name in brackets is all the bracket holds ("(Maren Kissing)", not a translation "(Wenn Du es …)")
  if (bracketed) {
    if (rest[k]?.text !== ')') return null;
    k++;
  }
  const words = rest.slice(0, k).filter((t) => isWordTok(t));
  if (!words.length || !CAP.test(words[words.length - 1].text)) return null;
  // after it: nothing, a bracket, a full stop; after a dash also a comma and a role
  let depth = 0;
  for (let i = k; i < rest.length; i++) {
    const t = rest[i].text;
    if (t === '(') depth++;
    else if (t === ')') depth = Math.max(0, depth - 1);
    else if (depth) continue;
    else if (t === ',' && dash) break;
    else if (!/^[.)]$/.test(t)) return null;
  }
  const first = words[0];
  const last = words[words.length - 1];
  const name = cands.find((c) => c.kind === 'name' && c.block === q.block && c.start >= first.start && c.end <= last.end && c.entity!.type !== 'place');
  if (name) return { cand: name, res: { entity: name.entity!, name: name.entity!.name, description: null, organization: null, group: false, at: { block: name.block, start: name.start, end: name.end }, confidence: 1 } };
  const text = doc.blocks[q.block].text.slice(first.start, last.end);
  // the name is what follows the role nouns ("Sänger und Content-Creator Strify" → Strify), the line its description
  let n = words.length;
  // (a hyphen compound by its agent suffix: "Content-Creator"; a single word so is too often a name: "Quirin")
  const roleWord = (w: string) => !!nounInfo(w, doc.lang) || CREDIT_JOINERS.test(w) || (doc.lang === 'de' && w.includes('-') && isPersonNoun(w));
  while (n > 0 && !roleWord(words[n - 1].text)) n--;
  const called = n > 0 && n < words.length ? doc.blocks[q.block].text.slice(words[n].start, last.end) : text;
  const headTok = toks.indexOf(last);
  const cand: Candidate = {
    kind: 'np', block: q.block, start: first.start, end: last.end, tok: toks.indexOf(first), tokEnd: headTok + 1,
    np: { text, head: last.text, headTok, det: 'bare', info: null, plural: false },
    features: [], loc: 'S+1', slot: 'none', ownVerb: null, frameStart: false, beforeColon: false,
  };
  return { cand, res: { entity: null, name: called, description: text, organization: null, group: false, at: { block: q.block, start: first.start, end: last.end }, confidence: RESOLVE.description } };
}
