/**
 * Scoring against news-gold (../shared/data/news-gold/GUIDELINES.md): a line-by-line port of its
 * reference `score.py` (tests/news-gold.test.ts checks that both give the same counts on every page),
 * plus what score.py does not count: role accuracy, and how many speakers were withheld as uncertain.
 */

export interface GoldEntity {
  canonical: string;
  forms?: string[];
  role?: string;
}
export interface GoldQuote {
  text: string;
  speaker: string | null;
  partial?: boolean;
  scare?: boolean;
}
export interface GoldPage {
  page: string;
  language: string;
  title?: string;
  people?: GoldEntity[];
  places?: GoldEntity[];
  organizations?: GoldEntity[];
  quotes?: GoldQuote[];
  notes?: string;
}
/** The part of the CLI's JSON the scorer reads. */
export interface PredEntity {
  id?: string;
  type: string;
  name: string;
  forms?: string[];
  role?: string | null;
}
export interface PredQuote {
  text: string;
  speaker?: string | null;
  speakerId?: string | null;
  kind?: string;
  /** the engine withheld its speaker as uncertain (speaker and speakerId are then null) */
  uncertain?: boolean;
  guess?: { speaker: string; speakerId: string | null } | null;
}
export interface Pred {
  entities?: PredEntity[];
  quotes?: PredQuote[];
}

export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}
/** score.py's output, field for field. */
export interface PageScore {
  people: Counts;
  places: Counts;
  organizations: Counts;
  quotes: Counts;
  speakers: { ok: number; gold: number };
}
/** What eval:pages adds to it. */
export interface PageDetail extends PageScore {
  /** gold people with a role; right: the matched prediction's role overlaps it by at least half */
  roles: { ok: number; gold: number };
  /** matched gold quotes with a speaker whose speaker the engine withheld as uncertain, and of those, the guesses that were right */
  withheld: number;
  guessOk: number;
  /** speakers shown (not withheld) for matched gold quotes with a speaker, and how many of them right */
  shown: { ok: number; total: number };
  /** readable mistakes, for --verbose */
  errors: string[];
}

const TYPES = { people: 'person', places: 'place', organizations: 'organization' } as const;

