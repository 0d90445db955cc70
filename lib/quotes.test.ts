import { describe, expect, it } from 'vitest';
import { findQuotes, frames, type MentionRef } from './quotes';
import type { Block, Entity } from './types';

/** Builds mentions for every occurrence of each name in the blocks (the recogniser's job, done by hand here). */
function setup(texts: string[], people: Record<string, { names: string[]; type?: Entity['type']; gender?: 'm' | 'f' }>) {
  const blocks: Block[] = texts.map((text) => ({ text, kind: 'paragraph' }));
  const mentions: MentionRef[] = [];
  let n = 0;
  for (const [name, p] of Object.entries(people)) {
    const e: Entity = { id: `e${++n}`, type: p.type ?? 'person', name, forms: p.names, role: null, mentions: 0, occurrences: [], gender: p.gender ?? null };
    blocks.forEach((b, bi) => {
      for (const form of p.names) {
        for (let at = b.text.indexOf(form); at >= 0; at = b.text.indexOf(form, at + 1)) {
          const before = b.text[at - 1];
          const after = b.text[at + form.length];
          if ((before && /\p{L}/u.test(before)) || (after && /\p{L}/u.test(after) && !(after === 's' && !/\p{L}/u.test(b.text[at + form.length + 1] ?? '')))) continue;
          mentions.push({ block: bi, start: at, end: at + form.length, entity: e });
        }
      }
    });
  }
  return { blocks, mentions };
}

const who = (texts: string[], people: Parameters<typeof setup>[1], lang = 'de') => {
  const { blocks, mentions } = setup(texts, people);
  return findQuotes(blocks, lang, mentions).map((q) => [q.kind, q.text, q.speaker, q.partial] as const);
};

describe('direct quotations and their speakers', () => {
  it('quote – verb – speaker, then a continued quotation', () => {
    expect(who(['„Es gibt keinen Kompromiss“, sagte Juri Uschakow, Putins Berater. „Wir reden weiter.“'], { 'Juri Uschakow': { names: ['Juri Uschakow', 'Uschakow'] }, 'Wladimir Putin': { names: ['Putin'] } })).toEqual([
      ['direct', 'Es gibt keinen Kompromiss', 'Juri Uschakow', false],
      ['direct', 'Wir reden weiter.', 'Juri Uschakow', false],
    ]);
  });

  it('a statement over paragraphs that do not re-open the mark is one quotation, the paragraphs joined', () => {
    const q = who(['Eva Roth erklärte am Montag:', '„Der Entwurf greift zu kurz.', 'Wir fordern Nachbesserungen beim Datenschutz.“', 'Die Kommission schwieg.'], { 'Eva Roth': { names: ['Eva Roth'] } });
    expect(q).toEqual([['direct', 'Der Entwurf greift zu kurz.\nWir fordern Nachbesserungen beim Datenschutz.', 'Eva Roth', false]]);
  });

  it('speaker – verb – quote, and a role before the name', () => {
    expect(who(['„Ich denke, es geht voran“, sagte die Sprecherin des Weißen Hauses, Karoline Leavitt.'], { 'Karoline Leavitt': { names: ['Karoline Leavitt'] }, 'Weißes Haus': { names: ['Weißen Hauses'], type: 'organization' } })[0][2]).toBe('Karoline Leavitt');
    expect(who(['Merkel sagte: „Wir schaffen das.“'], { 'Angela Merkel': { names: ['Merkel'] } })).toEqual([['direct', 'Wir schaffen das.', 'Angela Merkel', false]]);
  });

  it('"so X", "X zufolge" and "according to X"', () => {
    expect(who(['„Das ist falsch“, so Scholz.'], { 'Olaf Scholz': { names: ['Scholz'] } })[0][2]).toBe('Olaf Scholz');
    expect(who(['Die Lage sei „ernst“, Scholz zufolge.'], { 'Olaf Scholz': { names: ['Scholz'] } })[0][2]).toBe('Olaf Scholz');
    expect(who(['The talks were "productive", according to Peskov.'], { 'Dmitry Peskov': { names: ['Peskov'] } }, 'en')[0][2]).toBe('Dmitry Peskov');
  });

  it('resolves a pronoun to the last person of a compatible gender', () => {
    expect(who(['Putin sprach lange. Er lobte, wie die Wirtschaft „gut läuft“.'], { 'Wladimir Putin': { names: ['Putin'] } })[0][2]).toBe('Wladimir Putin');
    expect(who(['Leavitt traf Peskov. “We are optimistic,” she said.'], { 'Karoline Leavitt': { names: ['Leavitt'], gender: 'f' }, 'Dmitry Peskov': { names: ['Peskov'], gender: 'm' } }, 'en')[0][2]).toBe('Karoline Leavitt');
  });

  it('a quotation over two paragraphs is one item per paragraph, with one speaker', () => {
    const q = who(['“We will not stop,” said Biden. “This is the first part', '“and this is the second.”'], { 'Joe Biden': { names: ['Biden'] } }, 'en');
    expect(q.map((x) => x[2])).toEqual(['Joe Biden', 'Joe Biden', 'Joe Biden']);
    expect(q.slice(1).map((x) => x[1])).toEqual(['This is the first part', 'and this is the second.']);
  });

  it('flags fragments embedded in the author’s sentence as partial and groups as speakers', () => {
    const { blocks, mentions } = setup(['Russische Analysten bezeichneten dies als „eine Show“.'], {});
    const [q] = findQuotes(blocks, 'de', mentions);
    expect(q).toMatchObject({ text: 'eine Show', speaker: 'Russische Analysten', group: true, partial: true });
  });

  it('never takes apostrophes for quotation marks', () => {
    expect(who(["Trump's aide said it's fine."], {}, 'en')).toEqual([]);
  });
});

