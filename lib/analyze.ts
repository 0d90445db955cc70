/** The pipeline, in order: article → language → sentences and tokens → entities → quotes → summary. */
import { recognizeWithTitle, type Tagger } from './entities';
import { detectLanguage } from './lang';
import { findQuotes, type BlockReading } from './quotes';
import { attributeSpeakers, type SpeakerTrace } from './speakers/index';
import type { RankerModel } from './speakers/ranker';
import { summarize } from './summary';
import { splitBlocks } from './tokenize';
import type { Analysis, Article, Sentence } from './types';
import { countWords } from './words';

export interface Engine {
  /** A tagger per language; languages without one get no entities (and no crash). */
  taggerFor(lang: string): Tagger | null;
}

export const WORDS_PER_MINUTE = 230;

/** Hooks into the pipeline for the developer tools. */
export interface AnalyzeOptions {
  speakerTrace?: (t: SpeakerTrace) => void;
  /** another speaker model (the calibration runs one that withholds nothing) */
  speakerModel?: RankerModel;
}

export function analyze(article: Article, engine: Engine): Analysis {
  return analyzeWith(article, engine, {});
}

export function analyzeWith(article: Article, engine: Engine, opts: AnalyzeOptions = {}): Analysis {
  const text = article.blocks.map((b) => b.text).join('\n');
  const lang = detectLanguage(article.declaredLang, text);
  const sentences = splitBlocks(article.blocks, lang);
  const { entities, mentions } = recognizeWithTitle(article.blocks, sentences, lang, engine.taggerFor(lang), article.title);
  const blockTokens = article.blocks.map(() => [] as Sentence['tokens']);
  for (const s of sentences) blockTokens[s.block].push(...s.tokens);
  const reading: BlockReading[] = [];
  const found = findQuotes(article.blocks, lang, mentions, blockTokens, reading);
  const quotes = attributeSpeakers(found, { blocks: article.blocks, lang, reading, mentions, entities, outlet: article.siteName }, opts.speakerModel, opts.speakerTrace);
  const summary = summarize(article.blocks, entities, lang, article.description);
  const words = countWords(text);
  return {
    url: article.url,
    title: article.title,
    siteName: article.siteName,
    byline: article.byline,
    authors: article.authors,
    published: article.published,
    description: article.description,
    lang,
    summary,
    entities,
    quotes,
    blocks: article.blocks,
    words,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  };
}
