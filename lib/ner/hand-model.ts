/** Hand-made model data for tests: a few weight rows over PER and LOC, no clusters, no gazetteer. */
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './features.ts';
import { makeLabelSpace } from './labels.ts';
import type { ModelData } from './model.ts';

/** `rows(id)` gives [feature hash, [[label id, weight], …]] pairs; `id('U-PER')` looks a label up. */
export function handModel(
  rows: (id: (label: string) => number) => [number, [number, number][]][],
  opts: { scale: number; features?: Partial<FeatureConfig>; info?: Record<string, unknown> },
): ModelData {
  const types = ['PER', 'LOC'];
  const sp = makeLabelSpace(types);
  const table = rows((l) => sp.labels.indexOf(l));
  const entries = table.flatMap(([, e]) => e);
  return {
    header: { lang: 'xx', types, features: { ...DEFAULT_FEATURE_CONFIG, clusterPrefixes: [], ...opts.features }, gazMaxLen: 0, scale: opts.scale, ...(opts.info ? { info: opts.info } : {}) },
    clusterKeys: new Uint32Array(0),
    clusterCodes: new Uint32Array(0),
    gazKeys: new Uint32Array(0),
    gazMasks: new Uint16Array(0),
    featKeys: Uint32Array.from(table.map((r) => r[0])),
    featCounts: Uint8Array.from(table.map((r) => r[1].length)),
    entryLabels: Uint8Array.from(entries.map((e) => e[0])),
    entryWeights: Int16Array.from(entries.map((e) => e[1])),
  };
}