describe('indirect speech', () => {
  it.each([
    ['Putin bekräftigte seine Behauptung, dass Pokrowsk gefallen sei.', 'dass Pokrowsk gefallen sei'],
    ['Er drohte, die Schiffe fernzuhalten, als Vergeltung.', 'die Schiffe fernzuhalten'],
    ['Putin sagte, er sei bereit.', 'er sei bereit'],
    ['Putin bestreitet jede Beteiligung.', 'Putin bestreitet jede Beteiligung.'],
  ])('%s', (text, expected) => {
    const q = who(['Putin war da.', text], { 'Wladimir Putin': { names: ['Putin'] } });
    expect(q).toEqual([['indirect', expected, 'Wladimir Putin', false]]);
  });

  it('English "said that"', () => {
    expect(who(['Peskov said on Monday that the talks would continue.'], { 'Dmitry Peskov': { names: ['Peskov'] } }, 'en')).toEqual([['indirect', 'that the talks would continue', 'Dmitry Peskov', false]]);
  });

  it('a speech verb in a subordinate clause that opens the sentence reports nothing ("While X assured …, Y admitted that …")', () => {
    const people = { 'Ella Brooks': { names: ['Ella Brooks'] }, 'Sam Ortiz': { names: ['Sam Ortiz'] } };
    expect(who(['While Ella Brooks assured residents that the water was safe, Sam Ortiz admitted on Monday that tests had been skipped.'], people, 'en')).toEqual([]);
    expect(who(['Obwohl Ella Brooks betonte, dass das Wasser sauber sei, räumte Sam Ortiz ein, dass Tests fehlten.'], people)).toEqual([]);
    // a sentence that only opens with such a word after its speech verb still reports
    expect(who(['Sam Ortiz said that tests had been skipped while the plant was closed.'], people, 'en')).toEqual([['indirect', 'that tests had been skipped while the plant was closed', 'Sam Ortiz', false]]);
  });

  it('needs a speaker: maps "indicate" nothing', () => {
    expect(who(['Karten deuten darauf hin, dass Russland die Stadt nicht kontrolliert.'], {})).toEqual([]);
  });
});

describe('frames', () => {
  it('does not end a sentence inside a quotation', () => {
    const text = '„Wir gehen. Aber bald“, sagte er. Dann ging er.';
    const qs = [{ open: 0, close: text.indexOf('“') + 1 }];
    expect(frames(text, qs).map(([s, e]) => text.slice(s, e))).toEqual(['„Wir gehen. Aber bald“, sagte er.', 'Dann ging er.']);
  });
});

