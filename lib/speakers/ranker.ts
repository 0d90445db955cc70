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

export function score(m: RankerModel, features: string[]): number {
  let s = 0;
  for (const f of features) s += m.weights.get(f) ?? 0;
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
