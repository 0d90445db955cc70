import { describe, expect, it } from 'vitest';
import { isAdjective, isCommonNoun, nounGender, personNounNominative, strongNominative } from './german';

describe('German base forms', () => {
  it.each([
    ['Präsidenten', 'm', 'Präsident'],
    ['Sonderbeauftragten', 'm', 'Sonderbeauftragter'],
    ['Sonderbeauftragte', 'm', 'Sonderbeauftragter'],
    ['Experten', 'm', 'Experte'],
    ['Kommentator', 'm', 'Kommentator'],
    ['Pressesprecherin', 'f', 'Pressesprecherin'],
  ] as const)('%s → %s', (noun, g, expected) => expect(personNounNominative(noun, g)).toBe(expected));

  it.each([
    ['russischen', 'm', 'russischer'],
    ['Weißen', 'n', 'Weißes'],
    ['Vereinigten', 'pl', 'Vereinigte'],
    ['neuen', 'f', 'neue'],
  ] as const)('%s (%s) → %s', (adj, g, expected) => expect(strongNominative(adj, g)).toBe(expected));

  it.each([
    ['Haus', 'n'],
    ['Meer', 'n'],
    ['Staaten', 'pl'],
    ['Regierung', 'f'],
    ['Zentralbank', 'f'],
  ])('%s is %s', (noun, g) => expect(nounGender(noun)).toBe(g));

  it.each([
    ['Schwarzen', true],
    ['olympischen', true],
    ['Europäische', true],
    ['Kadetten', false],
    ['Dresdner', false],
    ['Golden', false],
    ['Hannover', false],
  ] as const)('%s is an adjective: %s', (w, expected) => expect(isAdjective(w)).toBe(expected));

  it.each([
    ['Möbel-Einrichtungshaus', true],
    ['Ordnungsamt', true],
    ['Neuhaus', false],
    ['Dormagen', false],
  ] as const)('%s is a common noun: %s', (w, expected) => expect(isCommonNoun(w)).toBe(expected));
});
