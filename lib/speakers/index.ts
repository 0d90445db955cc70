/**
 * Speaker attribution as its own stage, after quotations and entities: for each quotation the
 * candidates the article offers (lib/speakers/candidates.ts) are ranked by a learned model
 * (ranker.ts), the chosen mention is resolved to who it is (resolve.ts), and a speaker the engine is
 * not sure of is withheld as uncertain rather than guessed.
 */
import { BARE_PRONOUN, type BlockReading, type MentionRef } from '../quotes';
import { speechLexicon } from '../speech';
import type { Block, Entity, Quote } from '../types';
import { candidatesFor, impersonalSpeech, leadSpeaker, frameIndex, memo2, type Candidate, type Conjoined, type Doc, type PrevSpeaker, type QuoteSite } from './candidates';
import { forLanguage, rankerModel, softmax, weighed, type RankerModel } from './ranker';
import { creditSpeaker, DISCOURSE, discourseSpeaker, interviewSpeaker, unattributedInSentence, type DiscourseRule } from './discourse';
import { endsAsking, RESOLVE, resolveCandidate, type Resolved } from './resolve';

export interface SpeakerInput {
  blocks: Block[];
  lang: string;
  reading: BlockReading[];
  mentions: MentionRef[];
  entities: Entity[];
  /** the outlet (site name), who asks the questions of an interview */
  outlet?: string | null;
}

export const INTERVIEW = {
  /** Paragraphs that ask (end in "?") needed before a text reads as an interview, and their share. */
  minQuestions: 3,
  minShare: 0.12,
} as const;

/** The article as the candidates read it. */
export function makeDoc(input: SpeakerInput, sorted: MentionRef[] = sortMentions(input.mentions)): Doc | null {
  const lex = speechLexicon(input.lang);
  if (!lex) return null;
  const mentionsByBlock = new Map<number, MentionRef[]>();
  for (const m of sorted) {
    const list = mentionsByBlock.get(m.block);
    if (list) list.push(m);
    else mentionsByBlock.set(m.block, [m]);
  }
  const reading = input.blocks.map((_, b) => input.reading[b] ?? { tokens: [], frames: [] });
  let topPerson: Entity | null = null;
  for (const e of input.entities) if (e.type === 'person' && (!topPerson || e.mentions > topPerson.mentions)) topPerson = e;
  return {
    lang: input.lang,
    blocks: input.blocks,
    reading,
    lex,
    mentionsByBlock,
    frameOf: reading.map(frameIndex),
    topPerson,
    interviewee: interviewee(input, topPerson),
    outlet: input.outlet ?? null,
    frames: [],
    phrases: [],
    names: [],
    pronouns: [],
  };
}

/**
 * An interview: several paragraphs that are questions (ending in "?", outside quotation marks), and
 * a person named as the one who answers: the most mentioned person, named in the first paragraphs.
 */
