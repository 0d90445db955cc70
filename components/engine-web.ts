/** The engine in the extension: tagger models fetched from the extension's own files, once. */
import { browser } from 'wxt/browser';
import type { Engine } from '../lib/analyze';
import { decodeModel, tagDocument, type NerModel } from '../lib/ner/index';

/** Copied from assets/models by the build (wxt.config.ts). */
const URLS: Record<string, string> = { de: '/models/ner-de.bin', en: '/models/ner-en.bin' };
const models = new Map<string, NerModel>();
const loading = new Map<string, Promise<NerModel | null>>();

export async function ensureModel(lang: string): Promise<void> {
  if (models.has(lang) || !URLS[lang]) return;
  if (!loading.has(lang)) {
    loading.set(
      lang,
      fetch(browser.runtime.getURL(URLS[lang] as never))
        .then((r) => r.arrayBuffer())
        .then((b) => {
          const m = decodeModel(new Uint8Array(b));
          models.set(lang, m);
          return m;
        })
        .catch(() => null),
    );
  }
  await loading.get(lang);
}

export const webEngine: Engine = {
  taggerFor(lang) {
    const m = models.get(lang);
    return m ? (sentences) => tagDocument(m, sentences) : null;
  },
};