/** Error classes found by reading the quote lists of German news pages (trafilatura corpus). */
describe('German news pages', () => {
  it('a speech verb beats a possessed document with "zufolge" ("betonte der VW-Boss seinem Redetext zufolge")', () => {
    const q = who(['"Wolfsburg ist wichtig", betonte der VW-Boss seinem Redetext zufolge.'], { Redetext: { names: ['Redetext'], type: 'organization' } });
    expect(q[0][2]).toBe('der VW-Boss');
  });

  it('"Aber: „…“" continues the quotation of the sentence before', () => {
    const q = who(['"Ich möchte sichere Jobs", sagte Diess. Aber: "Die Jobs werden weniger."'], { 'Herbert Diess': { names: ['Diess'] } });
    expect(q.map((x) => x[2])).toEqual(['Herbert Diess', 'Herbert Diess']);
  });

  it('Konjunktiv I carries the last speaker into a fragment ("Dafür müsse man „…“")', () => {
    const q = who(['"Nur gemeinsam geht es", meinte Diess. Dafür müsse man den Konzern "rechtzeitig zum Umsteuern bewegen".'], { 'Herbert Diess': { names: ['Diess'] } });
    expect(q[1]).toEqual(['direct', 'rechtzeitig zum Umsteuern bewegen', 'Herbert Diess', true]);
  });

  it('"aus Sicht von X" names the source', () => {
    expect(who(['Aus Sicht von Diess hat die Zentrale gute Chancen, "wieder zum Aushängeschild" zu werden.'], { 'Herbert Diess': { names: ['Diess'] } })[0][2]).toBe('Herbert Diess');
  });

  it('verbs of manner of speaking ("seufzt Catherine")', () => {
    expect(who(['«Ach, bitte nicht», seufzt Catherine.'], { Catherine: { names: ['Catherine'] } })[0][2]).toBe('Catherine');
  });

  it('a simile in quotation marks is no quotation ("setzt sich „zäh wie ein Dachs“ zur Wehr")', () => {
    const { blocks, mentions } = setup(['Greift man es an, setzt sich das Tier „zäh wie ein Dachs“ gegen Hunde zur Wehr.'], {});
    expect(findQuotes(blocks, 'de', mentions).map((x) => [x.text, x.nonSpeech ?? null])).toEqual([['zäh wie ein Dachs', 'scare']]);
  });

  it('a motto, proverb or rule named as such is nobody’s words ("nach dem Motto: „…“", "dem Grundsatz … „…“", "the old adage “…”")', () => {
    const de = setup([
      'Ministerin Jana Korte kritisierte die Länder. Sie handelten nach dem Motto: „Was kümmert uns der Bund?“',
      'Die Kommunen zahlen, ohne den Grundsatz zu beachten „Wer zahlt, schafft an“.',
    ], { 'Jana Korte': { names: ['Jana Korte'] } });
    expect(findQuotes(de.blocks, 'de', de.mentions).filter((x) => x.kind === 'direct').map((x) => [x.text, x.nonSpeech ?? null, x.speaker])).toEqual([
      ['Was kümmert uns der Bund?', 'scare', null],
      ['Wer zahlt, schafft an', 'scare', null],
    ]);
    const en = setup(['Mayor Tom Reilly disagreed, citing the old adage “measure twice, cut once.”'], { 'Tom Reilly': { names: ['Tom Reilly'] } });
    expect(findQuotes(en.blocks, 'en', en.mentions).map((x) => [x.nonSpeech ?? null, x.speaker])).toEqual([['scare', null]]);
  });

  it('words in quotation marks right after a noun for an event or a work are its title ("die Fachtagung „…“", "the documentary “…”"), a report’s are its words', () => {
    const de = setup(['Das Museum Lindau zeigt ab Mai die Sonderausstellung „Licht über dem Wasser“, sagte Direktorin Eva Brandt.', 'Der Bericht nennt die Lage „dramatisch“.'], { 'Eva Brandt': { names: ['Eva Brandt'] } });
    expect(findQuotes(de.blocks, 'de', de.mentions).map((x) => [x.text, x.nonSpeech ?? null])).toEqual([['Licht über dem Wasser', 'title'], ['dramatisch', null]]);
    const hit = setup(['Seit ihrem Sommer-Hit „Wind über dem Wasser“ kennt man Mara Lenz.'], { 'Mara Lenz': { names: ['Mara Lenz'] } });
    expect(findQuotes(hit.blocks, 'de', hit.mentions).map((x) => x.nonSpeech ?? null)).toEqual(['title']);
    const en = setup(['Lena Park wrote and directed the documentary “Roads made of salt” in 2019.'], { 'Lena Park': { names: ['Lena Park'] } });
    expect(findQuotes(en.blocks, 'en', en.mentions).map((x) => [x.text, x.nonSpeech ?? null, x.speaker])).toEqual([['Roads made of salt', 'title', null]]);
  });

  it('words in quotation marks right after a verb of publishing are a work\'s title ("Zuletzt erschien von ihr „…“", "released “…”")', () => {
    const de = setup(['Eva Brandt lehrt in Basel. Zuletzt erschien von ihr „Warum wir gehen. Was bleibt.“'], { 'Eva Brandt': { names: ['Eva Brandt'] } });
    expect(findQuotes(de.blocks, 'de', de.mentions).map((x) => [x.text, x.nonSpeech ?? null])).toEqual([['Warum wir gehen. Was bleibt.', 'title']]);
    const en = setup(['Mara Lenz, who sings in Leeds, released “Stay with me tonight” in May.'], { 'Mara Lenz': { names: ['Mara Lenz'] } });
    expect(findQuotes(en.blocks, 'en', en.mentions).map((x) => x.nonSpeech ?? null)).toEqual(['title']);
  });

  it('reported speech whose speaker is a pronoun nobody was named for has no speaker ("They argued that …")', () => {
    const { blocks, mentions } = setup(['Markets were calm for years.', 'They argued that lower taxes would pay for themselves.'], {});
    const q = findQuotes(blocks, 'en', mentions).filter((x) => x.kind === 'indirect');
    expect(q.map((x) => [x.text.slice(0, 20), x.speaker])).toEqual([['that lower taxes wou', null]]);
  });

  it('a title cited in brackets is no quotation ("Anna Ritter (»Neue Welt« 12/2023) warnte …")', () => {
    const { blocks, mentions } = setup(['Anna Ritter (»Neue Welt« 12/2023) warnte vor einem neuen Krieg.'], { 'Anna Ritter': { names: ['Anna Ritter'] } });
    const q = findQuotes(blocks, 'de', mentions);
    expect(q.map((x) => [x.text, x.nonSpeech ?? null, x.speaker])).toEqual([['Neue Welt', 'title', null]]);
  });

  it('names of media and shows are titles, not quotations ("gegenüber »nd«", "vom Online-Portal «Nau»")', () => {
    const { blocks, mentions } = setup(['»Das treibt uns«, sagt Gutierrez gegenüber »nd«. Der Reporter vom Portal «Nau» ist erstaunt.'], { Gutierrez: { names: ['Gutierrez'] } });
    const q = findQuotes(blocks, 'de', mentions);
    expect(q.map((x) => [x.text, x.speaker, x.nonSpeech ?? null])).toEqual([
      ['Das treibt uns', 'Gutierrez', null],
      ['nd', null, 'title'],
      ['Nau', null, 'title'],
    ]);
  });

  it('topics, mottos and quotations fused into a compound are titles ("zum Thema „…“", „Rubygate“-Prozess)', () => {
    const { blocks, mentions } = setup(['Dieses Jahr fand der Hackathon zum Thema „Nachhaltige Entwicklung im öffentlichen Raum“ statt. Der „Rubygate“-Prozess begann.'], {});
    expect(findQuotes(blocks, 'de', mentions).map((q) => [q.text, q.speaker, q.nonSpeech])).toEqual([
      ['Nachhaltige Entwicklung im öffentlichen Raum', null, 'title'],
      ['Rubygate', null, 'title'],
    ]);
  });

  it('"fand … statt" is no speech verb, and "Ernster Nachsatz:" no speaker', () => {
    expect(who(['Ernster Nachsatz: "Ich muss noch mit meiner Frau reden."'], {})[0][2]).toBeNull();
  });

  it('a name inside a prepositional phrase is not the subject ("Die Kammer hatte auf Drängen Berlusconis argumentiert")', () => {
    const q = who(['Die Kammer hatte auf Drängen Berlusconis argumentiert, den Fall müsse ein Ministergericht klären.'], { 'Silvio Berlusconi': { names: ['Berlusconis'] } });
    expect(q).toEqual([['indirect', 'den Fall müsse ein Ministergericht klären', 'Die Kammer', false]]);
  });

  it('groups of officials speak ("die Mailänder Staatsanwälte hatten das „lächerlich“ genannt")', () => {
    expect(who(['Das Argument hatten die Mailänder Staatsanwälte „lächerlich“ genannt.'], {})[0].slice(1, 3)).toEqual(['lächerlich', 'Mailänder Staatsanwälte']);
  });

  it('"bestätigte ihre gute Form" reports nothing; "befand sich" is no speech verb', () => {
    expect(who(['Anne Weigold bestätigte ihre gute Form mit zwei Topzeiten.'], { 'Anne Weigold': { names: ['Anne Weigold'] } })).toEqual([]);
    expect(who(['Hier befand sich das „Eingangstor“ zu den Werkstätten.'], {})[0][2]).toBeNull();
  });
});

