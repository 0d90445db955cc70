/** The Summarizer adapter against a fake with the API's shape. */
import { describe, expect, it } from 'vitest';
import { detectSummarizer, keyPoints, parseKeyPoints, type Availability, type SummarizerApi, type SummarizerOptions } from './summarizer';

function fakeSummarizer(opts: { languages?: string[]; output?: string; quota?: number; fail?: boolean; state?: Availability } = {}) {
  const calls: { created: Partial<SummarizerOptions>[]; inputs: string[]; destroyed: number } = { created: [], inputs: [], destroyed: 0 };
  const api: SummarizerApi = {
    async availability(o) {
      return (opts.languages ?? ['en']).includes(o?.outputLanguage ?? 'en') ? (opts.state ?? 'available') : 'unavailable';
    },
    async create(o) {
      calls.created.push(o ?? {});
      return {
        inputQuota: opts.quota ?? 100_000,
        async measureInputUsage(s: string) {
          return s.length;
        },
        async summarize(input: string) {
          calls.inputs.push(input);
          if (opts.fail) throw new DOMException('model crashed', 'UnknownError');
          return opts.output ?? '* The delegation met Putin.\n* No compromise was reached.\n* Talks go on.';
        },
        destroy() {
          calls.destroyed++;
        },
      };
    },
  };
  return { api, calls };
}

describe('built-in summariser adapter', () => {
  it('finds the API only where the browser has it', () => {
    expect(detectSummarizer({})).toBeNull();
    expect(detectSummarizer({ Summarizer: fakeSummarizer().api })).not.toBeNull();
  });

  it('asks for short plain-text key points in the article’s language and lists them', async () => {
    const { api, calls } = fakeSummarizer();
    expect(await keyPoints(api, 'Article text.', 'en')).toEqual(['The delegation met Putin.', 'No compromise was reached.', 'Talks go on.']);
    expect(calls.created[0]).toMatchObject({ type: 'key-points', format: 'plain-text', length: 'short', expectedInputLanguages: ['en'], outputLanguage: 'en' });
    expect(calls.destroyed).toBe(1);
  });

  it('gives null — so the extractive summary stays — for a language the model does not offer', async () => {
    const { api, calls } = fakeSummarizer({ languages: ['en', 'es', 'ja'] });
    expect(await keyPoints(api, 'Ein Artikel.', 'de')).toBeNull();
    expect(calls.created).toHaveLength(0);
  });

  it('gives null when the model fails, and still frees the session', async () => {
    const { api, calls } = fakeSummarizer({ fail: true });
    expect(await keyPoints(api, 'Text.', 'en')).toBeNull();
    expect(calls.destroyed).toBe(1);
  });

  it('cuts the input to the model’s quota', async () => {
    const { api, calls } = fakeSummarizer({ quota: 1000 });
    await keyPoints(api, 'x'.repeat(5000), 'en');
    expect(calls.inputs[0].length).toBeLessThanOrEqual(1000);
  });

  it('reads the list styles the model writes', () => {
    expect(parseKeyPoints('- a\n\n• b\n1. c\n2) d\n* e\n* f')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
