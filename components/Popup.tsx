/** The popup: the article at a glance — summary, people and places, quotations ready to cite. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatAuthors, formatCitation, formatDate, speakerDescription, type CitationFormat } from '../lib/citation';
import { SUPPORTED_LANGS } from '../lib/lang';
import type { Analysis, EntityType, Quote } from '../lib/types';
import { t } from './i18n';
import { TypeIcon } from './labels';
import { sendMessage, type TabState } from './protocol';
import { citationFormat } from './settings';
import { QuoteTools, SettingsLink, Summary, useShownTypes } from './popup-parts';
import { sitePattern } from './site-pattern';

async function resolveTabId(): Promise<number | null> {
  const q = new URLSearchParams(location.search).get('tabId');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function Popup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<TabState | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [format, setFormat] = useState<CitationFormat>('text');

  useEffect(() => {
    void citationFormat.getValue().then(setFormat);
    void (async () => {
      const id = await resolveTabId();
      setTabId(id);
      if (id === null) return setFailed(t('noAccess'));
      try {
        setState(await sendMessage('annotateTab', { tabId: id }));
      } catch (e) {
        setFailed(t('internalError'));
      }
    })();
  }, []);

  const toggleAlwaysOn = async (on: boolean) => {
    if (tabId === null || !state?.origin) return;
    const origins = [sitePattern(state.origin)];
    if (on) {
      // permissions.request must run first, inside the click's user gesture. Firefox closes the
      // toolbar popup while its permission prompt is up, so the background is told at once, before
      // the answer, and finishes the job itself when the permission arrives (permissions.onAdded).
      const asked = browser.permissions.request({ origins });
      const told = sendMessage('setAlwaysOn', { tabId, on });
      if (!(await asked)) return;
      await told;
      setState(await sendMessage('setAlwaysOn', { tabId, on }));
    } else {
      setState(await sendMessage('setAlwaysOn', { tabId, on }));
      await browser.permissions.remove({ origins }).catch(() => false);
    }
  };

  const chooseFormat = (f: CitationFormat) => {
    setFormat(f);
    void citationFormat.setValue(f);
  };

  if (failed) return <main class="popup"><p class="state">{failed}</p></main>;
  if (!state) return <main class="popup"><p class="state" aria-live="polite">{t('working')}</p></main>;
  const r = state.result;
  let body;
  if (!state.annotatable) body = <p class="state">{t('noAccess')}</p>;
  else if (!r) body = <p class="state" aria-live="polite">{t('working')}</p>;
  else if (!r.ok) body = <p class="state">{t(r.code === 'too-large' ? 'tooLarge' : r.code === 'not-article' || r.code === 'empty' ? 'notArticle' : r.code === 'no-access' ? 'noAccess' : 'internalError')}</p>;
  else body = <ArticleView a={r.analysis} tabId={tabId!} format={format} onFormat={chooseFormat} />;
  return (
    <main class="popup">
      {body}
      {state.annotatable && state.origin && (
        <label class="switch">
          <input type="checkbox" checked={state.alwaysOn} onChange={(e) => void toggleAlwaysOn((e.target as HTMLInputElement).checked)} />
          {t('alwaysOn', new URL(state.origin).host)}
        </label>
      )}
      <SettingsLink />
    </main>
  );
}

function ArticleView({ a, tabId, format, onFormat }: { a: Analysis; tabId: number; format: CitationFormat; onFormat: (f: CitationFormat) => void }) {
  const date = formatDate(a.published, a.lang);
  const meta = [a.siteName, formatAuthors(a.authors, a.lang), date, t('minutes', a.readingMinutes), a.lang.toUpperCase()].filter(Boolean).join(' · ');
  const shown = useShownTypes();
  const [speaker, setSpeaker] = useState('');
  const section = (type: EntityType, key: string) => {
    const list = a.entities.filter((e) => e.type === type);
    if (!list.length || !shown.includes(type)) return null;
    return (
      <section>
        <h2>{t(key)}</h2>
        <ul class="chips">
          {list.map((e) => (
            <li key={e.id}>
              <button type="button" class={`chip ${type}`} title={e.role ?? e.name} onClick={() => void sendMessage('focusEntity', { entityId: e.id }, tabId).catch(() => {})}>
                <TypeIcon type={type} /> {e.name}
                <span class="n">{e.occurrences.length}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  };
  // titles, names and scare quotes in quotation marks quote nobody: they stay out of the list
  const all = a.quotes.map((q, i) => [q, i] as const).filter(([q]) => !q.nonSpeech && (!speaker || q.speaker === speaker));
  const direct = all.filter(([q]) => q.kind === 'direct');
  const reported = all.filter(([q]) => q.kind === 'indirect');
  return (
    <article>
      <h1>{a.title}</h1>
      <p class="meta">{meta}</p>
      {!(SUPPORTED_LANGS as readonly string[]).includes(a.lang) && <p class="state">{t('unsupportedLang')}</p>}
      {a.description && <p class="teaser"><span class="label">{t('teaser')}:</span> {a.description}</p>}
      <Summary a={a} />
      {section('person', 'people')}
      {section('place', 'places')}
      {section('organization', 'organizations')}
      <section>
        <h2>
          {t('quotes')} <span class="n">{direct.length}</span>
        </h2>
        <label class="format">
          {t('citationFormat')}{' '}
          <select value={format} onChange={(e) => onFormat((e.target as HTMLSelectElement).value as CitationFormat)}>
            <option value="text">{t('formatText')}</option>
            <option value="markdown">{t('formatMarkdown')}</option>
            <option value="html">{t('formatHtml')}</option>
          </select>
        </label>
        <QuoteTools a={a} quotes={all.map(([q]) => q)} format={format} speaker={speaker} onSpeaker={setSpeaker} />
        {direct.length === 0 && <p class="state">{t('noQuotes')}</p>}
        <ol class="quotes">
          {direct.map(([q, i]) => (
            <QuoteItem key={i} q={q} i={i} a={a} tabId={tabId} format={format} />
          ))}
        </ol>
      </section>
      {reported.length > 0 && (
        <section>
          <h2>
            {t('reported')} <span class="n">{reported.length}</span>
          </h2>
          <ol class="quotes">
            {reported.map(([q, i]) => (
              <QuoteItem key={i} q={q} i={i} a={a} tabId={tabId} format={format} />
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}

function QuoteItem({ q, i, a, tabId, format }: { q: Quote; i: number; a: Analysis; tabId: number; format: CitationFormat }) {
  const [status, setStatus] = useState<string | null>(null);
  const description = speakerDescription(q);
  const [open, close] = a.lang === 'de' ? ['„', '“'] : ['“', '”'];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(formatCitation(a, q, format));
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
    setTimeout(() => setStatus(null), 1500);
  };
  return (
    <li class={`quote ${q.kind}${q.uncertain ? ' uncertain' : ''}`} data-speaker={q.speaker ?? ''}>
      <blockquote onClick={() => void sendMessage('focusQuote', { index: i }, tabId).catch(() => {})}>
        {q.kind === 'direct' ? `${open}${q.text}${close}` : q.text}
      </blockquote>
      <div class="who">
        <span>
          — {q.uncertain ? <em title={t('speakerUncertainHint')}>{t('speakerUncertain')}</em> : q.speaker ?? t('unattributed')}
          {description ? ` (${description})` : ''}
          {q.speakerRole ? `, ${q.speakerRole}` : ''}
          {q.kind === 'indirect' ? ` (${t('indirect')})` : ''}
        </span>
        <button type="button" class="copy" onClick={() => void copy()} aria-label={`${t('copy')}: ${q.text.slice(0, 40)}`}>
          {status ?? t('copy')}
        </button>
      </div>
    </li>
  );
}