describe('program text', () => {
  it('quotation marks in a <pre> block quote nobody ("use strict")', () => {
    const blocks: Block[] = [{ text: '"use strict"; var s = "hello";', kind: 'code' }, { text: 'Er sagte: "Hallo."', kind: 'paragraph' }];
    expect(findQuotes(blocks, 'de', []).map((q) => q.text)).toEqual(['Hallo.']);
  });
});

describe('English news (error classes from PolNeAR dev)', () => {
  it('a speech-verb form after an article is a noun ("one of the states suing the EPA, said")', () => {
    const q = who(['“It’s an invasion of the state regulatory domain,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said at an event.'], { 'Scott Pruitt': { names: ['Scott Pruitt'] }, Oklahoma: { names: ['Oklahoma'], type: 'place' }, EPA: { names: ['EPA'], type: 'organization' } }, 'en');
    expect(q[0][2]).toBe('Scott Pruitt');
  });

  it('"said one Democratic source" names a speaker without a name', () => {
    expect(who(['“Republicans are in a frenzy,” said one Democratic source on the panel.'], {}, 'en')[0][2]).toBe('one Democratic source');
  });

  it('a fragment is governed by the verb before it, not by a later one ("she called X “outrageous” and called for …")', () => {
    const q = who(['Hillary Clinton spoke. She called the bank’s behavior “outrageous” and called for pay to be “clawed back” for executives, and Warren agreed.'], { 'Hillary Clinton': { names: ['Hillary Clinton'], gender: 'f' }, 'Elizabeth Warren': { names: ['Warren'], gender: 'f' } }, 'en');
    expect(q.map((x) => [x[1], x[2]])).toEqual([
      ['outrageous', 'Hillary Clinton'],
      ['clawed back', 'Hillary Clinton'],
    ]);
  });
});

