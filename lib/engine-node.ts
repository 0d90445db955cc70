/** The engine for Node (CLI, tests, benchmarks): models read from assets/models on disk. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModel, tagDocument, type NerModel } from './ner/index';
import type { Engine } from './analyze';

const models = new Map<string, NerModel | null>();

export function modelPath(lang: string): string {
  return fileURLToPath(new URL(`../assets/models/ner-${lang}.bin`, import.meta.url));
}

export function loadModel(lang: string): NerModel | null {
  if (!models.has(lang)) {
    try {
      models.set(lang, decodeModel(new Uint8Array(readFileSync(modelPath(lang)))));
    } catch {
      models.set(lang, null);
    }
  }
  return models.get(lang)!;
}

export const nodeEngine: Engine = {
  taggerFor(lang) {
    const m = lang === 'de' || lang === 'en' ? loadModel(lang) : null;
    return m ? (sentences) => tagDocument(m, sentences) : null;
  },
};
