/** The engine for Node (CLI, tests, benchmarks): models read from assets/models on disk. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel, tagDocument, type NerModel } from './ner/index';
import type { Engine } from './analyze';

const models = new Map<string, NerModel | null>();

export function modelPath(lang: string): string {
  // not `new URL(…, import.meta.url)`: Vite rewrites that pattern into a web asset path in jsdom tests
  return join(dirname(fileURLToPath(import.meta.url)), `../assets/models/ner-${lang}.bin`);
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
