import { describe, expect, it } from 'vitest';
import { recognize, recognizeWithTitle, type Tagger } from './entities';
import { analyze } from './analyze';
import { nodeEngine } from './engine-node';
import { extractArticle } from './extract';
import { splitBlocks } from './tokenize';
import type { Block } from './types';

/** A stand-in tagger that knows a few names: the tests check the layer above the model. */
function fakeTagger(names: Record<string, string>): Tagger {
  return (sentences) =>
    sentences.map((toks) => {
      const out = toks.map(() => 'O');
      for (let i = 0; i < toks.length; i++) {
        // inside a name already found, no other starts ("Landeskreditbank" in "Allgemeine Landeskreditbank")
        if (out[i] !== 'O') continue;
        for (const [name, type] of Object.entries(names)) {
          const parts = name.split(' ');
          if (parts.every((p, k) => toks[i + k] === p)) parts.forEach((_, k) => (out[i + k] = (k ? 'I-' : 'B-') + type));
        }
      }
      return out;
    });
}

function run(texts: string[], names: Record<string, string>, lang = 'de') {
  const blocks: Block[] = texts.map((text) => ({ text, kind: 'paragraph' }));
  return recognize(blocks, splitBlocks(blocks, lang), lang, fakeTagger(names)).entities;
}