describe('English evaluative verbs', () => {
  it('"blasted … for being “…”", "likened … to “…”" and "is calling … “…”" attribute their fragments', () => {
    const people = { 'Donald Trump': { names: ['Donald Trump', 'Trump'], gender: 'm' as const }, 'Laurence Tribe': { names: ['Laurence Tribe'], gender: 'm' as const } };
    expect(who(['Donald Trump spoke in an interview. Then he blasted the American media for being “unbelievably dishonest.”', 'Last week Laurence Tribe likened the rules to “burning the Constitution” in a brief.', 'Now Trump is calling the plan “extremely weak.”'], people, 'en').map((q) => q[2])).toEqual(['Donald Trump', 'Laurence Tribe', 'Donald Trump']);
  });
});

describe('English attribution orders (PolNeAR dev)', () => {
  it('a verb right after an embedded quotation inverts ("This is “…,” reported Reuters")', () => {
    expect(who(['This is “roughly the same advantage she has held all month,” reported Reuters.'], { Reuters: { names: ['Reuters'], type: 'organization' } }, 'en')[0][2]).toBe('Reuters');
  });

  it('"according to" before a role and a name ("According to talk radio host Rush Limbaugh, the move reeks of “fear”")', () => {
    expect(who(['According to conservative talk radio host Rush Limbaugh, the move reeks of “fear” and desperation.'], { 'Rush Limbaugh': { names: ['Rush Limbaugh'] } }, 'en')[0][2]).toBe('Rush Limbaugh');
  });

  it('a pronoun with nobody named before it takes the unnamed speaker before, else stands for the speaker', () => {
    expect(who(['"We live in Satan\'s kingdom," my father often said. He also told his protegés that "terrorism is the answer."'], {}, 'en').map((q) => q[2])).toEqual(['my father', 'my father']);
    expect(who(['Two officers kneel over him. "He better live," she said.'], {}, 'en')[0][2]).toBe('she');
  });
});

