/**
 * The learned part of speaker attribution: a log-linear ranker over a quotation's candidates
 * (softmax of summed feature weights), trained by scripts/train-attribution.ts on PolNeAR (English
 * news) and SpkAtt-2023 (German), weights in assets/models/attribution.json.
 */
import model from '../../assets/models/attribution.json';

export interface RankerModel {
  weights: Map<string, number>;
  /** below this confidence a speaker is withheld as uncertain, per language */
  threshold: Record<string, number>;
  /**
   * Per language, who decides a quotation its own sentence does not attribute: the ranker, where it
   * learned such quotations from enough examples and beat the discourse rules on the dev set, else the rules.
   */
  discourse: Record<string, 'ranker' | 'rules'>;
  /** logistic weights over decision features (lib/speakers/index.ts decisionFeatures) giving each speaker's confidence */
  calibration: Map<string, number>;
}

let loaded: RankerModel | null = null;

export function rankerModel(): RankerModel {
  if (!loaded) loaded = fromJSON(model as ModelFile);
  return loaded;
}

export interface ModelFile {
  weights: Record<string, number>;
  threshold: Record<string, number>;
  discourse?: Record<string, 'ranker' | 'rules'>;
  calibration?: Record<string, number>;
}

export function fromJSON(m: ModelFile): RankerModel {
  return { weights: new Map(Object.entries(m.weights)), threshold: m.threshold, discourse: m.discourse ?? {}, calibration: new Map(Object.entries(m.calibration ?? {})) };
}

/**
 * The weights as one language sees them: each feature's shared weight plus its weight for that
 * language alone (stored as "de|feature"), folded once per model and language.
 */
const folded = new WeakMap<Map<string, number>, Map<string, Map<string, number>>>();
export function forLanguage(weights: Map<string, number>, lang: string): Map<string, number> {
  let byLang = folded.get(weights);
  if (!byLang) folded.set(weights, (byLang = new Map()));
  let w = byLang.get(lang);
  if (!w) {
    w = new Map();
    const prefix = lang + '|';
    for (const [f, v] of weights) {
      const bar = f.indexOf('|');
      if (bar > 0 && /^[a-z]{2,3}$/.test(f.slice(0, bar))) {
        if (f.startsWith(prefix)) w.set(interned(f.slice(prefix.length)), (w.get(f.slice(prefix.length)) ?? 0) + v);
      } else w.set(f, (w.get(f) ?? 0) + v);
    }
    byLang.set(lang, w);
  }
  return w;
}

/**
 * A name as the engine's own copy of that string (a property key is one): a Map whose keys are such
 * copies finds it by identity rather than by comparing its characters (also each string of an array).
 */
export function interned<R>(r: R): R {
  if (typeof r === 'string') return Object.keys({ [r]: 0 })[0] as R;
  if (Array.isArray(r) && typeof r[0] === 'string') return r.map(interned) as R;
  return r;
}

/** Both copies of a feature a model is trained with: shared, and for the language alone. */
export function withLanguage(features: string[], lang: string): string[] {
  return [...features, ...features.map((f) => `${lang}|${f}`)];
}

export function score(m: RankerModel, features: string[], lang: string): number {
  return weighed(forLanguage(m.weights, lang), features);
}

/** The sum of the features' weights (`w`: the weights as a language sees them, forLanguage). */
export function weighed(w: Map<string, number>, features: string[]): number {
  let s = 0;
  for (const f of features) s += w.get(f) ?? 0;
  return s;
}

/** Probabilities of each candidate being the one who speaks. */
export function softmax(scores: number[]): number[] {
  if (!scores.length) return [];
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}