describe('entities', () => {
  it('merges full name, surname and genitive, and finds names the tagger missed elsewhere', () => {
    const [putin] = run(['Der russische Präsident Wladimir Putin kam.', 'Putins Berater sprach, dann Putin.'], { 'Wladimir Putin': 'PER' });
    expect(putin).toMatchObject({ name: 'Wladimir Putin', type: 'person', mentions: 3 });
    expect(putin.forms).toEqual(['Wladimir Putin', 'Putin', 'Putins']);
  });

  it('English: a one-word name the article only writes after "the" is no person ("The Cellar in Leeds say they …")', () => {
    const es = run(['The Cellar in Leeds say they will close on Friday.', 'Anna Reid, the owner, was sad.'], { Cellar: 'PER', Leeds: 'LOC', 'Anna Reid': 'PER' }, 'en');
    expect(es.find((e) => e.name === 'Cellar')?.type).toBe('organization');
    expect(es.find((e) => e.name === 'Anna Reid')?.type).toBe('person');
  });

  it('counts a name inside a compound for the card without making it an entity', () => {
    const [trump] = run(['Donald Trump kam.', 'Die Trump-Regierung schwieg.'], { 'Donald Trump': 'PER' });
    expect(trump.forms).toEqual(['Donald Trump']);
    expect(trump.occurrences.filter((o) => o.partOfWord).map((o) => o.text)).toEqual(['Trump']);
  });

  it('a name seen only inside compounds is no entity, unless the gazetteer knows it ("Telegram-Beitrag")', () => {
    const blocks: Block[] = [{ text: 'Der KSV-Sportchef las einen Telegram-Beitrag.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => ss.map((toks) => toks.map((t) => (t === 'KSV-Sportchef' ? 'B-ORGpart' : 'O')));
    expect(recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities.map((e) => e.name)).toEqual(['Telegram']);
  });

  it('never merges two people who share a surname; a bare surname goes to the one named first (the story’s), not a relative named after', () => {
    const es = run(['Hillary Clinton sprach.', 'Bill Clinton schwieg.', 'Dann lachte Clinton.'], { 'Hillary Clinton': 'PER', 'Bill Clinton': 'PER' });
    expect(es.map((e) => [e.name, e.mentions])).toEqual([['Hillary Clinton', 2], ['Bill Clinton', 1]]);
    const en = run(['Senator Ruth Okafor will retire.', 'Her website was registered by a Daniel Okafor, her cousin.', 'Hours later Okafor announced her decision.'], { 'Ruth Okafor': 'PER', 'Daniel Okafor': 'PER' }, 'en');
    expect(en.map((e) => [e.name, e.mentions])).toEqual([['Ruth Okafor', 2], ['Daniel Okafor', 1]]);
    // a first name two people share is no third person either
    const first = run(['Senator Ruth Okafor will retire.', 'Ruth Baines wants the seat.', '“Ruth was always fair,” a colleague said.'], { 'Ruth Okafor': 'PER', 'Ruth Baines': 'PER', Ruth: 'PER' }, 'en');
    expect(first.map((e) => [e.name, e.mentions])).toEqual([['Ruth Okafor', 2], ['Ruth Baines', 1]]);
  });

  it('never runs a name across a line break of the page ("Anne Roe<br>Marie Lund, author")', () => {
    const a = analyze(extractArticle(`<!DOCTYPE html><html lang="en"><head><title>An open letter</title></head><body><article><h1>An open letter</h1>
      <p>We, the undersigned, ask the council to keep the public library of Lindenau open on Sundays, as it has been for forty years, and to fund its reading room.</p>
      <p>Elliot Brandt<br>\nSaladin Okoro, Rutgers University<br>\nMartin Hale<br>\nAnne Roe<br>\nMarie Lund, author<br>\nMargaret Wood</p>
      <p>The letter was handed to the mayor on Monday, who promised an answer before the end of the month and thanked the signatories for their work.</p></article></body></html>`), nodeEngine);
    const people = a.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['Anne Roe', 'Marie Lund', 'Margaret Wood']));
    expect(people.filter((n) => n.split(' ').length > 3 || /Roe Marie|Hale Anne/.test(n))).toEqual([]);
  });

  it('reads no name in another script inside a German or English text (a Greek greeting)', () => {
    const blocks: Block[] = [{ text: 'Der Brief beginnt mit Αγαπητέ Βολφγκανγκ und endet mit Grüßen aus Berlin.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => ss.map((toks) => toks.map((t) => (t === 'Αγαπητέ' ? 'B-PER' : t === 'Βολφγκανγκ' ? 'I-PER' : t === 'Berlin' ? 'B-LOC' : 'O')));
    expect(recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities.map((e) => e.name)).toEqual(['Berlin']);
  });

  it('reads the title before the text when the page does not show it: its full name is the text’s surname, but no mention', () => {
    const blocks: Block[] = ['Wary colleagues said Okafor had planned it for months.', 'A Daniel Okafor registered the website.', 'Okafor declined to comment.'].map((text) => ({ text, kind: 'paragraph' }));
    const tag = fakeTagger({ 'Ruth Okafor': 'PER', 'Daniel Okafor': 'PER' });
    const es = recognizeWithTitle(blocks, splitBlocks(blocks, 'en'), 'en', tag, 'Ruth Okafor accused of timing her retirement').entities;
    expect(es.map((e) => [e.name, e.mentions, e.occurrences.map((o) => o.block)])).toEqual([['Ruth Okafor', 2, [0, 2]], ['Daniel Okafor', 1, [1]]]);
    // a name only the title gives is no entity of the article; a title the text shows is read once
    expect(recognizeWithTitle(blocks, splitBlocks(blocks, 'en'), 'en', tag, 'Ruth Okafor and Mia Lund').entities.map((e) => e.name)).toEqual(['Ruth Okafor', 'Daniel Okafor']);
    expect(recognizeWithTitle(blocks, splitBlocks(blocks, 'en'), 'en', tag, 'Okafor declined to comment.').entities).toEqual(run(blocks.map((b) => b.text), { 'Ruth Okafor': 'PER', 'Daniel Okafor': 'PER' }, 'en'));
  });

  it('gives places in their base form and merges inflected forms', () => {
    const es = run(['Die Schiffe im Schwarzen Meer fuhren.', 'Das Weiße Haus schwieg, ein Sprecher des Weißen Hauses nicht.'], { 'Weiße Haus': 'ORG', 'Weißen Hauses': 'ORG' });
    expect(es.map((e) => [e.name, e.type, e.forms])).toEqual([
      ['Schwarzes Meer', 'place', ['Schwarzen Meer']],
      ['Weißes Haus', 'organization', ['Weiße Haus', 'Weißen Hauses']],
    ]);
  });

  it('puts only real adjectives into the base form ("der Evangelischen Akademie"), not nouns or place words in club names', () => {
    const es = run(['Ein Gast der Evangelischen Akademie sah den Sieg der Kadetten Schaffhausen über den Dresdner SC und Hannover 96.'], {
      'Evangelischen Akademie': 'ORG',
      'Kadetten Schaffhausen': 'ORG',
      'Dresdner SC': 'ORG',
      'Hannover 96': 'ORG',
    });
    expect(es.map((e) => e.name)).toEqual(['Evangelische Akademie', 'Kadetten Schaffhausen', 'Dresdner SC', 'Hannover 96']);
  });

  it('merges a country’s aliases ("USA" and "Vereinigte Staaten")', () => {
    const es = run(['Die Vereinigten Staaten kamen.', 'Die USA gingen.'], { 'Vereinigten Staaten': 'LOC', USA: 'LOC' });
    expect(es.map((e) => [e.name, e.forms])).toEqual([['Vereinigte Staaten', ['Vereinigten Staaten', 'USA']]]);
  });

  it.each([
    ['Eine Delegation traf den russischen Präsidenten Wladimir Putin.', 'Wladimir Putin', 'russischer Präsident'],
    ['Es sprach Juri Uschakow, Putins oberster außenpolitischer Berater, gegenüber Journalisten.', 'Juri Uschakow', 'Putins oberster außenpolitischer Berater'],
    ['Das sagte die Pressesprecherin des Weißen Hauses, Karoline Leavitt, am Montag.', 'Karoline Leavitt', 'Pressesprecherin des Weißen Hauses'],
    ['Er schloss sich dem Sonderbeauftragten des Präsidenten, Steve Witkoff, an.', 'Steve Witkoff', 'Sonderbeauftragter des Präsidenten'],
    ['Es kam auch Donald Trumps Schwiegersohn Jared Kushner.', 'Jared Kushner', 'Schwiegersohn von Donald Trump'],
    ['Dann sagte der kremlfreundliche politische Kommentator Sergei Markov etwas.', 'Sergei Markov', 'kremlfreundlicher politischer Kommentator'],
  ])('role from "%s"', (text, name, role) => {
    const es = run([text], { [name]: 'PER', 'Donald Trumps': 'PER', Putins: 'PER', 'Weißen Hauses': 'ORG' });
    expect(es.find((e) => e.name === name)?.role).toBe(role);
  });

  it.each([
    ['Kremlin spokesman Dmitry Peskov said nothing.', 'Dmitry Peskov', 'Kremlin spokesman'],
    ['Karoline Leavitt, the White House press secretary, said so.', 'Karoline Leavitt', 'the White House press secretary'],
  ])('English role from "%s"', (text, name, role) => {
    expect(run([text], { [name]: 'PER' }, 'en').find((e) => e.name === name)?.role).toBe(role);
  });

  it.each([
    ['Nach dem Spiel lobte Cheftrainerin Maria Huber ihr Team.', 'Maria Huber', 'Cheftrainerin', 'f'],
    ['Das bestätigte Klaus Brandt, Präsident des Fußballvereins, am Montag.', 'Klaus Brandt', 'Präsident des Fußballvereins', 'm'],
    ['Jonas Weber ist ein erfahrener Architekt aus Hamburg.', 'Jonas Weber', 'erfahrener Architekt aus Hamburg', 'm'],
    ['Der Rekord des Norwegers Lars Dahl hielt lange.', 'Lars Dahl', 'Norweger', 'm'],
    ['Sie kam mit ihrem Anwalt Thomas Kern zum Termin.', 'Thomas Kern', 'Anwalt', 'm'],
    ['Das sagte Bremens Sportdirektor Frank Baum am Abend.', 'Frank Baum', 'Bremens Sportdirektor', 'm'],
    ['Es warnte Petra Lang, Sprecherin der Stadtwerke, vor Engpässen.', 'Petra Lang', 'Sprecherin der Stadtwerke', 'f'],
    ['Es trainieren Jens Ober (Torhüter) und die anderen.', 'Jens Ober', 'Torhüter', 'm'],
    ['Dabei wirkte Maria Stein als Tempomacherin mit.', 'Maria Stein', 'Tempomacherin', 'f'],
    ['Das sagte Professor Karl Brandt vom Fraunhofer-Institut für Lasertechnik gestern.', 'Karl Brandt', 'Professor vom Fraunhofer-Institut für Lasertechnik', 'm'],
    ['Er traf den politisch erfahrenen Berater Ole Sand.', 'Ole Sand', 'politisch erfahrener Berater', 'm'],
    ['Lea Brück ist Dozentin an der Universität Jena und lehrt Physik.', 'Lea Brück', 'Dozentin an der Universität Jena', 'f'],
    ['Es gewann Tom Reiter (SV Kiel; 3:40 min) vor seinem Trainingspartner Jan Ulm.', 'Jan Ulm', 'Trainingspartner von Tom Reiter', 'm'],
    ['Es siegte Ada Obi (2:01 min), ihre Landsfrau Ngozi Eze wurde Zweite.', 'Ngozi Eze', 'Landsfrau von Ada Obi', 'f'],
    ['Sie arbeitete mit bekannten Regisseuren wie Pia Holm zusammen.', 'Pia Holm', 'bekannter Regisseur', null],
    ['Das Gespräch führte Lina Kaya vom Büro der Heinrich-Stiftung Kairo.', 'Lina Kaya', 'vom Büro der Heinrich-Stiftung Kairo', null],
  ])('German role headed by a person noun: "%s"', (text, name, role, gender) => {
    const e = run([text], { [name]: 'PER', Bremens: 'LOC', Hamburg: 'LOC', 'Fraunhofer-Institut': 'ORG', 'Universität Jena': 'ORG', 'Tom Reiter': 'PER', 'Ada Obi': 'PER', 'SV Kiel': 'ORG', 'Heinrich-Stiftung Kairo': 'ORG' }).find((x) => x.name === name);
    expect([e?.role, e?.gender]).toEqual([role, gender]);
  });

  it.each([
    ['Mit Peter Schulz sprach danach niemand mehr.', 'Peter Schulz'],
    ['Der Fall Anna Winter beschäftigt das Gericht.', 'Anna Winter'],
    ['Sie sagte es Frau Dr. Petra Lang ins Gesicht.', 'Petra Lang'],
    ['Später antwortete Sie Hannes Brandt nicht.', 'Hannes Brandt'],
  ])('no role from a function word, a thing or a bare title: "%s"', (text, name) => {
    expect(run([text], { [name]: 'PER' }).find((e) => e.name === name)?.role).toBeNull();
  });

  it('a form of address gives the gender, not a role ("Mrs Alice Grant")', () => {
    const [e] = run(['Mrs Alice Grant thanked the nurses.'], { 'Alice Grant': 'PER' }, 'en');
    expect([e.role, e.gender]).toEqual([null, 'f']);
  });

  it.each([
    ['Acting Police Chief for the City of Springfield Mary Jones said so.', 'Mary Jones', 'Acting Police Chief for the City of Springfield'],
    ['The county fire commissioner Tom Reed spoke first.', 'Tom Reed', 'county fire commissioner'],
    ["Smith's attorney, Laura Chen, declined to comment.", 'Laura Chen', "Smith's attorney"],
    ['Dr Peter Hall, a senior lecturer in history at the university, said it was unusual.', 'Peter Hall', 'a senior lecturer in history at the university'],
    ['The owner of the bakery, Rosa Diaz, was not there.', 'Rosa Diaz', 'The owner of the bakery'],
    ['Defendants Mark Oyelaran, 40, of Dover, and two others appeared.', 'Mark Oyelaran', 'Defendant'],
    ['Last night Premier Anna Holt spoke.', 'Anna Holt', 'Premier'],
    ['So noted Ohio-based product safety lawyer Ben Cole in a letter.', 'Ben Cole', 'Ohio-based product safety lawyer'],
    ['They could have tried to save Rep. Ann Fox from defeat.', 'Ann Fox', 'Rep.'],
    ['He quit to make way for his daughter, Lena Fox, in June.', 'Lena Fox', 'his daughter'],
    ['She told "Good Day Ohio" host Kim Lane about it.', 'Kim Lane', '"Good Day Ohio" host'],
  ])('English role in the article\'s words: "%s"', (text, name, role) => {
    expect(run([text], { [name]: 'PER', Smith: 'PER', Springfield: 'LOC' }, 'en').find((e) => e.name === name)?.role).toBe(role);
  });

  it('a common noun alone is no person ("Pyjama", "Fax"), a surname that is also a noun still is ("Fischer")', () => {
    const es = run(['Sie trug einen Pyjama und schickte ein Fax.', 'Fischer sagte nichts.'], { Pyjama: 'PER', Fax: 'PER', Fischer: 'PER' });
    expect(es.map((e) => e.name)).toEqual(['Fischer']);
    const en = run(['Then Hope came to town.', 'There was no hope left.'], { Hope: 'PER' }, 'en');
    expect(en).toEqual([]);
  });

  it('English: a word the article also writes in lower case is no place or organisation, a disease no place', () => {
    const es = run(['The county moves to Level 4 and Covid-19 spreads.', 'At level 4 pubs close.', 'Kerry waits.'], { Level: 'ORG', 'Covid-19': 'LOC', Kerry: 'LOC' }, 'en');
    expect(es.map((e) => e.name)).toEqual(['Kerry']);
  });

  it('a product, model or work is no entity ("des Hubschraubers Falke", "the movie Sunfall")', () => {
    expect(run(['Die Piloten des Kampfhubschraubers Falke landeten.'], { Falke: 'PER' })).toEqual([]);
    expect(run(['They watched the movie Sunfall twice.'], { Sunfall: 'LOC' }, 'en')).toEqual([]);
  });

  it('one name tagged a person once and a place twice is one place', () => {
    const blocks: Block[] = ['Drinks at Quiet Corner.', 'Quiet Corner opens late.', 'Quiet Corner is full.'].map((text) => ({ text, kind: 'paragraph' }));
    const tag: Tagger = (ss) => ss.map((toks, k) => toks.map((t) => (t === 'Quiet' ? (k === 0 ? 'B-PER' : 'B-LOC') : t === 'Corner' ? (k === 0 ? 'I-PER' : 'I-LOC') : 'O')));
    expect(recognize(blocks, splitBlocks(blocks, 'en'), 'en', tag).entities.map((e) => [e.name, e.type, e.mentions])).toEqual([['Quiet Corner', 'place', 3]]);
  });

  it('a demonym noun is not its country ("des Norwegers" is no Norwegen)', () => {
    expect(run(['Der Rekord des Norwegers hielt lange.'], {}).map((e) => e.name)).toEqual([]);
  });

  it.each([
    ['de', 'Das Robert Koch-Institut meldete neue Zahlen.', 'Robert Koch-Institut', 'organization'],
    ['de', 'Die Partei Libertas gewann drei Sitze.', 'Libertas', 'organization'],
    ['de', 'Die Flüchtlinge kamen auf die Insel Lampedusa.', 'Lampedusa', 'place'],
    ['de', 'Die Nordwind Logistik GmbH stellt ein.', 'Nordwind Logistik GmbH', 'organization'],
    ['en', 'The Autonomous Tenant Union called a strike.', 'Autonomous Tenant Union', 'organization'],
    ['en', 'Rents in Albany Park went up.', 'Albany Park', 'place'],
    ['en', 'The firm Zentrix denied it.', 'Zentrix', 'organization'],
    ['en', 'Grace Park won the race.', 'Grace Park', 'person'],
    ['en', 'The cafe on Albert Quay reopened.', 'Albert Quay', 'place'],
  ])('(%s) the name\'s own words or the noun before it tell its kind: "%s"', (lang, text, name, type) => {
    expect(run([text], { [name]: name === 'Nordwind Logistik GmbH' ? 'LOC' : 'PER' }, lang).find((e) => e.name === name)?.type).toBe(type);
  });

  it('a single word taken for a person is a place when the article uses it as one (the town of a club, "in X")', () => {
    const blocks: Block[] = [{ text: 'Der TSV Eichberg Holtenau gewann.', kind: 'paragraph' }, { text: 'Holtenau feiert.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => [['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O'], ['B-PER', 'O', 'O']].slice(0, ss.length);
    const de = recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities;
    expect(de.map((e) => [e.name, e.type])).toEqual([['TSV Eichberg Holtenau', 'organization'], ['Holtenau', 'place']]);
    const en = run(['She grew up in Marlow.', 'Marlow is quiet.'], { Marlow: 'PER' }, 'en');
    expect(en.map((e) => [e.name, e.type])).toEqual([['Marlow', 'place']]);
    // "nach Cook" is "according to Cook": no place
    expect(run(['Nach Cook ist das falsch.'], { Cook: 'PER' }).map((e) => e.type)).toEqual(['person']);
  });

  it('a title before a name is not part of it, so the short form joins the full name ("Dr Lowe", "Mayor Sam")', () => {
    const en = run(['Dr Helen Lowe spoke to Sam Okafor.', 'Dr Lowe said Mayor Sam agreed.'], { 'Helen Lowe': 'PER', 'Sam Okafor': 'PER', 'Dr Lowe': 'PER', 'Mayor Sam': 'PER' }, 'en');
    expect(en.map((e) => [e.name, e.forms])).toEqual([['Helen Lowe', ['Helen Lowe', 'Lowe']], ['Sam Okafor', ['Sam Okafor', 'Sam']]]);
    const de = run(['Papst Leonhard betete.'], { 'Papst Leonhard': 'PER' });
    expect(de.map((e) => [e.name, e.role])).toEqual([['Leonhard', 'Papst']]);
  });

  it('full names run across their particles and merge with their short forms ("van Gogh", "bin Salman", "von der Leyen")', () => {
    expect(run(['Vincent van Gogh malte.', 'Van Gogh starb früh.'], { 'Vincent van Gogh': 'PER', 'Van Gogh': 'PER' }).map((e) => [e.name, e.forms])).toEqual([
      ['Vincent van Gogh', ['Vincent van Gogh', 'Van Gogh']],
    ]);
    expect(run(['Prince Khalid bin Rashid spoke.'], { Khalid: 'PER', Rashid: 'LOC' }, 'en').map((e) => [e.name, e.type])).toEqual([['Khalid bin Rashid', 'person']]);
    expect(run(['Ulrike von der Heide kam.', 'Später sprach von der Heide.'], { 'Ulrike von der Heide': 'PER' })[0].forms).toEqual(['Ulrike von der Heide', 'von der Heide']);
    // "von" as a preposition does not join a person to an organisation
    expect(run(['Es sprach Jana Roth von Siemens.'], { 'Jana Roth': 'PER', Siemens: 'ORG' }).map((e) => e.name)).toEqual(['Jana Roth', 'Siemens']);
  });

  it('a name in surname-first order is found by its first word too ("Orbán Viktor" … "Orbán")', () => {
    expect(run(['Orbán Viktor sprach lange.', 'Später lachte Orbán.'], { 'Orbán Viktor': 'PER' })[0].forms).toEqual(['Orbán Viktor', 'Orbán']);
  });

  it('finds nothing (and does not throw) without a tagger', () => {
    const blocks: Block[] = [{ text: '東京で会議が開かれた。', kind: 'paragraph' }];
    expect(recognize(blocks, splitBlocks(blocks, 'ja'), 'ja', null).entities).toEqual([]);
  });

  it('a known first name pulls in the untagged surname ("Silvio/PER Berlusconis/O")', () => {
    const es = run(['Silvio Berlusconis Prozess begann.', 'Berlusconi schwieg.'], { Silvio: 'PER' });
    expect(es.map((e) => [e.name, e.forms])).toEqual([['Silvio Berlusconi', ['Silvio Berlusconis', 'Berlusconi']]]);
  });

  it('no role from a prepositional phrase ("auf Drängen Berlusconis"), neuter roles agree ("das frühere Partygirl Ruby")', () => {
    const es = run(['Auf Drängen Berlusconi kam es dazu.', 'Es sprach das frühere Partygirl Ruby.'], { Berlusconi: 'PER', Ruby: 'PER' });
    expect(es.map((e) => [e.name, e.role])).toEqual([['Berlusconi', null], ['Ruby', 'früheres Partygirl']]);
  });

  it('demonyms are not places but point to one ("russischen" → Russland, "Ukrainian" → Ukraine)', () => {
    const blocks: Block[] = [{ text: 'Russland und die russischen Truppen kamen.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => ss.map((toks) => toks.map((t) => (t === 'Russland' ? 'B-LOC' : t === 'russischen' ? 'B-LOCderiv' : 'O')));
    const es = recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities;
    expect(es.map((e) => [e.name, e.adjectives])).toEqual([['Russland', ['russischen']]]);
    const en: Block[] = [{ text: 'Ukraine said Ukrainian forces held.', kind: 'paragraph' }];
    const tagEn: Tagger = (ss) => ss.map((toks) => toks.map((t) => (t === 'Ukraine' ? 'B-LOC' : t === 'Ukrainian' ? 'B-MISC' : 'O')));
    expect(recognize(en, splitBlocks(en, 'en'), 'en', tagEn).entities.map((e) => [e.name, e.adjectives])).toEqual([['Ukraine', ['ukrainian']]]);
  });

  it('English possessives belong to the name ("Obama\'s")', () => {
    const es = run(["Barack Obama spoke.", "Obama's aide left."], { 'Barack Obama': 'PER' }, 'en');
    expect(es.map((e) => [e.name, e.forms, e.mentions])).toEqual([['Barack Obama', ['Barack Obama', 'Obama'], 2]]);
  });

  it('repairs spans the tagger ran together: a first name starts a new person, a genitive place ends a span', () => {
    const es = run(['Es kam Donald Trumps Schwiegersohn Jared Kushner nach Moskau.', 'Er ging durch das Zentrum Moskaus.'], { 'Donald Trumps Schwiegersohn Jared Kushner': 'PER', Moskau: 'LOC', 'Zentrum Moskaus': 'ORG' });
    expect(es.map((e) => [e.name, e.type, e.forms])).toEqual([
      ['Donald Trump', 'person', ['Donald Trumps']],
      ['Jared Kushner', 'person', ['Jared Kushner']],
      ['Moskau', 'place', ['Moskau', 'Moskaus']],
    ]);
  });

  it('a dash between two names parts them ("Union Kirchberg – Austria Salzburg")', () => {
    const es = run(['Am Samstag spielen Union Kirchberg – Austria Salzburg.'], { 'Union Kirchberg – Austria Salzburg': 'ORG' });
    expect(es.map((e) => [e.name, e.type])).toEqual([
      ['Union Kirchberg', 'organization'],
      ['Austria Salzburg', 'organization'],
    ]);
  });

  it('an abbreviation is the name it stands in brackets after, or whose initials it is ("BVDS", "RNLI")', () => {
    const de = run(['Der Bundesverband Deutscher Stiftungen (BVDS) tagte in Bonn.', 'Der BVDS will mehr Geld.'], { 'Bundesverband Deutscher Stiftungen': 'ORG', Bonn: 'LOC' });
    expect(de.map((e) => [e.name, e.type, e.forms])).toEqual([
      ['Bundesverband Deutscher Stiftungen', 'organization', ['Bundesverband Deutscher Stiftungen', 'BVDS']],
      ['Bonn', 'place', ['Bonn']],
    ]);
    const en = run(['The Royal National Lifeboat Institution sent a boat.', 'The RNLI said the crew was safe.'], { 'Royal National Lifeboat Institution': 'ORG', RNLI: 'PER' }, 'en');
    expect(en.map((e) => [e.name, e.type, e.mentions])).toEqual([['Royal National Lifeboat Institution', 'organization', 2]]);
  });

  it('a compound that ends in a legal form is a company ("Nordsee-Fähren-AG")', () => {
    const es = run(['Die Nordsee-Fähren-AG fährt wieder.'], { 'Nordsee-Fähren-AG': 'LOC' });
    expect(es.map((e) => [e.name, e.type])).toEqual([['Nordsee-Fähren-AG', 'organization']]);
  });

  it('a short form of an organisation is that organisation ("Harbour Ferry" … "Harbour Ferry Company"), "the House" is not its committee', () => {
    const en = run(['The Harbour Ferry Company cut its fares.', 'Harbour Ferry said the House and the House Budget Committee would hear it.'], {
      'Harbour Ferry Company': 'ORG',
      'Harbour Ferry': 'ORG',
      House: 'ORG',
      'House Budget Committee': 'ORG',
    }, 'en');
    expect(en.map((e) => [e.name, e.forms])).toEqual([
      ['Harbour Ferry Company', ['Harbour Ferry Company', 'Harbour Ferry']],
      ['House', ['House']],
      ['House Budget Committee', ['House Budget Committee']],
    ]);
    const de = run(['Die Allgemeine Landeskreditbank verlor Geld.', 'Die Landeskreditbank schwieg.'], { Landeskreditbank: 'ORG', 'Allgemeine Landeskreditbank': 'ORG' });
    expect(de.map((e) => [e.name, e.forms])).toEqual([['Allgemeine Landeskreditbank', ['Allgemeine Landeskreditbank', 'Landeskreditbank']]]);
  });

  it('a head that is never the other kind decides against the tagger ("Hans-Sachs-Boulevard" is a street, "Riverside Hospital" no place)', () => {
    const de = run(['Der Umzug führt über den Hans-Sachs-Boulevard.'], { 'Hans-Sachs-Boulevard': 'ORG' });
    expect(de.map((e) => [e.name, e.type])).toEqual([['Hans-Sachs-Boulevard', 'place']]);
    const en = run(['Two nurses at Riverside Hospital were ill.'], { 'Riverside Hospital': 'LOC' }, 'en');
    expect(en.map((e) => [e.name, e.type])).toEqual([['Riverside Hospital', 'organization']]);
  });

  it('a noun that says what kind of thing a name is gives its kind and is no part of it, unless names open with it ("Kanton Uri")', () => {
    const es = run(['Die Wahl im Bundesstaat Oregon gewann die Partei Nueva Fuerza.', 'Im Kanton Uri sammelt die Organisation Clean Water for Everyone Geld.'], { 'Bundesstaat Oregon': 'ORG', 'Partei Nueva Fuerza': 'ORG' });
    expect(es.map((e) => [e.name, e.type])).toEqual([
      ['Oregon', 'place'],
      ['Nueva Fuerza', 'organization'],
      ['Kanton Uri', 'place'],
      ['Clean Water for Everyone', 'organization'],
    ]);
  });

  it('a club\'s name runs to the end of its bracket and takes the place adjective before it ("TuS Nord Hamm 09", "Bremer SV")', () => {
    const es = run(['Es siegte Eva Lind (TuS Nord Hamm 09; 12,1 s) vor Ida Roth (Bremer SV).'], { 'Eva Lind': 'PER', 'Ida Roth': 'PER', 'TuS Nord': 'ORG', Bremer: 'LOCderiv', SV: 'ORG' });
    expect(es.filter((e) => e.type === 'organization').map((e) => e.name)).toEqual(['TuS Nord Hamm 09', 'Bremer SV']);
  });

  it('a club\'s name in brackets runs on over an exclamation mark written onto one of its words ("(TuS GO! Weserbergland 09; …)")', () => {
    const out = run(['Zweite wurde Jana Kolb (TuS GO! Weserbergland 09; 12,41 sec).'], { 'Jana Kolb': 'PER', 'TuS GO': 'ORG', Weserbergland: 'LOC' });
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['person', 'Jana Kolb'],
      ['organization', 'TuS GO! Weserbergland 09'],
    ]);
  });

  it('a word the tagger took for an organisation is a person after a title or a noun for a person ("Redaktionsleiterin Ysolde", "Legenden wie Dox Valon"), not after a company\'s noun', () => {
    const out = run(['Am Morgen öffnete Redaktionsleiterin Ysolde die Tür.', 'Dann rief Ysolde alle zusammen.'], { Ysolde: 'ORG' });
    expect(out.map((e) => [e.type, e.name, e.mentions])).toEqual([['person', 'Ysolde', 2]]);
    expect(run(['Der Spielzeughersteller Brixo meldet Gewinne.'], { Brixo: 'ORG' }).map((e) => e.type)).toEqual(['organization']);
    expect(run(['Den Zuschlag bekam Konkurrent Brixo.'], { Brixo: 'ORG' }).map((e) => e.type)).toEqual(['organization']);
    // two words, also after a plural noun for people and "wie"; not after one for companies' customers
    expect(run(['Im Publikum saßen Legenden wie Dox Valon.'], { 'Dox Valon': 'ORG' }).map((e) => [e.type, e.name])).toEqual([['person', 'Dox Valon']]);
    expect(run(['Die Nachfrage von Kunden wie Brixo Tech stieg.'], { 'Brixo Tech': 'ORG' }).map((e) => e.type)).toEqual(['organization']);
    // English: a capitalised noun before a name is as often a label as a title ("Player Name Bar" in a settings list)
    expect(run(['These are the display settings.', 'Player Name Bar', 'Shows the name above the player.'], { 'Name Bar': 'ORG' }, 'en').map((e) => e.type)).toEqual(['organization']);
  });

  it('a name in capitals in the bracket after a person is the person\'s party or club ("Jonas Weil (BLAUWAL)", "(TuS 09 Nordheide)"), not a country', () => {
    const out = run(['Das sagte Jonas Weil (BLAUWAL), der Sprecher der Fraktion.', 'Vorne lief Lea Sommer (TuS 09 Nordheide; 4:12 min).'], { 'Jonas Weil': 'PER', 'Lea Sommer': 'PER', Nordheide: 'LOC' });
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['person', 'Jonas Weil'],
      ['organization', 'BLAUWAL'],
      ['person', 'Lea Sommer'],
      ['organization', 'TuS 09 Nordheide'],
    ]);
    expect(run(['Es siegte Tom Berg (USA) vor Ida Lind (DE).'], { 'Tom Berg': 'PER', 'Ida Lind': 'PER' }).map((e) => [e.type, e.name])).toEqual([
      ['person', 'Tom Berg'],
      ['place', 'USA'],
      ['person', 'Ida Lind'],
    ]);
  });

  it('a name in quotation marks written onto a hyphen and a noun is part of a compound („Nordlicht“-Affäre), no entity', () => {
    expect(run(['Die „Nordlicht“-Affäre beschäftigt den Landtag.'], { Nordlicht: 'ORG' })).toEqual([]);
    expect(run(['Die „Nordlicht“ - Affäre und „Nordlicht“ selbst schweigen.'], { Nordlicht: 'ORG' }).map((e) => [e.type, e.name])).toEqual([['organization', 'Nordlicht']]);
  });

  it('a company\'s name runs on over the country its branch is named after ("Nordwind Aerotech Deutschland"), not across a preposition', () => {
    const out = run(['Die Beschäftigten von Nordwind Aerotech Deutschland protestierten.'], { Nordwind: 'ORG', Deutschland: 'LOC' });
    expect(out.map((e) => [e.type, e.name])).toEqual([['organization', 'Nordwind Aerotech Deutschland']]);
    expect(run(['Die Nordwind AG in Deutschland wächst.'], { 'Nordwind AG': 'ORG', Deutschland: 'LOC' }).map((e) => [e.type, e.name])).toEqual([
      ['organization', 'Nordwind AG'],
      ['place', 'Deutschland'],
    ]);
  });

  it('a name before a bracket that counts its seats is a party ("Grünwacht (12 Sitze)", "Tidewell (14 seats)"), another count says nothing', () => {
    const out = run(['Die liberale Grünwacht (12 Sitze) stimmte dagegen.'], {});
    expect(out.map((e) => [e.type, e.name])).toEqual([['organization', 'Grünwacht']]);
    expect(run(['The vote split Tidewell (14 of 60 seats) down the middle.'], { Tidewell: 'LOC' }, 'en').map((e) => [e.type, e.name])).toEqual([['organization', 'Tidewell']]);
    expect(run(['Die neue Grünwacht (12 Plätze) ist voll.'], {})).toEqual([]);
  });

  it('a name with an apposition headed by a noun for an organisation is one ("Sonarmetrik, einem gemeinnützigen Forschungsnetzwerk"), not a word on a list', () => {
    const out = run(['Laut einer Umfrage von Sonarmetrik, einem unabhängigen, gemeinnützigen Forschungsnetzwerk, sinkt das Vertrauen.'], {});
    expect(out.map((e) => [e.type, e.name])).toEqual([['organization', 'Sonarmetrik']]);
    expect(run(['Das Haus hat ein Foyer mit Bibliothek und Gästegastronomie, eine Akademie sowie ein Hotel.'], {})).toEqual([]);
  });

  it('an institution\'s word before the town it serves is one name with it ("die Realschule Weilheim", "zum Finanzamt Lübeck-Süd"), a court\'s not', () => {
    const out = run(['Die Klasse 9a der Realschule Weilheim sammelte Spenden.', 'Die Akten gingen zum Finanzamt Lübeck-Süd.'], { Weilheim: 'LOC', 'Lübeck-Süd': 'LOCpart' });
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['organization', 'Realschule Weilheim'],
      ['organization', 'Finanzamt Lübeck-Süd'],
    ]);
    expect(run(['Er wurde vom Amtsgericht Weilheim verurteilt.'], { Weilheim: 'LOC' }).map((e) => [e.type, e.name])).toEqual([['place', 'Weilheim']]);
  });

  it('a one-word street name where an address stands is a place ("in der Lindenstr. 4", "im Mühlenstieg"), a common compound is not', () => {
    const es = run(['Das Büro zog in die Lindenstr. 4 und später in den Mühlenstieg.', 'Auf dem Truppenübungsplatz und dem genannten Sammelplatz war niemand.'], {});
    expect(es.map((e) => [e.name, e.type])).toEqual([
      ['Lindenstr.', 'place'],
      ['Mühlenstieg', 'place'],
    ]);
  });

  it('"Bündnis" opens a name ("Bündnis Zukunft"), it is no bare kind to strip', () => {
    expect(run(['Das Bündnis Zukunft trat an.'], { 'Bündnis Zukunft': 'ORG' }).map((e) => e.name)).toEqual(['Bündnis Zukunft']);
  });

  it('a word the article uses as a common noun is no place ("ein kleiner grauer Falke", "ein Saal", "Räumungen"), a town after an adjective is', () => {
    const es = run(['Im Zoo lebt ein kleiner grauer Falke.', 'Der Falke frisst viel.', 'Es war eng wie in einem Saal, der Saal war voll.', 'Die Stadt stoppte alle Räumungen.', 'Sie wohnt im sächsischen Mittweida.'], {
      Falke: 'LOC',
      Saal: 'LOC',
      Räumungen: 'LOC',
      Mittweida: 'LOC',
    });
    expect(es.map((e) => e.name)).toEqual(['Mittweida']);
  });

  it('a classifier noun, also before "wie", names one word the tagger took for a person ("ein Lieferdienst wie Flinko")', () => {
    const es = run(['Flinko bringt das Essen.', 'Flinko wächst.', 'Die Stadt fördert Flinko.', 'Ein Lieferdienst wie Flinko braucht Fahrer.'], { Flinko: 'PER' });
    expect(es.map((e) => [e.name, e.type])).toEqual([['Flinko', 'organization']]);
  });

  it('a name of two words alone in quotation marks is a title, no person («Super Kicker»); a classifier before the mark names a one-word outlet', () => {
    const es = run(['Sie spielten «Super Kicker» bis spät.', 'Der Reporter vom Portal «Blick» lachte.'], { 'Super Kicker': 'PER', Blick: 'PER' });
    expect(es.map((e) => [e.name, e.type])).toEqual([['Blick', 'organization']]);
  });

  it('the people of a place the article names are no person ("wir Brienzer" … "FC Brienz")', () => {
    const es = run(['«Uns Brienzer kennt man», sagt der Präsident des FC Brienz.'], { Brienzer: 'PER', 'FC Brienz': 'ORG' });
    expect(es.map((e) => e.name)).toEqual(['FC Brienz']);
  });

  it('English: a capitalised "The" inside a sentence is part of the name after it, at the start of one it is not', () => {
    const es = run(['We met at The Lantern Rooms in Leeds.', 'The Lantern Rooms said so.'], { 'Lantern Rooms': 'ORG', Leeds: 'LOC' }, 'en');
    expect(es.map((e) => [e.name, e.forms])).toEqual([
      ['The Lantern Rooms', ['The Lantern Rooms', 'Lantern Rooms']],
      ['Leeds', ['Leeds']],
    ]);
  });

  it('a name in quotation marks after a classifier noun, also a compound of one, is of its kind ("das Wochenblatt „Morgenruf“")', () => {
    const es = run(['Das stand im Wochenblatt „Morgenruf“ am Montag.'], {});
    expect(es.map((e) => [e.name, e.type])).toEqual([['Morgenruf', 'organization']]);
  });

  it('a web address is no place ("ch" in "wetter.ch"): the outlet that reports', () => {
    const blocks: Block[] = [{ text: 'Das meldet wetter.ch am Abend aus Bern.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => ss.map((toks) => toks.map((t) => (t === 'ch' || t === 'Bern' ? 'B-LOC' : 'O')));
    expect(recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities.map((e) => [e.name, e.type])).toEqual([
      ['wetter.ch', 'organization'],
      ['Bern', 'place'],
    ]);
  });

  it('a compound of common nouns is no person ("Möbel-Einrichtungshaus"), a municipality\'s name a place', () => {
    const es = run(['Neben dem Möbel-Einrichtungshaus lag die Munizipalität Kettwig.'], { 'Möbel-Einrichtungshaus': 'PER', Kettwig: 'PER' });
    expect(es.map((e) => [e.name, e.type])).toEqual([['Kettwig', 'place']]);
  });

  it('a compound the tagger took for a name inside a word is a place when its last part heads places ("Kiel-Südviertel")', () => {
    const es = run(['Das Fest in Kiel-Südviertel war laut.'], { 'Kiel-Südviertel': 'LOCpart' });
    expect(es.map((e) => [e.name, e.type])).toEqual([['Kiel-Südviertel', 'place']]);
  });

  it('a hyphen compound of a name and a noun that heads places is a place the tagger missed ("Lindner-Gewerbepark")', () => {
    const es = run(['Die Firma zog in den Lindner-Gewerbepark.'], {});
    expect(es.map((e) => [e.name, e.type])).toEqual([['Lindner-Gewerbepark', 'place']]);
  });

  it('a town GeoNames knows after "in", "aus", "from" is a place the tagger missed, not a common noun, month or a word in a title', () => {
    const de = run(['Das Turnier fand in St. Johann statt, das Finale in Bad Ischl.', 'Am Ende war alles in Ordnung.'], {});
    expect(de.map((e) => [e.name, e.type])).toEqual([
      ['St. Johann', 'place'],
      ['Bad Ischl', 'place'],
    ]);
    const en = run(['She moved from Kinsale in March.', 'They watched Fear and Loathing in Kinsale.'], { 'Fear and Loathing in Kinsale': 'MISC' }, 'en');
    expect(en.map((e) => [e.name, e.mentions])).toEqual([['Kinsale', 1]]);
  });

  it('English: a name before a street word is a street the tagger left ("Harbour Road", "on Mill St"), a word also seen in lower case is not', () => {
    const en = run(['Harbour Road was closed on Monday, and traffic backed up on Mill St for an hour.', 'The main road was quiet.'], {}, 'en');
    expect(en.map((e) => [e.name, e.type])).toEqual([
      ['Harbour Road', 'place'],
      ['Mill St', 'place'],
    ]);
    const lower = run(['Main Street traders met; the main concern was rent.'], {}, 'en');
    expect(lower.map((e) => e.name)).toEqual([]);
  });

  it('a person named only in the genitive before a noun is named in the base form ("Lenas Fahrrad" → Lena)', () => {
    const ents = run(['Die Polizei fand Lenas Fahrrad am Montag am Ufer.'], { Lenas: 'PER' });
    expect(ents.map((e) => [e.name, e.forms])).toEqual([['Lena', ['Lenas']]]);
  });

  it('the pronouns and exclamations a blog capitalises for its reader are no names ("Du Dich", "Jaaaaa")', () => {
    const ents = run(['Hey Du, kennst Du Dich mit Rollen aus? Jaaaaa, sagt Lena Hofmann.'], { 'Hey Du': 'PER', 'Du Dich': 'PER', Jaaaaa: 'PER', 'Lena Hofmann': 'PER' });
    expect(ents.map((e) => e.name)).toEqual(['Lena Hofmann']);
  });

  it('a word in the middle of one long name is that person ("Maria Etxeberria Solano" … "Etxeberria")', () => {
    const ents = run(['Maria Etxeberria Solano leitet die Schule.', 'Etxeberria sagt, es fehle an Lehrern.'], { 'Maria Etxeberria Solano': 'PER', Etxeberria: 'PER' });
    expect(ents.map((e) => [e.name, e.forms])).toEqual([['Maria Etxeberria Solano', ['Maria Etxeberria Solano', 'Etxeberria']]]);
  });

  it('a surname that is also a common word is the person where the text shows it ("Rose says", "said Rose"), not elsewhere', () => {
    const ents = run(['Anna Rose runs the garden.', 'Rose says the rose beds need rain.', 'Water, said Rose, is short.', 'Rose bushes grew tall.'], { 'Anna Rose': 'PER' }, 'en');
    expect(ents.map((e) => [e.name, e.mentions])).toEqual([['Anna Rose', 3]]);
  });

  it('a name never runs across a bracket ("Nancy ( September" → "Nancy")', () => {
    const blocks: Block[] = [{ text: 'Es sprach Nancy ( September 2020 ) in Berlin.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => ss.map((toks) => toks.map((t, i) => (t === 'Nancy' ? 'B-PER' : i > 0 && toks[i - 1] === 'Nancy' ? 'I-PER' : toks[i - 2] === 'Nancy' ? 'I-PER' : 'O')));
    // (Berlin, untagged here, is found as the town after "in")
    expect(recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities.map((e) => e.name)).toEqual(['Nancy', 'Berlin']);
  });

  it('a German adjective capitalised only at the start of a sentence or list item is no name ("12. Gedankenlos …"), a surname there is', () => {
    const ents = run(['12. Gedankenlos durch den Park laufen.', '13. Ratsam ist ein Mittagsschlaf.', 'Braun sagte, sie komme wieder.'], { Gedankenlos: 'LOC', Ratsam: 'PER', Braun: 'PER' });
    expect(ents.map((e) => e.name)).toEqual(['Braun']);
    // an inflected adjective there before its noun is none either ("Grüne Gärtner"); the party named elsewhere is
    const attr = run(['Grüne Gärtner pflanzten Bäume am Kanal.'], { Grüne: 'ORG' });
    expect(attr.map((e) => e.name)).toEqual([]);
    const party = run(['Grüne Gärtner pflanzten Bäume am Kanal.', 'Die Grüne will das Projekt stoppen.'], { Grüne: 'ORG' });
    expect(party.map((e) => e.name)).toEqual(['Grüne']);
  });

  it('a gender-inclusive form is one common noun, not a name and a word ("Nachbar:innen", "Kolleg*innen")', () => {
    const ents = run(['Frag deine Nachbar:innen und Kolleg*innen um Rat.'], { Nachbar: 'PER', Kolleg: 'PER' });
    expect(ents).toEqual([]);
  });

  it('a German noun that classifies a name is no part of it ("der Umweltverband Grünwacht" → "Grünwacht"), a name that opens with it stays whole', () => {
    const ents = run(['Anna Berg vom Umweltverband Grünwacht sprach im Kanton Nidwalden.'], { 'Anna Berg': 'PER', 'Umweltverband Grünwacht': 'ORG', 'Kanton Nidwalden': 'LOC' });
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Anna Berg', 'person'], ['Grünwacht', 'organization'], ['Kanton Nidwalden', 'place']]);
  });

  it('a German institution is named by its head and what it is for ("Landesamt für Denkmalpflege"), not after "ein"', () => {
    const ents = run(['Das Landesamt für Denkmalpflege und der Ausschuss für digitale Bildung tagten.', 'Eine Stiftung für Kinder gibt es hier nicht.'], {});
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Landesamt für Denkmalpflege', 'organization'], ['Ausschuss für digitale Bildung', 'organization']]);
  });

  it('a capitalised relational adjective before an institution noun names an institution the tagger left ("der Evangelischen Kirche"), a describing or indefinite one not', () => {
    const ents = run(['Der Synodenbericht der Evangelischen Kirche kam spät.', 'Eine Anhörung vor dem Europäischen Parlament folgt im Mai.'], { Mai: 'O' });
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Evangelische Kirche', 'organization'], ['Europäisches Parlament', 'organization']]);
    const none = run(['Neben der Großen Kirche steht ein Brunnen.', 'Die Stadt plant eine Technische Universität am Hafen.', 'Katholische Schulen sind beliebt.'], {});
    expect(none.map((e) => e.name)).toEqual([]);
  });

  it('a place the tagger ended a word early runs on over a word that heads places ("Cape Cod Bay"), not over a German common noun ("in Hamburg Platz genommen")', () => {
    const en = run(['Ferries cross Cape Cod Bay every hour.'], { 'Cape Cod': 'LOC' }, 'en');
    expect(en.map((e) => [e.name, e.type])).toEqual([['Cape Cod Bay', 'place']]);
    const de = run(['Sie hat im Café in Hamburg Platz genommen.'], { Hamburg: 'LOC' });
    expect(de.map((e) => [e.name, e.type])).toEqual([['Hamburg', 'place']]);
  });

  it('English: a plural noun in the possessive before an organisation opens its name ("the Farmers’ Mutual Aid Society")', () => {
    const ents = run(['The Farmers’ Mutual Aid Society met in Leeds.'], { 'Mutual Aid Society': 'ORG', Leeds: 'LOC' }, 'en');
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Farmers’ Mutual Aid Society', 'organization'], ['Leeds', 'place']]);
  });

  it('a road named by its head word is a place, whatever the tagger took it for ("the Coastal Plains Expressway")', () => {
    const ents = run(['Trucks crawl along the Coastal Plains Expressway at dawn.', 'The Coastal Plains Expressway will be widened.'], { 'Coastal Plains Expressway': 'ORG' }, 'en');
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Coastal Plains Expressway', 'place']]);
  });

  it('English: a long span across a small word in a title-case line that no other line writes is no name; the names in it are ("Greenfield Bakery Cleared of Wrongdoing …")', () => {
    const ents = run(['Greenfield Bakery Cleared of Wrongdoing After Harbour Town Panel Review', 'Greenfield Bakery welcomed the decision on Monday.'], { 'Greenfield Bakery': 'ORG', 'Greenfield Bakery Cleared of Wrongdoing': 'ORG' }, 'en');
    expect(ents.map((e) => [e.name, e.mentions])).toEqual([['Greenfield Bakery', 2]]);
  });

  it('English: an organisation\'s abbreviation runs on over the service or branch name the tagger left ("RNLI Lifeline", "RNLI 999"), not over a title, a day or a table\'s figures', () => {
    const ents = run(['Sailors can call RNLI Lifeline or RNLI 999 from the harbour.'], { RNLI: 'ORG' }, 'en');
    expect(ents.map((e) => [e.name, e.type])).toEqual([['RNLI Lifeline', 'organization'], ['RNLI 999', 'organization']]);
    const none = run(['The RNLI Director spoke to BBC Monday.', 'KSC 41 12 55 .412'], { RNLI: 'ORG', BBC: 'ORG', KSC: 'ORG' }, 'en');
    expect(none.map((e) => e.name)).toEqual(['RNLI', 'BBC', 'KSC']);
  });

  it('a street written now as one word, now as two is one street ("Kieler Straße", "Kielerstraße")', () => {
    const ents = run(['Der Markt liegt an der Kieler Straße.', 'Die Kielerstraße wird im Mai gesperrt.'], { 'Kieler Straße': 'LOC', Kielerstraße: 'LOC' });
    expect(ents.map((e) => [e.name, e.type, e.forms])).toEqual([['Kieler Straße', 'place', ['Kieler Straße', 'Kielerstraße']]]);
  });

  it('an institution named by its head noun runs on over its country ("Neuapostolische Kirche in Deutschland"), a company not over its seat', () => {
    const ents = run(['Die Neuapostolische Kirche in Deutschland zählt weniger Mitglieder.'], { 'Neuapostolische Kirche': 'ORG', Deutschland: 'LOC' });
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Neuapostolische Kirche in Deutschland', 'organization']]);
    const company = run(['Die Nordwerk AG in Polen baut ein Lager.'], { 'Nordwerk AG': 'ORG', Polen: 'LOC' });
    expect(company.map((e) => [e.name, e.type])).toEqual([['Nordwerk AG', 'organization'], ['Polen', 'place']]);
  });

  it('a country inside the name of an event or work the tagger found is no mention of it ("the Malta Open")', () => {
    const ents = run(['She reached the final of the Malta Open on Friday.', 'Her coach lives in Malta.'], { Malta: 'LOC', 'Malta Open': 'MISC' }, 'en');
    expect(ents.map((e) => [e.name, e.mentions])).toEqual([['Malta', 1]]);
  });

  it('a name inside a title of capitalised words in quotation marks is part of the title («Hamburg Heute»), a name that fills the marks is one', () => {
    const ents = run(['Ein Reporter von «Hamburg Heute» filmte die Szene.', 'Auch die «Neue Rundschau» berichtete.'], { Hamburg: 'LOC', 'Neue Rundschau': 'ORG' });
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Neue Rundschau', 'organization']]);
  });

  it('a region named by a point of the compass and a name after "in" is a place the tagger left ("in Nordwaldgau"), a common noun not ("in Unterzahl")', () => {
    const ents = run(['Der Sturm wütete vor allem in Nordwaldgau und im Oberseeland.', 'Das Team spielte lange in Unterzahl.'], {});
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Nordwaldgau', 'place'], ['Oberseeland', 'place']]);
  });

  it('a competition, event or award is no organisation ("Rheintal-Cup", "Hallen-EM", "Super Bowl"), its club is', () => {
    const ents = run(['Beim Rheintal-Cup und der Hallen-EM siegte der SV Blau-Weiß Lindau.'], { 'Rheintal-Cup': 'ORG', 'Hallen-EM': 'ORG', 'SV Blau-Weiß Lindau': 'ORG' });
    expect(ents.map((e) => e.name)).toEqual(['SV Blau-Weiß Lindau']);
    const en = run(['The Super Bowl drew the Kansas City Chiefs.'], { 'Super Bowl': 'ORG', 'Kansas City Chiefs': 'ORG' }, 'en');
    expect(en.map((e) => e.name)).toEqual(['Kansas City Chiefs']);
  });

  it('English: a name that always follows "the" is no person ("the Harbour Line"), a name also used without it is', () => {
    const ents = run(['She refused to sell the Harbour Line to investors.', 'Ann Cole wrote about the Harbour Line too.'], { 'Harbour Line': 'PER', 'Ann Cole': 'PER' }, 'en');
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Harbour Line', 'organization'], ['Ann Cole', 'person']]);
  });

  it('a known first name right before a person the tagger found is part of the name ("the union’s Peter/O Okafor/PER")', () => {
    const blocks: Block[] = [{ text: 'Die Rede hielt am Montag Peter Okafor.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => ss.map((toks) => toks.map((t) => (t === 'Okafor' ? 'B-PER' : 'O')));
    expect(recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities.map((e) => e.name)).toEqual(['Peter Okafor']);
  });

  it('a surname misspelt by one letter left out is the same person ("Jakob Liebermann" … "Libermann"), a short one is not', () => {
    const ents = run(['Jakob Liebermann eröffnete die Sitzung.', 'Danach sprach Libermann über den Haushalt.', 'Auch Anna Meier und Meer kamen.'], { 'Jakob Liebermann': 'PER', Libermann: 'PER', 'Anna Meier': 'PER', Meer: 'PER' });
    expect(ents.map((e) => [e.name, e.mentions])).toEqual([['Jakob Liebermann', 2], ['Anna Meier', 1], ['Meer', 1]]);
  });

  it('English: "The" capitalised inside a sentence opens a name ("the cosy pub The Crooked Lantern"), not in a title-case line', () => {
    const ents = run(['Locals love the cosy pub The Crooked Lantern on Quay Street.', 'Why The Crooked Lantern Matters To Everyone Here'], {}, 'en');
    expect(ents.filter((e) => e.type === 'organization').map((e) => [e.name, e.mentions])).toEqual([['The Crooked Lantern', 2]]);
  });

  it('English: the state after a party letter in brackets is that state ("(D-Ore.)" → Oregon), also where the article names it in full', () => {
    const ents = run(['Rep. Dana Holt (D-Ore.) and Sen. Joe Park (R-N.H.) spoke.', 'Oregon voted first.'], { 'Dana Holt': 'PER', 'Joe Park': 'PER', Oregon: 'LOC' }, 'en');
    expect(ents.filter((e) => e.type === 'place').map((e) => [e.name, e.mentions])).toEqual([['Oregon', 2], ['New Hampshire', 1]]);
    expect(ents.some((e) => e.type === 'organization')).toBe(false);
  });

  it('a lower-case word inside a handle is no name, even where the tagger says so ("Lena Voss (@lena.voss)")', () => {
    const blocks: Block[] = [{ text: 'Das rät Trainerin Lena Voss (@lena.voss) allen.', kind: 'paragraph' }];
    const tag: Tagger = (ss) => ss.map((toks) => toks.map((t, i) => (t === 'Lena' ? 'B-PER' : t === 'Voss' && toks[i - 1] === 'Lena' ? 'I-PER' : t === 'voss' ? 'B-PER' : 'O')));
    expect(recognize(blocks, splitBlocks(blocks, 'de'), 'de', tag).entities.map((e) => [e.name, e.mentions])).toEqual([['Lena Voss', 1]]);
  });

  it('takes a pub, cafe or hotel named after its owner or found without its head word for one organisation', () => {
    const out = run(['After the final we went on to Fennelly\'s Pub in Tralee and then to Harbourlight Bar.', 'In Tralee Moran\'s Corner Cafe stays open.'], { Fennelly: 'PER', Tralee: 'LOC', Harbourlight: 'ORG', 'Tralee Moran': 'PER', 'Corner Cafe': 'LOC' }, 'en');
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['organization', "Fennelly's Pub"],
      ['place', 'Tralee'],
      ['organization', 'Harbourlight Bar'],
      ['organization', "Moran's Corner Cafe"],
    ]);
  });

  it('finds a park or street named by a hyphen compound of a name and a place noun that the tagger left', () => {
    const out = run(['Am Wochenende öffnet der neue Lindner-Park, gleich hinter dem Clara-Zetkin-Boulevard.'], {});
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['place', 'Lindner-Park'],
      ['place', 'Clara-Zetkin-Boulevard'],
    ]);
  });

  it('takes no organisation for a thing after an indefinite article', () => {
    expect(run(['Sie kaufte sich einen Tesla und lobte den Wagen.'], { Tesla: 'ORG' })).toEqual([]);
    expect(run(['Die Aktie von Tesla stieg.'], { Tesla: 'ORG' }).map((e) => e.type)).toEqual(['organization']);
  });

  it('takes no organisation for a law named by its act', () => {
    const out = run(['The court read the Clean Harbours Act against the Port Authority.'], { 'Clean Harbours Act': 'ORG', 'Port Authority': 'ORG' }, 'en');
    expect(out.map((e) => e.name)).toEqual(['Port Authority']);
  });

  it('finds an institution named by its head and purpose also in the genitive', () => {
    const out = run(['Die Sprecherin des Landesamtes für Denkmalpflege widersprach.'], {});
    expect(out.map((e) => [e.type, e.name])).toEqual([['organization', 'Landesamtes für Denkmalpflege']]);
  });

  it('takes names listed with a plural noun for organisations for organisations', () => {
    const out = run(['Staff at the Leeds Beckett and Sussex universities voted, as did colleges such as Balliol and Merton.'], { 'Leeds Beckett': 'LOC', Sussex: 'LOC', Balliol: 'LOC', Merton: 'LOC' }, 'en');
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['organization', 'Leeds Beckett'],
      ['organization', 'Sussex'],
      ['organization', 'Balliol'],
      ['organization', 'Merton'],
    ]);
    // one town before the noun is where they are
    expect(run(['Leeds universities reopened.'], { Leeds: 'LOC' }, 'en').map((e) => e.type)).toEqual(['place']);
  });

  it('takes a known town with its region after a comma for a place, not the organisation the tagger saw', () => {
    const out = run(['Husum, Nordfriesland, meldete den stärksten Regen.'], { Husum: 'ORG', Nordfriesland: 'LOC' });
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['place', 'Husum'],
      ['place', 'Nordfriesland'],
    ]);
  });

  it('takes a first name the wider list knows before a word tagged as a place for a person ("Yusuf Minden"), not a known place pair', () => {
    const out = run(['Yusuf Minden erzählte von der Überfahrt.', 'Später zog Minden nach Bremen.'], { Minden: 'LOC', Bremen: 'LOC' });
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['person', 'Yusuf Minden'],
      ['place', 'Bremen'],
    ]);
    // a town after a preposition stays a town
    expect(run(['Die Fähre fuhr nach Minden.'], { Minden: 'LOC' }).map((e) => e.type)).toEqual(['place']);
  });

  it('takes a web address that speaks or is spoken to for the outlet, not one to look something up at', () => {
    const out = run(['kulturblick.de: Wie kam es zu dem Projekt?', 'Das sagte die Trainerin dem Portal tennisnews.ch am Montag.'], {});
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['organization', 'kulturblick.de'],
      ['organization', 'tennisnews.ch'],
    ]);
    const links = run(['Alle Termine stehen unter tennisnews.ch bereit.', 'Fragen an leser@tennisnews.ch schicken.', 'Mehr Infos: tennisnews.ch', 'Die Daten kommen aus dem tennisnews.ch Liveticker.', 'Er las die tennisnews.ch – Umfrage.'], {});
    expect(links).toEqual([]);
  });

  it('takes one capitalised word in a list of two people or more for a person ("… Anna Roth, Ben Kaya und Nena"), not a common noun', () => {
    const people = { 'Anna Roth': 'PER', 'Ben Kaya': 'PER' };
    const out = run(['Auf der Bühne standen Anna Roth, Ben Kaya und Nena.'], people);
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ['person', 'Anna Roth'],
      ['person', 'Ben Kaya'],
      ['person', 'Nena'],
    ]);
    expect(run(['Nena, Anna Roth und Ben Kaya sangen.'], people).map((e) => e.name)).toEqual(['Nena', 'Anna Roth', 'Ben Kaya']);
    // a common noun, or one person only, is no list of people
    expect(run(['Auf der Bühne standen Anna Roth, Ben Kaya und Freunde.'], people).map((e) => e.name)).toEqual(['Anna Roth', 'Ben Kaya']);
    expect(run(['Auf der Bühne standen Anna Roth und Nena.'], { 'Anna Roth': 'PER' }).map((e) => e.name)).toEqual(['Anna Roth']);
  });

  it('takes a common noun for a building or settlement before a name the tagger saw as a person for the kind of place ("seine Ferienvilla Montecello")', () => {
    const out = run(['Die Gäste trafen sich in seiner Ferienvilla Montecello am See.'], { 'Ferienvilla Montecello': 'PER' });
    expect(out.map((e) => [e.type, e.name])).toEqual([['place', 'Montecello']]);
    // a person noun before the name stays out of it and the person stays a person
    expect(run(['Das sagte Gärtnerin Mara Lindqvist am Morgen.'], { 'Gärtnerin Mara Lindqvist': 'PER' }).map((e) => [e.type, e.name])).toEqual([['person', 'Mara Lindqvist']]);
  });

  it('takes a town\'s name in the genitive before what belongs to it for the place ("Leobens neuer Bahnhof"), not a person\'s', () => {
    expect(run(['Leobens neuer Bahnhof ist fertig.'], {}).map((e) => [e.type, e.name])).toEqual([['place', 'Leobens']]);
    expect(run(['Zu Leobens „Stadtfest“ kamen Tausende.'], {}).map((e) => [e.type, e.name])).toEqual([['place', 'Leobens']]);
    // after an article, or the surname of a person the article names, it is none
    expect(run(['Die Leobens feierten.'], {})).toEqual([]);
    expect(run(['Anna Leoben kam.', 'Leobens Tochter blieb.'], { 'Anna Leoben': 'PER' }).map((e) => e.type)).toEqual(['person']);
  });

  it('takes a town\'s adjective before a company\'s word for the company ("die Göttinger Sparkasse"), not some company of the town', () => {
    expect(run(['Die Göttinger Sparkasse senkt die Zinsen.'], {}).map((e) => [e.type, e.name])).toEqual([['organization', 'Göttinger Sparkasse']]);
    expect(run(['Der Bielefelder Verlag druckt das Buch.'], {}).map((e) => [e.type, e.name])).toEqual([['organization', 'Bielefelder Verlag']]);
    // a compound ending in a word for a company or an association too ("die Lübecker Fährgesellschaft", "beim Kieler Mieterverein")
    expect(run(['Die Lübecker Fährgesellschaft erhöht die Preise, sagt eine Sprecherin beim Kieler Mieterverein.'], {}).map((e) => [e.type, e.name])).toEqual([
      ['organization', 'Lübecker Fährgesellschaft'],
      ['organization', 'Kieler Mieterverein'],
    ]);
    expect(run(['Er gründete eine Lübecker Fährgesellschaft.'], {})).toEqual([]);
    expect(run(['Sie arbeitet bei einer Göttinger Bank.'], {})).toEqual([]);
    expect(run(['Die Göttinger Polizei ermittelt.'], {})).toEqual([]);
  });

  it('takes a landmark named in one word after an article for a place ("vom Hohenzollernturm"), not a common noun ("im Glockenturm")', () => {
    expect(run(['Vom Hohenzollernturm aus sieht man bis zum Fluss.'], {}).map((e) => [e.type, e.name])).toEqual([['place', 'Hohenzollernturm']]);
    expect(run(['Die Kinder sangen im Glockenturm.', 'Der Zug fuhr über die Eisenbahnbrücke.'], {})).toEqual([]);
  });

  it('ends an organisation\'s name before a common noun the tagger ran on over, when the article names it alone too', () => {
    const names = { Nordkauf: 'ORG', 'Nordkauf Container': 'ORG', 'Nordkauf Verlag': 'ORG' };
    const out = run(['Die Kette Nordkauf wächst.', 'Seit Jahren lädt Nordkauf Container mit Waren um.'], names);
    expect(out.map((e) => [e.type, e.name, e.mentions])).toEqual([['organization', 'Nordkauf', 2]]);
    // a word that heads organisations' names stays in the name
    expect(run(['Die Kette Nordkauf wächst.', 'Der Nordkauf Verlag druckt.'], names).map((e) => e.name)).toEqual(['Nordkauf Verlag']);
  });

  it('takes an award by its own name for no entity ("einen Oscar", "zwei Golden Globes"), a person who bears the name for a person', () => {
    const out = run(['Der Film gewann zwei Golden Globes und einen Oscar.'], { 'Golden Globes': 'ORG', Oscar: 'ORG' });
    expect(out).toEqual([]);
    expect(run(['Oscar Niemeyer baute die Kirche.'], { 'Oscar Niemeyer': 'PER' }).map((e) => [e.type, e.name])).toEqual([['person', 'Oscar Niemeyer']]);
  });

  it('takes the code that labels an account\'s or a book\'s number for no name ("IBAN: DE12 …")', () => {
    expect(run(['Spenden an die Stadtkasse, IBAN: DE12 3456 7890 1234 5678 90, BIC: ABCDEFGH.'], { IBAN: 'ORG', BIC: 'ORG' })).toEqual([]);
  });

  it('takes a word the article also writes after an indefinite article for no organisation, in another case too ("eines Plasmafelds" … "ein Plasmafeld")', () => {
    const out = run(['Die Wirkung eines stark gebündelten Plasmafelds war groß.', 'Später legten sie ein Plasmafeld an.'], { Plasmafelds: 'ORG' });
    expect(out).toEqual([]);
    expect(run(['Die Sprecherin der Nordkauf widersprach.', 'Ein Sprecher kam.'], { Nordkauf: 'ORG' }).map((e) => e.name)).toEqual(['Nordkauf']);
  });
});