describe('titles with a full stop inside the marks', () => {
  it('"appeared on “State of the Union.”" names a show; “Terrifying.” and a quoted sentence stay speech', () => {
    const people = { 'Mike Pence': { names: ['Mike Pence', 'Pence'], gender: 'm' as const } };
    const q = who(['Mike Pence said on CNN’s “State of the Union.”', 'Mike Pence said the plan was “Terrifying.”', 'Mike Pence said: “We Will Win.”'], people, 'en');
    expect(q.map((x) => x[2])).toEqual([null, 'Mike Pence', 'Mike Pence']);
  });
});

describe('nicknames', () => {
  it('a quoted nickname inside a name is a name, not a quotation (Robert C. "Bobby" Scott, Marcia „Cia“ Price)', () => {
    const q = findQuotes([{ text: 'Rep. Robert C. "Bobby" Scott threw open his yard. Del. Marcia „Cia“ Price spoke.', kind: 'paragraph' }], 'en', []);
    expect(q.map((x) => [x.text, x.nonSpeech])).toEqual([
      ['Bobby', 'title'],
      ['Cia', 'title'],
    ]);
  });
});

describe('fragments without a speech verb', () => {
  it('belong to the subject after an opening adverbial ("In recent weeks, Reid has gone after Trump as a “…”")', () => {
    const people = { 'Harry Reid': { names: ['Harry Reid', 'Reid'], gender: 'm' as const }, 'Donald Trump': { names: ['Trump'], gender: 'm' as const } };
    expect(who(['In recent weeks, Reid has gone after Trump as a “human leech who will bleed the country.”'], people, 'en')[0][2]).toBe('Harry Reid');
  });
});

describe('encyclopaedic text (wikipedia-2)', () => {
  it('a footnote mark after a full stop ends the sentence, so a speech verb before it speaks for nobody after it', () => {
    expect(frames('Many speakers are unable to tell the accents apart.[272] The short "i" has moved.', [])).toEqual([[0, 51], [51, 81]]);
  });

  it('letters, glosses and places quote nobody', () => {
    const q = findQuotes([{ text: 'The short-"e" sound (as in "dress") has moved. Aotearoa (often translated as "land of the long white cloud") is the Māori name. New Zealand English has the "a" of "comma".', kind: 'paragraph' }], 'en', []);
    expect(q.filter((x) => x.speaker).map((x) => x.text)).toEqual([]);
    expect(q.find((x) => x.text === 'land of the long white cloud')?.nonSpeech).toBe('title');
    expect(q.find((x) => x.text === 'a')?.nonSpeech).toBe('scare');
  });

  it('a place at the start of a sentence without a speech verb is no speaker', () => {
    expect(who(['New Zealand English has the "a" of "comma" and "about".'], { 'New Zealand': { names: ['New Zealand'], type: 'place' } }, 'en').map((x) => x[2])).toEqual([null, null, null]);
  });
});

describe('noun-phrase speakers', () => {
  it('never contain a verb or a subordinate clause ("“…,” is one common refrain", "… were")', () => {
    const q = who(['They simply suck out its resources. "In 2030, we\'ll all wake up and find ourselves speaking Chinese," is one common saying here.', 'When those voting “yes” were declared the majority, an uproar began.'], {}, 'en');
    expect(q.map((x) => x[2])).toEqual([null, null]);
  });
});

describe('clauses that hide the subject', () => {
  it('"X, who called …" speaks for X; "X noted …, and added: “…”" and "…, but told …" speak for the first subject', () => {
    const people = { 'Mike Pence': { names: ['Mike Pence', 'Pence'], gender: 'm' as const }, 'Ben Carson': { names: ['Ben Carson', 'Carson'], gender: 'm' as const } };
    const q = who([
      'Sympathy came from Indiana Gov. Mike Pence, who called their son "an American hero."',
      'Ben Carson noted that he taught medicine, and added: “I know a little about this.”',
      'Carson did not mention his opponents by name, but told his supporters, “our nation is in horrible trouble.”',
      '“Denver,” he answered.',
    ], people, 'en');
    expect(q.map((x) => x[2])).toEqual(['Mike Pence', 'Ben Carson', 'Ben Carson', 'Ben Carson']);
  });
});

