/**
 * Citations of a quotation with attribution — plain text, Markdown, HTML — each with a
 * text-fragment link (#:~:text=) that lands on exactly this quotation, even when its words
 * occur twice on the page.
 */
import type { Analysis, Quote } from './types';

export type CitationFormat = 'text' | 'markdown' | 'html';

const MARKS: Record<string, [string, string]> = { de: ['„', '“'], en: ['“', '”'], fr: ['« ', ' »'] };
const LABELS: Record<string, { in: string; unattributed: string; paraphrase: string; and: string; etAl: string }> = {
  de: { in: 'In', unattributed: 'ohne Quellenangabe', paraphrase: 'sinngemäß', and: 'und', etAl: 'u. a.' },
  en: { in: 'In', unattributed: 'unattributed', paraphrase: 'paraphrased', and: 'and', etAl: 'et al.' },
};

/**
 * The article's own description of a speaker, where it says more than the role shown beside the name
 * ("Anna Berger (die Virologin)" but not "Anna Berger (die Virologin), Virologin").
 */
export function speakerDescription(q: Quote): string | null {
  const d = q.speakerDescription;
  if (!d || q.uncertain) return null;
  const head = d.split(/\s+/).pop()!.toLowerCase().replace(/(?:innen|in|en|n|s)$/, '');
  return q.speakerRole && q.speakerRole.toLowerCase().includes(head) ? null : d;
}

/** "Max Muster", "Max Muster und Erika Beispiel", "A, B und C", more than three: "A u. a." / "A et al.". */
export function formatAuthors(authors: readonly string[] | undefined, lang: string): string | null {
  const l = LABELS[lang] ?? LABELS.en;
  const list = authors ?? [];
  if (!list.length) return null;
  if (list.length > 3) return `${list[0]} ${l.etAl}`;
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} ${l.and} ${list.at(-1)}`;
}

/** The publisher's date as written in the article's own time zone (no shift to UTC). */
export function formatDate(iso: string | null, lang: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const [, y, mo, d] = m;
  if (lang === 'de') return `${d}.${mo}.${y}`;
  const month = new Date(Date.UTC(+y, +mo - 1, +d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${+d} ${month} ${y}`;
}

/** Percent-encodes a text-fragment term: also "-", "," and "&", which the syntax reserves. */
function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * `url#:~:text=prefix-,start,end,-suffix` for a quotation: the mark-to-mark text (long ones by
 * their first and last words) with up to three words of context either side.
 */
export function fragmentLink(analysis: Pick<Analysis, 'url' | 'blocks'>, q: Quote): string | null {
  if (!analysis.url) return null;
  const base = analysis.url.replace(/#.*$/, '');
  const block = analysis.blocks[q.block]?.text ?? '';
  // the match takes the quotation marks too: between a prefix and the match only white space may stand
  const MARK = /[„“”"»«‚‘’']/u;
  let from = q.start;
  let to = q.end;
  while (from > 0 && MARK.test(block[from - 1])) from--;
  while (to < block.length && MARK.test(block[to]) && !q.continues) to++;
  const body = block.slice(from, to);
  const w = wordsOf(body);
  const terms: string[] = [];
  const before = wordsOf(block.slice(0, from)).slice(-3).join(' ');
  const after = wordsOf(block.slice(to)).slice(0, 3).join(' ');
  if (before) terms.push(encodeTerm(before) + '-');
  if (w.length <= 8) terms.push(encodeTerm(body));
  else terms.push(encodeTerm(w.slice(0, 4).join(' ')), encodeTerm(w.slice(-4).join(' ')));
  if (after && !q.continues) terms.push('-' + encodeTerm(after));
  return `${base}#:~:text=${terms.join(',')}`;
}

export interface CitationParts {
  quote: string;
  /** null when the engine withheld an uncertain speaker: the citation then names nobody rather than a guess */
  speaker: string | null;
  role: string | null;
  /** The article's authors, joined ("Max Muster und Erika Beispiel"), or null. */
  authors: string | null;
  title: string;
  outlet: string | null;
  date: string | null;
  link: string | null;
  indirect: boolean;
}

export function citationParts(analysis: Analysis, q: Quote): CitationParts {
  const lang = LABELS[analysis.lang] ? analysis.lang : 'en';
  const [open, close] = MARKS[analysis.lang] ?? MARKS.en;
  const text = q.text.replace(/\n/g, ' ');
  return {
    quote: q.kind === 'indirect' ? `(${LABELS[lang].paraphrase}) ${text}` : `${open}${text}${close}`,
    speaker: q.uncertain ? null : q.speaker ?? LABELS[lang].unattributed,
    role: q.uncertain ? null : q.speakerRole,
    authors: formatAuthors(analysis.authors, lang),
    title: analysis.title,
    outlet: analysis.siteName,
    date: formatDate(analysis.published, analysis.lang),
    link: fragmentLink(analysis, q),
    indirect: q.kind === 'indirect',
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

/**
 * "„…“ — Speaker, role. In: Author: Title, Outlet, date. link" (the author and its colon only when the page
 * names one), as plain text, Markdown or HTML.
 */
export function formatCitation(analysis: Analysis, q: Quote, format: CitationFormat = 'text'): string {
  const p = citationParts(analysis, q);
  const lang = LABELS[analysis.lang] ? analysis.lang : 'en';
  const source = [p.title, p.outlet, p.date].filter(Boolean);
  const who = p.speaker && (p.role ? `${p.speaker}, ${p.role}` : p.speaker);
  const by = (esc: (s: string) => string) => (p.authors ? `${esc(p.authors)}: ` : '');
  if (format === 'markdown') {
    const title = p.link ? `[${escapeMd(p.title)}](${p.link.replace(/\)/g, '%29')})` : escapeMd(p.title);
    const rest = [title, ...[p.outlet, p.date].filter(Boolean).map((x) => escapeMd(x!))].join(', ');
    const speaker = p.speaker ? `— **${escapeMd(p.speaker)}**${p.role ? `, ${escapeMd(p.role)}` : ''}. ` : '';
    return `> ${escapeMd(p.quote)}\n>\n> ${speaker}${LABELS[lang].in}: ${by(escapeMd)}${rest}.`;
  }
  if (format === 'html') {
    const cite = p.link ? `<a href="${escapeHtml(p.link)}">${escapeHtml(p.title)}</a>` : escapeHtml(p.title);
    const rest = [p.outlet, p.date].filter(Boolean).map((x) => escapeHtml(x!)).join(', ');
    return `<blockquote${p.link ? ` cite="${escapeHtml(p.link)}"` : ''}><p>${escapeHtml(p.quote)}</p><footer>${who ? `— ${escapeHtml(who)}. ` : ''}${LABELS[lang].in}: ${by(escapeHtml)}<cite>${cite}</cite>${rest ? ', ' + rest : ''}.</footer></blockquote>`;
  }
  return `${p.quote}${who ? ` — ${who}` : ''}. ${LABELS[lang].in}: ${by((s) => s)}${source.join(', ')}.${p.link ? ' ' + p.link : ''}`;
}
