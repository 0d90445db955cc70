import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from './tokenize';

const toks = (s: string, lang = 'de') => tokenize(s, lang).map((t) => t.text);
const sents = (s: string, lang = 'de') => splitSentences(s, 0, lang).map((x) => s.slice(x.start, x.end));

describe('tokenize', () => {
  it.each([
    ['Donald Trumps Schwiegersohn', ['Donald', 'Trumps', 'Schwiegersohn']],
    ['der Trump-Regierung.', ['der', 'Trump-Regierung', '.']],
    ['„Produktiv“, schrieb er', ['„', 'Produktiv', '“', ',', 'schrieb', 'er']],
    ['Staats- und Regierungschefs', ['Staats-', 'und', 'Regierungschefs']],
    ['am 03.12.2025 um 11:00 Uhr', ['am', '03.12.2025', 'um', '11:00', 'Uhr']],
    ['z.B. die U.S.-Delegation', ['z.B.', 'die', 'U.S.', '-', 'Delegation']],
    ['Dr. Müller', ['Dr.', 'Müller']],
  ])('%s', (text, expected) => expect(toks(text)).toEqual(expected));

  it('splits English clitics as CoNLL does', () => {
    expect(toks("Obama's aide didn't", 'en')).toEqual(['Obama', "'s", 'aide', 'did', "n't"]);
  });

  it('keeps character offsets that point back into the text', () => {
    const text = 'Juri Uschakow, Putins Berater';
    for (const t of tokenize(text, 'de')) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('words written with combining marks', () => {
  it('reads "Ma\u0308nner" (an umlaut saved as a + combining diaeresis) as "Männer", its offsets on the page\'s text', () => {
    const text = 'Die Ma\u0308nner aus Mu\u0308nchen.';
    const t = tokenize(text, 'de');
    expect(t.map((x) => x.text)).toEqual(['Die', 'Männer', 'aus', 'München', '.']);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual(['Die', 'Ma\u0308nner', 'aus', 'Mu\u0308nchen', '.']);
  });
});

describe('splitSentences', () => {
  it('ends a sentence and a word where the page breaks the line (<br>), also with no space between', () => {
    const text = 'Anne Roe Marie Lund, author EssenAltendorfer Str. 3';
    const ss = splitSentences(text, 0, 'en', [9, 28, 33]);
    expect(ss.map((x) => x.tokens.map((t) => t.text))).toEqual([['Anne', 'Roe'], ['Marie', 'Lund', ',', 'author'], ['Essen'], ['Altendorfer', 'Str.', '3']]);
    for (const x of ss) for (const t of x.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['Er kam. Sie ging.', ['Er kam.', 'Sie ging.']],
    ['Am 3. Dezember kam Dr. Müller. Dann ging er.', ['Am 3. Dezember kam Dr. Müller.', 'Dann ging er.']],
    ['„Wir gehen.“ Dann ging er.', ['„Wir gehen.“', 'Dann ging er.']],
    // an exclamation mark written onto a word inside brackets is part of a name, no sentence's end
    ['Zweite wurde Jana Kolb (TuS GO! Weserbergland 09; 12,41 sec). Dann kam Ida.', ['Zweite wurde Jana Kolb (TuS GO! Weserbergland 09; 12,41 sec).', 'Dann kam Ida.']],
    ['Sie rief (laut): Halt! Dann lief sie.', ['Sie rief (laut): Halt!', 'Dann lief sie.']],
  ])('%s', (text, expected) => expect(sents(text)).toEqual(expected));

  it('does not break on "p.m." in English', () => {
    expect(sents('He left at 11 p.m. on Monday. Then he slept.', 'en')).toEqual(['He left at 11 p.m. on Monday.', 'Then he slept.']);
  });
});

describe('tokens as the training corpora have them', () => {
  it.each([
    ['LONDON 1996-08-30', ['LONDON', '1996-08-30']],
    ['Daytona Beach, Fla., said', ['Daytona', 'Beach', ',', 'Fla.', ',', 'said']],
    ['ST. LOUIS wins', ['ST.', 'LOUIS', 'wins']],
    ["at Lord 's", ['at', 'Lord', "'s"]],
    ['Rep. Ann Lee (D-Calif.) said', ['Rep.', 'Ann', 'Lee', '(', 'D', '-', 'Calif.', ')', 'said']],
  ])('%s', (text, expected) => expect(tokenize(text, 'en').map((t) => t.text)).toEqual(expected));
});

describe('German gender-inclusive forms', () => {
  it.each([
    ['Die Freund:innen kamen.', ['Die', 'Freund:innen', 'kamen', '.']],
    ['Kolleg*innen und Lehrer/innen', ['Kolleg*innen', 'und', 'Lehrer/innen']],
    ['eine Ärzt·in um 11:00', ['eine', 'Ärzt·in', 'um', '11:00']],
    ['Hinweis: in Berlin', ['Hinweis', ':', 'in', 'Berlin']],
  ])('%s', (text, expected) => expect(tokenize(text, 'de').map((t) => t.text)).toEqual(expected));
});
