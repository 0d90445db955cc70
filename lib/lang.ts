/** Language of an article: the page's declaration when the text agrees, else the text's own evidence. */
import type { Lang } from './types';

/** Frequent function words; a handful per language is enough to tell them apart reliably. */
const STOPWORDS: Record<string, string[]> = {
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auf', 'für', 'dem', 'ein', 'eine', 'auch', 'wurde', 'im', 'zu', 'dass', 'wie', 'bei', 'nach', 'aus', 'wir', 'sie', 'er', 'es', 'hat', 'sind'],
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'it', 'was', 'for', 'on', 'with', 'as', 'he', 'she', 'be', 'at', 'by', 'this', 'have', 'from', 'or', 'an', 'they', 'which', 'were', 'has', 'said', 'but', 'not'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'un', 'du', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec', 'il', 'elle', 'ce'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'de', 'en', 'un', 'una', 'por', 'con', 'para', 'es', 'se', 'del', 'al', 'como', 'pero', 'su'],
  it: ['il', 'la', 'che', 'di', 'e', 'un', 'una', 'per', 'non', 'con', 'del', 'della', 'sono', 'è', 'gli', 'nel', 'alla', 'anche', 'come', 'ma'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'er', 'aan', 'ook', 'maar', 'om', 'bij', 'wordt', 'naar'],
};
const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);

/** Languages whose text the analysis understands; others get a graceful, reduced analysis. */
export const SUPPORTED_LANGS = ['de', 'en'] as const;

export function primaryTag(tag: string | null | undefined): string | null {
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_]|$)/.exec(tag ?? '');
  return m ? m[1].toLowerCase() : null;
}

/** Scores the text against each stop-word list; returns the best language or null when unclear. */
export function guessLanguage(text: string, sampleChars = 20_000): string | null {
  const counts = new Map<string, number>();
  let words = 0;
  for (const m of text.slice(0, sampleChars).toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    for (const lang of LOOKUP.get(m[0]) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  if (words < 5) return null;
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const [lang, n] of counts) {
    if (n > bestN) [second, best, bestN] = [bestN, lang, n];
    else if (n > second) second = n;
  }
  // Require the winner to be clearly ahead and frequent enough to be a real signal.
  if (!best || bestN < Math.max(2, words * 0.08) || bestN < second * 1.5) return null;
  return best;
}

export function detectLanguage(declared: string | null | undefined, text: string): Lang {
  const fromText = guessLanguage(text);
  const fromPage = primaryTag(declared);
  if (fromText) return fromText; // pages often declare a site-wide language that the article does not use
  return fromPage ?? 'und';
}
