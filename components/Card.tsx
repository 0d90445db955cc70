/** The hover card: who it is according to the article, how often it is named, what they said here. */
import type { Analysis, Entity } from '../lib/types';
import { t } from './i18n';
import { mentionsLabel, TypeIcon, typeLabel } from './labels';

export const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; max-width: min(360px, calc(100vw - 16px));
  box-sizing: border-box; padding: 12px 14px; border-radius: 10px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #ffffff; border: 1px solid #d0d7de; box-shadow: 0 8px 24px rgba(0,0,0,.18); text-align: left; }
.head { display: flex; align-items: baseline; gap: 8px; }
.name { font-weight: 650; font-size: 15px; }
.type { font-size: 12px; color: #57606a; }
.role { margin-top: 4px; }
.count { margin-top: 6px; font-size: 12px; color: #57606a; }
.quotes { margin: 8px 0 0; padding: 0; list-style: none; border-top: 1px solid #d0d7de; }
.quotes li { margin-top: 6px; font-style: italic; }
.close { margin-left: auto; border: 0; background: none; font-size: 16px; cursor: pointer; color: inherit; padding: 0 2px; }
.close:focus-visible { outline: 2px solid #0969da; border-radius: 4px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #30363d; box-shadow: 0 8px 24px rgba(0,0,0,.6); }
  .type, .count { color: #9198a1; } .quotes { border-color: #30363d; }
}
@media (prefers-reduced-motion: no-preference) { .card { animation: nc-in 120ms ease-out; } @keyframes nc-in { from { opacity: 0; } } }
`;

export function Card({ entity, analysis, onClose }: { entity: Entity; analysis: Analysis; onClose: () => void }) {
  const quotes = analysis.quotes.filter((q) => q.speakerId === entity.id);
  const [open, close] = analysis.lang === 'de' ? ['„', '“'] : ['“', '”'];
  return (
    <div class="card" role="dialog" aria-label={entity.name} data-entity={entity.id}>
      <div class="head">
        <TypeIcon type={entity.type} />
        <span class="name">{entity.name}</span>
        <span class="type">{typeLabel(entity.type)}</span>
        <button class="close" type="button" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      {entity.role && <div class="role">{entity.role}</div>}
      <div class="count">{mentionsLabel(entity.occurrences.length)}</div>
      {quotes.length > 0 && (
        <ul class="quotes" aria-label={t('quotesBy', entity.name)}>
          {quotes.slice(0, 3).map((q) => (
            <li key={`${q.block}:${q.start}`}>{q.kind === 'direct' ? `${open}${q.text}${close}` : q.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