function interviewee(input: SpeakerInput, top: Entity | null): Entity | null {
  if (!top) return null;
  const paras = input.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'item');
  const questions = paras.filter((b) => endsAsking(b.text) && !/[“”"»«„]\s*$/.test(b.text.slice(-3)));
  if (questions.length < INTERVIEW.minQuestions || questions.length < paras.length * INTERVIEW.minShare) return null;
  // a transcript that names who speaks ("Nikolai Huke: Wo sind Sie …?" / "Tareq Salem: Ich bin …"): the one
  // who opens answers, not the one who opens questions
  const opener = (b: { text: string }) => input.entities.find((e) => e.type === 'person' && e.forms.some((f) => b.text.startsWith(f + ':')));
  const asks = new Set(questions.map(opener).filter((e) => e));
  const answers = paras.filter((b) => !questions.includes(b)).map(opener).filter((e): e is Entity => !!e && !asks.has(e));
  if (answers.length) return answers[0];
  if (asks.has(top)) return null;
  const early = top.occurrences.some((o) => o.block < Math.max(4, input.blocks.length * 0.2));
  return early ? top : null;
}

export function sortMentions(mentions: MentionRef[]): MentionRef[] {
  return [...mentions].sort((a, b) => a.block - b.block || a.start - b.start);
}

/** Decides the speaker of every direct quotation (in place) and returns the quotations. */
/** What the stage saw and decided for one quotation (scripts/explain-speakers.ts prints it). */
export interface SpeakerTrace {
  quote: Quote;
  candidates: Candidate[];
  /** the ranker's probability for each candidate */
  probs: number[];
  /** who decided: the ranker, a discourse rule, or the interview */
  via: 'ranker' | DiscourseRule | null;
  chosen: Candidate | null;
  resolve: (c: Candidate) => Resolved | null;
  /** what the confidence is computed from (scripts/calibrate-speakers.ts fits it) */
  decision: string[];
}

/**
 * What tells how sure a decision is: who made it, how sure the ranker was and by how much the runner-up
 * trailed, whether the rule-based reading of lib/quotes.ts found the same speaker, what kind of mention
 * spoke and how it was resolved.
 */
const bin = (x: number) => (x >= 0.95 ? '95' : x >= 0.8 ? '80' : x >= 0.5 ? '50' : 'low');

/** A decision feature's name from its parts, made once (the calibrator's Map finds a name it saw before by identity). */
const NAME = memo2((a: string, b: string) => a + b);

export function decisionFeatures(via: string, cand: Candidate, res: Resolved, cands: Candidate[], probs: number[], site: QuoteSite, mass: number): string[] {
  const i = cands.indexOf(cand);
  const p = i >= 0 ? probs[i] : 0;
  const second = Math.max(0, ...probs.filter((_, k) => k !== i));
  const ruleHit = site.ruleAt && res.at && site.ruleAt.block === res.at.block && site.ruleAt.start < res.at.end && res.at.start < site.ruleAt.end;
  const agree = !site.ruleAt && !site.ruleEntity ? 'none' : (res.entity && site.ruleEntity === res.entity) || ruleHit ? 'agree' : 'disagree';
  const resolution = cand.kind === 'name' ? 'name' : cand.kind === 'prev' ? 'prev' : !res.entity ? `${cand.kind}-${res.description ? 'described' : 'unnamed'}` : `${cand.kind}-resolved-${res.confidence >= 0.9 ? 'sure' : 'likely'}`;
  const viaName = NAME('via:', via);
  const agreeName = NAME('agree:', agree);
  const resName = NAME('res:', resolution);
  const f = [viaName, NAME('p:', bin(p)), NAME('mass:', bin(mass)), NAME('resConf:', bin(res.confidence)), NAME('margin:', bin(p - second)), agreeName, resName, NAME('type:', res.entity?.type ?? 'none'), NAME('loc:', cand.loc), NAME(viaName, NAME('|', agreeName)), NAME(resName, NAME('|', agreeName))];
  // a phrase whose noun names no person or body ("die Vision", "die Unterscheidung") rarely speaks
  if (cand.kind === 'np') {
    const npName = NAME('np:', cand.np!.info?.kind ?? 'other');
    f.push(npName, NAME(npName, NAME('|', resName)));
  }
  return ['bias', ...f];
}

/**
 * The ranker's score of a candidate: weighed(weights, c.features), with the weights of its conjoined
 * features (made together, the same few sets over and over) looked up once per set rather than per
 * candidate; added in the same order, the same sum.
 */
function candidateScore(w: Map<string, number>, c: Candidate): number {
  const conj = c.conjoined;
  const head = c.head;
  if (!conj || !head) return weighed(w, c.features);
  const f = c.features;
  const from = c.conjoinedAt!;
  const to = from + weightsOf(w, conj).length;
  // (the kind and place first, then what lies between them and the conjoined features)
  let s = 0;
  for (const x of weightsOf(w, head)) s += x;
  for (let k = head.names.length; k < from; k++) s += w.get(f[k]) ?? 0;
  for (const x of conj.weights!) s += x;
  for (let k = to; k < f.length; k++) s += w.get(f[k]) ?? 0;
  return s;
}

/** The weights of a set of features made together, looked up when first asked for these weights. */
function weightsOf(w: Map<string, number>, set: Conjoined): number[] {
  if (set.weightsOf !== w) {
    set.weights = set.names.map((f) => w.get(f) ?? 0);
    set.weightsOf = w;
  }
  return set.weights!;
}

function calibrated(model: RankerModel, decision: string[], lang: string): number {
  const z = weighed(forLanguage(model.calibration, lang), decision);
  return 1 / (1 + Math.exp(-z));
}

export function attributeSpeakers(quotes: Quote[], input: SpeakerInput, model: RankerModel = rankerModel(), trace?: (t: SpeakerTrace) => void): Quote[] {
  const mentions = sortMentions(input.mentions);
  const doc = makeDoc(input, mentions);
  if (!doc) return quotes;
  const byId = new Map(input.entities.map((e) => [e.id, e]));
  const threshold = model.threshold[input.lang] ?? 0;
  const weights = forLanguage(model.weights, input.lang);
  let prev: PrevSpeaker | null = null;
  const decided = new Map<Quote, Decision>();
  let last: Quote | null = null;
  for (const q of quotes) {
    if (q.kind !== 'direct' || q.nonSpeech) continue;
    // a further paragraph of the same statement: the same speaker, as sure
    if (q.continued && last) {
      copySpeaker(q, last);
      const d = decided.get(last);
      if (d) decided.set(q, d);
      continue;
    }
    last = q;
    const site = siteOf(q, byId);
    const cands = candidatesFor(doc, site, prev);
    // a quotation its own sentence does not attribute: the interviewee in an interview's answer; else
    // the discourse rules where the model has not learned such quotations for the language
    const unattributed = unattributedInSentence(cands);
    const iv = unattributed ? interviewSpeaker(doc, site) : null;
    const byRules = unattributed && (model.discourse[input.lang] ?? 'rules') === 'rules';
    // a credit line after a quotation that stands alone ("„…“ Bloggerin Maria Sedgwick")
    const credit = creditSpeaker(doc, site, cands);
    const rules = credit ? { ...credit, confidence: DISCOURSE.confidence.credit * credit.res.confidence, rule: 'credit' as const } : iv ? resolved(doc, iv, 'interview', prev, mentions, cands) : byRules ? fromDiscourse(doc, site, cands, prev, mentions) : null;
    const probs = softmax(cands.map((c) => candidateScore(weights, c)));
    const pick = rules ?? choose(doc, cands, probs, prev, mentions);
    const via = rules ? rules.rule : pick ? 'ranker' : null;
    // (the ranker's belief in the person, over every candidate that resolves to them: see massOf)
    const decision = pick ? decisionFeatures(via!, pick.cand, pick.res, cands, probs, site, 'mass' in pick ? pick.mass : massOf(doc, cands, probs, pick.cand, pick.res, prev, mentions)) : [];
    const before = prev;
    // (the calibrator has learned the ranker's and the discourse rules' decisions; a credit line is as sure as its rule)
    if (pick && model.calibration.size && via !== 'credit') pick.confidence = calibrated(model, decision, input.lang);
    // the speaker of the quotation before, carried on ("„…“ oder „…“, wurde skandiert"), is no surer here than it was there
    if (pick && prev && pick.cand.prev === prev && prev.confidence !== undefined) pick.confidence = Math.min(pick.confidence, prev.confidence);
    if (!pick) {
      if (trace) trace(traced(doc, q, cands, probs, via, pick, before, mentions, decision));
      // a bare pronoun the rule-based reading left ("…,” they said) is no speaker to show or carry on either
      if (q.speaker && !q.speakerId && BARE_PRONOUN.test(q.speaker)) {
        withhold(q);
        prev = null;
        continue;
      }
      if (q.speaker) prev = { entity: site.ruleEntity ?? null, name: q.speaker, at: q.speakerAt ?? null, block: q.block };
      continue;
    }
    const { res } = pick;
    // a quotation its sentence says without saying who ("„…“, wurde skandiert", "hieß es"): nobody named
    // nearby is sure to have said it, unless named in that sentence; one somebody heard ("Den Satz „…“ hat X
    // oft gehört") is not the words of the one named there either
    const unsaid = impersonalSpeech(doc, site);
    const nobody = unsaid === 'heard' || (unsaid === 'impersonal' && !(pick.cand.kind === 'name' && pick.cand.loc === 'S0'));
    const confidence = nobody ? Math.min(pick.confidence, RESOLVE.ambiguous) : pick.confidence;
    // where the quotation's own sentence refers to the speaker ("…,” she said), for the link to it
    // (a candidate's place is its feature 'loc:…'; one the rules made has none, and no place S0 either)
    if (res.entity && pick.cand.loc !== 'S0') {
      const local = cands.find((c) => c.loc === 'S0' && c !== pick.cand && (c.entity === res.entity || (c.kind !== 'name' && resolveCandidate(doc, c, { prev, mentions, cands })?.entity === res.entity)));
      if (local) res.at = { block: local.block, start: local.start, end: local.end };
    }
    q.speakerConfidence = Math.round(confidence * 1000) / 1000;
    applySpeaker(q, res);
    // a bare pronoun nobody was named for ("she said") tells the reader nothing: never shown as a speaker
    // (also one carried on from the quotation before: "er" as the previous speaker's name)
    const bare = !res.entity && !res.description && (pick.cand.kind === 'pron' || BARE_PRONOUN.test(res.name));
    // and a resolution that itself found the mention ambiguous (a pronoun with unnamed people nearer than its name),
    // and a person the ranker hardly believes in, taken only because the likelier candidates resolve to nobody
    const unlikely = via === 'ranker' && 'mass' in pick && pick.mass < MASS_MIN;
    if (confidence < threshold || bare || nobody || unlikely || res.confidence < RESOLVE.ambiguous) withhold(q);
    // (a thing that is no person or body, "das Anpassen des Sprachstils", does not speak on in the next quotation)
    const thing = pick.cand.kind === 'np' && !pick.cand.np!.info && !res.entity;
    // (a resolution withheld as ambiguous is carried on as unsure as it was)
    prev = thing || bare ? null : { entity: res.entity, name: res.name, at: res.at, block: q.continues?.length ? q.continues[q.continues.length - 1].block : q.block, description: res.entity ? null : res.description, confidence: res.confidence < RESOLVE.ambiguous ? Math.min(confidence, res.confidence) : confidence };
    decided.set(q, { res, confidence, inSentence: !unattributed });
    if (trace) trace(traced(doc, q, cands, probs, via, pick, before, mentions, decision));
  }
  echoes(quotes, input.blocks, decided, threshold, (b) => leadSpeaker(doc, b));
  carryOnIndirect(doc, quotes, mentions);
  return quotes;
}

/**
 * "A spokesperson for X said: “…” He added that …": reported speech whose pronoun the rule-based reading
 * gave to a person not named since the quotation just before it (in this paragraph or the one before)
 * goes on with that quotation's speaker, as a quotation's own pronoun would.
 */
function carryOnIndirect(doc: Doc, quotes: Quote[], mentions: MentionRef[]) {
  let before: Quote | null = null;
  for (const q of quotes) {
    if (q.kind === 'direct') {
      if (!q.nonSpeech) before = q;
      continue;
    }
    const at = q.speakerAt;
    if (!at || !before?.speaker || before.uncertain) continue;
    const end = before.continues?.at(-1) ?? before;
    if (q.block - end.block > 1 || !doc.lex.pronouns.has(doc.blocks[at.block].text.slice(at.start, at.end).toLowerCase())) continue;
    if (q.speakerId === before.speakerId && q.speaker === before.speaker) continue;
    // (the person named since that quotation is the one meant: "bekräftigte Putin … Er drohte, …")
    const after = (m: MentionRef) => (m.block > end.block || (m.block === end.block && m.start >= end.end)) && (m.block < q.block || (m.block === q.block && m.start < q.start));
    if (q.speakerId && mentions.some((m) => m.entity.id === q.speakerId && after(m))) continue;
    copySpeaker(q, before);
  }
}

/** What the stage saw and decided for one quotation, for a trace (`prev`: the speaker before it). */
function traced(doc: Doc, q: Quote, cands: Candidate[], probs: number[], via: SpeakerTrace['via'], pick: { cand: Candidate } | null, prev: PrevSpeaker | null, mentions: MentionRef[], decision: string[]): SpeakerTrace {
  return { quote: q, candidates: cands, probs, via, chosen: pick?.cand ?? null, resolve: (c) => resolveCandidate(doc, c, { prev, mentions, cands }), decision };
}

export const ECHO = {
  /** Share of a quotation's words found in another for it to be the same words again (a pull quote). */
  sameWords: 0.9,
  /** Blocks after a heading that is a quotation where the quotation it announces may stand. */
  headingReach: 4,
  /** How sure a heading's speaker is when taken from the next quotation. */
  heading: 0.7,
  /** …and a headline's, taken from the person the lead introduces as speaking. */
  lead: 0.75,
  /** Letters a scare quote of one or two words needs to be taken for the words of a quotation it repeats
   * ("devastating", "well-connected"; shorter words such as "decided" are repeated by chance) */
  fragmentLetters: 8,
  /** Words a quotation needs for a scare quote that repeats some of them to be taken for its speaker's. */
  statementWords: 4,
} as const;

interface Decision {
  res: Resolved;
  confidence: number;
  /** attributed by its own sentence (not by the discourse) */
  inSentence: boolean;
}

/** (a constant: esbuild compiles a literal with \p{…} to a `new RegExp` made each time it runs) */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/**
 * The words of a text in lower case: its runs of letters and digits (what /[\p{L}\p{N}]+/gu matches), an
 * ASCII character by its code, any other by the pattern (a character beyond U+FFFF is two code units).
 */
function words(t: string): string[] {
  const s = t.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let n = 1;
    let word: boolean;
    if (c < 128) word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    else {
      if (s.codePointAt(i)! > 0xffff) n = 2;
      word = WORD_CHAR.test(s.slice(i, i + n));
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    i += n;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/**
 * Quotations that repeat words of the article: a pull quote or a headline that repeats a quotation of
 * the text takes the speaker of the quotation it repeats; a heading that is only a quotation and
 * repeats nothing takes the speaker of the next quotation after it.
 */
function echoes(quotes: Quote[], blocks: Block[], decided: Map<Quote, Decision>, threshold: number, lead: (headline: number) => Entity | null) {
  const direct = quotes.filter((q) => q.kind === 'direct' && !q.nonSpeech);
  // each quotation's words, found once when first needed (a copy is taken where words are struck off)
  const wordsMade = new Map<Quote, string[]>();
  const wordsOf = (q: Quote) => {
    let w = wordsMade.get(q);
    if (!w) wordsMade.set(q, (w = words(q.text)));
    return w;
  };
  for (const q of direct) {
    const mine = decided.get(q);
    if (mine?.inSentence) continue;
    const w = wordsOf(q);
    if (w.length < 3) continue;
    let from: Decision | undefined;
    // a heading that repeats the text's words takes their speaker; elsewhere the surer of the two wins
    const pull = blocks[q.block].kind === 'heading';
    for (const o of direct) {
      const d = decided.get(o);
      if (o === q || !d || blocks[o.block].kind === 'heading' || (!pull && (!d.inSentence || (mine && d.confidence <= mine.confidence)))) continue;
      // (no more of its words can be found than the other has)
      if (wordsOf(o).length < w.length * ECHO.sameWords) continue;
      const bag = [...wordsOf(o)];
      const found = w.filter((x) => {
        const i = bag.indexOf(x);
        if (i < 0) return false;
        bag.splice(i, 1);
        return true;
      }).length;
      if (found >= w.length * ECHO.sameWords) {
        from = d;
        break;
      }
    }
    if (!from && blocks[q.block].kind === 'heading' && !blocks[q.block].text.replace(/[„“”"»«‚‘’'\s.,!?…]/g, '').replace(q.text.replace(/[„“”"»«‚‘’'\s.,!?…]/g, ''), '')) {
      const next = direct.find((o) => o.block > q.block && o.block - q.block <= ECHO.headingReach && decided.get(o)?.inSentence);
      const d = next && decided.get(next);
      if (d) from = { ...d, confidence: d.confidence * ECHO.heading };
    }
    // the headline's quotation that nothing else attributes: the person the lead introduces as speaking
    if (!from && !mine && blocks[q.block].kind === 'heading' && blocks.slice(0, q.block).every((b) => b.kind === 'heading')) {
      const e = lead(q.block);
      if (e) from = { res: { entity: e, name: e.name, description: null, organization: null, group: false, at: null, confidence: 1 }, confidence: ECHO.lead, inSentence: false };
    }
    if (!from) continue;
    const res = { ...from.res, at: from.res.at };
    q.speakerConfidence = Math.round(from.confidence * 1000) / 1000;
    applySpeaker(q, res);
    q.uncertain = undefined;
    q.guess = undefined;
    if (from.confidence < threshold) withhold(q);
  }
  // a word or two set off without a speech cue ("Those “well-connected” clients") that repeats words of a
  // quotation the article attributes ("… a wealthy, well-connected clientele," said X) is X's word, no scare quote
  for (const q of quotes) {
    if (q.kind !== 'direct' || q.nonSpeech !== 'scare') continue;
    const w = words(q.text);
    if (!w.length || w.length >= 3 || w.join('').length < ECHO.fragmentLetters) continue;
    let from: Decision | undefined;
    for (const o of direct) {
      const d = decided.get(o);
      if (!d || o.uncertain || blocks[o.block].kind === 'heading') continue;
      const ow = wordsOf(o);
      // (the words of a statement, not another fragment: "„gelben“ Gebieten" twice repeats nobody)
      if (ow.length >= ECHO.statementWords && ow.some((x, i) => w.every((y, k) => ow[i + k] === y))) {
        from = d;
        break;
      }
    }
    if (!from) continue;
    q.nonSpeech = undefined;
    q.speakerConfidence = Math.round(from.confidence * 1000) / 1000;
    applySpeaker(q, { ...from.res });
    if (from.confidence < threshold) withhold(q);
  }
}

function copySpeaker(q: Quote, from: Quote) {
  q.speaker = from.speaker;
  q.speakerId = from.speakerId;
  q.speakerRole = from.speakerRole;
  q.speakerConfidence = from.speakerConfidence;
  q.speakerDescription = from.speakerDescription;
  q.speakerOrganizationId = from.speakerOrganizationId;
  q.group = from.group;
  q.uncertain = from.uncertain;
  q.guess = from.guess;
}

function withhold(q: Quote) {
  q.uncertain = true;
  q.guess = { speaker: q.speaker!, speakerId: q.speakerId };
  q.speaker = null;
  q.speakerId = null;
  q.speakerRole = null;
}

/** A direct quotation as the candidates see it, with where the rule-based reading put its speaker. */
export function siteOf(q: Quote, byId: Map<string, Entity>): QuoteSite {
  return {
    block: q.block,
    start: q.start,
    end: q.end,
    lastBlock: q.continues?.length ? q.continues[q.continues.length - 1].block : q.block,
    partial: q.partial,
    direct: true,
    ruleAt: q.speakerAt ?? null,
    ruleEntity: q.speakerId ? byId.get(q.speakerId) ?? null : null,
  };
}

/** The speaker the discourse gives a quotation its own sentence does not attribute. */
export function fromDiscourse(doc: Doc, site: QuoteSite, cands: Candidate[], prev: PrevSpeaker | null, mentions: MentionRef[]): { cand: Candidate; res: Resolved; confidence: number; rule: DiscourseRule } | null {
  const d = discourseSpeaker(doc, site, cands, prev);
  return d ? resolved(doc, d.cand, d.rule, prev, mentions, cands) : null;
}

function resolved(doc: Doc, cand: Candidate, rule: DiscourseRule, prev: PrevSpeaker | null, mentions: MentionRef[], cands: Candidate[]) {
  const res = resolveCandidate(doc, cand, { prev, mentions, cands });
  return res ? { cand, res, confidence: DISCOURSE.confidence[rule] * res.confidence, rule } : null;
}

/** A candidate below this share of the ranker's belief adds nothing to the person it resolves to (and is not resolved for it). */
const MASS_MIN = 0.05;

/** Who a resolution names: the entity, else the words (two mentions of one unnamed speaker are one). */
const whoKey = (res: Resolved): string | Entity => res.entity ?? res.name.toLowerCase();

/**
 * The ranker's belief in the person a resolution names: the probabilities of every candidate that
 * resolves to them ("Jeremy Robinson" .63 and "Bolger's lawyer" .34 are one person at .97).
 */
function massOf(doc: Doc, cands: Candidate[], probs: number[], cand: Candidate, res: Resolved, prev: PrevSpeaker | null, mentions: MentionRef[]): number {
  const who = whoKey(res);
  let mass = 0;
  cands.forEach((c, k) => {
    if (c !== cand && probs[k] < MASS_MIN) return;
    // (a name is its entity; anything else is whom it resolves to)
    const r = c === cand || c.kind === 'name' ? null : resolveCandidate(doc, c, { prev, mentions, cands });
    if (c === cand || (c.kind === 'name' ? c.entity : r && whoKey(r)) === who) mass += probs[k];
  });
  return mass;
}

/**
 * The person the ranker believes in most, over every candidate that resolves to them, with the likeliest
 * of those candidates and its confidence (probability × resolution).
 */
export function choose(doc: Doc, cands: Candidate[], probs: number[], prev: PrevSpeaker | null, mentions: MentionRef[]): { cand: Candidate; res: Resolved; confidence: number; mass: number } | null {
  if (!cands.length) return null;
  const order = probs.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const people = new Map<string | Entity, { cand: Candidate; res: Resolved; p: number; mass: number }>();
  for (const [p, i] of order) {
    // (the likeliest candidate that resolves is always taken, however unlikely)
    if (people.size && p < MASS_MIN) break;
    const res = resolveCandidate(doc, cands[i], { prev, mentions, cands });
    if (!res) continue;
    const who = whoKey(res);
    const known = people.get(who);
    if (known) known.mass += p;
    else people.set(who, { cand: cands[i], res, p, mass: p });
  }
  let best: { cand: Candidate; res: Resolved; p: number; mass: number } | null = null;
  for (const x of people.values()) if (!best || x.mass > best.mass) best = x;
  return best && { cand: best.cand, res: best.res, confidence: best.p * best.res.confidence, mass: best.mass };
}

function applySpeaker(q: Quote, res: Resolved) {
  q.speaker = res.name;
  q.speakerId = res.entity?.id ?? null;
  q.speakerRole = res.entity?.role ?? null;
  // (fields set to undefined rather than deleted: JSON leaves them out all the same)
  q.speakerAt = res.at ?? undefined;
  q.group = res.group || undefined;
  q.speakerDescription = res.entity && res.description ? res.description : undefined;
  q.speakerOrganizationId = res.organization?.id;
}