/** score.py norm(): NFKC, no soft hyphen, no-break space as space, one kind of apostrophe, lower case. */
export function norm(s: string | null | undefined): string {
  let t = (s ?? '').normalize('NFKC').replace(/\u00ad/g, '').replace(/\u00a0/g, ' ');
  t = t.replace(/[\u2019\u2018`´]/g, "'");
  return t.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** score.py base(): without a possessive ending (Obama's ~ Obama). */
export function base(s: string): string {
  return norm(s).replace(/'s?$/, '');
}

export function keys(e: { canonical?: string; name?: string; forms?: string[] }): Set<string> {
  const ks = new Set<string>([base(e.canonical || e.name || '')]);
  for (const f of e.forms ?? []) ks.add(base(f));
  ks.delete('');
  const out = new Set(ks);
  // German genitive -s: with and without it
  for (const k of ks) if (k.endsWith('s') && k.length > 3) out.add(k.slice(0, -1));
  return out;
}

const intersects = (a: Set<string>, b: Set<string>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** Greedy one-to-one matching in gold order; returns the predicted index matched to each gold entity (or -1). */
export function matchEntities(gold: GoldEntity[], pred: PredEntity[]): number[] {
  const used = new Set<number>();
  return gold.map((g) => {
    const gk = keys(g);
    for (let i = 0; i < pred.length; i++) {
      if (used.has(i)) continue;
      if (intersects(gk, keys(pred[i]))) {
        used.add(i);
        return i;
      }
    }
    return -1;
  });
}

/** score.py qnorm(): words only. */
function qnorm(s: string): string {
  return norm(s).replace(/[^\p{L}\p{N}\p{M}_]+/gu, ' ').trim();
}

/** Share of common words of the longer of the two. */
export function overlap(a: string, b: string): number {
  const aw = qnorm(a).split(' ').filter(Boolean);
  const bw = qnorm(b).split(' ').filter(Boolean);
  if (!aw.length || !bw.length) return 0;
  const rest = [...bw];
  let common = 0;
  for (const w of aw) {
    const i = rest.indexOf(w);
    if (i >= 0) {
      rest.splice(i, 1);
      common++;
    }
  }
  return common / Math.max(aw.length, bw.length);
}

/** score.py's test of a speaker: the same name or form, or the same last name. */
export function speakerRight(gold: string, ps: Set<string> | null, nameKeys: Map<string, Set<string>>): boolean {
  const gk = nameKeys.get(norm(gold)) ?? new Set([base(gold)]);
  return !!ps && (intersects(ps, gk) || intersects(lastWords(ps), lastWords(gk)) || intersects(ps, lastWords(gk)));
}

/** Every name and form of the gold entities, by canonical name. */
export function goldNameKeys(gold: GoldPage): Map<string, Set<string>> {
  const nameKeys = new Map<string, Set<string>>();
  for (const gkey of Object.keys(TYPES) as (keyof typeof TYPES)[]) for (const e of gold[gkey] ?? []) nameKeys.set(norm(e.canonical), keys(e));
  return nameKeys;
}

export function predSpeaker(q: PredQuote, ents: PredEntity[]): Set<string> | null {
  const sid = q.speakerId;
  for (const e of ents) if (sid && e.id === sid) return keys(e);
  if (q.speaker) return keys({ canonical: q.speaker, forms: [] });
  return null;
}

const lastWords = (ks: Set<string>) => new Set([...ks].filter((k) => k.includes(' ')).map((k) => k.split(' ').pop()!));

/**
 * Whether a predicted role is right for a gold role: one of the gold role's alternatives (news-gold
 * separates them with ";") and the prediction share at least half the words of the longer of the two.
 */
export function roleRight(pred: string | null | undefined, gold: string): boolean {
  if (!pred) return false;
  return gold.split(';').some((alt) => alt.trim() && overlap(pred, alt) >= 0.5);
}

export function scorePage(gold: GoldPage, pred: Pred): PageDetail {
  const ents = pred.entities ?? [];
  const errors: string[] = [];
  const counts = {} as Record<keyof typeof TYPES, Counts>;
  let roles = { ok: 0, gold: 0 };
  for (const [gkey, ptype] of Object.entries(TYPES) as [keyof typeof TYPES, string][]) {
    const g = gold[gkey] ?? [];
    const p = ents.filter((e) => e.type === ptype);
    const m = matchEntities(g, p);
    counts[gkey] = { tp: m.filter((i) => i >= 0).length, pred: p.length, gold: g.length };
    g.forEach((ge, k) => {
      if (m[k] < 0) errors.push(`FN ${ptype}: ${ge.canonical}`);
    });
    p.forEach((pe, i) => {
      if (!m.includes(i)) errors.push(`FP ${ptype}: ${pe.name}${pe.role ? ` (${pe.role})` : ''}`);
    });
    if (gkey === 'people') {
      g.forEach((ge, k) => {
        if (!ge.role) return;
        roles.gold++;
        const pr = m[k] >= 0 ? p[m[k]].role : null;
        if (roleRight(pr, ge.role)) roles.ok++;
        else errors.push(`ROLE ${ge.canonical}: ours ${pr ? `"${pr}"` : '-'}, gold "${ge.role}"`);
      });
    }
  }
  const gq = gold.quotes ?? [];
  const pq = (pred.quotes ?? []).filter((q) => (q.kind ?? 'direct') === 'direct');
  const nameKeys = goldNameKeys(gold);
  const used = new Set<number>();
  let tp = 0;
  let spkTotal = 0;
  let spkOk = 0;
  let withheld = 0;
  let guessOk = 0;
  const shown = { ok: 0, total: 0 };
  for (const g of gq) {
    let best = 0;
    let bi = -1;
    pq.forEach((p, i) => {
      if (used.has(i)) return;
      const o = overlap(g.text, p.text ?? '');
      if (o > best) [best, bi] = [o, i];
    });
    const matched = best >= 0.8;
    if (matched) {
      used.add(bi);
      tp++;
    } else errors.push(`QFN “${g.text.slice(0, 70)}”`);
    if (g.speaker && !g.scare) {
      spkTotal++;
      if (!matched) continue;
      const ps = predSpeaker(pq[bi], ents);
      const ok = speakerRight(g.speaker, ps, nameKeys);
      if (ok) spkOk++;
      if (pq[bi].uncertain) {
        withheld++;
        const guess = pq[bi].guess;
        if (guess && speakerRight(g.speaker, predSpeaker({ text: '', speaker: guess.speaker, speakerId: guess.speakerId }, ents), nameKeys)) guessOk++;
      } else if (ps) {
        shown.total++;
        if (ok) shown.ok++;
      }
      if (!ok) errors.push(`SPK “${g.text.slice(0, 60)}”: ours ${pq[bi].uncertain ? '(withheld)' : pq[bi].speaker ?? '-'}, gold ${g.speaker}`);
    }
  }
  pq.forEach((p, i) => {
    if (!used.has(i)) errors.push(`QFP “${(p.text ?? '').slice(0, 70)}” — ${p.speaker ?? '-'}`);
  });
  return {
    ...counts,
    quotes: { tp, pred: pq.length, gold: gq.length },
    speakers: { ok: spkOk, gold: spkTotal },
    roles,
    withheld,
    guessOk,
    shown,
    errors,
  };
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}
const r3 = (n: number) => Math.round(n * 1000) / 1000;
export function prf(c: Counts): Prf {
  const p = c.pred ? c.tp / c.pred : c.gold ? 0 : 1;
  const r = c.gold ? c.tp / c.gold : 1;
  return { p: r3(p), r: r3(r), f1: r3(p + r ? (2 * p * r) / (p + r) : 0) };
}

export interface Summary {
  pages: number;
  people: Prf;
  places: Prf;
  organizations: Prf;
  quotes: Prf;
  speakerAccuracy: number;
  roleAccuracy: number;
  /** of the speakers shown, the share right; and the share of gold speakers withheld as uncertain */
  shownSpeakerAccuracy: number;
  withheld: number;
  /** the speaker accuracy had nothing been withheld (the guesses counted) */
  topChoiceAccuracy: number;
}

export function summarize(scores: PageDetail[]): Summary {
  const add = (k: 'people' | 'places' | 'organizations' | 'quotes'): Counts =>
    scores.reduce((t, s) => ({ tp: t.tp + s[k].tp, pred: t.pred + s[k].pred, gold: t.gold + s[k].gold }), { tp: 0, pred: 0, gold: 0 });
  const sum = (f: (s: PageDetail) => number) => scores.reduce((t, s) => t + f(s), 0);
  const spkGold = sum((s) => s.speakers.gold);
  const roleGold = sum((s) => s.roles.gold);
  const shownTotal = sum((s) => s.shown.total);
  return {
    pages: scores.length,
    people: prf(add('people')),
    places: prf(add('places')),
    organizations: prf(add('organizations')),
    quotes: prf(add('quotes')),
    speakerAccuracy: r3(spkGold ? sum((s) => s.speakers.ok) / spkGold : 0),
    roleAccuracy: r3(roleGold ? sum((s) => s.roles.ok) / roleGold : 0),
    shownSpeakerAccuracy: r3(shownTotal ? sum((s) => s.shown.ok) / shownTotal : 0),
    withheld: r3(spkGold ? sum((s) => s.withheld) / spkGold : 0),
    topChoiceAccuracy: r3(spkGold ? sum((s) => s.speakers.ok + s.guessOk) / spkGold : 0),
  };
}
