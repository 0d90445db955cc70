import { describe, expect, it } from 'vitest';
import { PLACEMENT, placeCard } from './placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 320, height: 240 };
const name = (left: number, top: number, width = 60, height = 20) => ({ left, top, right: left + width, bottom: top + height });
const overlaps = (a: { top: number; bottom: number }, y: number, h: number) => y < a.bottom && y + h > a.top;

describe('placeCard', () => {
  it('puts the card below a name at its left edge', () => {
    expect(placeCard(name(100, 100), card, viewport)).toMatchObject({ x: 100, y: 120 + PLACEMENT.gapPx, side: 'below' });
  });

  it('puts it above a name near the bottom of the window, never over the name', () => {
    const a = name(100, 700);
    const p = placeCard(a, card, viewport);
    expect(p.side).toBe('above');
    expect(p.y + card.height).toBe(a.top - PLACEMENT.gapPx);
    expect(overlaps(a, p.y, card.height)).toBe(false);
  });

  it('keeps the card inside the window sideways', () => {
    expect(placeCard(name(900, 100), card, viewport).x).toBe(viewport.width - PLACEMENT.paddingPx - card.width);
    expect(placeCard(name(-50, 100), card, viewport).x).toBe(PLACEMENT.paddingPx);
  });

  it.each([
    ['near the top', 100],
    ['in the middle', 390],
    ['near the bottom', 690],
  ])('a card taller than the room goes where there is more room and scrolls (%s)', (_, top) => {
    const a = name(100, top);
    const p = placeCard(a, { width: 320, height: 2000 }, viewport);
    const h = Math.min(2000, p.maxHeight);
    expect(overlaps(a, p.y, h)).toBe(false);
    expect(p.y).toBeGreaterThanOrEqual(PLACEMENT.paddingPx - 1);
    expect(p.y + h).toBeLessThanOrEqual(viewport.height - PLACEMENT.paddingPx + 1);
  });
});
