/**
 * On-device named-entity tagger (GermEval 2014 outer labels for German, CoNLL-2003 for English).
 *
 *   const model = decodeModel(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 *   const labels = tagDocument(model, [['Angela', 'Merkel', 'besuchte', 'Paris', '.']]);
 *   spansFromLabels(labels[0]); // [{start:0,end:2,type:'PER'}, {start:3,end:4,type:'LOC'}]
 */
export { decodeModel, encodeModel, parseModel, modelFromData, type NerModel, type ModelData, type ModelHeader } from './model.ts';
export { tagDocument, tagDocumentIds, tagSentenceIds, setTokenCacheSize } from './tagger.ts';
export {
  spansFromLabels,
  NER_LABELS,
  NER_TYPES,
  GERMEVAL_TYPES,
  CONLL_TYPES,
  iob2Labels,
  type Span,
} from './labels.ts';
export { normalizeToken } from './normalize.ts';
export { parseConll, SpanScorer, restrictLabels, type LabeledDoc, type LabeledSentence, type PRF } from './conll.ts';

import type { NerModel } from './model.ts';
import { iob2Labels } from './labels.ts';

/** IOB2 labels a decoded model can emit. */
export function modelLabels(model: NerModel): string[] {
  return iob2Labels(model.types);
}