describe('blame', () => {
  it('"Then Trump blamed … on “sickos”" quotes Trump', () => {
    const q = who(['Then Trump blamed the problem of mass shootings on "sickos" and moved on.'], { 'Donald Trump': { names: ['Trump'], gender: 'm' } }, 'en');
    expect(q.map((x) => x[2])).toEqual(['Donald Trump']);
  });
});

describe('German guards for the English rules', () => {
  it('an unresolved "sie"/"Sie" speaks for nobody, and "zu dem Vorwurf, der Bundesrat werde …" has no opening adverbial', () => {
    expect(who(['Die Leute kamen aus vielen Ländern. „Wissen wir nicht“, sagten sie.'], {}, 'de')[0][2]).toBeNull();
    expect(who(['In diesem Zusammenhang einige Worte zu dem Vorwurf, der Bundesrat werde zur „Blockade“ genutzt.'], { Bundesrat: { names: ['Bundesrat'], type: 'organization' } }, 'de')[0][2]).toBeNull();
  });

  it('"laut dem Pantone Color Institute, „…“" and "aus Sicht von Professor X vom Institut: „…“"', () => {
    const q = who(['Die Farbe hat laut dem Pantone Color Institute „die Fähigkeit, uns zu stärken.“', 'Das lag an der Leitung, die aus Sicht von Professor Reimund Schwarze vom Helmholtz-Zentrum zu wünschen übrig ließ: „So eine schwache Präsidentschaft habe ich noch nie erlebt.“'], { 'Pantone Color Institute': { names: ['Pantone Color Institute'], type: 'organization' }, 'Reimund Schwarze': { names: ['Reimund Schwarze'] } }, 'de');
    expect(q.map((x) => x[2])).toEqual(['Pantone Color Institute', 'Reimund Schwarze']);
  });
});

describe('English trafilatura pages', () => {
  it('a passive participle, a plural noun after a quoted word and a decimal number attribute nothing wrong', () => {
    expect(who(['The tech the district wants is benignly branded "intelligent video analytics."'], {}, 'en')[0][2]).toBeNull();
    expect(who(['The Republican Party lost. Instead, they are problems in which we can know “right” answers and figure out what works.'], { 'Republican Party': { names: ['Republican Party'], type: 'organization' } }, 'en')[0][2]).toBeNull();
    expect(frames('The White House touted estimates that 2.2 million Americans could die. Then it stopped.', [])).toEqual([[0, 70], [71, 87]]);
  });
});

describe('statements introduced by a comma', () => {
  it('"Trump issued a statement, “…”" and "According to the newspaper, “…”"', () => {
    const q = who(['Immediately after the attacks, Trump issued a statement, “Last night, our nation was attacked.”', 'According to the newspaper, “America’s porous gun laws empower dealers.”'], { 'Donald Trump': { names: ['Trump'], gender: 'm' } }, 'en');
    expect(q.map((x) => x[2])).toEqual(['Donald Trump', 'the newspaper']);
  });
});

describe('shows and labels', () => {
  it('the “Avatar” star, NBC’s “Today” and "Related:" are titles, not quotations', () => {
    const people = { 'Donald Trump': { names: ['Trump'], gender: 'm' as const }, 'Zoe Saldana': { names: ['Zoe Saldana'], gender: 'f' as const } };
    const texts = ['Trump told NBC’s “Today” on Monday that he was sitting in a house.', 'After the news went viral, the “Avatar” star Zoe Saldana posted a message.', '"Related:" GOP candidates reject the idea.', 'Zoe Saldana’s “13th” documents how black life has been impacted.'];
    const { blocks, mentions } = setup(texts, people);
    const q = findQuotes(blocks, 'en', mentions);
    expect(q.filter((x) => x.kind === 'direct').map((x) => [x.text, x.speaker, x.nonSpeech])).toEqual([
      ['Today', null, 'title'],
      ['Avatar', null, 'title'],
      ['Related:', null, 'title'],
      ['13th', null, 'title'],
    ]);
  });
});

