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
});
