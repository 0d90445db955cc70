/**
 * Quotations whose own sentence names nobody who could have said them ("„Es ist intensiver denn
 * je.“", a paragraph that is only a quotation, an interview's answer): the speaker comes from the
 * discourse, nearest first —
 *   intro:     a person (or body) introduced as speaking since the last quotation ("X sagte:", "X erklärt")
 *   prev:      the speaker of the quotation before, within a paragraph or two
 *   topic:     the person the sentences just before are about (their subject: "Barisic ist auf Achse.")
 *   interview: in an interview, the interviewee
 * Each reading has a confidence, measured on the development sets (scripts/train-attribution.ts reports
 * each rule's share right on PolNeAR train; eval:pages on news-gold).
 */
import type { Candidate, Doc, PrevSpeaker, QuoteSite } from './candidates';
import { isQuestion } from './resolve';

export const DISCOURSE = {
  /** blocks back the quotation before still speaks on */
  prevBlocks: 2,
  confidence: { intro: 0.85, prev: 0.85, topic: 0.7, interview: 0.85 },
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
  if (cands.some((c) => c.features.includes('konjunktiv|loc:S0'))) return true;
  return !cands.some((c) => speakerLike(c) && (c.loc === 'S0' || (c.loc === 'S+1' && (c.ownVerb === 'subj' || c.ownVerb === 'inv') && c.features.includes('nearAfter:0'))));
}

const order = (c: Candidate) => c.block * 100_000 + c.tok;

/** The interviewee, for a quotation in an interview's answer (a paragraph that does not ask). */
export function interviewSpeaker(doc: Doc, q: QuoteSite): Candidate | null {
  const e = doc.interviewee;
  if (!e || isQuestion(doc, q.block)) return null;
  return { kind: 'prev', block: q.block, start: -1, end: -1, tok: -1, tokEnd: -1, entity: e, prev: { entity: e, name: e.name, at: null, block: q.block }, features: [], loc: 'interview', slot: 'none', ownVerb: null, frameStart: false, beforeColon: false };
}

export function discourseSpeaker(doc: Doc, q: QuoteSite, cands: Candidate[], prev: PrevSpeaker | null): { cand: Candidate; rule: DiscourseRule } | null {
  const iv = interviewSpeaker(doc, q);
  if (iv) return { cand: iv, rule: 'interview' };
  const before = cands.filter((c) => c.kind !== 'prev' && c.loc !== 'S0' && c.loc !== 'S+1' && speakerLike(c)).sort((a, b) => order(b) - order(a));
  const prevCand = cands.find((c) => c.kind === 'prev');
  const afterPrev = (c: Candidate) => !prev?.at || c.block > prev.at.block || (c.block === prev.at.block && c.start > prev.at.end);
  // nearest first: somebody introduced as speaking, or the person the sentence before is about,
  // unless the quotation before comes first
  const introduced = (c: Candidate) => c.beforeColon || c.ownVerb === 'subj' || c.ownVerb === 'inv' || c.ownVerb === 'appos' || c.ownVerb === 'noun';
  // (a heading names what a section is about, not who speaks in it)
  const topical = (c: Candidate) => c.frameStart && doc.blocks[c.block].kind !== 'heading' && (c.kind === 'name' ? c.entity!.type === 'person' : c.kind === 'pron' || c.np?.info?.kind === 'person');
  const near = before.find((c) => afterPrev(c) && (introduced(c) || topical(c)));
  if (near) return { cand: near, rule: introduced(near) ? 'intro' : 'topic' };
  if (prevCand && prev && q.block - prev.block <= DISCOURSE.prevBlocks) return { cand: prevCand, rule: 'prev' };
  const topic = before.find(topical);
  if (topic) return { cand: topic, rule: 'topic' };
  return null;
}