describe('headings', () => {
  it('a paragraph that is only a quotation in title case does not continue the quotation before it', () => {
    const q = who(['"I am skeptical he can pull it off," Patrick McGinley said.', "'Legend in the Coal Fields.'", 'Bankruptcy is like a chess game.'], { 'Patrick McGinley': { names: ['Patrick McGinley'], gender: 'm' } }, 'en');
    expect(q.map((x) => [x[1], x[2]])).toEqual([
      ['I am skeptical he can pull it off,', 'Patrick McGinley'],
      ['Legend in the Coal Fields.', null],
    ]);
  });
});

describe('subordinate openings', () => {
  it('"As one employee told the Weekly, “…”" and "Cruz said … that states can pass such laws because “…”"', () => {
    const q = who(['As one employee told the Weekly, "She wants to put fear in our hearts."', 'Cruz said on Thursday that states can pass such laws because “men should not be going there.”'], { 'Ted Cruz': { names: ['Cruz'], gender: 'm' } }, 'en');
    expect(q.map((x) => x[2])).toEqual(['one employee', 'Ted Cruz']);
  });
});

describe('relative clauses and opening participles', () => {
  it('"McConnell, now the majority leader, who in 2010 said …" and "After saying her foot was “…,” she …"', () => {
    const people = { 'Mitch McConnell': { names: ['McConnell'], gender: 'm' as const }, 'Hillary Clinton': { names: ['Clinton'], gender: 'f' as const } };
    const q = who(['Obama has had a frosty relationship with McConnell, now the majority leader, who in 2010 said the goal was to make Obama a "one-term president."', 'Clinton noted the clot. After saying her right foot was “so swollen I could barely get my shoe on,” she went to hospital.'], people, 'en');
    expect(q.map((x) => x[2])).toEqual(['Mitch McConnell', 'Hillary Clinton']);
  });
});

describe('continued paragraphs with their own speaker', () => {
  it('a re-opened paragraph that closes with "added X" is X’s quotation, not a continuation', () => {
    const people = { 'Gwen Moore': { names: ['Gwen Moore', 'Moore'], gender: 'f' as const }, 'Jim Clyburn': { names: ['Jim Clyburn', 'Clyburn'], gender: 'm' as const } };
    const q = who(['“It’s a dog whistle,” Rep. Gwen Moore said Friday. “If indeed Barack Obama is not legitimate, how can you feel good about yourself.', '“I have been doing a lot of thinking recently,” added Rep. Jim Clyburn, the assistant leader of the caucus.'], people, 'en');
    expect(q.map((x) => [x[1], x[2]])).toEqual([
      ['It’s a dog whistle,', 'Gwen Moore'],
      ['If indeed Barack Obama is not legitimate, how can you feel good about yourself.', 'Gwen Moore'],
      ['I have been doing a lot of thinking recently,', 'Jim Clyburn'],
    ]);
  });

  it('a continuation closed by the same speaker stays his, a paragraph each', () => {
    const q = who(['„Wir reden weiter“, sagte Juri Uschakow. „Es gibt noch viel zu tun.', '„Aber wir sind auf einem guten Weg“, fügte Uschakow hinzu.'], { 'Juri Uschakow': { names: ['Juri Uschakow', 'Uschakow'] } });
    expect(q.map((x) => [x[1], x[2]])).toEqual([
      ['Wir reden weiter', 'Juri Uschakow'],
      ['Es gibt noch viel zu tun.', 'Juri Uschakow'],
      ['Aber wir sind auf einem guten Weg', 'Juri Uschakow'],
    ]);
  });
});

describe('names around the verb', () => {
  it('"as The New Yorker put it, “…”" and a speaker whose name holds a nickname (Marcia "Cia" Price … shouted)', () => {
    const q = who(['He was seen, as The New Yorker put it in a lengthy expose, “the operator.”', '"This is a big year for Bobby Scott!" Scott\'s niece, state Del. Marcia "Cia" Price, shouted to the crowd.'], {}, 'en');
    expect(q.filter((x) => x[1] !== 'Cia').map((x) => x[2])).toEqual(['The New Yorker', 'Del. Marcia "Cia" Price']);
  });
});
