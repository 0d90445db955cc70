import { describe, expect, it } from 'vitest';
import { summarize } from './summary';
import type { Block, Entity } from './types';

const para = (text: string): Block => ({ text, kind: 'paragraph' });
const ent = (name: string, block: number, start: number): Entity => ({ id: name, type: 'person', name, forms: [name], role: null, mentions: 3, occurrences: [{ block, start, end: start + name.length, text: name }] });

describe('extractive summary', () => {
  const blocks = [
    para('Die Regierung in Berlin hat am Montag ein neues Klimagesetz beschlossen, das die Emissionen stark senken soll.'),
    para('Das Klimagesetz sieht vor, dass die Emissionen bis 2030 um die Hälfte sinken, sagte die Ministerin in Berlin.'),
    para('Das Wetter war am Montag sonnig und mild, viele Menschen gingen spazieren und genossen den Tag im Park.'),
    para('Kritiker halten das Klimagesetz für zu schwach, weil die Emissionen im Verkehr kaum sinken würden.'),
    para('Die Regierung in Berlin hat am Montag ein neues Klimagesetz beschlossen, das die Emissionen stark senken soll.'),
    para('Teilen'),
    para('Die Opposition kündigte an, gegen das Klimagesetz vor dem Verfassungsgericht in Karlsruhe zu klagen.'),
  ];
  const s = summarize(blocks, [ent('Berlin', 0, 21)], 'de');

  it('picks 3–5 sentences in article order, central ones first', () => {
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(s.length).toBeLessThanOrEqual(5);
    expect(s[0]).toMatch(/^Die Regierung in Berlin/);
    const order = s.map((x) => blocks.findIndex((b) => b.text === x));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('removes redundancy and fragments', () => {
    expect(s.filter((x) => x.startsWith('Die Regierung in Berlin')).length).toBe(1);
    expect(s).not.toContain('Teilen');
  });

  it('does not repeat the publisher’s teaser', () => {
    expect(summarize(blocks, [], 'de', blocks[0].text)).not.toContain(blocks[0].text);
  });

  it('is empty, not broken, for text without sentences', () => {
    expect(summarize([para('Teilen')], [], 'xx')).toEqual([]);
  });

  it('keeps a quotation whole and never splits at a version number or a German date', () => {
    const b = [
      para('Der Hersteller hat die Version 5.3 seines Passwortmanagers am 3. Dezember für alle Nutzer freigegeben.'),
      para('„Wir haben lange daran gearbeitet. Jetzt ist es fertig“, sagte der Entwickler des Passwortmanagers in Hamburg.'),
      para('Der Passwortmanager speichert die Zugangsdaten verschlüsselt und gleicht sie zwischen den Geräten ab.'),
    ];
    const out = summarize(b, [], 'de');
    expect(out).toContain(b[0].text);
    expect(out).toContain(b[1].text);
    expect(out.some((x) => /^3 seines|^Jetzt ist es fertig/.test(x))).toBe(false);
  });

  it('never picks site furniture', () => {
    const b = [
      para('Das Parlament in Wien hat am Donnerstag nach langer Debatte ein neues Mediengesetz verabschiedet.'),
      para('Melden Sie sich jetzt für unseren kostenlosen Newsletter an und verpassen Sie keine Nachricht mehr.'),
      para('Das Mediengesetz regelt die Förderung von Zeitungen und Sendern in Österreich künftig ganz neu.'),
      para('Foto: Die Abgeordneten stimmten im Parlament in Wien über das neue Mediengesetz ab.'),
      para('Die Opposition kritisierte das Mediengesetz im Parlament als zu großzügig für die großen Verlage.'),
    ];
    const out = summarize(b, [], 'de');
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.join(' ')).not.toMatch(/Newsletter|^Foto/);
  });

  it('names the main entities rather than repeating one', () => {
    const text = [
      'Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the future of the European budget.',
      'Angela Merkel said the budget talks with Angela Merkel’s partners had been long and difficult for everyone.',
      'Angela Merkel also praised the cooperation and said the budget would help the European economy.',
      'Emmanuel Macron told reporters in Paris that the budget deal was a historic step for the union.',
      'Weather in the region was mild and sunny during the whole week of the negotiations.',
      'The budget will be voted on by the European Parliament in Strasbourg next month.',
    ].map(para);
    const at = (name: string, id: string) => {
      const occ = text.flatMap((b, block) => [...b.text.matchAll(new RegExp(name, 'g'))].map((m) => ({ block, start: m.index!, end: m.index! + name.length, text: name })));
      return { id, type: 'person', name, forms: [name], role: null, mentions: occ.length, occurrences: occ } as Entity;
    };
    const out = summarize(text, [at('Angela Merkel', 'm'), at('Emmanuel Macron', 'e'), at('Strasbourg', 's')], 'en');
    expect(out.length).toBe(3);
    expect(out.join(' ')).toMatch(/Macron/);
    expect(out.join(' ')).toMatch(/Strasbourg/);
  });

  it('prefers a sentence that stands on its own to one that points back', () => {
    const b = [
      para('The city council of Leeds approved a plan to close the old bridge over the river for repairs.'),
      para('It will stay closed for the bridge repairs until the end of next year, the council said.'),
      para('The old bridge over the river carries about twenty thousand cars a day into the city.'),
      para('Drivers will be sent over the new bridge, which the council widened last year for this purpose.'),
      para('Shops near the old bridge fear losing customers while the repairs go on.'),
    ];
    const out = summarize(b, [], 'en');
    expect(out).not.toContain(b[1].text);
  });

  it('leaves a dateline out of the first sentence; the place stays an entity of the article', () => {
    const b = [
      para('LINDENAU (dpa) – Der Stadtrat hat am Mittwoch den Bau einer neuen Brücke über die Weiße Elster beschlossen.'),
      para('Die neue Brücke soll zwei Stadtteile verbinden, die bisher nur über einen langen Umweg erreichbar sind.'),
      para('Die Kosten für die neue Brücke teilen sich die Stadt und das Land, gebaut wird ab dem Frühjahr.'),
    ];
    expect(summarize(b, [], 'de')[0]).toBe('Der Stadtrat hat am Mittwoch den Bau einer neuen Brücke über die Weiße Elster beschlossen.');
    const en = [para('SPRINGFIELD — The town council voted on Monday to build a new bridge over the river near the old mill.'), ...b.slice(1)];
    expect(summarize(en, [], 'en')[0]).toMatch(/^The town council voted/);
    // "Auental – Die …": a name and a dash is a dateline only when the name is a place the article names
    const named = [para('Auental – Die Gemeinde hat am Mittwoch den Bau einer neuen Brücke über den Bach beschlossen.'), ...b.slice(1)];
    const place: Entity = { id: 'p', type: 'place', name: 'Auental', forms: ['Auental'], role: null, mentions: 1, occurrences: [{ block: 0, start: 0, end: 7, text: 'Auental' }] };
    expect(summarize(named, [place], 'de')[0]).toMatch(/^Die Gemeinde hat/);
    const person: Entity = { ...place, type: 'person' };
    expect(summarize(named, [person], 'de')[0]).toMatch(/^Auental – Die Gemeinde/);
  });

  it('falls back gracefully for a language without word lists', () => {
    const fr = [
      'Le gouvernement français a présenté mercredi un projet de loi sur la réforme des retraites.',
      'Le projet de loi prévoit de relever progressivement l’âge légal de départ à la retraite.',
      'Les syndicats ont appelé à une grève nationale contre la réforme des retraites jeudi prochain.',
      'La météo sera ensoleillée sur la plus grande partie du pays pendant le week-end.',
      'Le Parlement doit examiner la réforme des retraites au début du mois de février.',
    ].map(para);
    const out = summarize(fr, [], 'fr');
    expect(out.length).toBe(3);
    expect(out.join(' ')).not.toMatch(/météo/);
  });
});
