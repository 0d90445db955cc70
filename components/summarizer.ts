/**
 * Adapter for the browser's built-in Summarizer API (Chrome 138 and later): feature-detected,
 * asked for key points in the article's language, never required. Anything it cannot do (no API,
 * language not offered, model not there, an error) ends in null and the extractive summary stays.
 */

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface SummarizerOptions {
  type: 'key-points' | 'tldr' | 'teaser' | 'headline';
  format: 'plain-text' | 'markdown';
  length: 'short' | 'medium' | 'long';
  expectedInputLanguages?: string[];
  outputLanguage?: string;
  sharedContext?: string;
  signal?: AbortSignal;
  monitor?: (m: EventTarget) => void;
}

export interface SummarizerSession {
  summarize(input: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>;
  inputQuota?: number;
  measureInputUsage?(input: string): Promise<number>;
  destroy(): void;
}

/** The shape of the global `Summarizer` (https://webmachinelearning.github.io/writing-assistance-apis/). */
export interface SummarizerApi {
  availability(options?: Partial<SummarizerOptions>): Promise<Availability>;
  create(options?: Partial<SummarizerOptions>): Promise<SummarizerSession>;
}

export const SUMMARIZER = {
  options: { type: 'key-points', format: 'plain-text', length: 'short' } as const,
  sharedContext: 'A news article. Summarise its key points for a reader.',
  /** Key points shown at most. */
  maxPoints: 5,
};

export function detectSummarizer(scope: object = globalThis): SummarizerApi | null {
  const api = (scope as { Summarizer?: unknown }).Summarizer as SummarizerApi | undefined;
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? api : null;
}

const optionsFor = (lang: string) => ({ ...SUMMARIZER.options, expectedInputLanguages: [lang], outputLanguage: lang });

export async function summarizerAvailability(api: SummarizerApi | null, lang: string): Promise<Availability> {
  if (!api) return 'unavailable';
  try {
    return await api.availability(optionsFor(lang));
  } catch {
    return 'unavailable';
  }
}

/** "* one\n* two" / "- one" / "1. one" → ["one", "two"]. */
export function parseKeyPoints(out: string): string[] {
  return out
    .split(/\n+/)
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter(Boolean)
    .slice(0, SUMMARIZER.maxPoints);
}

/**
 * Key points of `text` in `lang`, or null. Creating a session may download the model (Chrome asks
 * for a user gesture for that): call it from a click unless availability was already `available`.
 */
export async function keyPoints(api: SummarizerApi | null, text: string, lang: string, signal?: AbortSignal): Promise<string[] | null> {
  if ((await summarizerAvailability(api, lang)) === 'unavailable') return null;
  let session: SummarizerSession | null = null;
  try {
    session = await api!.create({ ...optionsFor(lang), sharedContext: SUMMARIZER.sharedContext, signal });
    let input = text;
    if (session.inputQuota && session.measureInputUsage) {
      const used = await session.measureInputUsage(input);
      if (used > session.inputQuota) input = input.slice(0, Math.floor((input.length * session.inputQuota * 0.9) / used));
    }
    const points = parseKeyPoints(await session.summarize(input, { signal }));
    return points.length ? points : null;
  } catch {
    return null;
  } finally {
    session?.destroy();
  }
}
