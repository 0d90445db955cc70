import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './quotemarks';

const inner = (blocks: string[]) => findQuoteSpans(blocks).map((q) => q.pieces.map((p) => blocks[p.block].slice(p.start, p.end)).join(' | '));

describe('quotation marks', () => {
  it.each([
    ['„Produktiv“, schrieb er.', ['Produktiv']],
    ['He said: “We will win.”', ['We will win.']],
    ['Er sagte: »Nein.« Dann ging er.', ['Nein.']],
    ['Il a dit « non » hier.', []], // a mark followed by a space opens nothing
    ['Il a dit «non» hier.', ['non']],
    ['She said "yes" and left.', ['yes']],
    ['„Er sagte: ‚Nie wieder‘, und ging“, so Müller.', ['Er sagte: ‚Nie wieder‘, und ging']],
    ["Trump’s aide and geht's „ok“", ['ok']],
    ["He said 'fine' in the '90s.", ['fine']],
    // a double mark closed by a single one after the punctuation (a typo), with no double closing mark after it
    ['The dean added: “We cannot wait for a cure. We must teach safely now,’ she says.', ['We cannot wait for a cure. We must teach safely now,']],
    ['“The students’ rooms are full,” he said.', ['The students’ rooms are full,']],
    // a stray straight mark doubling a typographic one opens nothing of its own
    ['He answered by saying "“It is about making the best decision we can.”', ['It is about making the best decision we can.']],
    ['„‚Nie wieder‘, sagte er und ging“, so Roth.', ['‚Nie wieder‘, sagte er und ging']],
  ])('%s', (text, expected) => expect(inner([text])).toEqual(expected));

  it('follows a quotation over paragraphs that re-open the mark', () => {
    expect(inner(['“First part', '“Second part,” he said.'])).toEqual(['First part | Second part,']);
  });

  it('drops a quotation that is never closed, unless a colon introduced it', () => {
    expect(inner(['„Offen bis zum Ende', 'Neuer Absatz ohne Zeichen.'])).toEqual([]);
    expect(inner(['Die Ministerin erklärte: „Wir prüfen das bis Freitag.', 'Danach ging sie.'])).toEqual(['Wir prüfen das bis Freitag.']);
  });

  it('a statement over paragraphs that re-open the mark and never close it runs to the last one', () => {
    // the club's statement: each paragraph re-opens, a typographic mark continued by straight ones, one with a stray space
    expect(inner(['“We are closing the hall tonight.', '"Members will be refunded.', '" Classes resume in spring.', 'The council has not commented.'])).toEqual([
      'We are closing the hall tonight. | Members will be refunded. | Classes resume in spring.',
    ]);
    // a straight mark is not continued by a typographic one: more likely a stray mark than a statement
    expect(inner(['"Ten people came to the meeting', '“It went well,” she said.'])).toEqual(['It went well,']);
  });

  it('one mark at a paragraph\'s end closes a quotation and the one it ends with', () => {
    expect(inner(['„Mein Vater hat mir beigebracht zu sagen: „Jetzt reicht es!“'])).toEqual(['Mein Vater hat mir beigebracht zu sagen: „Jetzt reicht es!']);
  });

  it('a statement that opens a paragraph and closes paragraphs later without re-opening the mark is one quotation', () => {
    const blocks = ['„Der Entwurf greift zu kurz.', 'Wir fordern Nachbesserungen beim Datenschutz.', 'Die Kommission muss jetzt handeln.“', 'Die Kommission äußerte sich nicht.'];
    expect(inner(blocks)).toEqual(['Der Entwurf greift zu kurz. | Wir fordern Nachbesserungen beim Datenschutz. | Die Kommission muss jetzt handeln.']);
    expect(findQuoteSpans(blocks)[0].unmarked).toBe(true);
    // not where a paragraph between holds double marks of its own, nor for a mark inside a sentence
    expect(inner(['„Der Entwurf greift zu kurz.', 'Sie sagte: „Wir prüfen das.“', 'Die Kommission muss jetzt handeln.“'])).toEqual(['Wir prüfen das.']);
    expect(inner(['Er nannte das einen „Entwurf, der zu kurz greift.', 'Die Kommission muss jetzt handeln.“'])).toEqual([]);
  });

  it('keeps the quotations inside a stray English mark that never closes, and “ before a word opens', () => {
    expect(inner(['"Trump walked onto the stage, chanting “U-S-A! U-S-A!”', '“That’s right,” Melanie said.'])).toEqual(['U-S-A! U-S-A!', 'That’s right,']);
    // German: an interview answer left open keeps its inner quotation to itself
    expect(inner(['„Er hat mir beigebracht zu sagen: „Bis hierhin!“ Das hilft.', 'Neue Frage?'])).toEqual([]);
  });
});
