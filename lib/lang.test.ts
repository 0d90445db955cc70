import { describe, expect, it } from 'vitest';
import { detectLanguage, guessLanguage, primaryTag } from './lang';

describe('language', () => {
  it.each([
    ['Die Gespräche dauerten bis spät in den Abend und es wurde nicht über die Ergebnisse gesprochen.', 'de'],
    ['The talks lasted late into the evening and it was not said what the results were for them.', 'en'],
    ['Les discussions ont duré tard dans la soirée et il est vrai que le président est pas content.', 'fr'],
  ])('guesses the language of %s', (text, lang) => expect(guessLanguage(text)).toBe(lang));

  it('is unsure about too little text', () => expect(guessLanguage('Hallo')).toBeNull());
  it('reads the primary subtag of a declaration', () => {
    expect(primaryTag('de-DE')).toBe('de');
    expect(primaryTag('en_US')).toBe('en');
    expect(primaryTag('')).toBeNull();
  });
  it('prefers the text over a site-wide declaration, and the declaration over nothing', () => {
    expect(detectLanguage('en', 'Die Gespräche dauerten bis spät in den Abend und es wurde nicht über die Ergebnisse gesprochen.')).toBe('de');
    expect(detectLanguage('ja', '東京')).toBe('ja');
    expect(detectLanguage(null, '???')).toBe('und');
  });
});
