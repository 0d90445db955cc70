import { describe, expect, it } from 'vitest';
import { inflectWeak, speechLexicon } from './speech';

describe('speech lexicon', () => {
  it.each([
    ['sag', ['sagte', 'sagten', 'gesagt', 'sagt']],
    ['bezeichn', ['bezeichnete', 'bezeichneten', 'bezeichnet']],
    ['bericht', ['berichtete', 'berichtet']],
    ['erklär', ['erklärte', 'erklärt']],
    ['kritisier', ['kritisierte', 'kritisiert', 'kritisieren']],
    // stems in -er and -el take -n: "Die Mieter fordern", "Die Zeugen schildern"
    ['forder', ['fordern', 'fordernd', 'forderte']],
    ['murmel', ['murmeln', 'murmelte']],
  ])('inflects %s', (stem, forms) => {
    const all = inflectWeak(stem);
    for (const f of forms) expect(all).toContain(f);
  });

  it('has German and English, and nothing for other languages', () => {
    expect(speechLexicon('de')!.verbs.has('schrieb')).toBe(true);
    expect(speechLexicon('en')!.verbs.has('said')).toBe(true);
    expect(speechLexicon('fr')).toBeNull();
  });
});
