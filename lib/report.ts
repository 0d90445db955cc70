/** Output formats of an Analysis: the JSON contract of DESIGN.md and a readable Markdown report. */
import { formatAuthors, formatDate, speakerDescription } from './citation';
import type { Analysis } from './types';

/** The CLI's JSON: the contract's fields first, then extras (occurrences, roles of speakers, …). */
export function toJSON(a: Analysis) {
  return {
    url: a.url,
    title: a.title,
    siteName: a.siteName,
    published: a.published,
    lang: a.lang,
    summary: a.summary,
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      forms: e.forms,
      role: e.role,
      mentions: e.mentions,
      occurrences: e.occurrences,
    })),
    quotes: a.quotes,
    description: a.description,
    byline: a.byline,
    authors: a.authors,
    words: a.words,
    readingMinutes: a.readingMinutes,
  };
}

const L = {
  de: { people: 'Personen', places: 'Orte', orgs: 'Organisationen', quotes: 'Zitate', summary: 'Zusammenfassung', mentions: 'Erwähnungen', mention: 'Erwähnung', indirect: 'indirekt', unattributed: 'ohne Quellenangabe', uncertain: 'Sprecher ungewiss', none: 'keine' },
  en: { people: 'People', places: 'Places', orgs: 'Organisations', quotes: 'Quotes', summary: 'Summary', mentions: 'mentions', mention: 'mention', indirect: 'indirect', unattributed: 'unattributed', uncertain: 'speaker uncertain', none: 'none' },
};

const md = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');

export function toMarkdown(a: Analysis): string {
  const l = a.lang === 'de' ? L.de : L.en;
  const out: string[] = [`# ${md(a.title)}`, ''];
  const meta = [a.siteName, formatDate(a.published, a.lang), formatAuthors(a.authors, a.lang), a.url ? `<${a.url}>` : null].filter(Boolean);
  if (meta.length) out.push(meta.map((m) => (m!.startsWith('<') ? m! : md(m!))).join(' · '), '');
  if (a.description) out.push(`> ${md(a.description)}`, '');
  out.push(`## ${l.summary}`, '', ...(a.summary.length ? a.summary.map((s) => `- ${md(s)}`) : [`- ${l.none}`]), '');
  const section = (title: string, type: string) => {
    const list = a.entities.filter((e) => e.type === type);
    out.push(`## ${title}`, '');
    if (!list.length) out.push(`- ${l.none}`);
    for (const e of list) out.push(`- **${md(e.name)}**${e.role ? ` — ${md(e.role)}` : ''} (${e.mentions} ${e.mentions === 1 ? l.mention : l.mentions}${e.forms.length > 1 ? `: ${e.forms.map(md).join(', ')}` : ''})`);
    out.push('');
  };
  section(l.people, 'person');
  section(l.places, 'place');
  section(l.orgs, 'organization');
  out.push(`## ${l.quotes}`, '');
  if (!a.quotes.some((x) => !x.nonSpeech)) out.push(`- ${l.none}`);
  const [o, c] = a.lang === 'de' ? ['„', '“'] : ['“', '”'];
  for (const q of a.quotes.filter((x) => !x.nonSpeech)) {
    const who = q.uncertain ? `_${l.uncertain}_` : q.speaker ? `**${md(q.speaker)}**${speakerDescription(q) ? ` (${md(speakerDescription(q)!)})` : ''}${q.speakerRole ? `, ${md(q.speakerRole)}` : ''}` : `_${l.unattributed}_`;
    const text = q.kind === 'indirect' ? `_(${l.indirect})_ ${md(q.text)}` : `${o}${md(q.text.replace(/\n/g, ' '))}${c}`;
    out.push(`- ${text} — ${who}`);
  }
  out.push('');
  return out.join('\n');
}
