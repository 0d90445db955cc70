/** Parts of the popup beyond the basics: key points from the built-in model, quote tools, export, settings link. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatCitation, type CitationFormat } from '../lib/citation';
import { toJSON, toMarkdown } from '../lib/report';
import type { Analysis, EntityType, Quote } from '../lib/types';
import { t } from './i18n';
import { builtinSummarizer, ENTITY_TYPES, shownTypes } from './settings';
import { detectSummarizer, keyPoints, summarizerAvailability, type Availability } from './summarizer';

/** The entity types the reader wants to see (settings), following changes. */
export function useShownTypes(): EntityType[] {
  const [types, setTypes] = useState<EntityType[]>(ENTITY_TYPES);
  useEffect(() => {
    void shownTypes.getValue().then(setTypes);
    return shownTypes.watch((v) => setTypes(v ?? ENTITY_TYPES));
  }, []);
  return types;
}

/**
 * The summary: key points from the browser's built-in model when the reader turned it on and the
 * model can do the article's language; the extractive summary otherwise, and while it works.
 */
export function Summary({ a }: { a: Analysis }) {
  const [points, setPoints] = useState<string[] | null>(null);
  const [state, setState] = useState<Availability | 'off' | 'working' | 'failed'>('off');
  const text = a.blocks.map((b) => b.text).join('\n\n');
  const run = async () => {
    setState('working');
    const p = await keyPoints(detectSummarizer(), text, a.lang);
    setPoints(p);
    setState(p ? 'available' : 'failed');
  };
  useEffect(() => {
    void (async () => {
      if (!(await builtinSummarizer.getValue())) return;
      const availability = await summarizerAvailability(detectSummarizer(), a.lang);
      setState(availability);
      if (availability === 'available') await run();
    })();
  }, [a]);
  if (points) {
    return (
      <section>
        <h2>
          {t('keyPoints')} <span class="n">({t('keyPointsNote')})</span>
        </h2>
        <ul class="summary keypoints">{points.map((s, i) => <li key={i}>{s}</li>)}</ul>
      </section>
    );
  }
  if (!a.summary.length && state !== 'downloadable') return null;
  return (
    <section>
      <h2>{t('summary')}</h2>
      <ul class="summary">{a.summary.map((s, i) => <li key={i}>{s}</li>)}</ul>
      {(state === 'downloadable' || state === 'downloading') && (
        <button type="button" class="link" onClick={() => void run()}>
          {t('keyPointsRun')}
        </button>
      )}
      {state === 'working' && <p class="state" role="status">{t('keyPointsWorking')}</p>}
    </section>
  );
}

const fileName = (a: Analysis, ext: string) =>
  (a.title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase() || 'article') + ext;

function download(name: string, type: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Quotes of all speakers, or one: the speakers to choose from, with how often each is quoted. */
export const speakersOf = (quotes: Quote[]) => {
  const n = new Map<string, number>();
  for (const q of quotes) if (q.speaker) n.set(q.speaker, (n.get(q.speaker) ?? 0) + 1);
  return [...n].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
};

export function QuoteTools({ a, quotes, format, speaker, onSpeaker }: { a: Analysis; quotes: Quote[]; format: CitationFormat; speaker: string; onSpeaker: (s: string) => void }) {
  const [status, setStatus] = useState<string | null>(null);
  const copyAll = async () => {
    const sep = format === 'html' ? '\n' : '\n\n';
    try {
      await navigator.clipboard.writeText(quotes.map((q) => formatCitation(a, q, format)).join(sep));
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
    setTimeout(() => setStatus(null), 1500);
  };
  return (
    <div class="tools">
      <label class="format">
        {t('speakerFilter')}{' '}
        <select name="speaker" value={speaker} onChange={(e) => onSpeaker((e.target as HTMLSelectElement).value)}>
          <option value="">{t('allSpeakers')}</option>
          {speakersOf(a.quotes.filter((q) => !q.nonSpeech)).map(([name, n]) => (
            <option key={name} value={name}>
              {name} ({n})
            </option>
          ))}
        </select>
      </label>
      <div class="buttons">
        <button type="button" class="copy-all" disabled={!quotes.length} onClick={() => void copyAll()}>
          {status ?? t('copyAll')}
        </button>
        <button type="button" class="export-md" onClick={() => download(fileName(a, '.md'), 'text/markdown', toMarkdown(a))}>
          {t('exportMarkdown')}
        </button>
        <button type="button" class="export-json" onClick={() => download(fileName(a, '.json'), 'application/json', JSON.stringify(toJSON(a), null, 2) + '\n')}>
          {t('exportJson')}
        </button>
      </div>
    </div>
  );
}

export function SettingsLink() {
  return (
    <button type="button" class="link settings" onClick={() => void browser.runtime.openOptionsPage()}>
      {t('settings')}
    </button>
  );
}
