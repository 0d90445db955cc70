/**
 * The hover card: who it is according to the article, how often it is named (with previous / next),
 * what this person said here (each quote with Copy), and — only after the reader turns it on — what
 * Wikipedia says. Text goes in as text (never as HTML).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCitation, type CitationFormat } from '../lib/citation';
import type { Analysis, Entity, Quote } from '../lib/types';
import { t } from './i18n';
import { mentionsLabel, TypeIcon, typeLabel } from './labels';
import type { WikiAnswer } from './wikipedia';

export const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; max-width: min(360px, calc(100vw - 16px));
  box-sizing: border-box; padding: 12px 14px; border-radius: 10px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #ffffff; border: 1px solid #d0d7de; box-shadow: 0 8px 24px rgba(0,0,0,.18); text-align: left; overflow: auto;
  --muted: #57606a; --line: #d0d7de; --accent: #0969da; --chip: #f6f8fa;
  /* the browser's own parts (Firefox draws classic scrollbars) follow the card's colours, not the page's */
  color-scheme: light; scrollbar-width: thin; scrollbar-color: var(--line) transparent; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); }
.head { display: flex; align-items: baseline; gap: 8px; }
.name { font-weight: 650; font-size: 15px; margin: 0; }
.type { font-size: 12px; color: var(--muted); }
.role { margin: 4px 0 0; }
.mentions { display: flex; align-items: center; gap: 8px; margin-top: 6px; font-size: 12px; color: var(--muted); }
.nav { display: inline-flex; align-items: center; gap: 2px; margin-left: auto; }
.nav button, .close, .copy, .wiki-on { font: inherit; color: inherit; cursor: pointer; }
.nav button { border: 1px solid var(--line); background: var(--chip); border-radius: 6px; min-width: 24px; padding: 0 6px; line-height: 20px; }
.pos { min-width: 3.2em; text-align: center; }
.quotes { margin: 8px 0 0; padding: 0; list-style: none; border-top: 1px solid var(--line); max-height: 190px; overflow: auto; scrollbar-width: thin; scrollbar-color: var(--line) transparent; }
.quotes li { margin-top: 6px; display: flex; gap: 8px; align-items: flex-start; }
.quotes q { font-style: italic; flex: 1; quotes: none; }
.copy { font-size: 12px; border: 1px solid var(--line); background: var(--chip); border-radius: 6px; padding: 1px 7px; flex: none; }
.close { margin-left: auto; border: 0; background: none; font-size: 18px; line-height: 1; padding: 0 4px; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 4px; }
.wiki { margin-top: 8px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 13px; }
.wiki p { margin: 0 0 4px; }
.wiki img { float: right; margin: 0 0 4px 10px; border-radius: 6px; max-width: 72px; height: auto; }
.wiki .desc { color: var(--muted); }
.wiki .src, .wiki .note { font-size: 11px; color: var(--muted); clear: both; }
.wiki a { color: var(--accent); }
.wiki-on { border: 1px solid var(--line); background: var(--chip); border-radius: 6px; padding: 2px 8px; font-size: 12px; }
.hint { margin-top: 8px; font-size: 11px; color: var(--muted); }
.card[data-theme="dark"] { color: #e6edf3; background: #161b22; border-color: #3d444d; box-shadow: 0 8px 24px rgba(0,0,0,.6); color-scheme: dark;
  --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --chip: #21262d; }
@media (prefers-color-scheme: dark) {
  .card[data-theme="auto"] { color: #e6edf3; background: #161b22; border-color: #3d444d; box-shadow: 0 8px 24px rgba(0,0,0,.6); color-scheme: dark;
    --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --chip: #21262d; }
}
@media (prefers-reduced-motion: no-preference) { .card { animation: nc-in 120ms ease-out; } @keyframes nc-in { from { opacity: 0; } } }
`;

/** Copies through the async clipboard where the page allows it, else through a selection in our own root. */
async function copyText(text: string, near: Element): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const root = near.getRootNode() as ShadowRoot | Document;
    const area = near.ownerDocument.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    (root instanceof Document ? root.body : root).append(area);
    area.select();
    const ok = near.ownerDocument.execCommand('copy');
    area.remove();
    return ok;
  }
}

export interface CardProps {
  entity: Entity;
  analysis: Analysis;
  /** Which of the entity's marks the card stands at (0-based) and how many there are. */
  mention: { index: number; count: number };
  onStep: (dir: 1 | -1) => void;
  onClose: () => void;
  /** light/dark from the page's own background; auto follows prefers-color-scheme. */
  theme: 'light' | 'dark' | 'auto';
  /** Focus the card when it opens (it was opened from the keyboard). */
  autoFocus?: boolean;
  /** The citation format for Copy. */
  format: () => Promise<CitationFormat>;
  /** Asks the background for Wikipedia's preview (`off` while look-ups are off). */
  wiki: (title: string, lang: string) => Promise<WikiAnswer>;
  /** The reader turns look-ups on; false when the options page must ask for the permission first. */
  enableWiki: () => Promise<boolean>;
}

export function Card(p: CardProps) {
  const { entity, analysis, mention } = p;
  const quotes = analysis.quotes.filter((q) => q.speakerId === entity.id);
  const [open, close] = analysis.lang === 'de' ? ['„', '“'] : ['“', '”'];
  const nameId = `nc-name-${entity.id}`;
  const ref = useRef<HTMLDivElement>(null);
  // opened from the keyboard: focus goes into the card, so Tab reaches its buttons
  useEffect(() => {
    if (p.autoFocus) ref.current?.focus({ preventScroll: true });
  }, [entity.id, p.autoFocus]);
  return (
    <div
      ref={ref}
      class="card"
      role="dialog"
      aria-labelledby={nameId}
      aria-keyshortcuts="Alt+Shift+N Alt+Shift+P Escape"
      data-entity={entity.id}
      data-theme={p.theme}
      tabIndex={-1}
    >
      <div class="head">
        <TypeIcon type={entity.type} />
        <h2 class="name" id={nameId}>
          {entity.name}
        </h2>
        <span class="type">{typeLabel(entity.type)}</span>
        <button class="close" type="button" aria-label={t('close')} onClick={p.onClose}>
          ×
        </button>
      </div>
      {entity.role && <p class="role">{entity.role}</p>}
      <div class="mentions">
        <span class="count">{mentionsLabel(entity.occurrences.length)}</span>
        {mention.count > 1 && (
          <span class="nav">
            <button type="button" class="prev" aria-label={t('prevMention')} onClick={() => p.onStep(-1)}>
              ‹
            </button>
            <span class="pos" role="status" aria-label={t('mentionPosition', mention.index + 1, mention.count)}>
              {mention.index + 1}/{mention.count}
            </span>
            <button type="button" class="next" aria-label={t('nextMention')} onClick={() => p.onStep(1)}>
              ›
            </button>
          </span>
        )}
      </div>
      {quotes.length > 0 && (
        <ul class="quotes" aria-label={t('quotesBy', entity.name)}>
          {quotes.map((q) => (
            <QuoteRow key={`${q.block}:${q.start}`} q={q} text={q.kind === 'direct' ? `${open}${q.text}${close}` : q.text} {...p} />
          ))}
        </ul>
      )}
      <Wiki {...p} />
      {p.autoFocus && <p class="hint">{t('keyHint')}</p>}
    </div>
  );
}

function QuoteRow({ q, text, analysis, format }: CardProps & { q: Quote; text: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = async (ev: MouseEvent) => {
    const ok = await copyText(formatCitation(analysis, q, await format()), ev.currentTarget as Element);
    setStatus(t(ok ? 'copied' : 'copyFailed'));
    setTimeout(() => setStatus(null), 1500);
  };
  return (
    <li>
      <q>{text}</q>
      <button type="button" class="copy" aria-label={t('copyQuote', q.text.slice(0, 40))} onClick={(ev) => void copy(ev)}>
        {status ?? t('copy')}
      </button>
    </li>
  );
}

type WikiView = WikiAnswer | { kind: 'loading' } | { kind: 'confirm' };

/** Wikipedia's part of the card; a late answer for another name is dropped. */
function Wiki({ entity, analysis, wiki, enableWiki }: CardProps) {
  const [view, setView] = useState<WikiView>({ kind: 'loading' });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    setView({ kind: 'loading' });
    wiki(entity.name, analysis.lang).then(
      (a) => current && setView(a),
      () => current && setView({ kind: 'none', title: entity.name }),
    );
    return () => {
      current = false;
    };
  }, [entity.id, asked]);
  const turnOn = async () => {
    if (await enableWiki()) setAsked((n) => n + 1);
    else setView({ kind: 'confirm' });
  };
  let body;
  if (view.kind === 'off') {
    body = (
      <>
        <button type="button" class="wiki-on" onClick={() => void turnOn()}>
          {t('wikiShow')}
        </button>
        <p class="note">{t('wikiPrivacy')}</p>
      </>
    );
  } else if (view.kind === 'loading') body = <p class="note">{t('wikiLoading')}</p>;
  else if (view.kind === 'confirm') body = <p class="note">{t('wikiConfirm')}</p>;
  else if (view.kind === 'none') body = <p class="none">{t('wikiNone')}</p>;
  else {
    body = (
      <div lang={view.lang} dir={view.dir}>
        {view.image && <img src={view.image.src} width={view.image.width} height={view.image.height} alt="" />}
        {view.kind === 'disambiguation' ? (
          <p class="disambiguation">{t('wikiDisambiguation')}</p>
        ) : (
          <>
            {view.description && <p class="desc">{view.description}</p>}
            <p class="extract">{view.extract}</p>
          </>
        )}
        {view.url && (
          <p>
            <a href={view.url} target="_blank" rel="noopener noreferrer">
              {t('wikiOpen')}
            </a>
          </p>
        )}
        <p class="src">{t('wikiSource')}</p>
      </div>
    );
  }
  return (
    <section class="wiki" aria-label="Wikipedia" aria-busy={view.kind === 'loading'}>
      {body}
    </section>
  );
}
