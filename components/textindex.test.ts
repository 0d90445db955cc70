// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextIndex, findBlocks, rangeFor } from './textindex';

describe('text index over the live DOM', () => {
  it('finds blocks and maps offsets to ranges across inline elements and odd whitespace', () => {
    document.body.innerHTML = `<script>var x = "Putin";</script><h1>Titel</h1>
      <p>Ein   Satz mit <b>Juri</b>\n Uschakow&nbsp;und mehr.</p><p>Zweiter Absatz über Putin.</p>`;
    const html = document.body.innerHTML;
    const idx = buildTextIndex(document.body);
    expect(idx.text).not.toContain('var x');
    const [b1, b2] = findBlocks(idx, ['Ein Satz mit Juri Uschakow und mehr.', 'Zweiter Absatz über Putin.']);
    expect(b1).toBeGreaterThan(0);
    const r = rangeFor(idx, b1 + 'Ein Satz mit '.length, b1 + 'Ein Satz mit Juri Uschakow'.length)!;
    expect(r.toString()).toBe('Juri\n Uschakow');
    expect(rangeFor(idx, b2 + 20, b2 + 25)!.toString()).toBe('Putin');
    expect(document.body.innerHTML).toBe(html); // nothing in the page changed
  });

  it('skips soft hyphens and zero-width characters as the article text does, so a name inside them is marked whole', () => {
    document.body.innerHTML = '<p>Gestern sprach Ma\u00adxi\u00admi\u00adlia\u00adne Brück\u200bner-Haus\u00admann im Rat\ufeff.</p>';
    const idx = buildTextIndex(document.body);
    const block = 'Gestern sprach Maximiliane Brückner-Hausmann im Rat.';
    expect(idx.text).toBe(block);
    const [at] = findBlocks(idx, [block]);
    expect(at).toBe(0);
    const start = block.indexOf('Maximiliane');
    const r = rangeFor(idx, start, start + 'Maximiliane Brückner-Hausmann'.length)!;
    expect(r.toString()).toBe('Ma\u00adxi\u00admi\u00adlia\u00adne Brück\u200bner-Haus\u00admann');
    expect(rangeFor(idx, block.indexOf('Rat'), block.indexOf('Rat') + 4)!.toString()).toBe('Rat\ufeff.');
  });

  it('reports -1 for a block that is not on the page', () => {
    document.body.innerHTML = '<p>Nur dies.</p>';
    expect(findBlocks(buildTextIndex(document.body), ['Etwas anderes.'])).toEqual([-1]);
  });
});
